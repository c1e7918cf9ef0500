"""Quotes and brackets at the line breaks of soup-style text, and the space a rejoined line needs.

BeautifulSoup's ``get_text("\\n", strip=True)`` prints every text node on its own line and
strips it, so a quoted or bracketed link comes out as three lines: 'in unserem Artikel "' /
'Warum wird das Erdöl knapp?' / '".'. Whether a space stood at each break is lost; typography
tells it back. An opening mark stands after a space and before a word, a closing one after a
word and before a space or a sentence mark, whatever the language's glyphs (German „…“ and
»…«, English “…”, French « … »). A line ending with an opening mark, the next line, and a line
opening with its closing mark are one sentence, joined without spaces inside the marks (French
text keeps its spaces inside « » and before ; : ! ?). Only such a pair is joined: a lone mark
(a "»" in a breadcrumb, a "“" drawn as a pull quote's ornament) is left alone.
"""

from __future__ import annotations

import re
from typing import Final

#: Opening marks and the marks that may close each, when the closing one stands alone.
_PAIRS: Final = {
    "(": ")",
    "[": "]",
    '"': '"',
    "'": "'",
    "„": "“”",
    "‚": "‘’",
    "“": "”",
    "‘": "’",
    "«": "»",
    "»": "«",
}
#: Any of them, for a look through the lines' last characters.
_OPENING: Final = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
_QUOTES: Final = frozenset("\"'„‚“”‘’«»")
#: What may follow a closing mark on its line: a sentence mark or a space.
_AFTER_CLOSE: Final = frozenset(" ,.;:!?)]…")
#: Marks French sets off with a space before them (and « after it).
_FRENCH_BEFORE: Final = frozenset(";:!?»%")


#: Characters of running text (lines of ``_PROSE`` or more) looked through for French spacing.
_SAMPLE: Final = 8000
_PROSE: Final = 40


def text_of(lines: list[str]) -> str:
    """The document's running text to look for French spacing in: its first lines of prose, up
    to ``_SAMPLE`` characters (the typography of the article, not of menus; and bounded)."""
    sample: list[str] = []
    size = 0
    for line in lines:
        if len(line) >= _PROSE:
            sample.append(line)
            size += len(line)
            if size > _SAMPLE:
                break
    return "\n".join(sample)


def french_spacing(text: str) -> bool:
    """Does the text set a space before ; : ! ? (French typography), twice as often as not?
    A few counts in C; a URL's "://" is no mark, and the text's spaces are folded (a no-break
    space is a space here)."""
    spaced = tight = 0
    for mark in ";:!?":
        n_spaced = text.count(" " + mark)
        spaced += n_spaced
        tight += text.count(mark) - n_spaced
    tight -= text.count("://")
    return spaced > 2 and spaced > 2 * tight


def _opener(line: str) -> str:
    """The opening mark a line ends with (alone, or after a space), or ""."""
    last = line[-1]
    if last in _PAIRS and (len(line) == 1 or line[-2] == " "):
        return last
    return ""


def _closes(line: str, opener: str) -> bool:
    """Does ``line`` open with a mark closing ``opener``: the matching mark alone, or a quote
    for a quote (a bracket for its bracket) followed by a space or a sentence mark?"""
    first = line[0]
    if len(line) == 1:
        return first in _PAIRS[opener]
    if line[1] not in _AFTER_CLOSE:
        return False
    return first in _PAIRS[opener] or (first in _QUOTES and opener in _QUOTES)


def _ends_closed(line: str, opener: str) -> bool:
    """Does ``line`` end with a mark closing ``opener`` right after its text ("… heißer.“")?"""
    return len(line) > 1 and line[-1] in _PAIRS[opener] and line[-2] != " "


def enclosed(lines: list[str], numbers: list[int], lasts: list[int], tails: str) -> set[int]:
    """The lines that join the line before as the inside or the closing mark of a quote or a
    bracket (without a space between, but see :func:`glue`).

    Line ``k`` ends with an opening mark, line ``k + 1`` (with no blank line before it) is the
    inside, and either it ends with the closing mark or line ``k + 2`` opens with it.
    ``tails``: the last character of every line but the last (looked through in C)."""
    out: set[int] = set()
    n = len(lines)
    for m in _OPENING.finditer(tails):
        k = m.start()
        line = lines[k]
        opener = _opener(line)
        inside = lines[k + 1]
        if not opener or numbers[k + 1] - lasts[k] > 1 or inside[0] in _QUOTES:
            continue
        closed = _ends_closed(inside, opener)
        after = k + 2 < n and numbers[k + 2] - lasts[k + 1] == 1
        if not closed and not (after and _closes(lines[k + 2], opener)):
            continue
        out.add(k + 1)
        if not closed:
            out.add(k + 2)
    return out


def needs_french(text: str, line: str) -> bool:
    """Does joining ``line`` to ``text`` without a space depend on French typography?"""
    return line[0] in _FRENCH_BEFORE or text[-1] == "«"


def glue(text: str, line: str, tight: bool, french: bool) -> str:
    """The text between a rejoined line and the text before: none before a sentence mark or a
    closing mark, or after an opening one (``tight``), but French keeps a space before ; : ! ?
    » and % and after «."""
    if not tight or (french and needs_french(text, line)):
        return " "
    return ""


class Spacing:
    """The space at each rejoin of one document's lines (:func:`glue`), with its French
    spacing looked for once, and only when a join depends on it."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.french = -1  # (not looked for yet)

    def join(self, text: str, line: str, tight: bool) -> str:
        """``text`` and the rejoined ``line`` after it."""
        if tight and self.french < 0 and needs_french(text, line):
            self.french = int(french_spacing(text_of(self.lines)))
        return f"{text}{glue(text, line, tight, self.french > 0)}{line}"
