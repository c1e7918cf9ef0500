"""Relative timestamps and counters left by scrapers ("2 hours ago 2", "Updated 3:42 PM EST").

A relative time says nothing about the article once the page is saved, and a clock time with no
date cannot become a publication date, so both leave the body.
"""

from __future__ import annotations

import re
from typing import Final

from ..dates import time_only
from ..model import Draft
from ..scan import ASCII_FOLDS, heads
from ..shape import word_count
from ..stage import stage

_UNITS: Final = (
    r"s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?"
    r"|y|yrs?|years?"
)
RELATIVE: Final = re.compile(
    r"^(?:(?:updated|posted|published|edited|last updated)\s{0,3}:?\s{0,3})?"
    r"(?:(?:\d{1,3}|an?|one)\s{0,2}(?:" + _UNITS + r")\.?\s{1,3}ago|just now|moments? ago|yesterday"
    r"|vor\s{1,3}\d{1,3}\s{1,3}\w{1,12}|il y a\s{1,3}\d{1,3}\s{1,3}\w{1,12}"
    r"|hace\s{1,3}\d{1,3}\s{1,3}\w{1,12}|há\s{1,3}\d{1,3}\s{1,3}\w{1,12}"
    r"|\d{1,3}\s{0,2}(?:秒|分|時間|日|週間|か月|年)前)"
    r"(?:\s{1,3}(?:at|um|à|a las)\s{1,3}\d{1,2}[:.]\d{2}(?:\s{0,2}[ap]\.?m\.?)?)?"
    r"[\s\d|•·,]{0,20}$",
    re.I,
)
#: A clock time alone ("12:51 p.m.") or a word count ("Wordcount: 717").
BARE_TIME: Final = re.compile(
    r"^\d{1,2}[:.]\d{2}\s{0,2}(?:[ap]\.?\s?m\.?)?(?:\s{1,2}[A-Z]{2,4})?$|^word\s?count:?\s{0,2}\d{1,6}$",
    re.I,
)
#: A date's label on a line of its own ("Publish date:"), the date being on the next.
DATE_LABEL: Final = re.compile(
    r"^(?:publish(?:ed)?(?: date| on)?|date|posted(?: on)?|updated(?: on)?|last updated"
    r"|datum|veröffentlicht(?: am)?|fecha|publicado(?: el)?|publié le|mis à jour le"
    r"|release date|erscheinungsdatum|date de publication|fecha de publicación"
    r"|data di pubblicazione|data de publicação|publicatiedatum|data publikacji"
    # "published/updated (on)" in more languages, left alone once the date went
    r"|pubblicato(?: il)?|aggiornato(?: il)?|ultima modifica|ultimo aggiornamento"
    r"|(?:zuletzt )?(?:aktualisiert|geändert)(?: am)?|erstellt am|last modified|modified(?: on)?"
    r"|modifié le|actualizado(?: el)?|atualizado em|publicado em|opublikowano|zaktualizowano"
    r"|gepubliceerd(?: op)?|bijgewerkt(?: op)?|publicerad|uppdaterad|publikováno|aktualizováno"
    r"|julkaistu|päivitetty|közzétéve|frissítve)\s?:?$",
    re.I,
)
#: "3 Min Read", "Lesezeit: 4 Min.", "5 min de lecture".
READING_TIME: Final = re.compile(
    r"^(?:(?:lesezeit|lesedauer|reading time|temps de lecture|tiempo de lectura|tempo di lettura"
    r"|tempo de leitura|leestijd|czas czytania)\s?:?\s{0,2})?"
    r"\d{1,3}\s{0,2}(?:min|mins|minutes?|minuten|minutos|minuti|minut)\.?"
    r"(?:\s{1,2}(?:read|reading|lesezeit|de lecture|de lectura|lectura|di lettura|de leitura))?\.?$"
    # "Ten tekst przeczytasz w mniej niż minutę" (pl: you will read this text in …)
    r"|^ten tekst przeczytasz w (?:mniej niż |około |ok\. )?(?:minutę|\d{1,3} minut\w{0,2})$",
    re.I,
)
_TIME_PREFIX: Final = re.compile(
    r"^(?:updated|posted|published|last updated|modified|edited)\b", re.I
)


#: The four whole-line shapes and the clock-time prefix as one pattern, tried in the order the
#: stage asks them: its first alternative that matches names the shape, so a line costs one
#: pattern call instead of five.
_ANY: Final = re.compile(
    "|".join(
        f"(?P<{name}>{p.pattern})"
        for name, p in (
            ("relative", RELATIVE),
            ("label", DATE_LABEL),
            ("bare", BARE_TIME),
            ("reading", READING_TIME),
            ("prefix", _TIME_PREFIX),
        )
    ),
    re.I,
)
_REASON: Final = {
    "relative": "relative timestamp",
    "label": "date label",
    "bare": "clock time or word count",
    "reading": "reading time",
    "prefix": "clock time without a date",
}


#: How a line that :data:`_ANY` matches can start, lower-cased, when its first two characters
#: are ASCII and not a digit: the first two letters of each pattern's words ("updated", "one",
#: "just now", "hace", "fecha", "word count", "lesezeit", "modified" ...), and "a" before a
#: unit or a space ("an hour ago", "a day ago"). Under ``re.I`` an ASCII letter matches only
#: its own other case, so a line whose head is not here cannot match.
#: Held in every case of their letters (:func:`scan.heads`), so a line's head is looked up as
#: it stands.
_HEADS: Final = heads(
    *"up po pu ed la on ju mo ye vo il ha da ve fe mi wo le re te ti an as am ah ad aw ay cz er"
    " pu ag ul zu ak ge ac at op za bi fr".split(),
    *("a" + space for space in " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"),
)


def _may_match(text: str) -> bool:
    """A look at the line's first two characters that rules out most lines before the pattern
    (whose forty alternatives cost more than the rest of the stage). Every alternative starts
    with an ASCII letter or a digit, so a line that starts with another character can match
    only when that character is a digit or one ``re.I`` takes for an ASCII letter."""
    head = text[:2]
    if head in _HEADS:
        return True
    if not head:
        return False
    # (compiled, ``ord`` reads a character in place: no ``isascii``/``lower`` copy a line)
    if ord(head[0]) < 128 and len(head) == 2 and ord(head[1]) >= 128:
        return True  # its first character ASCII, its second not: let through
    return head[:1].isdigit() or head[:1] in ASCII_FOLDS


#: What an ASCII line must also hold, by its first two characters lower-cased, for :data:`_ANY`
#: to match it: the word it opens with, else "ago" (a line that opens "a"/"an" can only be
#: "an hour ago"; "mo" opens "moments ago" or "modified").
_OPENING: Final = {
    "re": ("reading time", "release date"),
    "po": ("posted",),
    "ju": ("just now", "julkaistu"),
    # the labels in more languages: the ones written in ASCII ("frissítve" is not)
    "ag": ("aggiornato",),
    "ul": ("ultima", "ultimo"),
    "zu": ("zuletzt",),
    "ak": ("aktualisiert",),
    "ge": ("gepubliceerd",),
    "ac": ("actualizado",),
    "at": ("atualizado",),
    "op": ("opublikowano",),
    "za": ("zaktualizowano",),
    "bi": ("bijgewerkt",),
    "fr": (),
}


def _worth_matching(text: str) -> bool:
    """A second look, at ASCII lines only (there ``re.I`` folds exactly as ``str.lower``), that
    rules out most of the lines :func:`_may_match` lets through (list items and dates opening
    with a digit, "Read …", "Posted by …", "As …"): each costs :data:`_ANY`'s every branch."""
    return not text.isascii() or _worth_low(text.lower())


#: :data:`_ANY` for an ASCII line lower-cased, without ``re.I`` (its one class of capitals in
#: lower case): the same match, the same branch, at about a third of the case-blind cost.
_ANY_LOW: Final = re.compile(_ANY.pattern.replace("[A-Z]{2,4}", "[a-z]{2,4}"))


def any_shape(text: str) -> str | None:
    """The branch of :data:`_ANY` that matches ``text`` (its group's name), or None; the
    pattern tried only on lines :func:`_may_match` and :func:`_worth_matching` let through."""
    if not _may_match(text):
        return None
    if text.isascii():
        low = text.lower()
        m = _ANY_LOW.match(low) if _worth_low(low) else None
    else:
        m = _ANY.match(text)
    return None if m is None else m.lastgroup or ""  # (every branch is a named group)


def _worth_low(low: str) -> bool:
    """:func:`_worth_matching` of an ASCII line, given lower-cased."""
    head = low[:2]
    if head[:1].isdigit():  # "2 hours ago", "12:51", "3 min read"
        return "ago" in low or "min" in low or ":" in low[1:3] or "." in low[1:3]
    if head[:1] == "a":
        return "ago" in low
    if head == "mo":
        return "ago" in low or low.startswith("modified")
    word = _OPENING.get(head)
    return word is None or low.startswith(word)


@stage("timestamps")
def relative_timestamps(draft: Draft) -> None:
    """Relative times and counters ("2 hours ago 2"), and clock times without a date."""
    drops = []
    for block in draft.blocks:
        text = block.text
        if len(text) > 80:
            continue
        shape = any_shape(text)
        if shape is None:
            continue
        if shape != "prefix" or (word_count(text) <= 6 and time_only(text)):
            drops.append((block, _REASON[shape]))
    draft.remove_many(drops)
