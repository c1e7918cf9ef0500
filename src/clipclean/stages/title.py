"""The headline: the headline-like line that leads into the article, and its repeats.

With the article run known (``body_start``), the headline is among the lines just before it:
one the page prints twice (a sticky header, a share row), else the last one nearly as long as
the longest (menus and kickers above it are short), or the line above that one when it is the
shorter headline over a dek; a credit line (a by-word or a date with a name) is the byline
under it, never the headline. When the run opens on the headline (soup-style text: every text
node a line), its first lines before its first sentence are candidates too, unless a byline or
date under the best line above the run says the header is there. Without the run, the first
headline-like line. A repeat of the title is never article text.
"""

from __future__ import annotations

import re
from typing import Final

from ..dates import find_date
from ..model import Block, Draft
from ..shape import (
    facts,
    has_digit,
    has_sentence_break,
    is_headline_like,
    is_person_name,
    units,
)
from ..stage import stage
from ..text.blocks import FUNCTION_WORDS
from .bylines import BY_HEADS, BY_PREFIX, by_prefix, is_dateline
from .span import content_words, header_zone, says

#: How far into the document a headline may stand when the article run is unknown.
HEADLINE_WINDOW: Final = 10
#: A candidate this close to the longest one counts as long enough to be the headline.
NEAR_TOP: Final = 0.5


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


#: Quotes a headline may open with: a quotation as the headline ("»Einfach kein Geld mehr …«").
_OPEN_QUOTES: Final = frozenset("\"'«»„“”‘‚‹›「『")
#: A headline after a date is at least this long.
DATED_HEADLINE_UNITS: Final = 5
#: What a page prints between a date and the headline after it: "23.01.2022 - Headline".
_DATE_GAP: Final = " -–—|:·•,/"


def _is_candidate(block: Block) -> bool:
    """A headline-like line that is no name, date or counter (nor a byline or credit line: the
    caller tells those, see :func:`_byline_cut`). A headline may open with a quote, or with its
    date ("23.01.2022 - Headline")."""
    f = facts(block)
    text = block.text
    return (  # the cheap tests first
        (f.units >= 3 or block.kind == "heading")
        and "|" not in text
        and (text[0].isalnum() or _quoted(text))
        and f.headline
        and not _lower_start(text)
        and not _open_end(text)
        and not _crumbs(text)
        and not (f.units >= PROSE_UNITS and has_sentence_break(text))
        and not is_person_name(text)
        and (not text[0].isdigit() or _opens_headline(text))
        and not is_dateline(text)
    )


def _byline_cut(text: str) -> bool:
    """A byline, a byline's word on its own or a credit line: the headline stands above it."""
    return by_prefix(text) is not None or _lone_by(text) or credit_line(text)


#: The words that lead into an author's name inside a line ("Post author By Helge …").
_BY_WORDS: Final = frozenset(("by", "von", "par", "por", "door"))
#: The same with the space after them: a line without one of these has no credit by a by-word.
_BY_SPACED: Final = tuple(f"{w} " for w in sorted(_BY_WORDS))


#: A line with a date and a name is a credit when it is this short.
DATED_NAME_WORDS: Final = 8


def _name_at(words: list[str]) -> bool:
    """The words open with a person's name (two or three of them)."""
    name = [w.rstrip(",;") for w in words[:3]]
    return any(is_person_name(" ".join(name[:k])) for k in (2, 3))


def _dated_name(text: str) -> bool:
    """A date with a person's name right before or after it: "11.12.2019 - Amelie
    Loevenich", "Swantje Bernsmann 11/08/2020 Feelings"."""
    found = find_date(text)
    if found is None:
        return False
    before = text[: found.start].rstrip(_DATE_GAP).split()
    after = text[found.end :].lstrip(_DATE_GAP).split()
    return _name_at(after) or (len(before) in (2, 3) and _name_at(before))


def credit_line(text: str) -> bool:
    """The header's credit printed in one line with its label or date: "Post author By Helge
    Fahrnberger", "July 24, 2019 by Amy Motroni 5 Comments", "Veröffentlicht am 15/07/2014
    von Guido Beyss". A by-word and a person's name after it, the by-word capitalised inside
    the line or a date in it: the byline under the headline, never the headline ("Gemälde von
    Gerhard Richter" has neither)."""
    words = text.split()
    if len(words) < 3:  # (most lines of a header zone: menu labels)
        return False
    if len(words) <= DATED_NAME_WORDS and has_digit(text) and _dated_name(text):
        return True
    low = text.lower()
    if not any(w in low for w in _BY_SPACED):
        return False
    dated: bool | None = None
    for i, word in enumerate(words[1:-1], 1):
        if word.lower() not in _BY_WORDS:
            continue
        if not _name_at(words[i + 1 :]):
            continue
        if word[0].isupper():
            return True
        if dated is None:
            dated = find_date(text) is not None
        if dated:
            return True
    return False


#: A line this long with a sentence ending inside it is prose (a lead paragraph cut short),
#: not a headline (two short sentences can be: "Vegetarisch leben. Trend oder Bedarf?").
PROSE_UNITS: Final = 16


def _lower_start(text: str) -> bool:
    """Opens with a conjunction or preposition in lower case ("und Mikael Ymer haben …", "zur
    Bunten Republik"): the rest of a sentence, not a headline ("creditshelf kooperiert" may
    be one: a brand in lower case)."""
    cut = text.find(" ")  # (its first word: no list made of the line's pieces)
    return (text if cut < 0 else text[:cut]) in FUNCTION_WORDS


#: Marks a headline does not end on: the rest of the line was cut off ("Die Region Rioja (").
_OPEN_MARKS: Final = tuple("([{-–—/&+")


def _open_end(text: str) -> bool:
    """Ends on an open bracket or dash, or on a word that always has more after it ("… der
    Stadt und"): a fragment of a sentence that a link or a line's wrap cut, not a headline."""
    return text.endswith(_OPEN_MARKS) or text[text.rfind(" ") + 1 :] in FUNCTION_WORDS


#: What stands between the steps of a breadcrumb ("Home › News › The Headline").
_CRUMB_MARKS: Final = (" » ", " > ", " › ", " >> ", " → ")


def _crumbs(text: str) -> bool:
    """A breadcrumb (two steps or more): the page's path, never its headline (its last step
    may be, and is printed on its own line). Each mark has one of four characters: a line
    without them (most) is not counted."""
    if ">" not in text and "»" not in text and "›" not in text and "→" not in text:
        return False
    return sum(text.count(m) for m in _CRUMB_MARKS) >= 2


def _quoted(text: str) -> bool:
    """Opens with a quotation that closes in the line ("»Kein Geld mehr«: …"), not with an
    arrow-like mark before a link ("« Previous post", "» Next")."""
    return text[0] in _OPEN_QUOTES and any(c in _OPEN_QUOTES for c in text[2:])


def _after_date(text: str) -> str | None:
    """What follows the date a line opens with (``None`` when it opens with none)."""
    found = find_date(text)
    if found is None or found.start != 0:
        return None
    return text[found.end :].lstrip(_DATE_GAP)


def _opens_headline(text: str) -> bool:
    """A line opening with a digit that is a headline ("10 things to know", "23.01.2022 -
    Dorothea Wierer darf noch jubeln"), not a date with a name ("30. Oktober 2023 Carola
    Pönisch") or a counter ("132 with 73 posters participating": numbers around a word)."""
    rest = _after_date(text)
    if rest is None:
        return sum(w[0].isdigit() for w in text.split()[:4]) < 2
    return (  # (longer than a label after a date: "3. August 2015 · Filed under Travel")
        units(rest) >= DATED_HEADLINE_UNITS
        and rest[0].isalpha()
        and is_headline_like(rest)
        and not is_person_name(rest)
    )


def headline_text(text: str) -> str:
    """The headline of a title line, without the date it may open with."""
    return (_after_date(text) or text) if text[0].isdigit() else text


#: How many lines into the article run its headline may stand: a run may open on the
#: headline, or take in a breadcrumb, a kicker or a date above it.
RUN_HEAD: Final = 4
#: A line of the run this long that ends on a full stop is its first sentence: the head ends.
RUN_SENTENCE_UNITS: Final = 6
#: Two sentences in one line: a question or exclamation ends one after any word.
_ANY_BREAK: Final = re.compile(r"[^\W\d_][!?] [^\W\d_]")


#: Full stops that end a sentence (a headline may end on "!" or "?", not on these).
_FULL_STOPS: Final = (".", "。", "．")


def _one_sentence(text: str) -> bool:
    return (
        not has_sentence_break(text)
        and not (("! " in text or "? " in text) and _ANY_BREAK.search(text) is not None)
        and "。" not in text[:-1]
    )


def _run_head(draft: Draft, start: int) -> list[Block]:
    """The run's first lines before its first sentence (at most :data:`RUN_HEAD`), kept when
    they are of one sentence: where the headline stands when the run took it in. Two
    sentences in one line there are the lead ("Wie war das? Hier ein Auszug …")."""
    head: list[Block] = []
    for b in draft.blocks:
        if b.seq < start:
            continue
        f = facts(b)
        if (
            len(head) == RUN_HEAD
            or (f.units >= PROSE_UNITS and not (f.headline and _one_sentence(b.text)))
            or (f.units >= RUN_SENTENCE_UNITS and b.text.endswith(_FULL_STOPS))
        ):
            break
        head.append(b)
    else:
        return []  # no sentence under them: the run is no article with a headline on top
    return [b for b in head if _one_sentence(b.text)]


def _lone_by(text: str) -> bool:
    """A byline's word on a line of its own, the name on the next ("Von" / "Anna Schmidt",
    "Posted by"): a scraper that puts every text node on its own line split the byline."""
    if len(text) > 12:
        return False
    line = f"{text} X"
    head = line[:2]  # (the pattern tried only on a line that can start like it: by_prefix)
    return (head in BY_HEADS or not head.isascii()) and BY_PREFIX.match(line) is not None


#: How many lines under the headline its byline or date may stand.
HEADER_GAP: Final = 2


def _header_below(draft: Draft, block: Block, start: int) -> bool:
    """A byline, a name or a date stands right under ``block`` (at most :data:`HEADER_GAP`
    lines under it, a dek may come first), before the run: the page's header (headline,
    byline, date) is above the run, so the run's first lines are its lead. A date further
    down, after menu labels ("Energie 12.12.2022, 08:30 Uhr"), heads the run instead."""
    near = 0
    for b in draft.blocks:
        if b.seq <= block.seq:
            continue
        if b.seq >= start or near == HEADER_GAP:
            return False
        near += 1
        if (
            by_prefix(b.text) is not None
            or _lone_by(b.text)
            or is_dateline(b.text)
            or is_person_name(b.text)
            or credit_line(b.text)
        ):
            return True
    return False


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
    area = [b for b in header_zone(draft, after=0) if b.seq < start]
    above = _choose(draft, area)
    head = _run_head(draft, start)
    if not head or (above is not None and _header_below(draft, above, start)):
        return above
    return _choose(draft, area + head)


#: Content words (five letters or more) a candidate must share with the article's opening to
#: replace a pick that shares none (see :func:`_told`) ...
TOLD_WORDS: Final = 2
#: ... read in this many characters of the run.
TOLD_CHARS: Final = 3000


def _told(draft: Draft, zone: list[Block], pick: Block) -> Block:
    """A headline announces what the article tells: when ``pick`` shares no content word with
    the run's opening ("Tempo de leitura: 1 minuto", "Enter your zip code to find …", a
    byline with its date), the candidate sharing the most (at least :data:`TOLD_WORDS`) is the
    headline; the same test as an article's lead (``span``), by the same words."""
    start = draft.marks.get("body_start")
    if start is None or len(zone) < 2:
        return pick
    own = {id(b) for b in zone}
    opening = []
    size = 0
    for b in draft.blocks:
        if b.seq >= start and id(b) not in own:
            opening.append(facts(b))
            size += len(b.text)
            if size >= TOLD_CHARS:
                break
    told = "\n".join([f.low for f in opening])
    if any(says(told, w) for w in content_words([facts(pick)])):
        return pick
    shared = {id(b): sum(says(told, w) for w in content_words([facts(b)])) for b in zone}
    best = max(zone, key=lambda b: (shared[id(b)], b.seq))
    return best if shared[id(best)] >= TOLD_WORDS else pick


def _choose(draft: Draft, area: list[Block]) -> Block | None:
    """The headline among the lines of ``area``: printed twice, else the last one nearly as
    long as the longest, or the shorter one right above it (that one its dek)."""
    # The lines above the first byline cut are no byline or credit line; the lines under it
    # are looked at only when none above it is a candidate.
    by = next((i for i, b in enumerate(area) if _byline_cut(b.text)), len(area))
    zone = [b for b in area[:by] if _is_candidate(b)]  # the headline stands above its byline
    if not zone:
        zone = [
            b
            for b in area[by:]
            if by_prefix(b.text) is None and _is_candidate(b) and not credit_line(b.text)
        ]
    if not zone:
        return None
    marked = [b for b in zone if b.kind == "heading"]
    if marked and draft.kind == "text":
        zone = marked  # the text set its headings apart (a dump's margin, Markdown's "#")
    weight = {id(b): facts(b).units for b in zone}
    for b in zone:  # "HomeLatest NewsThe Headline": a menu glued to a headline printed again
        for other in zone:
            if other is not b and len(other.text) < len(b.text) and b.text.endswith(other.text):
                weight[id(b)] = 0
    strong = [b for b in zone if weight[id(b)] >= 4]
    sizes = {len(b.text) for b in strong}
    # blocks are space-normalised: a repeat has the same length (casefold keeps it for these)
    # (a list's count: a strong line or two is looked up, a Counter of them all cost more)
    seen = [b.text.casefold() for b in draft.blocks if len(b.text) in sizes]
    repeated = [b for b in strong if seen.count(b.text.casefold()) > 1]
    if repeated:  # printed twice (a sticky header, a share row): the headline
        return max(repeated, key=lambda b: weight[id(b)])
    top = max(weight.values())
    pick = [b for b in zone if weight[id(b)] >= NEAR_TOP * top][-1]
    pick = _told(draft, zone, pick)
    # the line right above may be the headline and this its (longer) dek
    at = next(i for i, b in enumerate(draft.blocks) if b is pick)
    above = draft.blocks[at - 1] if at else None
    if above is not None and id(above) in weight and 4 <= weight[id(above)] < weight[id(pick)]:
        return above
    return pick


@stage("title")
def title(draft: Draft) -> None:
    """Lift the headline that leads into the article to the title; drop its repeats."""
    known = draft.best("title")
    if known is None:
        block = _pick(draft)
        if block is not None:
            if block.seq < draft.marks.get("body_start", block.seq + 1):
                draft.marks["title"] = block.seq  # (in the run: what follows it is the lead)
            known = headline_text(block.text)
            draft.lift(block, "title", known, confidence=0.6)
    if known is None:
        return
    target = _norm(known)
    low, high = len(target) - 8, len(target) + 8
    draft.remove_many(
        [
            (b, "headline repeated")
            for b in draft.blocks
            if low <= len(b.text) <= high and b.text.casefold() == target
        ]
    )
