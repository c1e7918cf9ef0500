"""Code listings that a scraper broke into tokens, one a line, inside an article.

A soup-style dump (every text node on its own line) turns a highlighted code block into a long
stretch of one-token lines ("from", "django.conf", "import", "settings", "(", "self.", ...).
Read line by line each is a short junk line, and a long stretch of them is a gap that splits a
programming post in two: ``article_span`` keeps only the part before the listing. Code has a
shape a menu or a link list has not: lower-case identifiers, dotted names, brackets and ``=``,
hardly any capitalised headline. Such a stretch between two paragraphs is the article's.
"""

from __future__ import annotations

import re
from typing import Final

from ..shape import Facts

#: Most units (words) of one line of a listing broken into tokens.
CODE_UNITS: Final = 6
#: Lines in a row that make a listing, and the share of them that must read as code.
CODE_LINES: Final = 5
CODE_SHARE: Final = 0.6
#: Share of capitalised headline-like lines (a menu's items) above which it is no listing.
HEADLINE_SHARE: Final = 0.2
#: Marks of code: brackets, ``=``, ``;``, an attribute or call (``os.path``, ``self.``), an
#: identifier with an underscore, a decorator or a directive (``@classmethod``, ``#include``).
_CODE_MARK: Final = re.compile(
    r"[()\[\]{}=;]|[a-z]\.[a-z_]|[a-z]\.$|^\.[a-z]|[A-Za-z]_|_[A-Za-z]|^[@#$][a-z]"
)
#: Any of the characters one of the code marks needs: one search (at C speed) instead of a
#: test per character.
_MARK_CHAR: Final = re.compile(r"[()\[\]{}=;._@#$]")
#: A letter (of any script).
_LETTER: Final = re.compile(r"[^\W\d_]")
#: A bare lower-case identifier ("import", "def", "return", "cls").
_IDENTIFIER: Final = re.compile(r"[a-z_][A-Za-z0-9_]{0,40}")


def is_code_token(f: Facts) -> bool:
    """A short line that reads as a piece of code: a code mark or a bare identifier. A URL,
    a rule of underscores or a line without letters is not one."""
    text = f.text
    if f.units > CODE_UNITS or not text:
        return False
    # (most short lines, a menu's items, hold none of the marks and open with no lower-case
    # letter: passed over without the patterns)
    if _MARK_CHAR.search(text) is None:
        # (a bare identifier opens with a lower-case ASCII letter or "_": a menu's items do
        # not, and are passed over without the pattern)
        first = text[0]
        if not ("a" <= first <= "z" or first == "_"):
            return False
        return _IDENTIFIER.fullmatch(text) is not None
    if "://" in text or text.startswith("www.") or _LETTER.search(text) is None:
        return False
    return _CODE_MARK.search(text) is not None or _IDENTIFIER.fullmatch(text) is not None


def code_listings(fs: list[Facts], sc: list[float], prose: float) -> list[tuple[int, int]]:
    """``(start, stop)`` of each stretch of at least CODE_LINES short lines (each below
    ``prose`` and at most CODE_UNITS units) from its first piece of code, CODE_SHARE of whose
    lines are code and at most HEADLINE_SHARE capitalised headlines.

    The stretches of short lines are found from the lines' scores and sizes alone; only the
    lines of those long enough are read (most of a page's short lines stand in shorter ones
    or are menus read once)."""
    out: list[tuple[int, int]] = []
    n = len(fs)
    a = 0
    while a < n:
        if sc[a] >= prose or fs[a].units > CODE_UNITS:
            a += 1
            continue
        b = a + 1
        while b < n and sc[b] < prose and fs[b].units <= CODE_UNITS:
            b += 1
        if b - a >= CODE_LINES:
            listing = _listing(fs, a, b)
            if listing is not None:
                out.append(listing)
        a = b + 1
    return out


def _listing(fs: list[Facts], a: int, b: int) -> tuple[int, int] | None:
    """The listing in the stretch ``a:b`` of short lines, from its first piece of code, or
    None when that part is too short, has too little code or too many headlines."""
    while a < b and not is_code_token(fs[a]):
        a += 1
    size = b - a
    if size < CODE_LINES:
        return None
    code = heads = 0
    most = (1 - CODE_SHARE) * size  # (lines that are not code: beyond it, none is a listing)
    for k in range(a, b):
        f = fs[k]
        if is_code_token(f):
            code += 1
        elif k - a + 1 - code > most:
            return None
        elif f.text[:1].isupper() and f.headline:
            heads += 1
    if code >= CODE_SHARE * size and heads <= HEADLINE_SHARE * size:
        return a, b
    return None
