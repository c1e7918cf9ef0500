"""Captions that only their neighbourhood shows to be captions, which the caption patterns
(one line each, a credit inside) cannot see.

A scraper that prints each text node on its own line leaves an "Enlarge" button alone above
its caption, or glued to it; a caption names who stands where ("Jane Doe (l.) and John Roe"),
its credit maybe alone under it ("WITTERS"). Each rule needs a marker of the picture (the
button, a name's position) *and* the caption's shape (short, one sentence at most, no
paragraph of prose), so a paragraph is never taken. (The rules and the most part of this
module come from the i82 branch.)
"""

from __future__ import annotations

import re
from typing import Final

from ..model import Block, Draft, Image
from ..shape import facts

#: A picture's "Enlarge" button, alone above its caption or glued to it.
ENLARGE: Final = re.compile(
    r"^(?:(?:bild|foto|image|photo)\s)?(?:vergrößern|enlarge|click to enlarge|agrandir"
    r"|ampliar|ingrandisci|powiększ|vergroten|förstora)(?:\s(?=[^\W\d_])|$)",
    re.I,
)
#: How a line ENLARGE takes opens: its first character, then the first four letters of its
#: words, lower-cased (a look-up before the pattern; "" passes the first, never the second).
_ENLARGE_FIRSTS: Final = "vVeEcCaAiIpPfFbB"
_ENLARGE_HEADS: Final = frozenset(
    "verg enla clic agra ampl ingr powi förs bild foto imag phot".split()
)
#: Who stands where in the picture, after a name: "Jane Doe (l.)", "(r.)", "(M.)", "(v. l.)",
#: "(links)", "(left)", "(from left)", "(izq.)", "(à droite)".
POSITION: Final = re.compile(
    r"\b[A-ZÀ-ÞĀ-Ž][\w'’.-]{0,30}\s\((?i:[lrm]|li|re|v\.\s?l\.(?:\s?n\.\s?r\.)?|von links|links"
    r"|rechts|mitte|left|right|center|centre|from left|izq|izda|dcha|à gauche|à droite"
    r"|de g\. à d)\.?\)"
)
#: What follows a bracket that opens a position (lower-cased): the first letters of POSITION's
#: words. A line is searched only when one of its brackets opens so.
_POSITION_FIRSTS: Final = frozenset("lrmvcfidà")


def _names_position(text: str) -> bool:
    """POSITION holds in ``text``: searched only from a bracket that can open a position (most
    lines with a bracket have none of them)."""
    at = text.find("(")
    while at >= 0:
        if text[at + 1 : at + 2].lower() in _POSITION_FIRSTS and POSITION.search(
            text, max(0, at - 33), at + 24
        ):
            return True
        at = text.find("(", at + 1)
    return False


#: Most words of a caption; more is a paragraph that happens to mention a picture.
CAPTION_WORDS: Final = 40
#: Most units of a credit alone under a caption that names positions ("WITTERS", "dpa").
BARE_CREDIT_UNITS: Final = 3


def _caption_shaped(text: str) -> bool:
    """Short, not a list's introduction, at most one sentence inside (a caption may end with a
    full stop; a paragraph of two sentences is prose)."""
    words = text.count(" ") + 1
    if words > CAPTION_WORDS or text.endswith(":"):
        return False
    end = len(text) - 1  # (the inside: a search that stops there, not a copy)
    return words <= 15 or all([text.find(c, 0, end) < 0 for c in ".!?"])


def _credit_like(text: str) -> bool:
    """A credit's look alone on its line: an agency or a name in capitals ("WITTERS"), names
    between slashes, a copyright sign."""
    return text.isupper() or "/" in text or text.startswith("©")


def split_credits(draft: Draft, taken: set[int]) -> list[tuple[Block, str]]:
    """The drops for the captions of a scraped text that their neighbourhood shows (``taken``:
    the ids of the blocks the caption stage drops already); the images are recorded on
    ``draft``. Each line costs three tests in C (its last character, its first, a bracket in
    it) before any of the rules' own."""
    if draft.kind != "text":
        return []
    blocks = draft.blocks
    drops: list[tuple[Block, str]] = []
    gone = set(taken)

    def drop(b: Block, why: str) -> None:
        if id(b) not in gone:
            gone.add(id(b))
            drops.append((b, why))

    for i, b in enumerate(blocks):
        text = b.text
        if (
            text[:1] in _ENLARGE_FIRSTS
            and text[:4].lower() in _ENLARGE_HEADS
            and ENLARGE.match(text)
            and id(b) not in gone
        ):
            rest = ENLARGE.sub("", text).strip()
            cap = b if rest else (blocks[i + 1] if i + 1 < len(blocks) else None)
            if cap is None or id(cap) in gone:
                continue
            if rest and facts(b).words - 1 > CAPTION_WORDS:
                continue
            if not rest and not _caption_shaped(cap.text):
                continue
            draft.add_image(Image(caption=rest or cap.text), b)
            drop(b, "image caption (after an enlarge button)")
            if cap is not b:
                drop(cap, "image caption (after an enlarge button)")
        elif (
            "(" in text
            and _caption_shaped(text)  # (before the pattern: most lines with a bracket are long)
            and _names_position(text)
            and id(b) not in gone
        ):
            credit = blocks[i + 1] if i + 1 < len(blocks) else None
            fc = facts(credit) if credit is not None else None
            if (
                credit is None
                or fc is None
                or id(credit) in gone
                or fc.units > BARE_CREDIT_UNITS
                or fc.ends
                or not _credit_like(credit.text)
            ):
                credit = None
            draft.add_image(Image(caption=text, credit=credit.text if credit else None), b)
            drop(b, "image caption (names who stands where)")
            if credit is not None:
                drop(credit, "image credit")
    return drops
