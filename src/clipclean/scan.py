"""Finding the few lines a stage's patterns can take, instead of trying every line.

Twenty stages each calling a pattern (or a row of ``in`` tests) on every line was most of the
text path's time: the cost was the Python call per line, not the matching. Two shortcuts:

- :class:`Joined`: the lines joined into one text, so a cue pattern finds the lines it hits in
  one C-level scan of the document (a pattern that opens with a literal character skips ahead
  to it), a Python step per hit. The answer is a superset of the lines where the cue matches
  within the line alone (a match may run across a line break; the stage still checks each
  line it is given), so a stage that checks its candidates exactly gives the same result as
  one that tried every line.
- :func:`heads` / :func:`starts_like`: a look at a line's first two characters, as a ``re.I``
  pattern sees them, before the pattern runs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Final

#: The characters outside ASCII that a ``re.I`` pattern matches to an ASCII letter (İ ı ſ and
#: the Kelvin sign): a stage that rules out a line by its ASCII letters must let these through.
ASCII_FOLDS: Final = "\u0130\u0131\u017f\u212a"


class Joined:
    """``lines`` joined into one text with a "\n" before and after each (so a cue can say
    "at the start of a line" as ``\n…`` and "at its end" as ``…\n``), and where each starts."""

    __slots__ = ("_starts", "last", "lines", "text")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.text = "\n".join(["", *lines, ""])
        self.last = len(lines) - 1
        self._starts: list[int] = []  # (made on the first hit)

    @property
    def starts(self) -> list[int]:
        """Where each line starts in :attr:`text` (after its "\n")."""
        if not self._starts:
            # (a loop, not ``accumulate``: compiled, an addition of machine integers a line,
            # where the iterator added Python integers)
            starts = [1] * (len(self.lines) + 1)
            at = 1
            for i, line in enumerate(self.lines):
                at += len(line) + 1
                starts[i + 1] = at
            self._starts = starts
        return self._starts

    def line_at(self, pos: int) -> int:
        """The line a position of :attr:`text` is in; the "\n" before a line is that line's."""
        return bisect_right(self.starts, pos + 1) - 1

    def hits(self, cues: tuple[re.Pattern[str], ...]) -> dict[int, int]:
        """The lines where any of ``cues`` finds a match, each with where in the line the first
        match starts (-1 for one that opens on the "\n" before it)."""
        found: dict[int, int] = {}
        text, last = self.text, self.last
        for cue in cues:
            search = cue.search
            m = search(text)
            while m is not None:
                i = self.line_at(m.start())
                starts = self._starts
                at = m.start() - starts[i]
                if found.get(i, at) >= at:
                    found[i] = at
                if i >= last:
                    break
                m = search(text, starts[i + 1] - 1)  # a match may cross a line break
        return found

    def word_hits(self, words: tuple[str, ...]) -> set[int]:
        """The lines that hold any of ``words`` (literal, none holding a "\n"), found with
        ``str.find`` of each whole word: the C search skips through the text fast whatever the
        word's first character (:meth:`literal_starts` takes a Python step at each place its
        first character stands: the way for words opening with a rare one), a step per hit."""
        found: set[int] = set()
        text, last = self.text, self.last
        # (``text.find`` called as a method: compiled, a direct call; see :meth:`literal_starts`)
        for word in words:
            at = text.find(word)
            while at >= 0:
                i = self.line_at(at)
                found.add(i)
                if i >= last:
                    break
                at = text.find(word, self._starts[i + 1])
        return found

    def literal_hits(self, words: tuple[str, ...]) -> set[int]:
        """The lines that hold any of ``words`` (literal): :meth:`literal_starts`' lines."""
        return set(self.literal_starts(words))

    def literal_starts(self, words: tuple[str, ...]) -> dict[int, int]:
        """What :meth:`hits` gives for patterns that are the literal ``words``, found with
        ``str.find`` of each word's first character (the words that share it in one pass): a
        search for one character skips through the text several times faster than a
        pattern's scan, so this is the faster way for words that open with a character rare in
        text (a capital, "©", "著作権", "/")."""
        found: dict[int, int] = {}
        text, last = self.text, self.last
        # (``text.find`` called as a method, not through a bound one kept in a local: compiled,
        # that is a direct call, where the other packs its arguments into a tuple and parses
        # them, which cost more than the search; ``startswith`` with a start has no such call)
        for first, group in _by_first(words):
            at = text.find(first)
            while at >= 0:
                if not _opens(text, at, group):
                    at = text.find(first, at + 1)
                    continue
                i = self.line_at(at)
                starts = self._starts
                pos = at - starts[i]
                if found.get(i, pos) >= pos:
                    found[i] = pos
                if i >= last:
                    break
                at = text.find(first, starts[i + 1])
        return found


#: :func:`_by_first`'s groups, kept per ``words`` (the stages pass their module constants).
_GROUPS: Final[dict[tuple[str, ...], list[tuple[str, list[str]]]]] = {}


def _by_first(words: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """``words`` grouped by their first character, in order: made once per ``words``."""
    groups = _GROUPS.get(words)
    if groups is None:
        firsts = dict.fromkeys([word[0] for word in words])
        groups = _GROUPS[words] = [(c, [w for w in words if w[0] == c]) for c in firsts]
    return groups


def _opens(text: str, at: int, words: list[str]) -> bool:
    """``text.startswith(tuple(words), at)`` for words that open with ``text[at]``, compared a
    character at a time (most differ at the second: compiled, cheaper than a call of
    ``startswith`` with a start, or a ``find`` in a text of wider characters than the word,
    which copies the word to their width first), as code points: compiled, ``ord(text[i])``
    reads the character in place, where ``text[i]`` makes a string of it."""
    end = len(text)
    for word in words:
        k, n = 1, len(word)
        while k < n and at + k < end and ord(text[at + k]) == ord(word[k]):
            k += 1
        if k == n:
            return True
    return False


def branches(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``: ``a|b(?:c|d)|[|]`` gives ``a``,
    ``b(?:c|d)`` and ``[|]`` (a ``|`` inside a group, a class or after a backslash is not one)."""
    out: list[str] = []
    depth, start, i, n = 0, 0, 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: to its closing "]" (one right after "[" or "[^" is literal)
            i += 2 if pattern.startswith("[^", i) else 1
            i += pattern[i] == "]"
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and not depth:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def by_first_character(
    alternatives: list[str], word: bool = False, after: str = ""
) -> tuple[re.Pattern[str], ...]:
    """``alternatives`` (each opening with a literal character) as one pattern per opening
    character, for :meth:`Joined.hits`: a pattern that opens with one literal character is
    scanned for it in a tight loop, where one whose branches open with many characters tests
    each place against them all, and one that opens with ``\\b`` tries every branch at every
    place (two to three times the time). ``word``: each must open a word (the ``\\b`` before
    the alternation, checked behind its first character); ``after`` follows every one.
    Together the patterns find the lines (and the places in them) the alternation finds."""
    rests: dict[str, list[str]] = {}
    for alt in alternatives:
        first = alt[:1]
        if not first or first in "\\()[].^$*+?{|" or alt[1:2] in ("*", "+", "?", "{"):
            raise ValueError(f"an alternative that opens with no literal character: {alt!r}")
        rests.setdefault(first, []).append(alt[1:])
    return tuple(
        [
            re.compile(
                re.escape(first)
                + (rf"(?<=\b{re.escape(first)})" if word else "")
                + f"(?:{'|'.join(rest)}){after}"
            )
            for first, rest in rests.items()
        ]
    )


def heads(*words: str) -> frozenset[str]:
    """What :func:`starts_like` compares: each word's first two characters, lower-cased (its
    first one when the second is not ASCII), and the same in every other case of their ASCII
    letters ("by", "By", "bY", "BY"): a line's first characters are looked up as they stand,
    with no lower-cased copy made of them (``x.lower() in heads`` holds just as before). The
    words are how a ``re.I`` pattern's lines start, literally (no class or ``\\s`` in their
    first two characters)."""
    out: set[str] = set()
    for w in words:
        if w[:2].isascii():
            if len(w) < 2:
                raise ValueError(f"a head needs two characters: {w!r}")
            out.update(_cases(w[:2].lower()))
        else:
            first = w[:1].lower()
            out.update(_cases(first) if first.isascii() else (first,))
    return frozenset(out)


def _cases(ascii_text: str) -> list[str]:
    """``ascii_text`` in every case of its letters (the strings whose ``lower()`` it is)."""
    out = [""]
    for c in ascii_text:
        out = [s + v for s in out for v in dict.fromkeys((c.lower(), c.upper()))]
    return out


def starts_like(text: str, heads: frozenset[str]) -> bool:
    """Whether ``text`` can start with one of the words ``heads`` was made from, as a ``re.I``
    pattern sees it: a look at two characters that rules out most lines before the pattern.
    An ASCII letter matches only its other case under ``re.I`` (``heads`` holds both); a line
    that starts outside ASCII is let through unless its first character, lower-cased, starts
    no word. (Compiled, ``ord(head[i])`` reads a character in place: no method call a line.)"""
    head = text[:2]
    if head in heads:
        return True
    if not head:
        return False
    if ord(head[0]) < 128:  # an ASCII head not among them; one with its second outside ASCII
        return len(head) == 2 and ord(head[1]) >= 128
    first = head[:1]
    return first.lower() in heads or first in ASCII_FOLDS


def pair_table(code: Callable[[str], int]) -> str:
    """``code`` (0 to 9, or a bool) of each pair of ASCII characters, as a string a line's first two are
    looked up in by :func:`pair_code`: a stage's test of how a line opens, made once, then
    read in place (no string made or lower-cased a line)."""
    return "".join([str(int(code(chr(c1) + chr(c2)))) for c1 in range(128) for c2 in range(128)])


def pair_code(table: str, text: str, at: int = 0) -> int:
    """The code :func:`pair_table` holds for the two characters of ``text`` at ``at`` (its
    first two by default), or -1 when they are not two ASCII characters (the caller's own test
    decides those)."""
    if len(text) >= at + 2:
        c1, c2 = ord(text[at]), ord(text[at + 1])
        if c1 < 128 and c2 < 128:
            return ord(table[128 * c1 + c2]) - 48
    return -1
