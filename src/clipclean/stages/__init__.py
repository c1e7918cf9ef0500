"""The cleaning stages, in the one order they run. ``clipclean stages`` prints this list.

Long lines that are not the article (captions, legal and consent text) go first, so that in
scraped text ``article_span`` can find the densest run of prose; then the short junk (which
still counted as a gap while the run was found); then the header (title, dateline, byline,
dek) read around the run; then what is left around it, and the credits at the end.
"""

from __future__ import annotations

from ..stage import Stage
from .bio import author_bio
from .bylines import bylines
from .captions import captions
from .comments import comments
from .contributors import contributors
from .datelines import datelines
from .dek import dek
from .html_leftovers import dek_repeat, link_rows
from .language import language
from .legal import legal
from .link_header import link_header
from .placeholders import image_placeholders
from .promos import calls_to_action
from .prompts import prompts
from .related import related_links
from .separators import separator_rows
from .social import share_rows
from .span import article_span, outside_article
from .tags import tags
from .tail import article_tail
from .timestamps import relative_timestamps
from .title import title

ORDER: tuple[Stage, ...] = (
    link_header,
    link_rows,
    captions,
    legal,
    article_span,
    relative_timestamps,
    image_placeholders,
    calls_to_action,
    share_rows,
    prompts,
    tags,
    related_links,
    comments,
    separator_rows,
    title,
    dek_repeat,
    datelines,
    bylines,
    dek,
    contributors,
    outside_article,
    article_tail,
    author_bio,
    language,
)
