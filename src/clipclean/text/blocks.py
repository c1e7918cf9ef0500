"""Split scraped plain text into blocks, one per non-empty line, keeping line numbers.

Scrapers print one element per line, so a line is the unit a cleaning rule can judge; the
blank-line group a line belongs to is kept too, because lines printed together belong together
(an image's description and its caption, a hard-wrapped paragraph).
"""

from __future__ import annotations

import re

from ..model import Block

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_LIST_MARK = re.compile(r"^(?:[-*•·▪◦‣]|\d{1,3}[.)])\s+(?=\S)")


_ODD = re.compile(r"[\t\u00a0\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad]|  ")


def normalise_line(line: str) -> str:
    """Fold runs of spaces (tabs, no-break spaces) to one and drop invisible characters."""
    if _ODD.search(line) is None:  # the common case: nothing to fold
        return line.strip()
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def text_to_blocks(text: str) -> list[Block]:
    """Turn text into blocks: a non-empty line is a block; blank lines start a new group."""
    blocks: list[Block] = []
    group = 0
    blank = True
    for number, raw in enumerate(text.splitlines(), start=1):
        line = normalise_line(raw)
        if not line:
            blank = True
            continue
        if blank and blocks:
            group += 1
        blank = False
        kind = "list_item" if _LIST_MARK.match(line) else "paragraph"
        if line.startswith("> "):
            kind, line = "quote", line[2:].strip()
        blocks.append(
            Block(text=line, kind=kind, origin=f"line {number}", group=group, line=number)
        )
    return blocks
