"""The article's first paragraph, when wrapping broke it into lines the run starts after.

A text wrapped at a fixed width (or a page whose source was) prints a paragraph as several
lines; where they were not joined back, the first lines of the article's first paragraph are
open pieces ("Stunden. So lange dauert die schnellste Zugverbindung von Madrid nach",
"Stockholm. Die Fahrt beginnt um 7:20 Uhr und nach fünf Umstiegen mit teils mehrstündigen"):
no sentence ends at their end, so each scores as a short line and the run of prose starts on
the line that closes the sentence, after them. A piece that goes on into the next line has a
shape a headline, a byline or a caption seldom has together: it fills most of a line, ends on
a word in lower case or a comma, or holds a sentence's end inside it.
"""

from __future__ import annotations

from typing import Final

from ..model import Block
from ..shape import Facts

#: Units (words) and characters from which an open line may be a wrapped paragraph's line: a
#: wrapped line fills most of the width (lynx wraps at 80 columns), a caption or a label
#: rarely does.
PIECE_UNITS: Final = 8
PIECE_CHARS: Final = 52
#: Pieces in a row that make a wrapped paragraph (one open line alone is as often a caption
#: with its credit, or a disclosure, as a paragraph's first line).
PIECES: Final = 2
#: How the reader marks a block it joined from a wrapped paragraph's lines.
REWRAPPED: Final = "(rewrapped)"
#: Marks that end a sentence inside a line, with the space after them.
_MARKS: Final[tuple[str, ...]] = (". ", "! ", "? ")


def piece_kind(f: Facts) -> int:
    """How surely a line is a wrapped piece of a paragraph going on below it: 0 not at all
    (closed, short, or not ending on a word or a comma), 2 surely (it opens in lower case,
    going on from the line before; it ends with a comma; or a sentence ends inside it), 1
    maybe (it ends on a word in lower case: so do headlines in sentence case)."""
    text = f.text
    if f.ends or f.units < PIECE_UNITS or f.size < PIECE_CHARS:
        return 0
    last = text[-1]
    if last == "," or text[0].islower():
        return 2
    if not last.isalpha():
        return 0
    if _sentence_ends_inside(text):
        return 2
    return 1 if text[text.rfind(" ") + 1 :][:1].islower() else 0


def _sentence_ends_inside(text: str) -> bool:
    """A sentence ends inside the line ("Stunden. So lange dauert ..."): a mark after two
    lower-case letters, then a capital (not "Dec. 12", "Robert L. Curbeam", "Mr. Smith")."""
    for mark in _MARKS:
        i = text.find(mark, 2)
        while i >= 0:
            before = text[i - 2 : i]
            if before.isalpha() and before.islower() and text[i + 2 : i + 3].isupper():
                return True
            i = text.find(mark, i + 1)
    return False


def wrapped_start(fs: list[Facts], start: int, blocks: list[Block]) -> int:
    """The run's start, moved up over the wrapped pieces of its first paragraph right before
    it (see :func:`piece_kind`). In a text the reader unwrapped (some block's origin says
    "rewrapped") any such pieces; elsewhere PIECES of them or more, one of them surely a piece
    (one open line alone is as often a caption with its credit, two headlines in sentence case
    are a list of links)."""
    first, sure = start, False
    while first > 0 and (kind := piece_kind(fs[first - 1])):
        sure = sure or kind == 2
        first -= 1
    if first == start:
        return start
    # (the run's first line counts when it is a piece itself: a sentence broken at a word in
    # lower case joined it to the line after)
    own = piece_kind(fs[start])
    pieces = start - first + (own > 0)
    if (pieces >= PIECES and (sure or own == 2)) or any(
        b.origin.endswith(REWRAPPED) for b in blocks
    ):
        return first
    return start
