"""Bylines and datelines near the headline: authors, the publication date, the update date.

A byline is "By X and Y" (with an optional organisation after a comma, bar or dash) or, next
to a dateline, a bare person's name. A dateline is a line that is a date and little else;
"Updated" before a date makes it the modification date.
"""

from __future__ import annotations

import re
from typing import Final

from ..dates import MONTHS, ZONES, find_date
from ..model import Block, Draft
from ..scan import heads
from ..shape import (
    _NAME_TOKEN,
    _NOT_NAME,
    _ORG_WORDS,
    is_bare_name,
    is_org_name,
    split_names,
    word_count,
)
from ..stage import stage
from .span import header_zone

BY_PREFIX: Final = re.compile(
    r"^(?:by|von|par|por|di|door|av|af|text|written by|words by|story by|posted by|author)"
    r"\s?:?\s+(?P<rest>\S.{0,250})$",
    re.I,
)
#: How a line BY_PREFIX takes can start (see :func:`by_prefix`).
BY_HEADS: Final = heads(
    "by", "von", "par", "por", "di", "door", "av", "af", "text", "written by", "words by",
    "story by", "posted by", "author",
)  # fmt: skip


#: A dash or bullet before a byline: "-- By Michael Russell", "— Von Anna Schmidt".
_LEADING_MARK: Final = re.compile(r"^(?:[-–—•·*]+|>)\s?")
_MARKS: Final = frozenset("-–—•·*>")


def by_prefix(text: str) -> re.Match[str] | None:
    """``BY_PREFIX.match(text)``, the pattern tried only on a line that can start like it
    (most lines cannot: a look at two characters is cheaper than the ``re.I`` pattern). A
    leading dash or bullet is passed over."""
    if text[:1] in _MARKS:
        text = _LEADING_MARK.sub("", text)
    # (a line that starts outside ASCII is tried: re.I folds a few letters; ``heads`` holds
    # each head in every case)
    head = text[:2]
    return BY_PREFIX.match(text) if head in BY_HEADS or not head.isascii() else None


#: A byline's role on a line of its own: "Contributing Writer", "Opinion Columnist".
ROLE_LINE: Final = re.compile(
    r"^(?:(?:senior|staff|contributing|chief|deputy|associate|guest|opinion|political|foreign"
    r"|national|white house|washington|business|sports|tech|science|health|special|freelance"
    r"|executive|managing|news|digital|investigative)\s){0,2}"
    r"(?:writer|reporter|correspondent|columnist|editor|contributor|photographer|producer"
    r"|journalist|critic|analyst)(?:\s?[,|]\s?[\w .]{2,30})?$",
    re.I,
)
#: The words :data:`ROLE_LINE` opens with (its first word of "white house").
_ROLE_WORDS: Final = tuple(
    (
        "senior staff contributing chief deputy associate guest opinion political foreign"
        " national white washington business sports tech science health special freelance"
        " executive managing news digital investigative writer reporter correspondent"
        " columnist editor contributor photographer producer journalist critic analyst"
    ).split()
)
_ROLE_HEADS: Final = heads(*_ROLE_WORDS)
#: Their first three letters: those of an ASCII line that matches, lower-cased.
_ROLE_HEADS3: Final = frozenset(w[:3] for w in _ROLE_WORDS)
#: :data:`ROLE_LINE` without ``re.I``, for an ASCII line lower-cased: the same match, where
#: the case-blind pattern compares each of its many words a character at a time through
#: Unicode's case tables (about three times the cost).
_ROLE_LOW: Final = re.compile(ROLE_LINE.pattern)


def role_line(text: str) -> bool:
    """``ROLE_LINE.match(text)``, tried only on a line that starts like it (a look at two
    characters) and, of ASCII, lower-cased against :data:`_ROLE_LOW`."""
    h = text[:2]
    if h in _ROLE_HEADS:
        if text.isascii():  # (its first three characters first: most lines fail them)
            return text[:3].lower() in _ROLE_HEADS3 and _ROLE_LOW.match(text.lower()) is not None
        return ROLE_LINE.match(text) is not None
    return not h.isascii() and ROLE_LINE.match(text) is not None


#: "By" on a line of its own, the names on the next.
_LONE_BY: Final = re.compile(
    r"^(?:by|von|par|por|di|door|av|af|written by|words by|authors?|autor(?:in)?|auteur)\s?:?$",
    re.I,
)
_LONE_HEADS: Final = heads(
    "by", "von", "par", "por", "di", "door", "av", "af", "written by", "words by", "author",
    "autor", "auteur",
)  # fmt: skip
_SEGMENT: Final = re.compile(r"(?:(?<!\s)\s*)?(?:,|\||\s[-–—]\s|\s/\s)\s*")
_UPDATED: Final = re.compile(
    r"\b(?:updated|modified|aktualisiert|mis à jour|actualizado|aggiornato)\b", re.I
)
_DATE_WORDS: Final = frozenset(
    [
        *MONTHS,
        *(z.lower() for z in ZONES),
        *(
            "published posted updated modified last first on at am pm a.m. p.m. uhr um le de del "
            "date time publié publicado veröffentlicht aktualisiert mis à jour actualizado "
            "aggiornato pubblicato monday tuesday wednesday thursday friday saturday sunday mon tue "
            "tues wed thu thurs fri sat sun montag dienstag mittwoch donnerstag freitag samstag "
            "sonntag lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles "
            "jueves viernes sábado domingo st nd rd th er "
            # labels and weekdays in the languages dates.MONTHS reads (no articles or
            # prepositions: "Il 19 febbraio 2020 è morto" must keep its three words)
            "ultima modifica modificato pubblicazione lunedì martedì mercoledì giovedì venerdì "
            "sabato domenica atualizado modifié "
            "gepubliceerd bijgewerkt maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
            "publicerad uppdaterad publiceret opdateret publisert oppdatert måndag tisdag onsdag "
            "torsdag fredag lördag söndag mandag tirsdag lørdag søndag opublikowano "
            "zaktualizowano aktualizacja poniedziałek wtorek środa czwartek piątek sobota "
            "niedziela publikováno aktualizováno pondělí úterý středa čtvrtek pátek neděle "
            "julkaistu päivitetty maanantai tiistai keskiviikko torstai perjantai lauantai "
            "sunnuntai közzétéve frissítve hétfő kedd szerda csütörtök péntek szombat vasárnap "
            "опубликовано обновлено понедельник вторник среда четверг пятница суббота "
            "воскресенье"
        ).split(),
    ]
)
_ALPHA: Final = re.compile(r"[^\W\d_][\w.]*")


#: More words than a dateline has ("Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019").
MAX_DATELINE_WORDS: Final = 24
MAX_DATELINE_CHARS: Final = 160


def is_dateline(text: str) -> bool:
    """A date and little else: at most two words that are not date words."""
    if (
        len(text) > MAX_DATELINE_CHARS
        or text.count(" ") >= MAX_DATELINE_WORDS
        or find_date(text) is None  # (first: the stages before looked, it is remembered)
    ):
        return False
    return _undated_words(text, DATELINE_OTHER_WORDS) <= DATELINE_OTHER_WORDS


#: Words that are no date words a dateline may hold.
DATELINE_OTHER_WORDS: Final = 2


def _undated_words(text: str, most: int) -> int:
    """How many words of ``text`` (:data:`_ALPHA`) are no date words (lower-cased, a full
    stop after them dropped), counted up to one more than ``most``. An ASCII line is
    lower-cased whole, not a word at a time (its words stay where they are)."""
    ascii_ = text.isascii()
    n = 0
    for w in _ALPHA.findall(text.lower() if ascii_ else text):
        if not ascii_:
            w = w.lower()
        if w[-1] == ".":
            w = w.rstrip(".")
        if w not in _DATE_WORDS:
            n += 1
            if n > most:
                break
    return n


def _fix_caps(name: str) -> str:
    """ "MARY CLARKE and DAVID OKAFOR" -> "Mary Clarke and David Okafor"."""
    if not any(w.isupper() and len(w) > 1 for w in name.split()):
        return name
    return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in name.split())


#: The characters :data:`_SEGMENT` cannot split a line without.
_SPLITTERS: Final = (",", "|", "-", "–", "—", "/")


def _segments(rest: str) -> list[str]:
    """The non-empty parts of ``rest`` between separators (``_SEGMENT``); most bylines have
    no separator, and a look for its characters is cheaper than the pattern's scan."""
    if not any(c in rest for c in _SPLITTERS):
        return [rest] if rest else []
    return [s for s in _SEGMENT.split(rest) if s]


def parse_byline(text: str) -> tuple[list[str], str | None] | None:
    """``(authors, organisation)`` for a byline line, else ``None``."""
    m = by_prefix(text)
    if not m:
        return None
    segments = _segments(m.group("rest").strip())
    fixed = [_fix_caps(s) for s in segments]  # (once, not once for each k)
    for k in range(len(segments), 0, -1):
        names = split_names(", ".join(fixed[:k]))
        if names:
            org = segments[k] if k < len(segments) else None
            if is_org_name(names[-1]):  # "By Jane Doe and Associated Press"
                org = org or names[-1]
                names = names[:-1]
            return names, org
    rest = m.group("rest").strip()
    if word_count(rest) <= 6 and rest[:1].isupper():
        return [], rest  # an agency or desk: "By Reuters", "By CNN Staff"
    return None


def _date_into(draft: Draft, text: str, block: Block) -> bool:
    """Propose the dates of a dateline; True when at least one was found."""
    found = find_date(text)
    if found is None:
        return False
    field = "modified" if _UPDATED.search(text[: found.start]) else "published"
    draft.propose(field, found.iso, 0.7 if field == "published" else 0.6)
    second = find_date(text[found.end :])
    if second is not None and field == "published":
        draft.propose("modified", second.iso, 0.6)
    draft.marks["header_end"] = max(draft.marks.get("header_end", -1), block.seq)
    return True


def _roles(draft: Draft) -> list[tuple[Block, str]]:
    """Lines that are a byline's role: short lines that start like one (a look at two
    characters, cheaper than the ``re.I`` pattern), checked by the pattern."""
    return [(b, "byline role") for b in draft.blocks if len(b.text) <= 60 and role_line(b.text)]


#: The particles :data:`shape._NAME_TOKEN` takes in lower case ("de", "van").
_PARTICLES: Final = frozenset(
    "de da del der den van von le la al bin ibn dos du di y ter zu".split()
)


def _may_name(text: str) -> bool:
    """Whether a line, or a part of it before a date, may be a bare name
    (:func:`is_bare_name`), judged by its first two words, which such a part shares with the
    line: the first a name's word that no headline or organisation opens with, the second
    capitalised or a particle. Most header lines fail here, so the date in them (a long
    paragraph's is the costly one) is not looked for."""
    words = text.split(None, 2)
    if len(words) < 2:
        return False
    first, second = words[0], words[1]
    lead = second[0]  # (the cheaper test first: most headlines fail it)
    if not (lead.isupper() or "\u0100" <= lead <= "\u017d" or second in _PARTICLES):
        return False
    return first not in _NOT_NAME and first not in _ORG_WORDS and bool(_NAME_TOKEN.match(first))


@stage("bylines")
def bylines(draft: Draft) -> None:
    """ "By X and Y" lines, and bare names next to a dateline, near the top -> authors."""
    header = draft.marks.get("header_end")
    drops = []
    zone = header_zone(draft)
    taken = -1
    for n, block in enumerate(zone):
        if n == taken:
            continue
        text = block.text
        nxt = zone[n + 1].text if n + 1 < len(zone) else ""
        if (
            ((h := text[:2]) in _LONE_HEADS or not h.isascii())
            and _LONE_BY.match(text)
            and split_names(_fix_caps(nxt))
        ):  # "By" / "Sarah Doe"
            draft.propose("authors", split_names(_fix_caps(nxt)), 0.7)
            draft.marks["header_end"] = max(draft.marks.get("header_end", -1), zone[n + 1].seq)
            drops += [(block, "byline"), (zone[n + 1], "byline")]
            taken = n + 1
            continue
        if not (h in BY_HEADS or not h.isascii() or _may_name(text)):
            continue  # neither a byline nor a name, with or without a date after it
        date = find_date(text)
        if date is not None and date.start > 0:
            text = text[: date.start].rstrip(" |,-–—·•")  # "By X | Sept. 19, 2025"
        parsed = parse_byline(text)
        if parsed is None and is_bare_name(text):
            near = header is not None and -2 <= block.seq - header <= 1
            title, start = draft.marks.get("title"), draft.marks.get("body_start")
            if title is not None and start is not None and title < block.seq < start:
                near = True  # between the headline and the first paragraph
            if near or by_prefix(nxt) or is_dateline(nxt):
                parsed = ([_fix_caps(text)], None)
        if parsed is None:
            continue
        authors, org = parsed
        draft.propose("authors", authors, 0.7)
        if org and not authors:
            draft.propose("byline_org", org, 0.6)
        if date is not None:
            _date_into(draft, block.text, block)
        draft.marks["header_end"] = max(draft.marks.get("header_end", -1), block.seq)
        drops.append((block, "byline"))
    drops += _sign_off(draft, {id(b) for b, _ in drops})
    gone = {id(b) for b, _ in drops}
    drops += [r for r in _roles(draft) if id(r[0]) not in gone]
    names = {a.casefold() for c in draft.candidates.get("authors", []) for a in c.value}
    if names:  # the byline printed again (under the article, in an author box)
        gone = {id(b) for b, _ in drops}
        drops += [
            (b, "byline repeated")
            for b in draft.blocks
            if id(b) not in gone and len(b.text) <= 160 and _repeated(b.text, names)
        ]
    draft.remove_many(drops)


#: How many blocks at the end of the text a signed-off byline may stand among.
SIGN_OFF_REACH: Final = 3


def _sign_off(draft: Draft, gone: set[int]) -> list[tuple[Block, str]]:
    """A byline set off by a dash at the article's end (the last lines of the run or just
    after it): "-- By Michael Russell". (The dash tells it from a sentence opening "By".)"""
    end = draft.marks.get("body_end")
    inside = [b for b in draft.blocks if end is None or b.seq <= end]
    after = draft.blocks[len(inside) : len(inside) + SIGN_OFF_REACH]
    tail = inside[-SIGN_OFF_REACH:] + after
    out = []
    for block in tail:
        text = block.text
        if text[:1] not in _MARKS or id(block) in gone or len(text) > 120:
            continue
        parsed = parse_byline(text)
        if parsed and parsed[0]:
            if not draft.has("authors"):
                draft.propose("authors", parsed[0], 0.6)
            out.append((block, "byline"))
    return out


def _repeated(text: str, names: set[str]) -> bool:
    """A line of at most 160 characters that prints the byline again: a name found (with or
    without "By", in at most 60 characters) or :func:`_known_byline`; its "By" looked for
    once."""
    m = by_prefix(text)
    bare = m.group("rest").strip() if m else text  # "By Jane Doe" -> "Jane Doe"
    if len(text) <= 60 and bare.casefold() in names:
        return True
    return m is not None and _known_byline(text, names)


def _known_byline(text: str, names: set[str]) -> bool:
    """A "By …" line (a date after it allowed) that names only the authors already found:
    "Written by Jane Doe, MS on November 14, 2019" printed again under the article."""
    if by_prefix(text) is None:
        return False
    date = find_date(text)
    if date is not None and date.start > 0:
        text = text[: date.start].rstrip(" |,-–—·•")
        text = text[:-3] if text.endswith(" on") else text  # "… on November 14, 2019"
    parsed = parse_byline(text)
    authors = parsed[0] if parsed else []
    return bool(authors) and all(a.casefold() in names for a in authors)
