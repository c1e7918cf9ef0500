"""A second opinion on the main content, from the evidence around readability's pick.

readability picks one container (and its like-scored siblings). On pages it has not seen the
like of, that pick can be a comment, a teaser or a product box while the article sits
elsewhere; it can leave out the lead paragraphs that stand before the container (a standfirst
in the article's header), the upper part of the article, or a paragraph its clean-up dropped
with a box. The evidence is read from the whole pruned page without containers: its blocks in
reading order, each scored as the text path scores a line (prose earns its length, a short or
headline-like line costs, :mod:`clipclean.stages.span`), and the maximum-sum run of them, cut
as the text path cuts it (at an end marker, before a list of teasers) and before a comment
section or a tail of teasers. Compared by prose and length, as trafilatura compares its own
extraction with readability's:

- ``run``: the run replaces a pick it dwarfs (twice the prose and text of a pick outside it,
  three times that of a pick inside it), unless its added paragraphs are teasers;
- ``lead``: the pick gains the run's running text above it (below the headline), or else the
  paragraphs of prose just before it (passing a byline or a date, stopping at the headline);
  and the heading of its first section when that stands just before it, at the level of the
  pick's own section headings;
- ``filled``: the pick gains the sentences between its first and last block it left out;
- ``readability``: the pick as it is.

Whichever it is, the content ends where the text path ends its run: at an end marker
("Ähnliche Beiträge", "Comments") after most of its prose, before a closing list of teasers
(readability keeps what its container holds after the article).

``unpruned`` is the last resort when the pruned page holds next to no text: readability over
the page with only code taken out (the article may sit in markup pruning reads as furniture).
``html_to_draft`` records the choice as the ``content`` candidate (``--explain`` shows it).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import lxml.html
from lxml import etree

from ..model import Block
from ..shape import facts
from ..stages.span import (
    COMMENTS_HEADING,
    END_MARKER,
    best_run,
    cut_at_end_marker,
    cut_at_teasers,
    scores,
)
from .blocks import to_blocks
from .content import RETRY_LENGTH, readability_pick
from .parse import parse

Pairs = list[tuple[Block, lxml.html.HtmlElement]]

#: The run replaces a pick when it holds this many times its prose and its text.
REPLACE_RATIO = 2.0
#: The run replaces a pick inside it (a fragment of the article) when it holds this many
#: times its prose and its text.
FRAGMENT_RATIO = 3.0
#: Share of the run's added paragraphs under a link from which they are teasers.
TEASERS = 0.5
#: Share of the pick's prose the run must hold for the pick to count as inside it.
INSIDE = 0.5
#: Words from which a sentence-like block counts as prose (the text path's measure).
PROSE_UNITS = 8
#: Share of link text from which a block is a link (a teaser), not running text.
LINKED = 0.3
#: How many blocks before the pick lead paragraphs may stand.
LEAD_REACH = 6
#: Endings of a teaser the page cut short.
_CUT = ("...", "…")


@dataclass
class Page:
    """The pruned page's blocks in reading order, their scores, and its densest run of prose
    (``start``, ``end``: inclusive indices; ``end < start`` when there is none)."""

    pairs: Pairs
    scores: list[float]
    start: int
    end: int

    @property
    def run(self) -> Pairs:
        return self.pairs[self.start : self.end + 1]

    def root(self) -> lxml.html.HtmlElement:
        """The nearest element holding the run's blocks (where its figures are looked for)."""
        first, last = self.pairs[self.start][1], self.pairs[self.end][1]
        above = {id(e) for e in first.iterancestors()}
        above.add(id(first))
        return next((e for e in (last, *last.iterancestors()) if id(e) in above), last)


def read_page(root: lxml.html.HtmlElement) -> Page:
    """The blocks of ``root`` (the pruned page) with their scores and densest run.

    Read before readability changes the tree: the blocks keep their elements, which stay
    valid (if detached) whatever readability drops later."""
    body = root.find("body")
    pairs = to_blocks(body if body is not None else root)
    blocks = [b for b, _ in pairs]
    sc = scores(blocks)
    start, end = best_run(sc) or (0, -1)
    if end >= start:
        fs = list(map(facts, blocks))
        end = cut_at_teasers(fs, sc, start, cut_at_end_marker(fs, sc, start, end))
        end = _before_comments(blocks, sc, start, end)
        start = _below_headline(pairs, sc, start, end)
    return Page(pairs, sc, start, _before_teasers(pairs, sc, start, end))


def _before_teasers(pairs: Pairs, sc: list[float], start: int, end: int) -> int:
    """The run's end, moved before a tail of teasers: from a link on, no two paragraphs of
    prose stand in a row (a headline, a paragraph, a date, the next headline…), where the
    article went on with paragraphs. The run bridges such a list (each paragraph pays for its
    headline) unless it is cut off."""
    pair = next(
        (k for k in range(end - 1, start - 1, -1) if _running_pair(pairs, sc, k)),
        start,
    )
    cut = next((k for k in range(pair + 1, end + 1) if pairs[k][0].links >= LINKED), None)
    if cut is None:
        return end
    end = cut - 1
    while end > start and sc[end] < PROSE_UNITS:
        end -= 1
    return end


def _headline(el: lxml.html.HtmlElement) -> bool:
    """The page's headline (an ``h1``): the article starts there, what stands above it is
    the page's (a notice, a slogan, a teaser)."""
    return el.tag == "h1"


#: Share of the run's prose above which a headline (h1) inside the run is not its top.
HEADLINE_TOP = 0.25


def _below_headline(pairs: Pairs, sc: list[float], start: int, end: int) -> int:
    """The run's start, moved below the headline (an ``h1``) it crosses near its top: the
    article starts there, what the run bridged above it is the page's (a paywall counter, a
    notice, a slogan)."""
    total = sum(max(s, 0.0) for s in sc[start : end + 1])
    seen = 0.0
    for k in range(start, end + 1):
        if seen >= HEADLINE_TOP * total:
            break
        if _headline(pairs[k][1]) and k > start:
            return k + 1 if k < end else start
        seen += max(sc[k], 0.0)
    return start


def _before_comments(blocks: list[Block], sc: list[float], start: int, end: int) -> int:
    """The run's end, moved before the heading of a comment section ("27 commentaires",
    "Leave a reply") once the run held prose: readers' comments can outweigh the article
    (many long posts), so the prose before the heading need not be most of the run's, as
    the text path asks of an end marker."""
    prose = 0.0
    for k in range(start, end + 1):
        text = blocks[k].text
        if (
            prose >= 2 * PROSE_UNITS
            and sc[k] < PROSE_UNITS
            and COMMENTS_HEADING.match(text)
            and END_MARKER.match(text)
        ):
            return max(k - 1, start)
        prose += max(sc[k], 0.0)
    return end


def _running_pair(pairs: Pairs, sc: list[float], k: int) -> bool:
    """Blocks ``k`` and ``k + 1`` are two paragraphs of prose in a row, neither a link."""
    return all(
        sc[i] >= PROSE_UNITS and pairs[i][0].links < LINKED and pairs[i][0].kind != "heading"
        for i in (k, k + 1)
    )


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def _prose_of(values: list[float]) -> float:
    return sum(s for s in values if s > 0)


def choose(pick: Pairs, page: Page) -> tuple[Pairs, str]:
    """The better content of readability's ``pick`` and the ``page``'s evidence, and which it
    is (see the module's docstring)."""
    pairs, choice = _choose(pick, page)
    return _ended(pairs), choice


def _ended(pairs: Pairs) -> Pairs:
    """The content cut where the text path cuts its run: at an end marker after most of its
    prose, before a closing list of teasers; never where most of the prose would go (the
    text path ends a run of lone paragraphs at a marker after the first one: in HTML, those
    are the sections of a listicle, each closing with its "More info")."""
    if len(pairs) < 2:
        return pairs
    blocks = [b for b, _ in pairs]
    sc = scores(blocks)
    fs = list(map(facts, blocks))
    end = cut_at_teasers(fs, sc, 0, cut_at_end_marker(fs, sc, 0, len(pairs) - 1))
    if _prose_of(sc[end + 1 :]) > _prose_of(sc[: end + 1]):
        return pairs  # (sections of one paragraph each, a marker after each: a listicle)
    return pairs[: end + 1]


def _choose(pick: Pairs, page: Page) -> tuple[Pairs, str]:
    """:func:`choose` before the content is ended: run, lead, filled or readability."""
    run = page.run
    if not run:
        return pick, "readability"
    if not pick:
        return run, "run"
    pick_scores = scores([b for b, _ in pick])
    pick_prose = _prose_of(pick_scores)
    found = list(zip(_aligned(pick, page), pick_scores, strict=True))
    in_run = _prose_of([s for i, s in found if page.start <= i <= page.end])
    run_prose = _prose_of(page.scores[page.start : page.end + 1])
    ratio = REPLACE_RATIO if in_run < INSIDE * pick_prose else FRAGMENT_RATIO
    if (
        run_prose >= ratio * max(pick_prose, 1.0)
        and _length(run) >= ratio * _length(pick)
        and _running(page, {i for i, _ in found})
    ):
        return run, "run"
    placed = [i for i, _ in found if i >= 0]
    if not placed:
        return pick, "readability"
    known = {_key(b.text) for b, _ in pick}
    first = min(placed)
    lead = _above(page, first, known) or _lead(page, first, known)
    section = _section(page, pick, first)
    if section and section[0] not in lead:
        lead = [*lead, *section]
    filled = _fill(page, pick, [i for i, _ in found], known)
    if len(filled) > len(pick):
        return lead + filled, "filled"
    return (lead + pick, "lead") if lead else (pick, "readability")


def _aligned(pick: Pairs, page: Page) -> list[int]:
    """Where each block of the pick stands on the page (-1: not there), read in order: a text
    the page repeats (a table of contents' entry and its section's heading) is placed at its
    first occurrence after the pick's block before it, so the pick is not taken to reach up
    to a table of contents above it. (The first block takes the first occurrence.)"""
    where: dict[str, list[int]] = {}
    for i, (b, _) in enumerate(page.pairs):
        where.setdefault(_key(b.text), []).append(i)
    out: list[int] = []
    last = -1
    for b, _ in pick:
        seen = where.get(_key(b.text))
        if not seen:
            out.append(-1)
            continue
        i = next((i for i in seen if i > last), seen[0])
        out.append(i)
        last = max(last, i)
    return out


#: Section-heading tags (the page's headline is an h1).
_SECTION_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))


def _section(page: Page, pick: Pairs, first: int) -> Pairs:
    """The section heading just before the pick, when the pick holds headings of the same
    level: the heading of the article's first section, left out with the box around it
    (readability took the section's body, the heading stood one level up)."""
    if first < 1:
        return []
    block, el = page.pairs[first - 1]
    if block.kind != "heading" or el.tag not in _SECTION_HEADINGS or block.links >= LINKED:
        return []
    if not any(e.tag == el.tag and b.kind == "heading" for b, e in pick):
        return []
    return [(block, el)]


def _above(page: Page, first: int, known: set[str]) -> Pairs:
    """The prose of the run above the pick, when the run starts above it with running text
    (two paragraphs of prose in a row: not a caption, not teasers) below the headline:
    readability took the article's lower part only. The sentences between those paragraphs
    come too (an interview's questions)."""
    if not page.start < first <= page.end:
        return []
    top = next(
        (k + 1 for k in range(first - 1, page.start - 1, -1) if _headline(page.pairs[k][1])), None
    )
    ks = [k for k in range(top or page.start, first) if _prose_block(page, k)]
    if not any(b == a + 1 for a, b in pairwise(ks)):
        return []
    prose = set(ks)
    ks = [k for k in range(ks[0], ks[-1] + 1) if k in prose or _sentence_block(page, k)]
    return [page.pairs[k] for k in ks if _key(page.pairs[k][0].text) not in known]


def _lead(page: Page, first: int, known: set[str]) -> Pairs:
    """The paragraphs of prose just before the pick (a standfirst, the opening paragraphs in
    the article's header): read back from the pick's first block over at most LEAD_REACH
    blocks, passing short lines (a byline, a date, an author's link), stopping at a heading
    that is not a sentence (the headline), a list, a long link or a teaser cut short."""
    out: Pairs = []
    for k in range(first - 1, max(first - 1 - LEAD_REACH, -1), -1):
        block, el = page.pairs[k]
        text = block.text
        prose = page.scores[k] >= PROSE_UNITS
        if block.kind == "list_item" or text.endswith(_CUT):
            break
        if block.kind == "heading" and not (prose and text.endswith(".")):
            break  # (a headline set as a link too)
        if block.links >= LINKED:
            if prose:
                break
            continue
        if prose and _key(text) not in known:
            out.append((block, el))
    return out[::-1]


def _fill(page: Page, pick: Pairs, found: list[int], known: set[str]) -> Pairs:
    """The pick with the paragraphs of prose it left out between its first and last block
    (readability's clean-up drops a box by its links or images, with its paragraphs), each
    put back where it stood."""
    placed = [i for i in found if i >= 0]
    taken = set(placed)
    gaps = [
        k
        for k in range(min(placed) + 1, max(placed))
        if k not in taken and _sentence_block(page, k) and _key(page.pairs[k][0].text) not in known
    ]
    if not gaps:
        return pick
    out: Pairs = []
    g = 0
    for pair, i in zip(pick, found, strict=True):
        while g < len(gaps) and 0 <= gaps[g] < i:
            out.append(page.pairs[gaps[g]])
            g += 1
        out.append(pair)
    return out + [page.pairs[k] for k in gaps[g:]]


def _sentence_block(page: Page, k: int) -> bool:
    """A sentence or more of text (a question of an interview, a short line the article
    makes), not a link or a teaser: what the article's own flow holds between its paragraphs."""
    block = page.pairs[k][0]
    return (
        page.scores[k] >= 0
        and block.kind in ("paragraph", "quote", "list_item")
        and block.links < LINKED
        and not block.text.endswith(_CUT)
    )


def _prose_block(page: Page, k: int) -> bool:
    """A paragraph of running text: sentence-like, long enough, not a link or a teaser."""
    block = page.pairs[k][0]
    return (
        page.scores[k] >= PROSE_UNITS
        and block.kind in ("paragraph", "quote")
        and block.links < LINKED
        and not block.text.endswith(_CUT)
    )


def _running(page: Page, pick: set[int]) -> bool:
    """The run's prose outside the pick reads as running text, not as a list of teasers,
    where a link (the headline) stands before each paragraph, or a date line after one."""
    pairs, sc = page.pairs, page.scores
    prose = [k for k in range(page.start, page.end + 1) if k not in pick and sc[k] >= PROSE_UNITS]
    teasers = sum(1 for k in prose if k > 0 and pairs[k - 1][0].links >= LINKED)
    return teasers < TEASERS * len(prose)


#: What is taken out of the page before readability reads it unpruned: never text.
_CODE = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed")


def unpruned(text: str, pairs: Pairs) -> tuple[lxml.html.HtmlElement, Pairs] | None:
    """readability's pick over the page with only code taken out, when the content found is
    near empty and that pick holds much more text: the article may stand in markup the
    pruning reads as furniture (a whole page in an ``<aside>``, a ``sidebar`` column). A
    last resort, so it costs a parse only on such pages."""
    if _length(pairs) >= RETRY_LENGTH:
        return None

    def build() -> lxml.html.HtmlElement:
        tree = parse(text)
        etree.strip_elements(tree, *_CODE, etree.Comment, with_tail=False)
        return tree

    found = readability_pick(build)
    if found is None:
        return None
    other = to_blocks(found)
    size = _length(other)
    if size >= RETRY_LENGTH and size >= REPLACE_RATIO * _length(pairs):
        return found, other
    return None


def _length(pairs: Pairs) -> int:
    return sum(len(b.text) for b, _ in pairs)
