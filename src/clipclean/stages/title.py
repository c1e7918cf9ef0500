"""The headline: the first headline-like line, and its repeats further down.

In scraped text the headline is printed first (after any junk earlier stages removed); pages
often print it again (a share row, a sticky header), and a repeat is never article text.
"""

from __future__ import annotations

from ..model import Draft
from ..pipeline import stage
from ..shape import is_headline_like

#: How far into the document a headline may stand.
HEADLINE_WINDOW = 10


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


@stage("title")
def title(draft: Draft) -> None:
    """Lift the first headline-like line to the title; drop later repeats of the title."""
    known = draft.best("title")
    if known is None:
        for block in draft.blocks[:HEADLINE_WINDOW]:
            if is_headline_like(block.text) and len(block.text.split()) >= 3:
                draft.marks["title"] = block.seq
                draft.lift(block, "title", confidence=0.6)
                known = block.text
                break
    if known is None:
        return
    target = _norm(known)
    draft.remove_many([(b, "headline repeated") for b in draft.blocks if _norm(b.text) == target])
