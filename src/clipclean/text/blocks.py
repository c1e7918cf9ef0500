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
from itertools import accumulate, repeat
from typing import Final

from ..dates import find_date
from ..model import Block, BlockKind, Removal
from ..shape import Facts, utf8_may_have_cjk
from .markup import HEADING, drop_link_numbers, is_markdown, link_numbers, plain_markdown
from .typography import Spacing, enclosed
from .wrap import MAX_WIDTH, is_wide, unwrap, wrap_width

_SPACES: Final = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE: Final = re.compile(r"[\u200b-\u200d\u2060-\u2064\ufeff\u00ad]")
_LIST_MARK: Final = re.compile(r"^(?:[-*•·▪◦‣]|\d{1,3}[.)])\s+(?=\S)")
_MARK_START: Final = frozenset("-*•·▪◦‣")
#: The characters folded or dropped: tab, the odd spaces and the invisible characters.
_ODD_CHARS: Final = "\t\u00a0\u00ad\u202f\u205f\u3000\ufeff" + "".join(
    map(chr, [*range(0x2000, 0x200E), *range(0x2060, 0x2065)])
)


#: The UTF-8 of those from U+2000 (E2 is the lead byte of curly quotes and dashes too).
_ODD_E2: Final = re.compile(rb"\xe2(?:\x80[\x80-\x8d\xaf]|\x81[\x9f-\xa4])")


def _has_odd(data: bytes) -> bool:
    """Has the UTF-8 ``data`` a character of ``_ODD_CHARS`` outside ASCII? Read off the
    bytes: U+00A0 and U+00AD are C2 A0 and C2 AD, U+3000 is E3 80 80, U+FEFF is EF BB BF,
    the others ``_ODD_E2``. A lead byte is looked for first, with ``memchr`` (an ``in`` test
    of an int: with a bytes needle, ``in`` raises and clears a TypeError first); C2 is rare,
    and each one's next byte is read. (A pattern that opens with a literal byte skips to it
    faster than a multi-byte search; an ``in`` test of the text for each character is a
    ``memchr`` of its low byte, which for "\u2061" is every "a".)"""
    if 0xC2 in data:
        last = len(data) - 1
        at = data.find(0xC2)
        while 0 <= at < last:
            nxt = data[at + 1]
            if nxt == 0xA0 or nxt == 0xAD:
                return True
            at = data.find(0xC2, at + 1)
    return (
        (0xE2 in data and _ODD_E2.search(data) is not None)
        or (0xE3 in data and data.find(b"\xe3\x80\x80") >= 0)
        or (0xEF in data and data.find(b"\xef\xbb\xbf") >= 0)
    )


#: A line ending with one of these has finished its sentence (or is a label: "Tags:").
_TERMINAL: Final = (".", "!", "?", "…", ":", ";", "。", "！", "？", '"', "”", "»", "|")
#: A line starting with one of these continues the one before.
_CONTINUATION: Final = (",", ".", ";", ":", ")", "]", "”", "’", "%", "!", "?", "…")
#: A CJK line ending with a comma has not finished its sentence.
_CJK_COMMA: Final = ("、", "，")
#: Words the line before must have for a lower-case line to join it (not a menu of words).
_JOIN_MIN_WORDS: Final = 3
#: Longest linked phrase that is rejoined on the strength of the spaces around it.
_LINK_WORDS: Final = 6


def normalise_line(line: str) -> str:
    """Fold runs of spaces (tabs, no-break spaces) to one and drop invisible characters.
    (The odd characters are looked for in the line's UTF-8: see :func:`_has_odd`, a few
    times cheaper than the pattern's scan of each character.)"""
    if (
        "  " not in line
        and "\t" not in line
        and (line.isascii() or not _has_odd(line.encode("utf-8", "surrogatepass")))
    ):
        return line.strip()  # the common case: nothing to fold
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _is_dateline_start(line: str) -> bool:
    """A short line opening with a date: "segunda-feira, 22 de janeiro de 2018 às 0:13",
    "lundi 4 mars 2024" (weekdays are lower case in many languages)."""
    if len(line) > 80:
        return False
    found = find_date(line)
    return found is not None and found.start <= 25


def _continues(
    prev_raw: str, prev: str, raw: str, line: str, after_raw: str, blank: bool, goes_on: bool
) -> bool:
    """Is ``line`` the rest of the sentence that ``prev`` broke off? ``goes_on``: the sentence
    is known to go on after ``line`` (a bridge joins it: see :func:`_bridges`), so a short
    lower-case ``line`` is no label ("how to" / "in" / "R" / ".")."""
    # a break inside the sentence's own spaces: "led by \nNorthwind Capital\n to expand"
    spaced = prev_raw[-1:] == " " or raw[:1] == " "
    if blank and not spaced:
        return False  # a blank line ends a paragraph unless it fell inside a sentence
    if prev.endswith(_TERMINAL) or line.startswith("> ") or _is_list_item(line):
        return False
    if line.startswith(_CONTINUATION) or prev.endswith(_CJK_COMMA) or _aside_goes_on(line):
        return True
    if line[0].islower():
        if line.startswith(("http", "www.")) or _is_dateline_start(line):
            return False
        if spaced or _goes_on(line):
            return True
        if (
            line.count(" ") < 2
            and not line.endswith((*_TERMINAL, ","))
            and not after_raw.lstrip().startswith(_CONTINUATION)  # ("sah" / ":" ends one)
            and (not goes_on or _is_dateline_start(prev))  # (a date opens no sentence: "von")
        ):
            return False  # "related stories": a label, not the rest of a sentence
        return prev.count(" ") + 1 >= _JOIN_MIN_WORDS
    return (
        prev_raw[-1:] == " "
        and line.count(" ") < _LINK_WORDS
        and (raw[-1:] == " " or after_raw[:1] == " ")
    )


def _goes_on(line: str) -> bool:
    """A lower-case piece of two words or more that ends on a function word ("is a", "sind
    für"): the middle of a sentence (a label never ends so), which the line before opened
    however short it is ("Penny" / "is a" / "villager")."""
    cut = line.rfind(" ")
    return cut > 0 and line[cut + 1 :] in FUNCTION_WORDS


#: An aside in brackets that the sentence goes on after: "(Kanada) gewann …", "(France).".
_ASIDE: Final = re.compile(r"\([^()]{1,40}\) ?(?:[,.;:]|[^\W\d_](?<![A-Z]))")


def _aside_goes_on(line: str) -> bool:
    """Does ``line`` open with an aside in brackets followed by the rest of a sentence (a
    lower-case word or a sentence mark)? A linked name's bracket note: "Shapovalov" /
    "(Kanada) gewann …". (A capital after it may start a sentence: "(Reuters) The …".) A
    line that opens with no bracket, nearly every line asked, is not matched."""
    if line[:1] != "(":
        return False
    m = _ASIDE.match(line)
    return m is not None and (not m.group()[-1].isalpha() or m.group()[-1].islower())


#: Most spaces in a credit after its copyright sign ("© GETTY IMAGES NORTH AMERICA / MADDIE
#: MEYER"); more is a sentence that names a copyright.
_CREDIT_SPACES: Final = 8


def ends_in_credit(line: str) -> bool:
    """Does ``line`` end with a picture's credit after a copyright sign ("Caption. | © Augusta
    National/Getty Images")? A credit ends its caption: what follows is another paragraph,
    though nothing ends the line (a rejoin or a dump's wrapping must not glue them)."""
    at = line.rfind("©")
    if at < 0:
        return False
    tail = line[at + 1 :].strip()
    return (
        len(tail) >= 2
        and tail.count(" ") <= _CREDIT_SPACES
        and not tail.endswith((".", ",", "!", "?", ":", ";"))
        and not any([c in tail for c in "!?;:"])
        and any([c.isalpha() for c in tail])
    )


def _after_credits(lines: list[str]) -> set[int]:
    """The lines that open with a capital right after a line that ends in a credit
    (:func:`ends_in_credit`): each starts a paragraph of its own."""
    return {
        k + 1
        for k in range(len(lines) - 1)
        if "©" in lines[k] and lines[k + 1].lstrip()[:1].isupper() and ends_in_credit(lines[k])
    }


def _is_list_item(line: str) -> bool:
    """A (non-empty) line that opens with a bullet or a number: "- item", "2) step"."""
    first = line[0]
    return (first in _MARK_START or first.isdigit()) and _LIST_MARK.match(line) is not None


#: ``_TERMINAL``, each being one character.
_TERMINAL_CHARS: Final = frozenset(_TERMINAL)
_CONTINUATION_CHARS: Final = frozenset(_CONTINUATION)
#: The code points of the ASCII first characters of a line that may continue the one before:
#: a lower-case letter or one of ``_CONTINUATION`` (any character outside ASCII may, to be sure).
_MAY_CONTINUE: Final = frozenset(map(ord, "abcdefghijklmnopqrstuvwxyz,.;:()]%!?"))
#: First characters a list item (``_LIST_MARK``) or a quote ("> ") can start with.
_KIND_START: Final = re.compile(r"[-*•·▪◦‣>\d]")
#: ``"line N"`` for the first lines: the same strings serve every document.
_LINE_ORIGINS: Final = [f"line {n}" for n in range(2_000)]


def _origins(numbers: list[int]) -> list[str]:
    """``"line N"`` for each line number (ascending)."""
    if numbers[-1] < len(_LINE_ORIGINS):
        return [_LINE_ORIGINS[n] for n in numbers]  # (compiled: no method wrapper call a line)
    return [f"line {n}" for n in numbers]


def _own(line: str) -> tuple[BlockKind, str]:
    """The kind of block a line starts on its own, and its text."""
    if _is_list_item(line):
        return "list_item", line
    if line.startswith("> "):
        return "quote", line[2:].strip()
    return "paragraph", line


def _size(texts: list[str]) -> int:
    """Their characters, all told (a loop: compiled, no call a text through sum and map)."""
    n = 0
    for text in texts:
        n += len(text)
    return n


def _candidates(lines: list[str], raws: list[str], heads: str, tails: str) -> list[int]:
    """The lines that may continue the one before (a superset of what :func:`_continues` takes):
    those starting with a lower-case letter or a continuing mark (``_MAY_CONTINUE``, over the
    first characters of all lines), those after a CJK comma, and, when any line has spaces
    around it, those whose break falls inside spaces. About one line in eight. (Compiled,
    ``ord(heads[k])`` is read in place: no object a line, as a pattern's match would be.)"""
    found = {k for k in range(1, len(heads)) if (c := ord(heads[k])) > 127 or c in _MAY_CONTINUE}
    if "、" in tails or "，" in tails:
        found.update(k + 1 for k, last in enumerate(tails) if last in _CJK_COMMA)
    if _size(raws) != _size(lines):  # (else no line has a space to strip)
        found.update(
            k for k in range(1, len(lines)) if raws[k - 1][-1:] == " " or raws[k][:1] == " "
        )
    return sorted(found)


#: Words no sentence or heading ends on: articles, prepositions and conjunctions that always
#: have something after them (not the particles a verb may end a clause with: "in", "vor").
_FUNCTION_WORDS: Final = (
    "the a an of and or to for from with by as than into"  # en
    " der die das des dem den eine einer eines einem einen und oder von zum zur für über"
    " unter durch gegen ohne im am ins vom beim dass"  # de
    " le la les un une des du de et ou au aux dans sur par pour avec sans sous chez"  # fr
    " el los las una unos unas del y al en con por para sin sobre"  # es
    " il lo gli di della dei delle alla per"  # it
    " het een van en naar voor"  # nl
    " os da dos das em na no com"  # pt
)
#: The same words as a set: a line that opens with one in lower case is no headline.
FUNCTION_WORDS: Final = frozenset(_FUNCTION_WORDS.split())
#: The longest of them: a line whose last word is longer ends on none (lower case or not).
_LONGEST_FUNCTION_WORD: Final = max(map(len, FUNCTION_WORDS))


def _cut_after_stop(line: str, cut: int) -> bool:
    """After a stop (``line[cut - 1]``, the caller's test), the line ends on the capitalised
    function word that opened a new sentence: "… vor der Börse warfen. Die" / "Klimaaktivisten
    …" (a heading does not end on "Die" after a stop)."""
    word = line[cut + 1 :]
    return word[:1].isupper() and word[1:].islower() and word.lower() in FUNCTION_WORDS


def _open_ends(lines: list[str], numbers: list[int], lasts: list[int]) -> set[int]:
    """The lines after a line of three words or more that ends on a function word, with no
    blank line between: the sentence goes on there, whatever the next line looks like (a link
    or a capitalised noun: "… Hänge des" / "Ruster" / "Hügellands"). One look at each
    line's last word (after its last space) in a set: cheaper than a pattern of the words."""
    out: set[int] = set()
    for k in range(len(lines) - 1):
        if numbers[k + 1] - lasts[k] != 1:
            continue  # a blank line after it (most lines)
        line = lines[k]
        cut = line.rfind(" ")
        if (
            0 < cut >= len(line) - 1 - _LONGEST_FUNCTION_WORD  # (no slice of a longer word)
            and (
                line[cut + 1 :] in FUNCTION_WORDS
                or (line[cut - 1] in ".!?" and _cut_after_stop(line, cut))
            )
            and not line[cut - 1].isspace()
            and line.count(" ") >= 2
            and not _is_list_item(lines[k + 1])
            and not lines[k + 1].startswith("> ")
        ):
            out.add(k + 1)
    return out


def _bridges(
    lines: list[str], raws: list[str], numbers: list[int], lasts: list[int], found: list[int]
) -> tuple[set[int], set[int]]:
    """Short lines that an inline element cut out of a sentence on both sides: "Der" /
    "@tarzun" / "würde sagen, dass …" (``get_text("\\n", strip=True)`` keeps no space to
    tell). Such a line joins the open line before it when the line after it goes on as the
    rest of a sentence would (lower case, a sentence mark, an aside in brackets: see
    :func:`_continues`); then that one joins too. Returns the bridges, and those of them the
    next line carries to a sentence mark (it opens or ends with one).

    Read from the end, so that a line such a bridge goes on from is known to be inside the
    sentence however short, when the line before the bridge before it is in the sentence
    (three words or more, or a comma piece): "Am … hielt" / "Steve Jobs" / "eine
    vielbeachtete" / "Rede vor …" / ". Den …". (A list of one-word items, "горох" /
    "помидоры" / "лук" / "сметана" / "(…) и ряд других продуктов.", has no such line; a menu
    reaches no sentence mark.)"""
    out: set[int] = set()
    ended: set[int] = set()
    for c in reversed(found):
        b = c - 1
        line = lines[c]
        if b < 1 or b in out:
            continue
        if not (
            line[0].islower()
            or line[0] in ",;)"
            or (line[0] == "." and line[1:2] != ".")  # (". Then …", not a teaser's "...")
            or _aside_goes_on(line)
        ):
            continue
        a_line, b_line = lines[b - 1], lines[b]
        if a_line[-1] in _TERMINAL_CHARS or b_line[-1] in _TERMINAL_CHARS:
            continue  # (the commonest way out first)
        if (
            b_line.startswith(_CONTINUATION)
            or b_line[-1] in _TERMINAL_CHARS
            or numbers[b] - lasts[b - 1] > 1
            or numbers[c] - lasts[b] > 1
            or b_line.count(" ") >= (_LINK_WORDS if lines[c][0].islower() else 2 * _LINK_WORDS)
            or _is_list_item(b_line)
            or _is_list_item(a_line)
            or (lines[c].count(",") >= 2 and lines[c][-1] not in _TERMINAL_CHARS)
        ):
            continue  # (the last: "Tags" / "stock car, calendário, interlagos", a label's list)
        after = raws[c + 1] if c + 1 < len(lines) else ""
        goes_on = c + 1 in ended and (
            a_line.count(" ") >= _JOIN_MIN_WORDS - 1 or a_line[0] in _CONTINUATION_CHARS
        )
        if _continues("", "a b c", raws[c], lines[c], after, False, goes_on):
            out.add(b)
            if line[0] in _CONTINUATION_CHARS or line[-1] in _TERMINAL_CHARS:
                ended.add(b)
    return out, ended


def _joins(
    lines: list[str],
    raws: list[str],
    numbers: list[int],
    lasts: list[int],
    heads: str,
    credited: set[int],
) -> dict[int, tuple[int, str]]:
    """The runs of lines that make one block: first line -> (its last line, the joined text).

    Only the few :func:`_candidates` after a line left open (not ending a sentence) are asked
    :func:`_continues`. ``heads``: the first character of every line; ``lasts``: the number
    of each line's last input line (a hard-wrapped paragraph spans several); ``credited``:
    the lines after a credit (:func:`_after_credits`), which join none.
    """
    n = len(lines)
    runs: dict[int, tuple[int, str]] = {}
    start = end = -1  # the run of lines ``text`` is made of
    text = ""
    tails = "".join([line[-1] for line in lines[:-1]])  # (compiled: no itemgetter call a line)
    found = _candidates(lines, raws, heads, tails)
    bridges, ended = _bridges(lines, raws, numbers, lasts, found)
    opens = _open_ends(lines, numbers, lasts)
    pairs = enclosed(lines, numbers, lasts, tails)
    extra = bridges | opens | pairs
    if credited:  # a bridge after a credit opens a paragraph: "… | © Getty Images" / "Diese …"
        bridges -= credited
        extra -= credited
    spacing = Spacing(lines)
    for k in sorted({*found, *extra}) if extra else found:
        if (lines[k - 1][-1] in _TERMINAL_CHARS and k not in pairs) or k in credited:
            continue  # the line before ended its sentence
        prev_raw, raw, line = raws[k - 1], raws[k], lines[k]
        if k in pairs or k in bridges or k - 1 in bridges or k in opens:
            if end != k - 1:
                start = end = k - 1
                text = _own(lines[k - 1])[1]
            tight = k in pairs or line.startswith(_CONTINUATION)
            text = spacing.join(text, line, tight)
            runs[start] = (k, text)
            end = k
            continue
        blank = numbers[k] - lasts[k - 1] > 1
        if (
            prev_raw[-1:] != " "
            and raw[:1] != " "
            and (
                blank
                or not (
                    line[0].islower()
                    or line.startswith(_CONTINUATION)
                    or lines[k - 1][-1] in _CJK_COMMA
                    or _aside_goes_on(line)
                )
            )
        ):
            continue  # no break in the sentence's spaces: what :func:`_continues` says
        if end != k - 1:  # line k - 1 starts its block
            start = end = k - 1
            text = _own(lines[k - 1])[1]
        after = raws[k + 1] if k + 1 < n else ""
        if _continues(prev_raw, text, raw, line, after, blank, k + 1 in ended):
            tight = line.startswith(_CONTINUATION) or text.endswith(_CJK_COMMA)
            text = spacing.join(text, line, tight)
            runs[start] = (k, text)
            end = k
    return runs


def _indents_text(raws: list[str]) -> bool:
    """Does the text indent most of its lines, as a dump does (lynx indents paragraphs and
    lists, not headings)? A page's own text, even hard-wrapped in its source, starts at the
    margin."""
    filled = [r for r in raws if r.strip()]
    indented = 0
    for r in filled:  # (compiled: a direct test a line, not a methodcaller call)
        indented += r.startswith(" ")
    return indented >= 0.7 * len(filled)


def _flush_left(raws: list[str]) -> set[int]:
    """The numbers of the lines a dump that indents its text prints at the margin: the
    headings."""
    return {k + 1 for k, r in enumerate(raws) if r[:1] not in ("", " ") and r.strip()}


def _longer(raws: list[str], width: int) -> int:
    """How many lines are longer than ``width`` (a loop: compiled, no call a line)."""
    n = 0
    for raw in raws:
        if len(raw) > width:
            n += 1
    return n


def _unwrapped(
    raws: list[str], text: str, markdown: bool, headings: set[int]
) -> tuple[dict[int, int], bool]:
    """Join the lines of each hard-wrapped paragraph (or Markdown paragraph) into its first
    (see ``wrap.py``), in place: the others become empty. Returns first line number -> last
    line number, and whether the text is a dump that indents its text (see
    :func:`_indents_text`); adds to ``headings`` the lines such a dump set apart as headings."""
    if not markdown and _longer(raws, MAX_WIDTH) * 12 > len(raws):
        return {}, False  # many lines longer than any wrap width: one paragraph a line
    width = 0 if markdown else wrap_width(raws)
    # CJK text is measured in columns, two for a wide character: looked for when the widths in
    # characters found nothing (in the first lines: a dump of a CJK page has them from its menu)
    wide = is_wide(text[:4000]) if markdown or not width else is_wide(text)
    if not width and wide and not markdown:
        width = wrap_width(raws, True)
    if not width and not markdown:
        return {}, False
    # (the line before each line after a credit: the credit's line ends its paragraph)
    ends = frozenset(k - 1 for k in _after_credits(raws)) if "©" in text else frozenset()
    runs = unwrap(raws, width, wide, markdown, ends)
    dump = not markdown and _indents_text(raws)
    if dump:
        headings.update(_flush_left(raws))
    for first, last in runs.items():
        parts = [raws[first].rstrip()]
        for k in range(first + 1, last + 1):
            part = raws[k].strip()
            if part.startswith("> ") and parts[0].lstrip().startswith("> "):
                part = part[2:]
            if (wide and is_wide(part[:1] + parts[-1][-1:])) or part.startswith(_CONTINUATION):
                parts[-1] += part  # CJK wraps between any two characters; ", who" (Markdown)
            else:
                parts.append(part)
            raws[k] = ""
        raws[first] = " ".join(parts)
    return {first + 1: last + 1 for first, last in runs.items()}, dump


_WORD: Final = re.compile(r"\w+")
#: The trace row of a line whose converter markup was read back (link targets, marks).
MARKUP_STAGE: Final = "text_markup"
MARKUP_REASON: Final = (
    "converter markup read back to the text (link targets, emphasis marks, link numbers)"
)


def _read_markup(
    raws: list[str], text: str, markdown: bool, trace: list[Removal] | None
) -> set[int]:
    """Read a converter's markup back to text in place (see ``markup.py``): Markdown links,
    emphasis and escapes, lynx's link numbers. Returns the numbers of the Markdown headings'
    lines (their "#" marks taken off); each line changed goes to ``trace`` as it was."""
    before = list(raws) if trace is not None else []
    headings: set[int] = set()
    if markdown:
        for k, raw in enumerate(raws):
            if not raw:
                continue
            if raw.lstrip()[:1] == "#" and (m := HEADING.match(raw)) is not None:
                raw = m.group(2)
                headings.add(k + 1)
            raws[k] = plain_markdown(raw)
    highest = link_numbers(text)
    if highest:
        raws[:] = [drop_link_numbers(raw, highest) for raw in raws]
    if trace is not None:  # (a line that only lost marks, "#" or "**", loses no word)
        for k, (old, new) in enumerate(zip(before, raws, strict=True)):
            if old != new and _WORD.findall(old) != _WORD.findall(new):
                trace.append(Removal(MARKUP_STAGE, MARKUP_REASON, old.strip(), f"line {k + 1}"))
    return headings


def text_to_blocks(
    text: str, trace: list[Removal] | None = None, utf8: bytes | None = None
) -> list[Block]:
    """Turn text into blocks: a non-empty line (or a hard-wrapped paragraph, its lines joined)
    is a block; blank lines start a new group. Converter markup read back (a Markdown link's
    target, a lynx link number) goes to ``trace`` with the line it was on. ``utf8``: the
    text's UTF-8 when the caller has it (``read.read_utf8``), not to encode it again."""
    raws = text.splitlines()
    markdown = is_markdown(text)
    headings: set[int] = set()
    wrapped, dump = _unwrapped(raws, text, markdown, headings)
    if markdown or "References" in text:
        headings |= _read_markup(raws, text, markdown, trace)
    # (its UTF-8, when it is not ASCII: what the tests for odd spaces and CJK text read)
    if text.isascii():
        data = b""
    else:
        data = utf8 if utf8 is not None else text.encode("utf-8", "surrogatepass")
    if not markdown and "  " not in text and "\t" not in text and not _has_odd(data):
        normal = [raw.strip() for raw in raws]  # nothing to fold anywhere: the common case
    else:
        normal = [normalise_line(raw) for raw in raws]
    # The non-empty lines, their raw text and their numbers (from 1). (Compiled, one loop of
    # direct appends costs less than three passes of filter and compress, which box each
    # number and call through iterators.)
    lines: list[str] = []
    filled: list[str] = []
    numbers: list[int] = []
    for k, line in enumerate(normal):
        if line:
            lines.append(line)
            filled.append(raws[k])
            numbers.append(k + 1)
    if not lines:
        return []
    heads = "".join([line[0] for line in lines])  # (compiled: no itemgetter call a line)
    lasts = [wrapped.get(n, n) for n in numbers] if wrapped else numbers
    # (in a dump wrapped at a width or in Markdown, inline elements never break a line: a
    # line that was not joined above was broken by the page, verse say; a page's text that
    # its source wrapped, printed one text node a line, has both breaks)
    joins = not markdown and not (wrapped and dump)
    credited = _after_credits(lines) if "©" in text else set()
    runs = _joins(lines, filled, numbers, lasts, heads, credited) if joins else {}
    # A blank line before a line that starts a block starts a new group.
    blanks = [numbers[k + 1] - lasts[k] > 1 for k in range(len(numbers) - 1)]
    for first, (last, _) in runs.items():
        blanks[first:last] = repeat(False, last - first)  # (``blanks[k - 1]`` is line k's)
    groups = [0, *accumulate(blanks)]
    origins = _origins(numbers)
    # (a loop, not ``map(Block, …)``: compiled, each block is made by a direct call)
    blocks = [
        Block(lines[k], "paragraph", origins[k], groups[k], numbers[k]) for k in range(len(lines))
    ]
    for m in _KIND_START.finditer(heads):
        k = m.start()
        b = blocks[k]
        b.kind, b.text = _own(b.text)
    if headings:
        for b in blocks:
            if b.line in headings:
                b.kind = "heading"
    if wrapped:
        for b in blocks:
            if b.line in wrapped:
                b.origin = f"lines {b.line}-{wrapped[b.line]} (rewrapped)"
    if runs:
        for first, (last, joined) in runs.items():
            b = blocks[first]
            b.text = joined
            b.origin = f"lines {b.line}-{lasts[last]}"
        gone = {k for first, (last, _) in runs.items() for k in range(first + 1, last + 1)}
        blocks = [b for k, b in enumerate(blocks) if k not in gone]
    # Every line is stripped with its spaces folded: the facts can skip checking. Only two
    # kinds of whitespace are neither folded nor a line break: without them a line's spaces
    # are its only whitespace, and its word count is the article's.
    plain = "\x1f" not in text and "\u1680" not in text
    # (the blocks' characters are the text's: where its UTF-8 has no CJK, theirs has none)
    cjk = utf8_may_have_cjk(data)
    for b in blocks:
        b.facts = Facts(b.text, True, cjk, plain)
    return blocks
