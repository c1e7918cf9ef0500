"""Captions and credits: split into image records, never body text.

Scrapers glue a caption to its credit ("…in 2019.Credit...Erin Schaff/The New York Times",
"… Photograph: Jane Doe/AFP", "(Photo by Jane Doe/Getty Images)", "(AP Photo/Evan Vucci)") and
print an image's description just above its caption. BBC-style pages print the credit first
("Image source, Getty Images") and the caption after ("Image caption, …").
"""

from __future__ import annotations

import re
from typing import Final

from ..model import IMAGE_BEFORE, Block, Draft, Image
from ..scan import ASCII_FOLDS, Joined, pair_code, pair_table
from ..shape import facts, has_sentence_break, word_count
from ..stage import stage
from .credits_text import split_credits

#: A credit glued to (or standing after) a caption; ``credit`` is what follows the marker.
GLUED_CREDIT: Final = re.compile(
    r"(?:^|(?<=[\s.!?”\"'’)\]])|(?<=\w))"
    r"(?:Credits?\s?(?:\.{2,3}|…|:)|Photo\s?(?:graph)?s?\s?(?:credit)?\s?:|Photograph\s?:"
    r"|Picture\s?:|Image\s?(?:credit)?\s?:|Foto\s?:|Bild\s?:|Crédit\s?:|Crédito\s?:"
    r"|Illustration\s?:|Video\s?:)"
    r"\s{0,3}(?P<credit>\S.{0,200})$"
)
#: A parenthesised credit at the end: "(Photo by X)", "(AP Photo/Evan Vucci)", "(Foto: X)",
#: "(Credit: Getty Images)".
PAREN_CREDIT: Final = re.compile(
    r"\s{0,3}\((?P<credit>(?:[A-Z][\w.]{0,15}\s)?(?:Photo|Photograph|Image|Picture|Foto|Bild"
    r"|[Cc]redit(?=s?:))s?"
    r"(?:\s(?:by|credit|courtesy(?: of)?))?\s?[:/]?\s?[^()]{1,150})\)\s{0,3}$"
)
#: BBC style: the credit line comes first ("Image source, EPA"; earlier "Image copyright EPA"),
#: the caption line after.
SOURCE_LINE: Final = re.compile(
    r"^(?:Image|Media|Photo|Video) (?:source|[Cc]opyright),?\s{1,3}(?P<credit>\S.{0,150})$"
)
CAPTION_LINE: Final = re.compile(
    r"^(?:Image|Media|Photo|Video) caption,?\s{0,3}(?P<caption>\S.{0,600})$"
)
#: How SOURCE_LINE and CAPTION_LINE lines open: a lookup before the patterns.
_BBC_HEADS: Final = frozenset(("Image ", "Media ", "Photo ", "Video "))
#: A credit on a line of its own: "Image via Getty Images", "Photo courtesy of NASA", "Photo
#: illustration by Slate", "личный архив Анны Ивановой" (a personal archive), "Bildquelle:
#: dpa", "Crédits photo : AFP", "写真：共同通信".
CREDIT_LINE: Final = re.compile(
    r"^(?:(?:(?:image|photo|picture|foto|bild)s?|photograph(?:s|y)?|photo illustration)"
    r"\s(?:via|by|courtesy(?: of)?|credit:?|von|de|par)"
    r"|(?:photo|image|picture)\s?credit:?|courtesy(?: of)?|source:|quelle:|fuente:|source image:"
    r"|личный архив|из личного архива|archivo personal|bildquelle:|crédits? photos?\s?:"
    r"|写真\s?[:：]|(?:image|photo)s? (?:d'|d’)illustration\s?:|images? illustratives?\s?:)"
    r"(?:(?<=[:：])\s{0,3}|\s{1,3})(?P<credit>\S.{0,120})$",
    re.I,
)
#: A credit's lead alone on its line, the name on the next ("Photograph by" / "Jane Doe, Trust"):
#: a scraper that prints each text node on a line of its own splits a linked credit so.
BARE_CREDIT_LEAD: Final = re.compile(
    r"^(?:(?:image|photo|picture|foto|bild)s?|photograph(?:s|y)?)\s(?:by|von|de|par|via)$",
    re.I,
)
#: Most units of a credit's name line, and how many short lines it may take ("ev", "on",
#: "Unsplash": a linked name and site split one node a line).
CREDIT_NAME_UNITS: Final = 8
CREDIT_PIECES: Final = 3
#: The credit after who is shown (only tried on a line that ends with "photo").
SHOWN_CREDIT_LINE: Final = re.compile(
    r"^(?P<shows>[^\W\d_][\w.'’-]{0,30}(?:\s[\w.'’-]{1,30}){0,4})\s?[\s/]\s?"
    r"(?P<kind>(?:submitted|courtesy|contributed|special to [\w .]{2,30}|staff) photo)$",
    re.I,
)
#: A credit alone on its line, names and agencies between slashes: "Jane Doe/Times/Getty Images".
SLASH_CREDIT_LINE: Final = re.compile(
    r"^[A-Z][\w.'’&-]{0,30}(?:\s[\w.'’&-]{1,30}){0,4}(?:\s?/\s?[A-Z][\w.'’&-]{0,30}"
    r"(?:\s[\w.'’&-]{1,30}){0,4}){1,3}$"
)
#: "Alex Wong | Getty Images": a name and a picture agency or desk between bars.
PIPE_CREDIT_LINE: Final = re.compile(
    r"^[A-Z][\w.'’-]{0,30}(?:\s[\w.'’-]{1,30}){0,4}\s\|\s"
    r"(?:[\w.'’-]{1,30}\s){0,3}(?:Images|Photos?|Pictures|AP|AFP|Reuters|EPA|dpa|Agency)$"
)
#: The longest caption taken from the line above a credit-only line.
MAX_CAPTION_ABOVE: Final = 40
#: A credit in brackets closing a caption: "… map of Titan. (NASA/JPL-Caltech/ASU)".
SLASH_CREDIT: Final = re.compile(
    r"\s\((?P<credit>[^()\s/]{1,40}(?:\s[^()\s/]{1,40}){0,4}/[^()]{1,80})\)$"
)
#: A picture agency in brackets closing a caption: "… in Nogales, Ariz. (AP)".
AGENCY_CREDIT: Final = re.compile(
    r"(?<=[\w.,])\s\((?P<credit>AP|AFP|EPA|Reuters|Getty Images|Getty|dpa|Xinhua|PA|ANP|Kyodo"
    r"|Yonhap|Shutterstock|iStock|Alamy)\)$"
)
#: The names AGENCY_CREDIT takes: a bracket that holds none of them is none of its credits.
_AGENCIES: Final = frozenset(
    (
        *("AP", "AFP", "EPA", "Reuters", "Getty Images", "Getty", "dpa", "Xinhua", "PA"),
        *("ANP", "Kyodo", "Yonhap", "Shutterstock", "iStock", "Alamy"),
    )
)
#: A credit after the caption's last full stop, a name and an agency between slashes:
#: "… in New York, U.S., November 18, 2019. REUTERS/Brendan McDermid", "… 2019.J. Doe / AP file".
SLASH_CREDIT_END: Final = re.compile(
    r"(?<=[.!?”\"])\s?(?P<credit>[A-Z][\w.'’-]{0,30}(?:\s[A-Z][\w.'’-]{0,30}){0,3}\s?/\s?"
    r"[A-Z][\w.'’-]{0,30}(?:\s[\w.'’-]{1,30}){0,3})$"
)
#: A caption that says what the picture shows: "This illustration shows …", "A stock image
#: of …", "In this Sunday, Nov. 10, 2019, photograph, …" (the medium within its first words).
#: (A word can be possessive: what follows it, ``\s``, is no character of a word.)
_PICTURE_WORDS: Final = (
    r"(?:[\w'’.,-]{1,30}+\s){0,5}?(?:illustration|image|photo|photograph|picture|rendering"
    r"|screenshot|file photo|artist'?s? (?:impression|concept))"
)
_NAMES_PICTURE: Final = rf"(?:In\s)?(?:This|These|An?|The)\s{_PICTURE_WORDS}"
DESCRIBES_PICTURE: Final = re.compile(
    rf"^{_NAMES_PICTURE}s?(?:,|\s(?:shows?|of|from|provided|released|taken|made|depicts?)\b)"
    r"|^(?:FILE PHOTO|FILE|HANDOUT|PHOTO|IMAGE)\s?:\s"
)
_PAREN_PREFIX: Final = re.compile(
    r"^(?:Photos?|Photograph|Image|Picture|Foto|Bild|Credit)s?\s?(?:by|credit)?\s?:?\s?", re.I
)

#: Longest caption that says what the picture shows ("This illustration shows …").
MAX_DESCRIBES_WORDS: Final = 50
#: Longest line that can be a caption; longer is a paragraph that happens to mention a photo.
MAX_CAPTION_WORDS: Final = 90
#: Longest caption line on HTML with no image beside it: longer is a paragraph the page glued a
#: credit to ("… der Kartellbehörden.Foto: photocase.de"), its picture elsewhere.
MAX_LOOSE_CAPTION_WORDS: Final = 50

#: The most characters a GLUED_CREDIT match can take (a 21-character marker, up to 204 of
#: credit, a "\n" before ``$``): its search starts that far from the line's end, not at each
#: character of a long line.
_GLUED_SPAN: Final = 230


def split_caption(text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` when ``text`` ends with a credit, else ``None``."""
    if len(text) > 1200:
        return None
    return _split_caption(text, 0 if _HINTS.search(text) else None)


def _split_caption(
    text: str, medium: int | None, named_only: bool = False
) -> tuple[str, str] | None:
    """:func:`split_caption`; ``medium`` is where the text first names a medium as the first
    two patterns need (their match starts at one; 0 if not known), ``None`` only if it names
    none, so that they cannot match and are not run. ``named_only``: only those two (a
    credit that names its medium, "Foto: X"; a bracket or slash alone is no evidence)."""
    if len(text) > 1200:
        return None
    end = len(text)
    named = medium is not None
    m = GLUED_CREDIT.search(text, max(medium, end - _GLUED_SPAN)) if medium is not None else None
    if m:
        credit = m.group("credit").strip()
        caption = text[: m.start()].strip()
        return caption, credit
    # The bracketed credits open at the line's last "(" (they hold no bracket), a space or three
    # before it: their search starts there.
    paren = text.rfind("(") if text.endswith(")") else -1
    m = PAREN_CREDIT.search(text, max(0, paren - 3)) if named and paren >= 0 else None
    if m:
        credit = m.group("credit").strip()
        if credit.split("/")[0].split()[-1:] in (["Photo"], ["Photos"]):  # "AP Photo/Evan Vucci"
            credit = credit.split("/", 1)[-1].strip() if "/" in credit else credit
        else:
            credit = _PAREN_PREFIX.sub("", credit).strip()
        return text[: m.start()].strip(), credit
    if named_only:
        return None
    # (both take the bracket at ``paren``: SLASH_CREDIT a "/" inside it, AGENCY_CREDIT an
    # agency's name as all it holds)
    slash = paren >= 0 and text.find("/", paren) >= 0
    m = SLASH_CREDIT.search(text, max(0, paren - 1)) if slash else None
    if m and m.group("credit")[0].isupper():
        return text[: m.start()].strip(), m.group("credit").strip()
    agency = paren >= 0 and text[paren + 1 : -1] in _AGENCIES
    m = AGENCY_CREDIT.search(text, max(0, paren - 1)) if agency else None
    if m:
        return text[: m.start()].strip(), m.group("credit")
    m = SLASH_CREDIT_END.search(text, max(0, end - 120)) if "/" in text[-80:] else None
    if m and word_count(text[: m.start()]) >= 4:
        return text[: m.start()].strip(), m.group("credit").strip()
    return None


#: Cheap substring checks before the credit patterns run: a caption line names its medium.
_HINTS: Final = re.compile(
    "redit|hoto|icture|mage|Foto|Bild|rédit|llustration|Video|ourtesy|ource|uelle|uente|aption"
    "|рхив|rchivo|写真"
)


def _may_be_caption(text: str, named: bool) -> bool:
    """Whether a credit pattern can hold in ``text`` at all; ``named``: it names a medium as
    GLUED_CREDIT needs, and so holds a hint."""
    if (text.endswith(")") or "/" in text[-80:]) and len(text) <= 1200:
        return True  # "… (NASA/JPL-Caltech)", "… (AP)", "… 2019. REUTERS/Jane Doe"
    if ("/" in text or "|" in text) and (text.endswith(")") or len(text) <= 120):
        return True  # "… (NASA/JPL-Caltech)", "Jane Doe/Getty Images"
    if len(text) <= 300:
        return named or _HINTS.search(text) is not None
    # a marker opens the line ("Image caption, …") or stands in its last 250 characters
    return (
        _HINTS.search(text, 0, 30) is not None or _HINTS.search(text, len(text) - 250) is not None
    )


#: The medium GLUED_CREDIT and PAREN_CREDIT need named (they are case-sensitive), as literal
#: words: each opens with a capital, rare in text, which ``str.find`` skips to at C speed
#: (:meth:`Joined.literal_starts`; a pattern's scan of the document per word costs several
#: times more, and one pattern with many first characters is a slow step per character).
_MEDIUM_WORDS: Final = (
    "Credit",
    "Crédit",
    "Photo",
    "Picture",
    "Image",
    "Illustration",
    "Foto",
    "Bild",
    "Video",
)
#: What else a caption check needs within a line: the slash or bar of a credit line, the
#: "архив" of "личный архив …", the "写真" of "写真：…" (literal words, found the same way).
_OTHER_WORDS: Final = ("/", "|", "архив", "写真")


def _line_openings(any_case: tuple[str, ...], exact: tuple[str, ...]) -> str:
    """An alternation of the ways a line can open: the ``any_case`` words as ``(?i:…)`` matches
    them, the ``exact`` patterns as written (each opens with a literal character); one branch
    per first character, that character a literal. A branch that opens with a literal fails at
    one compare on a line that does not open so, where a class or a case-folded compare is a
    slow step per branch at every line (this was the stage's costliest scan)."""
    rests: dict[str, list[str]] = {}
    for word in any_case:
        same = re.compile(f"(?i:{word[0]})").fullmatch
        for c in (word[0].upper(), word[0], *ASCII_FOLDS):  # what re.I matches to word[0]
            if same(c):
                rests.setdefault(c, []).append(f"(?i:{word[1:]})")
    for pattern in exact:
        rests.setdefault(pattern[0], []).append(pattern[1:])
    return "|".join(f"{re.escape(c)}(?:{'|'.join(r)})" for c, r in rests.items())


#: How a line opens that SOURCE_LINE, CAPTION_LINE, CREDIT_LINE or DESCRIBES_PICTURE can take
#: (its "PHOTO" and "IMAGE" are among the any-case words; _NAMES_PICTURE is spelled out by
#: its first letters).
_OPENING_WORDS: Final = (
    "image",
    "media",
    "photo",
    "picture",
    "video",
    "foto",
    "bild",
    "courtesy",
    "source",
    "quelle",
    "fuente",
    "archivo",
)
_OPENS: Final = _line_openings(
    _OPENING_WORDS,
    (
        rf"In\s(?:This|These|An?|The)\s{_PICTURE_WORDS}",
        rf"Th(?:is|ese|e)\s{_PICTURE_WORDS}",
        rf"An?\s{_PICTURE_WORDS}",
        "FILE",
        "HANDOUT",
    ),
)
#: The cue at a "\n" between two lines: the line after opens as above (group ``open``), or
#: the line before closes with a bracket or "photo" ("Jane Doe Submitted photo"). The
#: definition of :meth:`_Cued._edges`, which finds the same lines a line at a time.
_EDGE_CUE: Final = re.compile(rf"\n(?:(?P<open>{_OPENS})|(?<=\)\n)|(?<=photo\n))")
_CLOSES: Final = (")", "photo")
#: :data:`_OPENS` alone, tried where a line starts in the joined text (it may run on past the
#: line's end, as in the scan of the joined text).
_OPENS_AT: Final = re.compile(f"(?:{_OPENS})")


def _cases(c: str) -> tuple[str, str]:
    return c.lower(), c.upper()


#: The first two characters (ASCII) :data:`_OPENS` can start with: its case-sensitive
#: openings, each any-case word in either case of its letters (re.I), and "A" before a space
#: (or another control character).
_OPENING_PAIRS: Final = frozenset(
    [
        *("In", "Th", "FI", "HA", "An"),
        *(a + b for w in _OPENING_WORDS for a in _cases(w[0]) for b in _cases(w[1])),
        *("A" + chr(c) for c in range(33)),
    ]
)
#: :data:`_OPENING_PAIRS` as a table (:func:`scan.pair_table`): a look-up in place, no string
#: made a line.
_PAIRS: Final = pair_table(_OPENING_PAIRS.__contains__)
#: The any-case words by their first two characters (lower-cased), and the longest.
_WORDS_BY_HEAD: Final[dict[str, tuple[str, ...]]] = {}
for _word in _OPENING_WORDS:
    _WORDS_BY_HEAD[_word[:2]] = (*_WORDS_BY_HEAD.get(_word[:2], ()), _word)
_LONGEST_WORD: Final = max(map(len, _OPENING_WORDS))


def _may_open(text: str, at: int) -> bool:
    """Whether :data:`_OPENS_AT` can match ``text`` at ``at`` (a line's first character, not
    the text's last; a superset): by the first two characters, then an any-case word in full or
    a case-sensitive opening's first word."""
    code = pair_code(_PAIRS, text, at)
    if code < 0:
        # (each branch opens with an ASCII character or one re.I folds to ASCII: the pattern
        # decides those)
        return ord(text[at]) < 128 or text[at] in ASCII_FOLDS
    if code == 0:
        return False
    head = text[at : at + _LONGEST_WORD]
    words = _WORDS_BY_HEAD.get(head[:2].lower())
    if words is None:
        return _may_name_picture(head)
    # (a head the pattern sees in other cases: it decides)
    return not head.isascii() or head.lower().startswith(words)


def _may_name_picture(head: str) -> bool:
    """Whether a case-sensitive opening of :data:`_OPENS` ("FILE", "HANDOUT", "This photo
    …") can match a line that opens with ``head`` (its first characters, two or more, two of
    them a pair of :data:`_OPENING_PAIRS`; a superset): its first word whole and a space
    after it ("There", "Another" are none), a look that costs less than the pattern's try."""
    first = head[0]
    if first == "A":
        end = 2 if head[1] == "n" else 1  # "An", "A"
    elif first == "I":
        end = 2  # "In"
    elif first == "T":
        if head.startswith("This"):
            end = 4
        elif head.startswith("These"):
            end = 5
        elif head.startswith("The"):
            end = 3
        else:
            return False
    else:
        return head.startswith(("FILE", "HANDOUT"))
    after = head[end : end + 1]
    # (``\s`` there; a control character or one outside ASCII stands for it: a superset)
    return after != "" and (ord(after) <= 32 or ord(after) >= 128)


#: The first characters of CREDIT_LINE's openings that :func:`_may_open` does not take
#: ("Crédit photo", "Личный архив", "Из личного архива", "写真").
_CREDIT_FIRSTS: Final = "cCлЛиИ写"


def _may_credit(text: str, opens: bool) -> bool:
    """Whether CREDIT_LINE can match ``text`` (a superset), ``opens`` being :func:`_may_open`
    of it: each of its openings but four is one of :data:`_OPENING_WORDS`."""
    return opens or text[:1] in _CREDIT_FIRSTS


class _Cued(Joined):
    """The lines a caption check can take (a superset: the checks decide), found by scanning
    the joined lines once per cue instead of testing every line."""

    __slots__ = ("named",)

    def __init__(self, texts: list[str]) -> None:
        super().__init__(texts)
        #: Lines that name a medium as GLUED_CREDIT and PAREN_CREDIT need, and where in the
        #: line the first is.
        self.named = self.literal_starts(_MEDIUM_WORDS)

    def candidates(self) -> list[int]:
        """Indices of the lines that hold any cue, in order."""
        return sorted(self.named.keys() | self.literal_hits(_OTHER_WORDS) | self._edges())

    def _edges(self) -> set[int]:
        """The lines :data:`_EDGE_CUE` finds in :attr:`text` (the one a "\n" opens, the one it
        closes, or both), a line at a time: a look at a line's head and end rules out most,
        where the pattern's scan stopped at every "\n" of the document to try its branches."""
        found: set[int] = set()
        text = self.text
        starts = self.starts
        opens = _OPENS_AT.match
        for i, line in enumerate(self.lines):
            at, end = starts[i], starts[i + 1] - 1  # (the line's "\n" is at ``end``)
            if at == end:
                continue
            last = ord(text[end - 1])
            if (
                last == 41  # ")"
                or (last == 111 and line.endswith("photo"))  # "o"
                or (_may_open(text, at) and opens(text, at) is not None)
            ):
                found.add(i)
            elif "\n" in line:  # (a "\n" inside a line is one the pattern stops at too)
                at = text.find("\n", at, end)
                while at >= 0:
                    if text.endswith(_CLOSES, 0, at) or opens(text, at + 1) is not None:
                        found.add(i)
                        break
                    at = text.find("\n", at + 1, end)
        return found


#: A line cut short by the page: "… to strengthen the military relations ..", "… at ... more".
_TRUNCATED_END: Final = re.compile(r"\s?(?:\.{2,3}|…)(?:\s?[^\W\d_]{1,10})?$")
_TRUNCATED_SPAN: Final = 20  # "…" or "...", a space and a ten-letter word, a "\n" before ``$``
#: Characters a cut-short copy of a caption must keep to be matched with the caption.
_SAME_PREFIX: Final = 40


def _same_caption(a: str, b: str) -> bool:
    """``a`` and ``b`` are one caption: the same line, or one of them cut short by the page
    ("…", ".. more") and the start of the other."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) > 300:
        return False
    # (the end can be no longer than _TRUNCATED_SPAN: the search starts there)
    m = _TRUNCATED_END.search(short, max(0, len(short) - _TRUNCATED_SPAN))
    if m is None:
        return False
    cut = short[: m.start()] + short[m.end() :]  # (what .sub("", short) leaves: one match)
    return len(cut) >= _SAME_PREFIX and long.startswith(cut)


def _starts(blocks: list[Block]) -> dict[str, list[str]]:
    """Long lines by their first characters: copies of one caption share them."""
    out: dict[str, list[str]] = {}
    for b in blocks:
        if len(b.text) > _SAME_PREFIX:
            out.setdefault(b.text[:_SAME_PREFIX], []).append(b.text)
    return out


def _gallery_caption_above(
    blocks: list[Block], i: int, drops: list[tuple[Block, str]], starts: dict[str, list[str]]
) -> Block | None:
    """The caption of a credit-only line ("Photo: Jane Doe, AP") in a gallery: the line just
    above it (past other credit lines), when the page prints that line more than once (in
    full and cut short, or once per gallery view). A paragraph of the article is printed once."""
    dropped = {id(b) for b, _ in drops[-4:]}
    k = i - 1
    while k >= 0 and id(blocks[k]) in dropped:
        k -= 1
    if k < 0 or blocks[k].group != blocks[i].group or id(blocks[k]) in dropped:
        return None
    above = blocks[k]
    if facts(above).words > MAX_CAPTION_WORDS or len(above.text) <= 40:
        return None
    copies = _copies(above.text, starts)
    return above if len(copies) >= 2 else None


def _copies(text: str, starts: dict[str, list[str]]) -> list[str]:
    return [t for t in starts.get(text[:_SAME_PREFIX], ()) if _same_caption(t, text)]


def _seen_or_started(texts: list[str], seen: set[str], by_start: dict[str, list[str]]) -> list[int]:
    """Indices of the lines that are a caption in ``seen`` or start like one in ``by_start``
    (the lines a repeated caption can be). (A comprehension: compiled, each lookup is a direct
    call, where ``map`` over the ``__contains__`` wrappers passed a tuple a line.)"""
    return [i for i, t in enumerate(texts) if t in seen or t[:_SAME_PREFIX] in by_start]


def _credit_name(blocks: list[Block], k: int) -> list[Block]:
    """The lines that name whom a bare credit lead credits, from ``k``: a short line that is no
    sentence, and up to two one- or two-word lines after it ("on", "Unsplash"); else none."""
    out: list[Block] = []
    for b in blocks[k : k + CREDIT_PIECES]:
        f = facts(b)
        if f.units > (CREDIT_NAME_UNITS if not out else 2) or f.ends:
            break
        out.append(b)
        if f.units > 2:
            break
    return out


#: A paragraph's shape: a sentence of this many words, or two sentences (a break inside, a
#: word of four letters or more and its stop, not "Dr."), at least :data:`PROSE_MIN_WORDS`.
PROSE_MIN_WORDS: Final = 20
PROSE_ONE_SENTENCE_WORDS: Final = 30


def _prose_paragraph(block: Block) -> bool:
    """A paragraph of prose, whole, not a caption: a dump that prints a picture's credit on the line
    right under a paragraph (no blank line: ``lynx -dump`` of an inline figure) makes the two
    one group, the shape of "description, then caption and credit"."""
    f = facts(block)
    return (
        f.ends
        and not block.text.endswith(("…", ".."))  # a gallery's caption cut short
        and f.words >= PROSE_MIN_WORDS
        and (f.words >= PROSE_ONE_SENTENCE_WORDS or has_sentence_break(block.text))
    )


@stage("captions")
def captions(draft: Draft) -> None:
    """Caption lines with a credit marker, BBC "Image source/Image caption" pairs, and alt texts."""
    blocks = draft.blocks
    drops: list[tuple[Block, str]] = []
    taken: set[int] = set()
    starts: dict[str, list[str]] | None = None  # built when a gallery credit is first met
    texts = [b.text for b in blocks]  # (compiled, an attribute read, not attrgetter's call)
    cued = _Cued(texts)
    # On HTML a credit shape without a medium named (a slash between names, a bracket) is
    # taken only beside an image: a table row, an address, a legal reference look the same.
    html = draft.kind == "html"
    for i in cued.candidates():
        if i in taken:
            continue
        block = blocks[i]
        text = block.text
        medium = cued.named.get(i)
        named = medium is not None
        if not _may_be_caption(text, named):
            continue
        f = facts(block)
        bbc = text[:6] in _BBC_HEADS
        src = SOURCE_LINE.match(text) if bbc else None
        if src:
            image = Image(credit=src.group("credit").strip())
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            cap = CAPTION_LINE.match(nxt.text) if nxt is not None else None
            draft.add_image(image, block)
            drops.append((block, "image credit"))
            if nxt is not None and cap:
                image.caption = cap.group("caption").strip()
                drops.append((nxt, "image caption"))
                taken.add(i + 1)
            continue
        cap = CAPTION_LINE.match(text) if bbc else None
        if cap:
            draft.add_image(Image(caption=cap.group("caption").strip()), block)
            drops.append((block, "image caption"))
            continue
        # (how CREDIT_LINE, BARE_CREDIT_LEAD and DESCRIBES_PICTURE lines open: _may_credit)
        opens = _may_open(text, 0) if len(text) > 1 else False
        cred = CREDIT_LINE.match(text) if f.size <= 140 and _may_credit(text, opens) else None
        if cred:
            draft.add_image(Image(credit=cred.group("credit").strip()), block)
            drops.append((block, "image credit"))
            continue
        if f.size <= 30 and opens and BARE_CREDIT_LEAD.match(text):
            name = _credit_name(blocks, i + 1)
            if name:
                credit = " ".join([b.text for b in name])
                draft.add_image(Image(credit=credit), block)
                drops += [(b, "image credit") for b in (block, *name)]
                taken.update(range(i + 1, i + 1 + len(name)))
                continue
        shown = SHOWN_CREDIT_LINE.match(text) if f.low.endswith(" photo") else None
        if shown:  # "Jane Doe Submitted photo": who is shown, then the credit
            draft.add_image(Image(caption=shown.group("shows"), credit=shown.group("kind")), block)
            drops.append((block, "image credit"))
            continue
        prev = blocks[i - 1] if i > 0 else None
        # (an image beside the line, or beside the caption just above it: image, caption, credit)
        loose = html and not (
            block.image_side or (prev is not None and prev.image_side & IMAGE_BEFORE)
        )
        if (
            not loose
            and f.size <= 120
            and " " in text
            and "A" <= text[0] <= "Z"
            and (
                ("/" in text and SLASH_CREDIT_LINE.match(text))
                or ("|" in text and PIPE_CREDIT_LINE.match(text))
            )
        ):
            image = Image(credit=text)
            if (
                prev is not None
                and not block.image_side & IMAGE_BEFORE  # (an image between: not its caption)
                and not any(b is prev for b, _ in drops[-2:])
                and 4 <= word_count(prev.text) <= MAX_CAPTION_ABOVE
                and not prev.text.endswith(":")
                and not SLASH_CREDIT_LINE.match(prev.text)
            ):
                image.caption = prev.text  # "Caption\nJane Doe/Getty Images"
                drops.append((prev, "image caption"))
            draft.add_image(image, prev if image.caption else block)
            drops.append((block, "image credit"))
            continue
        if f.words > (MAX_LOOSE_CAPTION_WORDS if loose else MAX_CAPTION_WORDS):
            continue
        parts = _split_caption(text, medium, loose)
        if parts is None:
            if f.words <= MAX_DESCRIBES_WORDS and opens and DESCRIBES_PICTURE.match(text):
                draft.add_image(Image(caption=text), block)
                drops.append((block, "image caption (describes the picture)"))
            continue
        caption, credit = parts
        image = Image(caption=caption or None, credit=credit or None)
        prev = blocks[i - 1] if i > 0 and (i - 1) not in taken else None
        alt: Block | None = None
        if (
            prev is not None
            and prev.group == block.group
            and (i < 2 or blocks[i - 2].group != block.group)
            and (i + 1 >= len(blocks) or blocks[i + 1].group != block.group)
            and word_count(prev.text) <= 40
            and not any(b is prev for b, _ in drops[-1:])
            and not (draft.kind == "text" and _prose_paragraph(prev))
        ):
            alt = prev  # a two-line group: description above, caption and credit below
        gallery = False
        if not caption and alt is None:
            starts = _starts(blocks) if starts is None else starts
            alt = _gallery_caption_above(blocks, i, drops, starts)
            gallery = alt is not None
        if not caption and alt is not None:
            # "Caption\nPhoto: X": the line above is the caption, not a description
            image.caption = (
                max(_copies(alt.text, starts), key=len) if gallery and starts else alt.text
            )
            draft.add_image(image, alt)
            drops.append((alt, "image caption"))
        else:
            if alt is not None:
                image.alt = alt.text
                draft.add_image(image, alt)
                drops.append((alt, "image description (alt text)"))
            else:
                draft.add_image(image, block)
        drops.append((block, "image caption and credit"))
    drops += split_credits(draft, {id(b) for b, _ in drops})
    # galleries print a caption again without its credit, or cut short ("…"): those copies
    # are captions too
    seen = {i.caption for i in draft.images if i.caption} | {i.alt for i in draft.images if i.alt}
    if seen:
        gone = {id(b) for b, _ in drops}
        by_start: dict[str, list[str]] = {}  # (one dict lookup per line, not one per caption)
        for c in seen:
            if len(c) > _SAME_PREFIX:
                by_start.setdefault(c[:_SAME_PREFIX], []).append(c)
        drops += [
            (b, "image caption repeated")
            for b in map(blocks.__getitem__, _seen_or_started(texts, seen, by_start))
            if id(b) not in gone
            and len(b.text) > 20
            and (
                b.text in seen
                or any(_same_caption(b.text, c) for c in by_start.get(b.text[:_SAME_PREFIX], ()))
            )
        ]
    draft.remove_many(drops)
