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
from .html_leftovers import dek_repeat, link_rows
from .placeholders import image_placeholders
from .promos import calls_to_action
from .separators import separator_rows
from .timestamps import relative_timestamps
from .title import title

ORDER: tuple[Stage, ...] = (
    link_rows,
    relative_timestamps,
    image_placeholders,
    captions,
    calls_to_action,
    separator_rows,
    title,
    dek_repeat,
    datelines,
    bylines,
    dek,
    contributors,
    author_bio,
)
