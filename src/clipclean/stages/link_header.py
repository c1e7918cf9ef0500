"""The page's ``<link>`` elements, as a text browser prints them at the top of its dump.

``lynx -dump`` opens with one line for the page's links to other versions of it (its feeds,
its comment feed, an alternate language): "#Blog » Feed Blog » Kommentar-Feed alternate".
It is never the article, and when the article is short its run reaches up to it.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import Draft
from ..stage import stage

#: What such a line names: a feed (en, de "Kommentar-Feed", fr "Flux", es "Fuente"), RSS or
#: Atom, or an "alternate" version.
_LINK_WORDS: Final = re.compile(r"\b(?:feed|rss|atom|alternate|flux)\b")
#: Longest line taken: the dump wraps it, the paragraphs are rebuilt before the stages.
MAX_SIZE: Final = 2000


def is_link_header(text: str) -> bool:
    """A "#" fused to a word, opening a line that names a feed or an alternate version."""
    return (
        len(text) > 1
        and len(text) <= MAX_SIZE
        and text[0] == "#"
        and not text[1].isspace()
        and text[1] != "#"
        and _LINK_WORDS.search(text.lower()) is not None
    )


@stage("link_header", applies_to="text")
def link_header(draft: Draft) -> None:
    """A text dump's first line listing the page's feeds and alternates ("#Blog » Feed")."""
    blocks = draft.blocks
    if blocks and is_link_header(blocks[0].text):
        draft.remove_many([(blocks[0], "a text dump's line of the page's feeds and alternates")])
