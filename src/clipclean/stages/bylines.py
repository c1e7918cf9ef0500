"""Bylines and datelines near the headline: authors, the publication date, the update date.

A byline is "By X and Y" (with an optional organisation after a comma, bar or dash) or, next
to a dateline, a bare person's name. A dateline is a line that is a date and little else;
"Updated" before a date makes it the modification date.
"""

from __future__ import annotations

import re

from ..dates import MONTHS, ZONES, find_date
from ..model import Block, Draft
from ..pipeline import stage
from ..shape import is_person_name, split_names, word_count

#: How many blocks from the top the byline area may reach.
HEADER_WINDOW = 15

BY_PREFIX = re.compile(
    r"^(?:by|von|par|por|di|door|av|af|text|written by|words by|story by|posted by|author)"
    r"\s?:?\s+(?P<rest>\S.{0,250})$",
    re.I,
)
_SEGMENT = re.compile(r"(?:(?<!\s)\s*)?(?:,|\||\s[-–—]\s|\s/\s)\s*")
_UPDATED = re.compile(
    r"\b(?:updated|modified|aktualisiert|mis à jour|actualizado|aggiornato)\b", re.I
)
_DATE_WORDS = frozenset(
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
        ).split(),
    ]
)
_ALPHA = re.compile(r"[^\W\d_][\w.]*")


def is_dateline(text: str) -> bool:
    """A date and little else: at most two words that are not date words."""
    if len(text) > 160 or find_date(text) is None:
        return False
    leftover = [w for w in _ALPHA.findall(text) if w.lower().rstrip(".") not in _DATE_WORDS]
    return len(leftover) <= 2


def _fix_caps(name: str) -> str:
    return name.title() if name.isupper() else name


def parse_byline(text: str) -> tuple[list[str], str | None] | None:
    """``(authors, organisation)`` for a byline line, else ``None``."""
    m = BY_PREFIX.match(text)
    if not m:
        return None
    segments = [s for s in _SEGMENT.split(m.group("rest").strip()) if s]
    for k in range(len(segments), 0, -1):
        names = split_names(", ".join(_fix_caps(s) for s in segments[:k]))
        if names:
            org = segments[k] if k < len(segments) else None
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


@stage("datelines")
def datelines(draft: Draft) -> None:
    """Lines that are a date and little else ("Sept. 19, 2025, 2:15 a.m. ET") -> published."""
    drops = []
    for n, block in enumerate(draft.blocks):
        if is_dateline(block.text):
            if n < HEADER_WINDOW or not draft.has("published"):
                _date_into(draft, block.text, block)
            drops.append((block, "dateline"))
    draft.remove_many(drops)


@stage("bylines")
def bylines(draft: Draft) -> None:
    """ "By X and Y" lines, and bare names next to a dateline, near the top -> authors."""
    header = draft.marks.get("header_end")
    drops = []
    for n, block in enumerate(draft.blocks[:HEADER_WINDOW]):
        text = block.text
        date = find_date(text)
        if date is not None and date.start > 0:
            text = text[: date.start].rstrip(" |,-–—·•")  # "By X | Sept. 19, 2025"
        parsed = parse_byline(text)
        if parsed is None and is_person_name(text):
            near = header is not None and abs(block.seq - header) <= 2
            nxt = draft.blocks[n + 1].text if n + 1 < len(draft.blocks) else ""
            if near or BY_PREFIX.match(nxt) or is_dateline(nxt):
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
    draft.remove_many(drops)
