"""Where the article is in a scraped text: the densest run of prose, found with context.

A whole-page dump or a rough container holds the article as one run of long, sentence-like
lines, with menus, link lists, share rows and footers around it made of short lines. Each block
gets a score (prose earns its length, a short or link-like line costs a little) and the run with
the highest total is the article: one maximum-sum segment, so a subhead, a one-line quote or a
caption inside the article is bridged while a link list of any length outside it is not.

``article_span`` only marks the run (``body_start``/``body_end``) so the header stages know
where to look for the title, byline and dek; ``outside_article`` drops what is left around it
once they have taken what they need.
"""

from __future__ import annotations

from ..model import Block, Draft
from ..pipeline import stage
from ..shape import ends_like_sentence, is_headline_like, units

#: Units (words) from which a line ending in sentence punctuation counts as prose.
PROSE_UNITS = 8
#: Units from which a line counts as prose even without sentence punctuation.
LONG_UNITS = 25
#: What a line that is not prose costs the run that crosses it.
SHORT_COST = 3.0
#: A headline-like line (a link in a list) costs more: runs of them are link lists.
LINK_COST = 4.0
#: How many blocks before the run the header (title, byline, dateline, dek) may reach.
HEADER_REACH = 15


def block_score(text: str) -> float:
    """Prose earns its length; short and headline-like lines cost."""
    n = units(text)
    if n >= PROSE_UNITS and ends_like_sentence(text):
        return float(n)
    if n >= LONG_UNITS:
        return 0.7 * n
    if n >= 4 and ends_like_sentence(text):
        return 1.0  # a short sentence: neutral-positive, bridged inside the article
    if is_headline_like(text):
        return -LINK_COST
    return -SHORT_COST


def best_run(scores: list[float]) -> tuple[int, int] | None:
    """Indices ``(start, end)`` (inclusive) of the maximum-sum segment, or None if all ≤ 0."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = s, i
        else:
            total += s
        if total > best:
            best, best_span = total, (start, i)
    return best_span


@stage("article_span", applies_to="text")
def article_span(draft: Draft) -> None:
    """Mark the densest run of prose as the article (``body_start``/``body_end`` marks)."""
    run = best_run([block_score(b.text) for b in draft.blocks])
    if run is None:
        return
    draft.marks["body_start"] = draft.blocks[run[0]].seq
    draft.marks["body_end"] = draft.blocks[run[1]].seq


def header_zone(draft: Draft, after: int = 3) -> list[Block]:
    """Blocks where the header may stand: just before the article run, or the top."""
    start = draft.marks.get("body_start")
    if start is None:
        return draft.blocks[:HEADER_REACH]
    i = next((k for k, b in enumerate(draft.blocks) if b.seq >= start), len(draft.blocks))
    return draft.blocks[max(0, i - HEADER_REACH) : i + after]


@stage("outside_article", applies_to="text")
def outside_article(draft: Draft) -> None:
    """Drop what is left before and after the article run: menus, link lists, footers."""
    start, end = draft.marks.get("body_start"), draft.marks.get("body_end")
    if start is None or end is None:
        return
    draft.remove_many(
        [(b, "before the article") for b in draft.blocks if b.seq < start]
        + [(b, "after the article") for b in draft.blocks if b.seq > end]
    )
