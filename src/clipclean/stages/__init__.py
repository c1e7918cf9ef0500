"""The cleaning stages, in the one order they run. ``clipclean stages`` prints this list.

Junk that could be mistaken for a headline or a byline goes first; then the header (title,
dateline, byline, dek); then the credits at the end.
"""

from __future__ import annotations

from ..pipeline import Stage
from .bio import author_bio
from .bylines import bylines, datelines
from .captions import captions
from .contributors import contributors
from .dek import dek
from .legal import legal
from .placeholders import image_placeholders
from .promos import calls_to_action
from .separators import separator_rows
from .span import article_span, outside_article
from .timestamps import relative_timestamps
from .title import title

ORDER: tuple[Stage, ...] = (
    relative_timestamps,
    image_placeholders,
    captions,
    calls_to_action,
    separator_rows,
    legal,
    article_span,
    title,
    datelines,
    bylines,
    dek,
    contributors,
    outside_article,
    author_bio,
)
