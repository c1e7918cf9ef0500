"""What readability leaves around an HTML article: rows of links ("You may also like…",
"SEE MORE: …") that a text scraper would print as plain lines but the markup shows are links.

HTML only, because it judges by link density, which plain text does not have.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import Block, Draft
from ..shape import ends_like_sentence, word_count
from ..stage import stage

#: A block this much link text, and this short, is a link to elsewhere, not article text.
LINK_SHARE: Final = 0.8
MAX_LINK_WORDS: Final = 25
#: A closing label ("Related", "You may also like…") is at most this long.
MAX_LABEL_WORDS: Final = 8


#: A line that is one address and nothing else: the link shows where it leads.
_BARE_URL: Final = re.compile(r"^(?:https?://|www\.)\S+$")


def _linked(blocks: list[Block]) -> list[Block]:
    """The link-only blocks, but for bare addresses the article introduces: a line ending in
    a colon ("…, sign this petition:"), then the address or a run of them. The article
    points its reader there; a list of links to elsewhere shows titles, not addresses."""
    out = []
    introduced = False
    for b in blocks:
        bare = _BARE_URL.fullmatch(b.text) is not None
        linked = b.links >= LINK_SHARE and word_count(b.text) <= MAX_LINK_WORDS
        if linked and not (bare and introduced):
            out.append(b)
        if not bare:
            introduced = b.text.endswith(":")
    return out


@stage("link_rows", applies_to="html")
def link_rows(draft: Draft) -> None:
    """Blocks that are (almost) all link text, and the label that closes the article before them."""
    drops = [(b, "link-only block") for b in _linked(draft.blocks)]
    draft.remove_many(drops)
    blocks = draft.blocks
    if drops and blocks and blocks[-1].seq < drops[-1][0].seq:
        last = blocks[-1]
        if word_count(last.text) <= MAX_LABEL_WORDS and (
            last.kind == "heading"
            or not ends_like_sentence(last.text)
            or last.text.endswith(("…", "...", ":"))
        ):
            draft.remove(last, "label of a link list")


#: How far from the top a repeat of the dek may stand.
DEK_WINDOW: Final = 5


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


@stage("dek_repeat", applies_to="html")
def dek_repeat(draft: Draft) -> None:
    """The displayed dek, already read into ``subtitle`` from the markup, where it opens the
    body as a heading.

    A paragraph that repeats the dek stays in the body, dek box or not: many pages print their
    lead paragraph as the standfirst (and copy it into the description), and losing the lead
    is worse than keeping a standfirst, which the subtitle field holds either way."""
    dek = draft.best("subtitle")
    if not dek:
        return
    target = _norm(dek)
    draft.remove_many(
        [
            (b, "dek (lifted to subtitle)")
            for b in draft.blocks[:DEK_WINDOW]
            if _norm(b.text) == target and b.kind == "heading"
        ]
    )
