"""The headline: the headline-like line that leads into the article, and its repeats.

With the article run known (``body_start``), the headline is among the lines just before it:
the longest headline-like one, preferring one the page prints twice (a sticky header, a share
row). Without it, the first headline-like line. A repeat of the title is never article text.
"""

from __future__ import annotations

from collections import Counter

from ..model import Block, Draft
from ..pipeline import stage
from ..shape import is_headline_like, is_person_name, units
from .bylines import BY_PREFIX, is_dateline
from .span import header_zone

#: How far into the document a headline may stand when the article run is unknown.
HEADLINE_WINDOW = 10
#: What being printed twice is worth, in words.
REPEAT_BONUS = 8
#: A candidate this close to the longest one counts as long enough to be the headline.
NEAR_TOP = 0.6


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _is_candidate(text: str) -> bool:
    return (
        units(text) >= 3
        and is_headline_like(text)
        and not is_person_name(text)
        and not BY_PREFIX.match(text)
        and not is_dateline(text)
        and "|" not in text
        and text[0].isalnum()
    )


def _pick(draft: Draft) -> Block | None:
    start = draft.marks.get("body_start")
    if start is None:
        return next(
            (
                b
                for b in draft.blocks[:HEADLINE_WINDOW]
                if is_headline_like(b.text) and len(b.text.split()) >= 3
            ),
            None,
        )
    zone = [b for b in header_zone(draft, after=0) if b.seq < start and _is_candidate(b.text)]
    if not zone:
        return None
    seen = Counter(b.text.casefold() for b in draft.blocks)  # blocks are space-normalised
    weight = {id(b): units(b.text) + REPEAT_BONUS * (seen[b.text.casefold()] > 1) for b in zone}
    for b in zone:  # "HomeLatest NewsThe Headline": a menu glued to a headline printed again
        for other in zone:
            if other is not b and len(other.text) < len(b.text) and b.text.endswith(other.text):
                weight[id(b)] = 0
    top = max(weight.values())
    # the headline comes before its dek, which is often longer: the first line that is nearly
    # as long as the longest candidate
    return next(b for b in zone if weight[id(b)] >= NEAR_TOP * top)


@stage("title")
def title(draft: Draft) -> None:
    """Lift the headline that leads into the article to the title; drop its repeats."""
    known = draft.best("title")
    if known is None:
        block = _pick(draft)
        if block is not None:
            draft.marks["title"] = block.seq
            draft.lift(block, "title", confidence=0.6)
            known = block.text
    if known is None:
        return
    target = _norm(known)
    size = len(target)
    draft.remove_many(
        [
            (b, "headline repeated")
            for b in draft.blocks
            if abs(len(b.text) - size) <= 8 and b.text.casefold() == target
        ]
    )
