"""UTF-8 read back as Latin-1: "MaÃŸnahmen", "kÃ¶nnen" for "Maßnahmen", "können" (one home
for the repair: scraped text in :func:`repair`, a page's short meta fields in :func:`unmangled`).

A scraper that took a page's UTF-8 bytes for Latin-1 (a text browser without the page's
charset, say) prints each accented letter as two characters, "Ã" or "Â" and one from the range
U+0080-U+00BF. Encoded back to Latin-1 such a pair is valid UTF-8, which plain text almost never
is by chance; only a text with several such pairs is repaired, pair by pair.
"""

from __future__ import annotations

import re

#: The characters Windows-1252 gives the bytes 0x80-0x9F (where Latin-1 has controls).
_CP1252_TRAIL = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
#: A lead character of a two- to four-byte UTF-8 sequence read as Latin-1 (or Windows-1252),
#: and its trail.
_PAIR = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf" + _CP1252_TRAIL + r"]{1,3}")
#: Pairs a text needs before it is taken for UTF-8 read as Latin-1.
MIN_PAIRS = 3


def _as_utf8(text: str, codecs: tuple[str, ...]) -> str:
    """``text`` encoded back with the first of ``codecs`` that gives valid UTF-8, decoded as
    UTF-8; ``text`` itself when none does."""
    for codec in codecs:
        try:
            return text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return text


def _decoded(m: re.Match[str]) -> str:
    return _as_utf8(m.group(), ("latin-1", "cp1252"))


def repair(text: str) -> str:
    """``text`` with its UTF-8-read-as-Latin-1 pairs decoded (when it has several)."""
    if "Ã" not in text and "Â" not in text:
        return text
    if len(_PAIR.findall(text)) < MIN_PAIRS:
        return text
    return _PAIR.sub(_decoded, text)


#: One such pair, or the start of "–" / "’" read as Windows-1252 ("â€").
_ANY_PAIR = re.compile("[ÃÂ][\u0080-\u00bf]|â€")


def unmangled(text: str) -> str:
    """A short field stored the same way (a CMS's meta description, "MÃ¤scot"), decoded back
    whole ("Mäscot") when all of it decodes; other text as it is. A field is too short for
    :func:`repair`'s count of pairs, and a whole-field decode either works or leaves it."""
    if not _ANY_PAIR.search(text):
        return text
    return _as_utf8(text, ("cp1252", "latin-1"))
