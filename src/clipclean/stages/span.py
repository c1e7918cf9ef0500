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

import re

from ..model import Block, Draft
from ..pipeline import stage
from ..shape import Facts, facts, units
from .comments import COMMENT_NOTICE, COMMENT_WIDGET
from .tags import TAGS_HEAD, TAGS_INLINE

#: Units (words) from which a line ending in sentence punctuation counts as prose.
PROSE_UNITS = 8
#: Units from which a line counts as prose even without sentence punctuation.
LONG_UNITS = 25
#: What a line that is not prose costs the run that crosses it.
SHORT_COST = 3.0
#: A headline-like line (a link in a list) costs more: runs of them are link lists.
LINK_COST = 4.0
#: Junk lines in a row that cost their plain price; beyond that each costs more and more.
GAP_FREE = 4
GAP_GROWTH = 4.0
#: Short lines in a row inside the run that make a link list rather than subheads.
LINK_RUN = 4
_TRUNCATED = re.compile(r"(?:\.\.|…)$")
#: How many blocks after the run credits (contributors, a bio) may stand.
TAIL_REACH = 6
#: How many blocks before the run the header (title, byline, dateline, dek) may reach.
HEADER_REACH = 15


#: After a line that introduces a list ("Here are the highlights:"), this many short lines are
#: list items, not links.
LIST_REACH = 30
#: A run of this many lines with several numbers each is a table (standings, a timetable).
TABLE_RUN = 4
_NUMBER = re.compile(r"(?<![\w.])\d{1,9}(?:[.,:]\d{1,9}){0,3}(?!\w)")
#: Lines that open what follows the article: comments, "related" lists, post navigation. A
#: run that crosses one of these after most of its prose ends there.
END_MARKER = re.compile(
    r"^(?:\d{1,5}\s{1,3})?(?:comments?|responses?|replies|reactions|thoughts? on\b.{0,200}"
    r"|(?:comments?|responses?|replies|thoughts?) (?:to|on) .{1,200}"
    r"|leave a (?:reply|comment)|post a comment|add a comment|join the (?:conversation|discussion)"
    r"|comments are closed|show comments|view comments|previous post|next post|older post"
    r"|newer post|related(?: articles?| posts?| stories| content| coverage| news| tags)?"
    r"|more\s[\w.&'’ -]{1,40}|recommended(?: for you| stories)?"
    r"|(?:top(?: rated)?|best|latest|featured|reader) (?:comments?|replies)"
    r"|you (?:may|might) also like|read (?:more|next|also)|most (?:popular|read|viewed|shared)"
    r"|trending(?: now)?|popular(?: posts| stories| now)?|recent posts|latest (?:news|stories|posts)"
    r"|kommentare?|commentaires?|comentarios?|ähnliche artikel|mehr zum thema|lesen sie auch"
    r"|à lire aussi|sur le même sujet|noticias relacionadas|te puede interesar|関連記事|コメント"
    r"|você (?:também )?pode gostar|veja também|leia também|vous aimerez aussi"
    r"|también te puede interesar|das könnte sie auch interessieren|weitere artikel)"
    r"\s{0,3}(?:\(\d{1,5}\))?(?:[:.!…]|\.{3})?$",
    re.I,
)
#: Markers that open a comment section (not an inline "related" box): they always end the run.
_COMMENTS = re.compile(
    r"^(?:\d{1,5}\s{1,3})?(?:comments?|responses?|replies|reactions|thoughts? on\b|leave a"
    r"|post a comment|add a comment|join the|comments are|show comments|view comments"
    r"|kommentar|commentaire|comentario|コメント)",
    re.I,
)
#: Prose after a "related" marker that shows the article goes on (an inline box).
RESUMES = 0.25
#: "Name on March 3, 2019 at 4:47 pm said:" opens a comment thread.
_COMMENT_HEAD = re.compile(r"^.{1,80}\s(?:said|says|wrote|replied)\s?:?$", re.I)
#: Share of the run's prose that must stand before an end marker for it to end the run.
END_AFTER = 0.5


def _is_list_intro(text: str) -> bool:
    return text.endswith(":") and units(text) >= 3


def _numbers(text: str) -> int:
    if len(text) >= 300 or _NUMBER.search(text) is None:
        return 0
    return len(_NUMBER.findall(text))


def block_score(text: str) -> float:
    """Prose earns its length; short and headline-like lines cost."""
    return _score(Facts(text))


#: A teaser the page cut short: "… temper long-term hopes …" (a space before the mark).
_CUT_SHORT = (" …", " ...", " ..")


def _score(f: Facts) -> float:
    n = f.units
    ends = f.ends and not f.text.endswith(_CUT_SHORT)
    if n >= PROSE_UNITS and ends:
        return float(n)
    if n >= LONG_UNITS:
        return 0.7 * n
    if n >= 4 and ends:
        if f.text.endswith(("?", "!")):
            return 0.0  # a question is as often a headline as a line of the article
        return 1.0  # a short sentence: neutral-positive, bridged inside the article
    if f.headline:
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


def scores(blocks: list[Block]) -> list[float]:
    """Each block's score, with context: list items after an introducing line and table rows
    are part of the text around them, not links."""
    fs = [facts(b) for b in blocks]
    texts = [f.text for f in fs]
    out = [_score(f) for f in fs]
    listing = 0
    for i, t in enumerate(texts):
        if out[i] < 0 and listing > 0:  # (a line scoring below zero is short)
            out[i] = 0.5
            listing -= 1
        else:
            listing = LIST_REACH if t.endswith(":") and _is_list_intro(t) else 0
    counts = [out[i] <= 0 and _numbers(t) >= 3 for i, t in enumerate(texts)]
    for i, j in _runs(counts):
        if j - i >= TABLE_RUN:
            for k in range(i, j):
                out[k] = max(out[k], 1.0)
    shapes = [_skeleton(f.text) if out[i] <= 0 and f.units >= 3 else "" for i, f in enumerate(fs)]
    i = 0
    while i < len(blocks):
        j = i + 1
        while j < len(blocks) and shapes[j] == shapes[i]:
            j += 1
        if len(shapes[i]) >= 3 and j - i >= TABLE_RUN:
            for k in range(i, j):
                out[k] = max(out[k], 0.5)
        i = j
    gap = 0
    for i, x in enumerate(out):  # a long gap of junk costs more than its lines: two regions
        gap = gap + 1 if x < 0 else 0  # of prose far apart are not one article
        if gap > GAP_FREE:
            out[i] = x * (1 + (gap - GAP_FREE) / GAP_GROWTH)
    return out


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """``(start, stop)`` of each run of true flags."""
    out, start = [], None
    for i, f in enumerate([*flags, False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            out.append((start, i))
            start = None
    return out


_SKELETON_DROP = re.compile(r"[\w\s'’]+")


def _skeleton(text: str) -> str:
    """How a line is built: its first two punctuation marks and whether it opens with a digit
    ("June 9 – Tampa, FL @ Arena" -> "a–,"). Rows of one list or timetable share it, headlines
    of a link list rarely do."""
    if len(text) > 200:
        return ""
    marks = _SKELETON_DROP.sub("", text)[:2]
    return ("d" if text[0].isdigit() else "a") + marks if marks else ""


def _cut_at_end_marker(blocks: list[Block], sc: list[float], start: int, end: int) -> int:
    """The run's end, moved before the first end marker that follows most of its prose, or
    before the first comment ("Name on March 3, 2019 at 4:47 pm said:") once any prose stood."""
    total = sum(s for s in sc[start : end + 1] if s > 0)
    seen = 0.0
    for i in range(start, end + 1):
        text = blocks[i].text
        if (
            seen > 0
            and len(text) < 120
            and text.rstrip(" :").endswith(_SAID)
            and _COMMENT_HEAD.match(text)
            and _YEARISH.search(text)
        ):
            return i - 1
        if seen > 2 * PROSE_UNITS and len(text) < 120 and END_MARKER.match(text):
            if seen >= END_AFTER * total and (
                _COMMENTS.match(text) or total - seen < RESUMES * total
            ):
                return i - 1
            if _teasers_only(sc, i + 1, end):
                return i - 1
        seen += max(sc[i], 0.0)
    return end


def _teasers_only(sc: list[float], start: int, end: int) -> bool:
    """No two prose blocks in a row: headlines with a one-sentence teaser each, not an
    article going on after an inline box."""
    return all(sc[i] <= PROSE_UNITS or sc[i + 1] <= PROSE_UNITS for i in range(start, end))


def _split_at_footer(
    blocks: list[Block], sc: list[float], start: int, end: int, footer: int | None
) -> tuple[int, int]:
    """A copyright notice inside the run splits it: keep the side with more prose."""
    if footer is None or not blocks[start].seq < footer < blocks[end].seq:
        return start, end
    cut = next(i for i in range(start, end + 1) if blocks[i].seq > footer)
    before = sum(s for s in sc[start:cut] if s > 0)
    after = sum(s for s in sc[cut : end + 1] if s > 0)
    if before >= after:
        return start, cut - 1
    run = best_run(sc[cut : end + 1])
    return (cut + run[0], cut + run[1]) if run else (start, end)


#: What the article before a closer must be worth for a teaser run after it to lose.
CLOSED_MIN = 5.0


def _closers(blocks: list[Block], sc: list[float]) -> list[int]:
    """Indices of the lines that close an article: its tags ("Tags" and the labels under it,
    "Tags: a, b"), the comment form's notices. They cost like junk (a long label list or a
    notice would otherwise count as prose)."""
    out = []
    for i, b in enumerate(blocks):
        text = b.text
        if len(text) > 700:
            continue
        if len(text) <= 40 and TAGS_HEAD.match(text):
            out.append(i)
            if i + 1 < len(blocks) and "," in blocks[i + 1].text:
                sc[i + 1] = min(sc[i + 1], -SHORT_COST)  # the labels
        elif sc[i] > 0 and ("," in text or ":" in text) and TAGS_INLINE.match(text):
            out.append(i)
            sc[i] = -SHORT_COST
        elif sc[i] > 0 and len(text) <= 250 and _comment_cue(text):
            low = text.lower()
            if COMMENT_WIDGET.match(low) or COMMENT_NOTICE.search(low):
                out.append(i)
                sc[i] = -SHORT_COST
    return out


def _comment_cue(text: str) -> bool:
    return "omment" in text or "oment" in text or "OMMENT" in text or "OMENT" in text


def _before_closer(sc: list[float], start: int, end: int, closer: int) -> tuple[int, int]:
    """A run of teasers (a headline and one sentence each, never two paragraphs in a row) that
    stands after the article's tags or comment form is a sidebar: the article is the best run
    before the first such closer, when there is one (a bare list: a timetable, a calendar)."""
    if closer >= start or not _teasers_only(sc, start, end):
        return start, end
    run = best_run(sc[:closer])
    if run is None or sum(sc[run[0] : run[1] + 1]) < CLOSED_MIN:
        return start, end
    return run


_SAID = ("said", "says", "wrote", "replied", "Said", "Says", "Wrote", "Replied")
_YEARISH = re.compile(r"\d{4}|\d{1,2}:\d{2}")


@stage("article_span", applies_to="text")
def article_span(draft: Draft) -> None:
    """Mark the densest run of prose as the article (``body_start``/``body_end`` marks)."""
    sc = scores(draft.blocks)
    closers = _closers(draft.blocks, sc)
    run = best_run(sc)
    if run is None:
        return
    start, end = run
    if closers:
        start, end = _before_closer(sc, start, end, closers[0])
    start, end = _split_at_footer(draft.blocks, sc, start, end, draft.marks.get("copyright"))
    end = _cut_at_end_marker(draft.blocks, sc, start, end)
    blocks = draft.blocks
    draft.marks["body_start"] = blocks[start].seq
    draft.marks["body_end"] = blocks[end].seq
    # what lies beyond the header's and the credits' reach cannot be either: drop it now, so
    # the later stages only read the neighbourhood of the article
    draft.remove_many(
        [(b, "far before the article") for b in blocks[: max(0, start - HEADER_REACH)]]
        + [(b, "far after the article") for b in blocks[end + 1 + TAIL_REACH :]]
    )


def header_zone(draft: Draft, after: int = 3) -> list[Block]:
    """Blocks where the header may stand: just before the article run, or the top."""
    start = draft.marks.get("body_start")
    if start is None:
        return draft.blocks[:HEADER_REACH]
    i = next((k for k, b in enumerate(draft.blocks) if b.seq >= start), len(draft.blocks))
    return draft.blocks[max(0, i - HEADER_REACH) : i + after]


@stage("outside_article", applies_to="text")
def outside_article(draft: Draft) -> None:
    """Drop what is left around the article run, and link lists inside it.

    Inside the run, four or more headline-like lines in a row (capitalised, a few words each)
    near its end, with little prose after them, are a list of links that the run took in (an
    ingredient list or a list inside the article looks different or has its text around it);
    so are two truncated teasers in a row ("…", "..")."""
    start, end = draft.marks.get("body_start"), draft.marks.get("body_end")
    if start is None or end is None:
        return
    draft.remove_many(
        [(b, "before the article") for b in draft.blocks if b.seq < start]
        + [(b, "after the article") for b in draft.blocks if b.seq > end]
    )
    inside = draft.blocks
    sc = scores(inside)
    total = sum(s for s in sc if s > 0)
    drops = []
    for i, j in _runs([s < 0 for s in sc]):
        run = inside[i:j]
        after = sum(s for s in sc[j:] if s > 0)
        titles = sum(facts(b).units >= 4 and b.text[0].isupper() for b in run)
        tail = j - i >= LINK_RUN and after < RESUMES * total and titles >= 0.75 * len(run)
        if tail or (j - i >= 2 and all(_TRUNCATED.search(b.text) for b in run)):
            drops += [(b, "link list inside the article") for b in run]
    draft.remove_many(drops)
