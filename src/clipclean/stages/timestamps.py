"""Relative timestamps and counters left by scrapers ("2 hours ago 2", "Updated 3:42 PM EST").

A relative time says nothing about the article once the page is saved, and a clock time with no
date cannot become a publication date, so both leave the body.
"""

from __future__ import annotations

import re

from ..dates import time_only
from ..model import Draft
from ..pipeline import stage
from ..shape import word_count

_UNITS = (
    r"s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?"
    r"|y|yrs?|years?"
)
RELATIVE = re.compile(
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
BARE_TIME = re.compile(
    r"^\d{1,2}[:.]\d{2}\s{0,2}(?:[ap]\.?\s?m\.?)?(?:\s{1,2}[A-Z]{2,4})?$|^word\s?count:?\s{0,2}\d{1,6}$",
    re.I,
)
#: A date's label on a line of its own ("Publish date:"), the date being on the next.
DATE_LABEL = re.compile(
    r"^(?:publish(?:ed)?(?: date| on)?|date|posted(?: on)?|updated(?: on)?|last updated"
    r"|datum|veröffentlicht(?: am)?|fecha|publicado(?: el)?|publié le|mis à jour le)\s?:?$",
    re.I,
)
#: "3 Min Read", "Lesezeit: 4 Min.", "5 min de lecture".
READING_TIME = re.compile(
    r"^(?:(?:lesezeit|reading time|temps de lecture|tiempo de lectura)\s?:?\s{0,2})?"
    r"\d{1,3}\s{0,2}(?:min|mins|minutes?|minuten|minutos)\.?"
    r"(?:\s{1,2}(?:read|reading|lesezeit|de lecture|de lectura|lectura))?\.?$",
    re.I,
)
_TIME_PREFIX = re.compile(r"^(?:updated|posted|published|last updated|modified|edited)\b", re.I)


@stage("timestamps")
def relative_timestamps(draft: Draft) -> None:
    """Relative times and counters ("2 hours ago 2"), and clock times without a date."""
    drops = []
    for block in draft.blocks:
        text = block.text
        if len(text) > 80:
            continue
        if RELATIVE.match(text):
            drops.append((block, "relative timestamp"))
        elif DATE_LABEL.match(text):
            drops.append((block, "date label"))
        elif BARE_TIME.match(text):
            drops.append((block, "clock time or word count"))
        elif READING_TIME.match(text):
            drops.append((block, "reading time"))
        elif word_count(text) <= 6 and _TIME_PREFIX.match(text) and time_only(text):
            drops.append((block, "clock time without a date"))
    draft.remove_many(drops)
