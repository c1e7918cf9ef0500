"""Undo hard wrapping: text dumped at a fixed width (``lynx -dump``, ``w3m -dump``, html2text's
Markdown) has its paragraphs broken into lines of about that width.

Read line by line, such a paragraph is a row of short "lines" that look like junk. The width is
recognised from the text itself: many lines end within a few columns of one width and almost
none go past it. Two lines of one paragraph are then told apart from two lines the page broke
itself (a list, a heading, verse, a ``<br>``) by the mechanism of wrapping: a line was wrapped
only when the next line's first word would not have fitted on it, and the next line goes on at
the same indentation. Those lines are joined, and only those.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

#: Columns below the wrap width where a wrapped line may end (a long next word leaves room).
WINDOW: Final = 8
#: Lines ending in the window needed to say the text is hard-wrapped.
MIN_WRAPPED: Final = 6
#: Narrowest and widest wrap widths looked for.
MIN_WIDTH: Final = 60
MAX_WIDTH: Final = 160
#: Characters a terminal draws two columns wide (CJK, Hangul, full-width forms).
_WIDE: Final = re.compile(r"[\u1100-\u115f\u2e80-\u303e\u3041-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
                   r"\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")  # fmt: skip
#: A list item's mark (``*``, ``+``, ``o``, ``#``, ``@``, ``-``, ``•``, ``1.``) with its space.
_ITEM: Final = re.compile(r"(?:[-*+o#@•·▪◦‣]|\d{1,3}[.)]|[a-z][.)])\s+(?=\S)")
#: What opens a line that cannot continue a paragraph: a Markdown heading, a table row, a rule.
_OWN_LINE: Final = ("#", "|", "___", "---", "===", "* * *")
#: A bulleted list item opens its own line (a number does not: "12. März" may be wrapped text;
#: a numbered item is told by its indentation).
_BULLET: Final = re.compile(r"[-*+•·▪◦‣]\s+(?=\S)")


#: Last characters of a line that ended its sentence.
_SENTENCE_END: Final = frozenset(".!?…。！？")


#: Runs of ``_WIDE`` characters (the pattern opens with the class: a search skips to one in C).
_WIDE_RUNS: Final = re.compile(_WIDE.pattern + _WIDE.pattern + "*")


def _widths(lines: list[str], wide: bool) -> list[int]:
    """Display width of each line's right-stripped text (wide characters count two). The wide
    characters are the length the line loses without them: taken out a run at a time, not
    found one string each."""
    if not wide:
        return [len(line.rstrip()) for line in lines]
    return [2 * len(s) - len(_WIDE_RUNS.sub("", s)) for s in map(str.rstrip, lines)]


def _near_and_over(sizes: list[int]) -> tuple[int, int]:
    """How many sizes are past ``MIN_WIDTH - WINDOW``, and how many past ``MAX_WIDTH`` (a
    loop: compiled, no method wrapper call a line, as ``sum(map(MAX_WIDTH.__lt__, …))``)."""
    near = over = 0
    for size in sizes:
        if size > MIN_WIDTH - WINDOW:
            near += 1
            if size > MAX_WIDTH:
                over += 1
    return near, over


def wrap_width(lines: list[str], wide: bool = False) -> int:
    """The width the text was hard-wrapped at, or 0 when it was not.

    The width ``w`` is the one where most lines end in ``(w - WINDOW, w]`` and hardly any go
    past it (a line past it is an unbreakable word: a URL). A page dumped one paragraph per
    line has its long lines everywhere past any such width."""
    sizes = _widths(lines, True) if wide else [len(line) for line in lines]
    near, over = _near_and_over(sizes)
    if near - over < max(MIN_WRAPPED, 12 * over):
        return 0  # (too few lines near any width for the many past them: the common case)
    sizes.sort()
    longer = sizes[bisect_left(sizes, MIN_WIDTH - WINDOW + 1) :]
    total = len(longer)
    fit = bisect_left(longer, MAX_WIDTH + 1)
    if fit < MIN_WRAPPED or (total - fit) * 12 > fit:
        return 0  # (no width can hold enough lines: the common case, decided in C)
    best, best_w = 0, 0
    # A width needs at least 12/13 of the lines at or under it ((total - stop) * 12 <= inside
    # <= stop, below): the narrower widths are not tried.
    need = -(-12 * total // 13)
    for w in sorted(set(longer[need - 1 :])):
        if w < MIN_WIDTH or w > MAX_WIDTH:
            continue
        stop = bisect_left(longer, w + 1)
        inside = stop - bisect_left(longer, w - WINDOW + 1)
        if inside >= MIN_WRAPPED and (total - stop) * 12 <= inside and inside > best:
            best, best_w = inside, w
    if not best_w:
        return 0
    # Wrapping ends lines wherever a word fell, mostly inside a sentence; a text of one
    # sentence per line ends nearly all of its long lines with a full stop.
    ends = [s.rstrip()[-1:] for s in lines if best_w - WINDOW < len(s) <= best_w]
    stops = sum(map(_SENTENCE_END.__contains__, ends))
    return best_w if stops <= 0.5 * len(ends) else 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content_indent(line: str) -> int:
    """Where the text of a line starts: after its indentation and, for a list item, its mark;
    for a Markdown quote, after "> "."""
    ind = _indent(line)
    rest = line[ind:]
    if rest.startswith("> "):
        return ind + 2
    m = _ITEM.match(rest)
    return ind + m.end() if m else ind


#: A number opening a line as a list item's would ("1. Februar 2022 …", "3) …").
_NUMBER: Final = re.compile(r" *\d{1,3}[.)] ")


def _number_in_text(line: str, nind: int) -> bool:
    """Does ``line`` open with a number that its next line, at the line's own indentation,
    shows to be text ("1. Februar 2022 Ministerin Raab: … frauen-" / "und familienfreundliche
    …": a date), not a numbered item (whose lines hang after the number)?"""
    return nind == _indent(line) and _NUMBER.match(line) is not None


def _first_word(line: str) -> str:
    stripped = line.strip()
    cut = stripped.find(" ")
    return stripped if cut < 0 else stripped[:cut]


def unwrap(
    lines: list[str],
    width: int,
    wide: bool = False,
    markdown: bool = False,
    ends: frozenset[int] = frozenset(),
) -> dict[int, int]:
    """The runs of lines that make one wrapped paragraph: first index -> last index.

    Line ``k + 1`` continues line ``k`` when ``k`` was full (its width, a space and the next
    line's first word pass ``width``), the next line is not blank, starts at the column where
    line ``k``'s text started, and does not open a list item or a Markdown block of its own.
    In ``markdown``, a line needs not be full: Markdown joins a paragraph's lines itself.
    ``ends``: lines known to end their paragraph however full (a caption's credit)."""
    sizes = _widths(lines, wide)
    runs: dict[int, int] = {}
    first = -1
    n = len(lines)
    for k in range(n - 1):
        size = sizes[k]
        nxt = lines[k + 1]
        if not nxt.strip() or (size <= width // 2 if not markdown else not size) or k in ends:
            first = -1
            continue
        if markdown:  # a paragraph's lines all join, but at a hard break ("  " or "\\")
            if lines[k].endswith(("  ", "\\")) or lines[k].lstrip()[:1] in ("#", "|"):
                first = -1
                continue
        else:
            word = _first_word(nxt)
            word_size = len(word) + (len(_WIDE.findall(word)) if wide else 0)
            tight = wide and bool(_WIDE.match(word[:1]) or _WIDE.match(lines[k].rstrip()[-1:]))
            room = 1 if tight else word_size  # a CJK line breaks after any character
            if size + (0 if tight else 1) + room <= width:
                first = -1
                continue
        start = first if first >= 0 else k
        ind = _content_indent(lines[start])
        nind = _indent(nxt)
        rest = nxt[nind:]
        if rest.startswith("> ") and lines[start][ind - 2 : ind] == "> ":
            nind += 2
            rest = rest[2:]
        if nind != ind and not _number_in_text(lines[start], nind):
            first = -1
            continue
        if rest.startswith(_OWN_LINE) or _BULLET.match(rest) is not None:
            first = -1
            continue
        runs[start] = k + 1
        first = start
    return runs


#: The first bytes in UTF-8 of most of ``_WIDE``'s characters (U+3000-U+DFFF, U+F000-): a
#: text without any has none of them but a few rare ones (U+1100-U+115F, U+2E80-U+2FFF).
_WIDE_LEADS: Final = bytes(range(0xE3, 0xEE)) + b"\xef"


def is_wide(text: str) -> bool:
    """Whether the text has characters drawn two columns wide (then widths are counted). A
    look at its UTF-8 lead bytes (in C) rules most texts out before the pattern."""
    if text.isascii():
        return False
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _WIDE_LEADS)) != len(data) and _WIDE.search(text) is not None
