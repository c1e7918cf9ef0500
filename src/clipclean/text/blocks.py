"""Split scraped plain text into blocks, one per non-empty line, keeping line numbers.

Scrapers print one element per line, so a line is the unit a cleaning rule can judge; the
blank-line group a line belongs to is kept too, because lines printed together belong together
(an image's description and its caption, a hard-wrapped paragraph).

Some scrapers (BeautifulSoup's ``get_text("\\n")``) also break a sentence at every inline link
or emphasis: "The company \\nWeWork\\n said on Monday." Those pieces are joined back, and only
those: a line that ends without sentence punctuation joins the next one when that one cannot
start a sentence (a lower-case word, a comma, a closing bracket), or when the break fell
inside the sentence's own spaces (a trailing space before a short linked phrase).
"""

from __future__ import annotations

import re

from ..model import Block

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_LIST_MARK = re.compile(r"^(?:[-*•·▪◦‣]|\d{1,3}[.)])\s+(?=\S)")
_ODD = re.compile(r"[\t\u00a0\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad]|  ")
#: A line ending with one of these has finished its sentence (or is a label: "Tags:").
_TERMINAL = (".", "!", "?", "…", ":", ";", "。", "！", "？", '"', "”", "»", "|")
#: A line starting with one of these continues the one before.
_CONTINUATION = (",", ".", ";", ":", ")", "]", "”", "’", "%", "!", "?", "…")
#: Words the line before must have for a lower-case line to join it (not a menu of words).
_JOIN_MIN_WORDS = 3
#: Longest linked phrase that is rejoined on the strength of the spaces around it.
_LINK_WORDS = 6


def normalise_line(line: str) -> str:
    """Fold runs of spaces (tabs, no-break spaces) to one and drop invisible characters."""
    if _ODD.search(line) is None:  # the common case: nothing to fold
        return line.strip()
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _continues(prev_raw: str, prev: str, raw: str, line: str, after_raw: str) -> bool:
    """Is ``line`` the rest of the sentence that ``prev`` broke off?"""
    if prev.endswith(_TERMINAL) or _LIST_MARK.match(line) or line.startswith("> "):
        return False
    if line.startswith(_CONTINUATION):
        return True
    if line[0].islower():
        if line.startswith(("http", "www.")):
            return False
        if line.count(" ") < 2 and not line.endswith((*_TERMINAL, ",")):
            return False  # "related stories": a label, not the rest of a sentence
        return prev.count(" ") + 1 >= _JOIN_MIN_WORDS or prev_raw[-1:] in (" ", "\t")
    # "The company \nWeWork\n said": a break inside the sentence's own spaces
    return (
        prev_raw[-1:] == " "
        and line.count(" ") < _LINK_WORDS
        and (raw[-1:] == " " or after_raw[:1] == " ")
    )


def text_to_blocks(text: str) -> list[Block]:
    """Turn text into blocks: a non-empty line is a block; blank lines start a new group."""
    blocks: list[Block] = []
    group = 0
    blank = True
    raws = text.splitlines()
    prev_raw = ""
    for number, raw in enumerate(raws, start=1):
        line = normalise_line(raw)
        if not line:
            blank = True
            continue
        if (
            not blank
            and blocks
            and _continues(
                prev_raw, blocks[-1].text, raw, line, raws[number] if number < len(raws) else ""
            )
        ):
            last = blocks[-1]
            glue = "" if line.startswith(_CONTINUATION) else " "
            last.text = f"{last.text}{glue}{line}"
            last.origin = f"lines {last.line}-{number}"
            prev_raw = raw
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
        prev_raw = raw
    return blocks
