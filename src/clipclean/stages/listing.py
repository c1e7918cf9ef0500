"""Long lines that are lists, not prose: a tag cloud, a footer's row of fields.

A scraper puts a tag cloud ("Aachen Agfa Vista 400 Australien Berlin ...") or a footer's
address row ("© Verlag AG | Hauptstrasse 31 | Postfach | 4450 Ort | Telefon ...") on one line;
by length alone either outweighs a short article. Both are told by shape, in any language
written with capitals: nearly every word of a tag cloud is capitalised or a number (prose,
German included, has lower-case words between its nouns), and a row of fields is cut by
separators into many short pieces.
"""

from __future__ import annotations

import re
from typing import Final

#: Share of a long line's words that are capitalised or numbers from which it is a list of
#: labels (German prose has about a third).
CAPITALISED: Final = 0.75
#: From this many words, a line without a single punctuation mark is a list of labels.
BARE_WORDS: Final = 40
_MARKS: Final = frozenset(",.;:!?。，、")
#: Separators of a row of fields, and how many pieces of at most FIELD_WORDS words make a row.
_SEPARATOR: Final = re.compile(r" [|·•] ")
FIELDS: Final = 4
FIELD_WORDS: Final = 5


def is_label_cloud(text: str) -> bool:
    """Words that are nearly all capitalised or numbers, with no sentence inside (a tag
    cloud, a list of names), or many words without a punctuation mark between them."""
    words = text.split()
    if len(words) >= BARE_WORDS and not any(map(_MARKS.__contains__, text)):
        return True  # (no mark in forty words and more: labels, in lower case too)
    cased = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    lower = sum(1 for w in words if w[:1].islower())
    if cased < CAPITALISED * len(words) or cased + lower < 0.9 * len(words):
        return False
    if text.count(",") >= 0.1 * len(words):
        return False  # names with commas between them are a credits line, part of the text
    # sentences inside ("... ends. Next ...") make it prose, however capitalised; an initial
    # or an abbreviation ("E. T. A.", "Ft.") does not end one
    ends = sum(1 for w in words[:-1] if len(w) > 3 and w.endswith((".", "!", "?")))
    return ends < 2


def is_field_row(text: str) -> bool:
    """A row of short fields between separators: "© Verlag | Strasse 3 | Postfach | Ort"."""
    if "|" not in text and "·" not in text and "•" not in text:
        return False  # (a search for one character skips through prose; " | " stops at spaces)
    if " | " not in text and " · " not in text and " • " not in text:
        return False
    pieces = _SEPARATOR.split(text)
    short = sum(1 for p in pieces if len(p.split()) <= FIELD_WORDS)
    return len(pieces) >= FIELDS and short >= 0.75 * len(pieces)
