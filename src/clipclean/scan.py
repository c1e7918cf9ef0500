"""The draft's blocks as one text, so a stage finds the lines it cares about in one regex pass.

Twenty stages each calling a pattern (or a row of ``in`` tests) on every line was most of the
text path's time: the cost was the Python call per line, not the matching. Here the blocks
are joined once (original and lower-cased, one line each) and a stage asks for the indices of
the lines where a pattern matches: one C-level scan of the document, a Python step per hit.

The answer is a superset of the lines where the pattern matches within the line alone (a match
may run across a line break; the stage still checks each line it is given), so a stage that
checks its candidates exactly gives the same result as one that tried every line.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .model import Block, Draft
from .shape import facts

#: The characters outside ASCII that a ``re.I`` pattern matches to an ASCII letter (İ ı ſ and
#: the Kelvin sign): a stage that rules out a line by its ASCII letters must let these through.
ASCII_FOLDS = "\u0130\u0131\u017f\u212a"


class Scan:
    """The joined text of ``blocks`` and where each block starts in it."""

    __slots__ = ("_text", "blocks", "low", "starts")

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        lows = [facts(b).low for b in blocks]
        self.low = "\n".join(lows)
        starts = []
        pos = 0
        for low in lows:
            starts.append(pos)
            pos += len(low) + 1
        self.starts = starts
        self._text: tuple[str, list[int]] | None = None

    def lines(self, pattern: re.Pattern[str], *, original: bool = False) -> list[int]:
        """Indices of the blocks in which ``pattern`` finds a match, in order.

        ``pattern`` runs over the lower-cased text (``original=True``: the text as written);
        compile it with ``re.M`` when it uses ``^`` or ``$`` for the line's ends."""
        text, starts = self.original() if original else (self.low, self.starts)
        out: list[int] = []
        search = pattern.search
        pos, end = 0, len(text)
        n = len(starts)
        while pos <= end:
            m = search(text, pos)
            if m is None:
                break
            i = bisect_right(starts, m.start()) - 1
            out.append(i)
            if i + 1 >= n:
                break
            pos = starts[i + 1]  # the next line: one hit a line is enough
        return out

    def original(self) -> tuple[str, list[int]]:
        """The joined text as written, and where each block starts in it (made on first use:
        lower-casing may change a line's length)."""
        if self._text is None:
            texts = [b.text for b in self.blocks]
            starts = []
            pos = 0
            for t in texts:
                starts.append(pos)
                pos += len(t) + 1
            self._text = ("\n".join(texts), starts)
        return self._text


def scan(draft: Draft) -> Scan:
    """The :class:`Scan` of the draft's current blocks, made again when they changed (stages
    replace ``draft.blocks`` when they remove; none edits a block's text in place)."""
    s: Scan | None = draft.scan
    if s is None or s.blocks is not draft.blocks:
        s = draft.scan = Scan(draft.blocks)
    return s


def cue(*words: str) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` (literal, lower-case) for :meth:`Scan.lines`."""
    return re.compile("|".join(map(re.escape, words)))


def heads(*words: str) -> frozenset[str]:
    """What :func:`starts_like` compares: each word's first two characters, lower-cased (its
    first one when the second is not ASCII). The words are how a ``re.I`` pattern's lines
    start, literally (no class or ``\\s`` in their first two characters)."""
    out = set()
    for w in words:
        if w[:2].isascii():
            if len(w) < 2:
                raise ValueError(f"a head needs two characters: {w!r}")
            out.add(w[:2].lower())
        else:
            out.add(w[:1].lower())
    return frozenset(out)


def starts_like(text: str, heads: frozenset[str]) -> bool:
    """Whether ``text`` can start with one of the words ``heads`` was made from, as a ``re.I``
    pattern sees it: a look at two characters that rules out most lines before the pattern.
    An ASCII letter matches only its other case under ``re.I``; a line that starts outside
    ASCII is let through unless its first character, lower-cased, starts no word."""
    head = text[:2]
    if head.isascii():
        return head.lower() in heads
    first = head[:1]
    return first.isascii() or first.lower() in heads or first in ASCII_FOLDS
