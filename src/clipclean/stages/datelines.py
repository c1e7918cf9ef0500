"""Datelines: a line that is a date and little else ("Sept. 19, 2025, 2:15 a.m. ET") is the
article's date, not its text, unless it is one entry of a list of dated entries.

A dateline stands alone: under the headline, at the article's end. A programme, a press
review or a list of concerts prints a date at the head of every entry, and the entries are
the article: a run of lines that each open with a date and go on with words ("07.11.2022 -
Nation of Language - Fluc"), or one label that heads several dates ("Termin: 28.02.2020, 18:30
Uhr", each followed by its place and price).
"""

from __future__ import annotations

from collections import Counter
from typing import Final

from ..dates import dated_lines, find_date
from ..model import Block, Draft
from ..stage import stage
from .bylines import _ALPHA, _DATE_WORDS, MAX_DATELINE_CHARS, _date_into, is_dateline
from .span import header_zone

#: Lines in a row, each opening with a date and going on with words, that make a list.
ENTRY_RUN: Final = 3
#: Datelines under one label ("Termin:") that make a programme.
LABEL_REPEATS: Final = 3
#: Characters a date may stand after and still open its line (a bullet, a dash).
LEAD: Final = 2


def _words(text: str) -> list[str]:
    """The words of ``text`` that are not part of a date ("Uhr", "at", "pm" are)."""
    if text.isascii():  # (lower-cased whole: its words stay where they are)
        return [w for w in _ALPHA.findall(text.lower()) if w.rstrip(".") not in _DATE_WORDS]
    return [w.lower() for w in _ALPHA.findall(text) if w.lower().rstrip(".") not in _DATE_WORDS]


def _date_led(text: str) -> bool:
    """A line that opens with a date and goes on with words: an entry of a dated list."""
    found = find_date(text)
    return found is not None and found.start <= LEAD and bool(_words(text[found.end :]))


def _label(text: str) -> str:
    """The words before a dateline's date ("Termin"), or "" (none, or only date words)."""
    found = find_date(text)
    return " ".join(_words(text[: found.start])) if found is not None else ""


def dated_entries(blocks: list[Block], lines: list[int]) -> set[int]:
    """The positions among ``lines`` (datelines, by position in ``blocks``) that are entries
    of a list of dated entries: in a run of at least :data:`ENTRY_RUN` date-led lines of one
    kind, or under a label that heads at least :data:`LABEL_REPEATS` of them."""
    kept: set[int] = set()
    led: dict[int, bool] = {}

    def date_led(k: int) -> bool:
        found = led.get(k)
        if found is None:
            found = led[k] = _date_led(blocks[k].text)
        return found

    for i in lines:
        if i in kept or not date_led(i):
            continue
        kind = blocks[i].kind
        lo = i
        while lo > 0 and blocks[lo - 1].kind == kind and date_led(lo - 1):
            lo -= 1
        hi = i
        while hi + 1 < len(blocks) and blocks[hi + 1].kind == kind and date_led(hi + 1):
            hi += 1
        if hi - lo + 1 >= ENTRY_RUN:
            kept.update(k for k in lines if lo <= k <= hi)
    labels = {i: _label(blocks[i].text) for i in lines if i not in kept}
    counts = Counter(label for label in labels.values() if label)
    kept.update(i for i, label in labels.items() if label and counts[label] >= LABEL_REPEATS)
    return kept


@stage("datelines")
def datelines(draft: Draft) -> None:
    """Lines that are a date and little else ("Sept. 19, 2025, 2:15 a.m. ET") -> published;
    the entries of a list of dated entries stay (:func:`dated_entries`)."""
    blocks = draft.blocks
    short = [i for i, b in enumerate(blocks) if len(b.text) <= MAX_DATELINE_CHARS]
    found = [short[k] for k in dated_lines([blocks[i].text for i in short])]
    lines = [i for i in found if is_dateline(blocks[i].text)]
    if not lines:
        return
    entries = dated_entries(blocks, lines)
    zone = {id(b) for b in header_zone(draft)}  # (the blocks do not change until the end)
    drops = []
    for i in lines:
        if i in entries:
            continue
        block = blocks[i]
        if id(block) in zone or not draft.has("published"):
            _date_into(draft, block.text, block)
        drops.append((block, "dateline"))
    draft.remove_many(drops)
