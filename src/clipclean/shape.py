"""What a line looks like: sentence, headline, person's name. Shared by the stages.

These judge by punctuation, length and capitalisation rather than English words, so that they
hold for other languages too.
"""

from __future__ import annotations

import re
import string
from typing import Final

from .controls import has_any_byte
from .model import Block

#: The last characters of a sentence (each one character: a set lookup of the last one is
#: cheaper than ``endswith`` of each).
_END_PUNCT: Final = frozenset(".!?…\"”’'):。！？»«")
_NAME_TOKEN: Final = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|(?:de|da|del|der|den|van|von|le|la|al|bin|ibn|dos|du|di|y|ter|zu)|O['’][A-Z]\w+|Mc\w+)$"
)
#: Capitalised words that start headlines or sentences, not names.
_NOT_NAME: Final = frozenset(
    (
        "The A An This That These Those How Why What When Where Who Is Are Was Were In On At For "
        "From With And Or But Not Our Your My His Her Their Its We You They It By To Of Home "
        "News Sport Sports World Business Opinion Video Photo Image More Read Share Menu Search "
        "Subscribe Advertisement Related Comments Topics Tags Live Latest Top Most "
        "Prev Previous Next Back Zurück Weiter Vorherige Nächste Précédent Suivant Anterior "
        "Siguiente Próximo Precedente Successivo Vorige Volgende "
    ).split()
)


def word_count(text: str) -> int:
    """Whitespace-separated words; counts spaces when the text is already space-normalised."""
    text = text.strip()
    if not text:
        return 0
    if "  " in text or "\t" in text or "\n" in text:
        return len(text.split())
    return text.count(" ") + 1


#: Scripts written without spaces between words (CJK; Thai, Lao, Myanmar, Khmer).
_CJK_CLASS: Final = (
    r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
_CJK: Final = re.compile(_CJK_CLASS)
#: The bytes of ASCII letters and digits (what ``str.isalpha`` / ``isdigit`` take of ASCII).
_ASCII_LETTERS: Final = string.ascii_letters.encode()
_ASCII_DIGITS: Final = string.digits.encode()
#: The other ASCII bytes.
_ASCII_NOT_DIGITS: Final = bytes(c for c in range(128) if c not in _ASCII_DIGITS)


#: The first bytes in UTF-8 of ``_CJK``'s characters (of U+0800-U+1FFF, U+3000-U+9FFF,
#: U+A000-U+DFFF, U+F000-).
_CJK_LEADS: Final = b"\xe0\xe1" + bytes(range(0xE3, 0xEE)) + b"\xef"
#: The ASCII bytes: what is left of a UTF-8 text without them is its other characters.
_ASCII_BYTES: Final = bytes(range(128))


def utf8_may_have_cjk(data: bytes) -> bool:
    """False when the text whose UTF-8 is ``data`` has no ``_CJK`` character: the bytes have
    none of its first bytes. (Looking for those bytes in C beats testing each character with
    the pattern.)"""
    return has_any_byte(data, _CJK_LEADS)


#: CPython's ``str.lower`` called as a function: mypyc compiles ``text.lower()`` to a
#: character-by-character mapping that misses the one context rule of Unicode's lowercasing, a
#: Greek capital sigma ending a word ("ΟΔΟΣ" gives "οδοσ", CPython "οδος"), so the compiled and
#: the pure build would read Greek cues differently.
_STR_LOWER: Final = str.lower


def lower(text: str) -> str:
    """``text.lower()`` as CPython gives it, in both builds (see :data:`_STR_LOWER`)."""
    return _STR_LOWER(text) if "Σ" in text else text.lower()


def units(text: str) -> int:
    """Words, counting CJK text (written without spaces) as one word per two characters."""
    if text.isascii():
        return word_count(text)
    return _cjk_units(text, -1)


def _cjk_units(text: str, words: int) -> int:
    """:func:`units` of a text outside ASCII; ``words`` is its :func:`word_count` when the
    caller has it (else -1). One pass over the characters' codes: the words are the runs of
    characters neither CJK (``_CJK``) nor whitespace (what ``str.split`` splits at), and the
    CJK characters count one word per two. (Compiled, no string is made a character: a
    pattern's replacement of each run, then a split, cost twice as much.)"""
    cjk = pieces = 0
    inside = False
    for i in range(len(text)):
        c = ord(text[i])
        if c < 128:
            gap = c == 32 or 9 <= c <= 13 or 28 <= c <= 31
        elif _is_cjk_code(c):
            cjk += 1
            gap = True
        else:
            gap = _is_other_space_code(c)
        if gap:
            inside = False
        elif not inside:
            pieces += 1
            inside = True
    if not cjk:
        return words if words >= 0 else word_count(text)
    return pieces + cjk // 2


def _is_cjk_code(c: int) -> bool:
    """Is ``chr(c)`` a character of ``_CJK``?"""
    return (
        0x3040 <= c <= 0x30FF
        or 0x3400 <= c <= 0x9FFF
        or 0xAC00 <= c <= 0xD7AF
        or 0xFF66 <= c <= 0xFF9F
        or 0x0E00 <= c <= 0x0EFF
        or 0x1000 <= c <= 0x109F
        or 0x1780 <= c <= 0x17FF
    )


def _is_other_space_code(c: int) -> bool:
    """Is ``chr(c)``, outside ASCII, whitespace (``str.isspace``)?"""
    return (
        c == 0x85
        or c == 0xA0
        or c == 0x1680
        or 0x2000 <= c <= 0x200A
        or c == 0x2028
        or c == 0x2029
        or c == 0x202F
        or c == 0x205F
        or c == 0x3000
    )


#: 1 at the code of each ASCII character of ``_END_PUNCT``, else 0; and the codes of the
#: others.
_END_ASCII: Final = bytes(int(chr(c) in _END_PUNCT) for c in range(128))
_END_OTHER: Final = frozenset(ord(c) for c in _END_PUNCT if ord(c) >= 128)


def _ends_sentence(text: str) -> bool:
    """``text[-1:] in _END_PUNCT``, read off the last character's code (compiled, no string
    made or looked up in the set: a look a line)."""
    if not text:
        return False
    c = ord(text[-1])
    return _END_ASCII[c] == 1 if c < 128 else c in _END_OTHER


def ends_like_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in _END_PUNCT


def is_sentence_like(text: str, min_words: int = 8) -> bool:
    """A line of running prose: long enough and ending with sentence punctuation."""
    return units(text) >= min_words and ends_like_sentence(text)


#: The last characters a headline does not end on (but for an ellipsis). (A set of them: an
#: ``endswith`` of a tuple written out builds the tuple each call, compiled; declared of any
#: length, the tuple is kept as it is.)
_NO_HEADLINE_END: Final = frozenset(".:,;")
_ELLIPSES: Final[tuple[str, ...]] = ("...", "…")


def is_headline_like(text: str, n: int | None = None) -> bool:
    """A headline: a few words to a couple dozen, no full stop at the end, some letters.
    ``n`` is the text's :func:`units` when the caller has it already."""
    if len(text) > 250:
        return False
    if n is None:
        n = units(text)
    if not 2 <= n <= 30:
        return False
    stripped = text.rstrip()
    if stripped[-1:] in _NO_HEADLINE_END and not stripped.endswith(_ELLIPSES):
        return False
    if text.isascii():  # (its letters are A-Z and a-z: one pass in C counts them)
        letters = len(text) - len(text.encode().translate(None, _ASCII_LETTERS))
    else:  # the same of its UTF-8, and a test a character only of those outside ASCII
        data = text.encode("utf-8", "surrogatepass")
        other = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
        letters += sum(map(str.isalpha, other))
    return letters >= 0.6 * (len(text) - text.count(" "))


#: Two sentences in one line: a word of four letters or more, its stop, a space and a letter
#: ("… am Montag. Die …"; not "Dr. Smith", "U.S. troops").
_SENTENCE_BREAK: Final = re.compile(r"[^\W\d_]{4}[.!?] [^\W\d_]")


def has_sentence_break(text: str) -> bool:
    """Does a sentence end inside ``text`` (:data:`_SENTENCE_BREAK`)? A line without a stop and
    a space after it has none: those ``in`` tests (C's fast search) spare most lines the
    pattern, which tries every letter of a long line."""
    return (". " in text or "! " in text or "? " in text) and (
        _SENTENCE_BREAK.search(text) is not None
    )


def has_digit(text: str) -> bool:
    """Has ``text`` a digit (``str.isdigit``)? Read off its UTF-8 bytes in C: an ASCII digit
    among them, else a digit among the few characters outside ASCII (a test a character was
    the slow way)."""
    if text.isascii():
        return len(text.encode().translate(None, _ASCII_DIGITS)) != len(text)
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_DIGITS)
    if len(rest.translate(None, _ASCII_DIGITS)) != len(rest):
        return True
    return any(map(str.isdigit, rest.decode("utf-8", "surrogatepass")))


#: Most letters of a name's part (between hyphens; "Schlichenmayer" has 14): a longer word is
#: a compound noun ("Weltmeisterschaften"), and the line a headline, not a name.
NAME_PART: Final = 16


def _long_part(token: str) -> bool:
    return any(len(part) > NAME_PART for part in token.split("-"))


def is_person_name(text: str) -> bool:
    """A bare person's name: 2-5 capitalised tokens (particles and initials allowed)."""
    text = text.strip()
    if not 3 <= len(text) <= 60:
        return False
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    if tokens[0] in _NOT_NAME or tokens[-1] in _NOT_NAME:
        return False
    caps = 0
    for tok in tokens:
        if not _NAME_TOKEN.match(tok) or (len(tok) > NAME_PART and _long_part(tok)):
            return False
        caps += tok[0].isupper()
    # (the digit test last: its bytes' pass costs more than the tests most texts fail)
    return caps >= 2 and tokens[-1][0].isupper() and not has_digit(text)


#: Words that make a capitalised pair an organisation ("Associated Press"), not a person.
_ORG_WORDS: Final = frozenset(
    (
        "Press News Staff Agency Reuters Times Post Wire Media Desk Team Editors Editorial Board "
        "Service Network Journal Herald Tribune Daily Magazine Radio Television TV Online Presse "
        "Agence Redaktion Rédaction Redacción Agencia Nachrichten Newsroom United States Kingdom"
    ).split()
)


def is_org_name(text: str) -> bool:
    """A capitalised name with an organisation's word in it: "Associated Press", "CNN Staff"."""
    return any(t in _ORG_WORDS for t in text.split())


def is_bare_name(text: str) -> bool:
    """A person's name standing alone, without "By": :func:`is_person_name` with no word that
    headlines, menus and organisations use ("Breaking News Emails", "Associated Press")."""
    return is_person_name(text) and all(
        t not in _NOT_NAME and t not in _ORG_WORDS for t in text.split()
    )


#: What separates names in a byline: "A, B and C", "A & B", "A und B", "A et B", "A y B".
#: (The spaces around a separator are stripped from the parts, not matched: a pattern that
#: opens with ``\s*`` would be quadratic on a long run of spaces.) Each word's ``\b`` before
#: it is checked behind its first letter: every branch then opens with a literal character,
#: so the scan skips to those few (``\b`` first, it tried every branch at every place).
_NAME_SEPARATOR: Final = re.compile(
    r",|;|&|a(?<=\ba)nd\b|u(?<=\bu)nd\b|e(?<=\be)t\b|y(?<=\by)\b|e(?<=\be)\b"
)


def split_names(text: str) -> list[str]:
    """Split "A, B and C" / "A & B" / "A y B" into names; [] unless every part is a name."""
    parts = _NAME_SEPARATOR.split(text.strip())
    names = [p.strip() for p in parts if p.strip()]
    if names and all(is_person_name(n) for n in names):
        return names
    return []


#: The characters :func:`separator_ratio` counts (the separators stage pre-checks lines by them).
SEPARATOR: Final = re.compile(r"[|•·/\\\-–—_=*~>»«:]")
#: 1 at the code of each of its ASCII characters, else 0.
_SEPARATOR_ASCII: Final = bytes(int(chr(c) in "|/\\-_=*~>:") for c in range(128))


def separator_count(text: str) -> int:
    """``len(SEPARATOR.findall(text))``. (A loop: compiled, each character's code is read in
    place and looked up in a table; the pattern sets up a search and makes a list of matches,
    several times the cost on the short lines the stages ask about.)"""
    n = 0
    for i in range(len(text)):
        c = ord(text[i])
        if c < 128:
            n += _SEPARATOR_ASCII[c]
        elif c in (0xB7, 0xBB, 0xAB, 0x2022, 0x2013, 0x2014):  # · » « • – —
            n += 1
    return n


def separator_ratio(text: str) -> float:
    """Share of non-space characters that are separators (| • · / - _ = * ~ >)."""
    chars = len(text) - text.count(" ")
    if not chars:
        return 0.0
    return separator_count(text) / chars


class Facts:
    """What the stages ask about a line, worked out once per block instead of once per stage.

    Twenty stages each asking "how many words? does it end a sentence? in lower case?" of
    every line was most of the text path's time; here each answer is an attribute.
    """

    __slots__ = (
        "_digit",
        "_headline",
        "_low",
        "base",
        "ends",
        "intro",
        "plain",
        "scored",
        "size",
        "text",
        "units",
        "words",
    )

    def __init__(
        self, text: str, normal: bool = False, cjk: bool = True, plain: bool = False
    ) -> None:
        """``normal``: the caller knows ``text`` is stripped, one space between words (scraped
        text lines are made so), which spares three scans of every line. ``cjk`` false: the
        caller knows it holds no CJK text (all of a document's lines are cleared at once by
        :func:`utf8_may_have_cjk`). ``plain``: the caller knows the text has no whitespace but
        its single spaces, so ``words`` can stand for ``len(text.split())`` (the article's
        word count)."""
        self.text = text
        self.size = len(text)
        padded = not normal and (text[:1].isspace() or text[-1:].isspace())
        if padded or (not normal and ("  " in text or "\t" in text or "\n" in text)):
            words = len(text.split())  # not space-normalised (an HTML block may not be)
        else:
            words = text.count(" ") + 1 if text else 0
        self.words = words
        self.units = words if not cjk or text.isascii() else _cjk_units(text, words)
        self.ends = _ends_sentence(text.rstrip() if padded else text)
        self._low: str | None = None
        #: ``words`` is known to be ``len(text.split())``: no whitespace but single spaces.
        self.plain = plain
        self._headline: bool | None = None
        self._digit: bool | None = None
        #: The line's score without context and whether it may introduce a list, kept by
        #: ``stages.span`` (the only place that works them out) once ``scored`` is set:
        #: three stages score the same lines.
        self.scored = False
        self.base = 0.0
        self.intro = False

    @property
    def low(self) -> str:
        """The line in lower case (:func:`lower`), made when first asked for: most stages ask
        it only of short lines, and the long paragraphs hold most of a page's characters."""
        low = self._low
        if low is None:
            low = self._low = lower(self.text)
        return low

    @property
    def headline(self) -> bool:
        """:func:`is_headline_like`, asked by several stages of the same lines."""
        if self._headline is None:
            self._headline = is_headline_like(self.text, self.units)
        return self._headline

    @property
    def digit(self) -> bool:
        """:func:`has_digit`, asked by several stages of the same lines."""
        if self._digit is None:
            self._digit = has_digit(self.text)
        return self._digit


def facts(block: Block) -> Facts:
    """The block's :class:`Facts`, computed on first use and again if its text changed."""
    f: Facts | None = block.facts
    if f is None or f.text is not block.text:
        f = block.facts = Facts(block.text)
    return f
