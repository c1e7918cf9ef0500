"""Dates as publishers print them -> ISO 8601, with the zone's real offset when a zone is named.

"Sept. 19, 2025, 2:15 a.m. ET" becomes ``2025-09-19T02:15:00-04:00``: a zone abbreviation is
mapped to an IANA zone and resolved with :mod:`zoneinfo` on that date, because publishers write
"EST" all year round and the offset that was really in force is what a reader means.
Without a time the result is a day (``2025-09-19``); without a zone, a local time with no offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Final
from zoneinfo import ZoneInfo

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    (
        "jan january janvier januar jänner enero gennaio janeiro januari ene gen",
        "feb february février fevrier februar febrero febbraio fevereiro februari fév fev",
        "mar march mars märz marz marzo março maart mär",
        "apr april avril abril aprile avr abr",
        "may mai mayo maggio maio mei",
        "jun june juin juni junio giugno junho",
        "jul july juillet juli julio luglio julho juil",
        "aug august août aout agosto augustus ago",
        "sep sept september septembre septiembre setiembre settembre setembro set",
        "oct october octobre oktober octubre ottobre outubro okt ott out",
        "nov november novembre noviembre novembro",
        "dec december décembre decembre dezember diciembre dicembre dezembro dez dic déc",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _n
#: Month names of more languages, each a whole table of twelve, with the inflected forms a date
#: prints ("16 marca 2021", "3. maaliskuuta 2021", "16 марта 2021"): nominative, then genitive,
#: partitive or locative. Croatian's "listopad" (October) is left out: Polish, Czech and
#: Ukrainian print the same word for November.
_MORE_MONTHS: Final = (
    # pl
    "styczeń stycznia|luty lutego|marzec marca|kwiecień kwietnia|maj maja|czerwiec czerwca"
    "|lipiec lipca|sierpień sierpnia|wrzesień września|październik października"
    "|listopad listopada|grudzień grudnia",
    # cs
    "leden ledna|únor února|březen března|duben dubna|květen května|červen června"
    "|červenec července|srpen srpna|září|říjen října|listopadu|prosinec prosince",
    # sk
    "január januára|február februára|marec|apríl apríla|máj mája|jún júna|júl júla|augusta"
    "|septembra|október októbra|novembra|decembra",
    # sl, hr, sr/bs (Latin)
    "januarja|februarja|mart|aprila|maja|junij junija jun|julij julija jul|avgust avgusta"
    "|septembar septembra|oktobar oktobra|novembar novembra|decembar decembra",
    "siječanj siječnja|veljača veljače|ožujak ožujka|travanj travnja|svibanj svibnja"
    "|lipanj lipnja|srpanj srpnja|kolovoz kolovoza|rujan rujna||studeni studenoga studenog"
    "|prosinac prosinca",
    # hu (with the abbreviations dates print)
    "január|február febr|március márc|április ápr|május|június|július|augusztus"
    "|szeptember szept|október|november|december",
    # fi
    "tammikuu tammikuuta|helmikuu helmikuuta|maaliskuu maaliskuuta|huhtikuu huhtikuuta"
    "|toukokuu toukokuuta|kesäkuu kesäkuuta|heinäkuu heinäkuuta|elokuu elokuuta"
    "|syyskuu syyskuuta|lokakuu lokakuuta|marraskuu marraskuuta|joulukuu joulukuuta",
    # et
    "jaanuar|veebruar|märts|aprill|mai|juuni|juuli|august|september|oktoober|november|detsember",
    # lv
    "janvāris janvārī|februāris februārī|marts martā|aprīlis aprīlī|maijs maijā|jūnijs jūnijā"
    "|jūlijs jūlijā|augusts augustā|septembris septembrī|oktobris oktobrī|novembris novembrī"
    "|decembris decembrī",
    # lt
    "sausis sausio|vasaris vasario|kovas kovo|balandis balandžio|gegužė gegužės"
    "|birželis birželio|liepa liepos|rugpjūtis rugpjūčio|rugsėjis rugsėjo|spalis spalio"
    "|lapkritis lapkričio|gruodis gruodžio",
    # ru
    "январь января|февраль февраля|март марта|апрель апреля|май мая|июнь июня|июль июля"
    "|август августа|сентябрь сентября|октябрь октября|ноябрь ноября|декабрь декабря",
    # uk
    "січень січня|лютий лютого|березень березня|квітень квітня|травень травня"
    "|червень червня|липень липня|серпень серпня|вересень вересня|жовтень жовтня"
    "|листопад листопада|грудень грудня",
    # bg, sr (Cyrillic)
    "януари јануар|февруари фебруар|март|април|мај|юни јун|юли јул|август|септември септембар"
    "|октомври октобар|ноември новембар|декември децембар",
    # el
    "ιανουάριος ιανουαρίου|φεβρουάριος φεβρουαρίου|μάρτιος μαρτίου|απρίλιος απριλίου"
    "|μάιος μαΐου|ιούνιος ιουνίου|ιούλιος ιουλίου|αύγουστος αυγούστου"
    "|σεπτέμβριος σεπτεμβρίου|οκτώβριος οκτωβρίου|νοέμβριος νοεμβρίου|δεκέμβριος δεκεμβρίου",
    # tr (also as written without its letters)
    "ocak|şubat subat|mart|nisan|mayıs mayis|haziran|temmuz|ağustos agustos|eylül eylul|ekim"
    "|kasım kasim|aralık aralik",
    # ro
    "ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie"
    "|decembrie",
    # sv, da, no, nl, ca, id, ms
    "januar|februar|marts maart mrt|april|maj|juni|juli|augusti|september|oktober|november"
    "|desember",
    "gener|febrer|març|abril|maig|juny|juliol|agost|setembre|octubre|novembre|desembre",
    "januari|februari|maret|april|mei|juni|juli|agustus ogos|september|oktober|november"
    "|desember disember",
)
for _table in _MORE_MONTHS:
    for _n, _forms in enumerate(_table.split("|"), start=1):
        for _name in _forms.split():
            MONTHS.setdefault(_name, _n)

#: Zone abbreviations -> IANA zones; the offset comes from zoneinfo on the date itself.
ZONES: dict[str, str] = {
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CT": "America/Chicago",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "MT": "America/Denver",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "AKST": "America/Anchorage",
    "HST": "Pacific/Honolulu",
    "GMT": "UTC",
    "UTC": "UTC",
    "Z": "UTC",
    "BST": "Europe/London",
    "WET": "Europe/Lisbon",
    "CET": "Europe/Berlin",
    "CEST": "Europe/Berlin",
    "MEZ": "Europe/Berlin",
    "MESZ": "Europe/Berlin",
    "EET": "Europe/Athens",
    "EEST": "Europe/Athens",
    "MSK": "Europe/Moscow",
    "IST": "Asia/Kolkata",
    "PKT": "Asia/Karachi",
    "WIB": "Asia/Jakarta",
    "SGT": "Asia/Singapore",
    "HKT": "Asia/Hong_Kong",
    "JST": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "NZST": "Pacific/Auckland",
    "NZDT": "Pacific/Auckland",
}

_MONTH_RE: Final = r"(?P<mon>[^\W\d_]{3,12})\.?"
_PATTERNS: Final = (
    # 2025-09-19, 2025-09-19T02:15:00Z, 2025-09-19 02:15:00+02:00
    re.compile(
        r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
        r"(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d{1,9})?)?"
        r"(?P<off>Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
    ),
    # Sept. 19, 2025 / Nov 19th 2019
    re.compile(
        r"(?<![^\W\d_])" + _MONTH_RE + r"\s{1,3}(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}"
        r"(?P<year>\d{4})(?!\d)"
    ),
    # 19 September 2025 / 19. September 2025 / 19 de septiembre de 2025 / 1er mars 2024
    re.compile(
        r"(?<!\d)(?P<day>\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s{1,3}(?:de\s{1,3})?"
        + _MONTH_RE
        + r",?\s{1,3}(?:de\s{1,3})?(?P<year>\d{4})(?!\d)"
    ),
    # 2025年9月19日
    re.compile(r"(?P<year>\d{4})\s?年\s?(?P<month>\d{1,2})\s?月\s?(?P<day>\d{1,2})\s?日"),
    # 19.09.2025 (day first) and 09/19/2025 (month first unless the first number is > 12)
    # (not "28.09.1912:44": a two-digit year glued to a clock time)
    re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?!\d|:\d)"),
    re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})(?!\d)"),
    # year first: 2021. március 3. (hu) / 2021 m. kovo 16 d. (lt)
    re.compile(
        r"(?<!\d)(?P<year>\d{4})(?:\.|\s{1,2}m\.)\s{1,3}"
        + _MONTH_RE
        + r"\s{1,3}(?P<day>\d{1,2})(?!\d)"
    ),
)
#: A character each of ``_PATTERNS`` cannot match without ("" for those that need none): a
#: line without it skips that pattern's scan.
_NEEDS: Final = ("-", "", "", "年", ".", "/", ".")
#: How far before its year each of ``_PATTERNS`` may start (the longest month name, spaces,
#: day and suffix it allows): a match's year is a run of four digits, so no match starts
#: before the line's first such run less this, and the scan for it starts there.
_REACH: Final = (0, 24, 34, 0, 6, 6, 0)
_YEAR: Final = re.compile(r"\d{4}")
#: A clock time. The check that no digit, colon or dot stands before the hour comes after the
#: hour's first digit (as a look-behind over both), so the pattern opens with a digit and the
#: scan skips to the digits instead of trying every position.
_TIME: Final = re.compile(
    r"(?P<h>\d(?<![\d:.]\d)\d?)(?:(?:[:.h時]|\s?Uhr\s?)(?P<mi>\d{2})分?(?::(?P<s>\d{2}))?)?"
    r"\s{0,2}(?P<ampm>[ap]\.?\s?m\b\.?)?(?:\s{0,2}Uhr)?(?![\d:])",
    re.I,
)
#: A zone abbreviation not inside a word ("ET", "GMT+5:30"), and an offset ("+02:00"): two
#: patterns (see :func:`_zone`). As for ``_TIME``, each check of the character before comes
#: after the text it guards, so a pattern opens with the zones' capitals or with a sign, and the
#: scan skips to those instead of trying every position.
_ZONE_ABBR: Final = re.compile(
    r"(?P<abbr>"
    + "|".join(
        f"{z}(?<![^\\W\\d_]{z})"
        for z in sorted((z for z in ZONES if z != "Z"), key=len, reverse=True)
    )
    + r")(?:\s?(?P<goff>[+-]\d{1,2}(?::?\d{2})?))?(?![^\W\d_])"
)
_ZONE_OFF: Final = re.compile(r"(?P<off>[+-](?<![\d:][+-])\d{2}:?\d{2}\b)")


def _zone(text: str, pos: int = 0) -> re.Match[str] | None:
    """The first zone abbreviation or offset in ``text`` from ``pos`` (they open with different
    characters, so the earlier of the two is the one a single pattern would find)."""
    abbr = _ZONE_ABBR.search(text, pos)
    off = _ZONE_OFF.search(text, pos)
    if off is not None and (abbr is None or off.start() < abbr.start()):
        return off
    return abbr


@dataclass(frozen=True)
class DateMatch:
    """A date found in a line: the ISO string and the span of the line it used."""

    iso: str
    start: int
    end: int
    has_time: bool


def _offset(text: str) -> timezone:
    sign = -1 if text[0] == "-" else 1
    hours, _, minutes = text[1:].partition(":")
    if not minutes and len(hours) > 2:  # "+0530"
        hours, minutes = hours[:-2], hours[-2:]
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes or 0)))


def _ymd(m: re.Match[str]) -> tuple[int, int, int] | None:
    g = m.groupdict()
    year = int(g["year"])
    if g.get("mon"):
        month = MONTHS.get(g["mon"].lower().rstrip("."))
        if month is None:
            return None
        day = int(g["day"])
    elif g.get("a"):
        a, b = int(g["a"]), int(g["b"])
        month, day = (b, a) if a > 12 else (a, b)
    else:
        month, day = int(g["month"]), int(g["day"])
    try:
        date(year, month, day)
    except ValueError:
        return None
    if not 1900 <= year <= 2100:
        return None
    return year, month, day


def find_date(line: str) -> DateMatch | None:
    """The first date in ``line``, with the time and zone printed around it, as ISO 8601."""
    if len(line) > _CACHED_CHARS:
        return _find_date(line)
    return _find_date_cached(line)


#: Stages ask about the same short header lines several times; only those are remembered, so
#: the cache never holds a huge line.
_CACHED_CHARS: Final = 300


@lru_cache(maxsize=2048)
def _find_date_cached(line: str) -> DateMatch | None:
    return _find_date(line)


#: The lead bytes of the two-byte UTF-8 characters that ``\d`` takes (Arabic-Indic, Extended
#: Arabic-Indic and NKo digits: U+0660, U+06F0, U+07C0).
_DIGIT_LEADS: Final = (0xD9, 0xDB, 0xDF)
#: UTF-8 bytes -> ``d`` for an ASCII digit and for every byte of a character that is not ASCII
#: and may be a digit of another script (``\d`` takes those), ``\n`` for a line break, `` ``
#: for anything else. A run of four digits becomes at least four ``d``. A two-byte character
#: whose lead byte starts no digit (Cyrillic, Greek, Latin with accents …) is `` d``, so a word
#: in those scripts is no run of four.
_DIGITISH: Final = bytes(
    ord("d")
    if 48 <= c <= 57 or (c >= 128 and not (0xC0 <= c <= 0xDF and c not in _DIGIT_LEADS))
    else (10 if c == 10 else 32)
    for c in range(256)
)


def dated_lines(texts: list[str]) -> list[int]:
    """Indices of ``texts`` that may hold a date: every line :func:`find_date` finds one in,
    and a few more (it needs a four-digit year).

    One C-level pass over all the lines instead of a pattern call per line: the lines are
    joined, encoded and mapped to "may be a digit" bytes, where a year is a literal ``dddd``.
    """
    marks = "\n".join(texts).encode("utf-8", "surrogatepass").translate(_DIGITISH)
    find, count = marks.find, marks.count
    out = []
    line = last = 0
    pos = find(b"dddd")
    while pos >= 0:
        line += count(b"\n", last, pos)
        out.append(line)
        last = find(b"\n", pos) + 1
        if not last:
            last = len(marks)
            break
        line += 1
        pos = find(b"dddd", last)
    # (the breaks are counted once, in the pieces between the years and after the last)
    if line + count(b"\n", last) != len(texts) - 1:  # a line with a break of its own
        return list(range(len(texts)))
    return out


def _find_date(line: str) -> DateMatch | None:
    first = _first_year(line)
    if first < 0:  # every pattern needs a four-digit year: a cheap pre-check
        return None
    for pattern, needs, reach in zip(_PATTERNS, _NEEDS, _REACH, strict=True):
        if needs and needs not in line:
            continue  # (the pattern cannot match without it)
        for m in pattern.finditer(line, first - reach if first > reach else 0):
            ymd = _ymd(m)
            if ymd is None:
                continue
            return _with_time(line, m, ymd)
    return None


def _first_year(line: str) -> int:
    """Where the first run of four digits (``\\d{4}``) starts in ``line``, or -1.

    Found in the line's "may be a digit" bytes (see :data:`_DIGITISH`), which C scans several
    times faster than the pattern tries each position: most lines have no such run, and for an
    ASCII line the bytes are the characters, so the first ``dddd`` is the answer itself."""
    marks = line.encode("utf-8", "surrogatepass").translate(_DIGITISH)
    pos = marks.find(b"dddd")
    if pos < 0 or line.isascii():
        return pos
    year = _YEAR.search(line)
    return -1 if year is None else year.start()


def _with_time(line: str, m: re.Match[str], ymd: tuple[int, int, int]) -> DateMatch:
    g = m.groupdict()
    start, end = m.span()
    if g.get("h") is not None:  # ISO with a time of its own
        dt = datetime(*ymd, int(g["h"]), int(g["mi"]), int(g["s"] or 0))
        if g.get("off"):
            tz = timezone.utc if g["off"] == "Z" else _offset(g["off"])
            return DateMatch(dt.replace(tzinfo=tz).isoformat(), start, end, True)
        zone = _zone(line, end)
        return DateMatch(_zoned(dt, zone), start, end, True)
    rest = line[:start] + " " * (end - start) + line[end:]
    t = _find_time(rest)
    if t is None:
        return DateMatch(date(*ymd).isoformat(), start, end, False)
    hour, minute, second = t[0], t[1], t[2]
    dt = datetime(*ymd, hour, minute, second)
    zone = _zone(rest)
    return DateMatch(_zoned(dt, zone), start, end, True)


def _find_time(text: str) -> tuple[int, int, int] | None:
    for t in _TIME.finditer(text):
        if t.group("mi") is None and t.group("ampm") is None:
            continue  # a bare number is not a time
        hour = int(t.group("h"))
        minute = int(t.group("mi") or 0)
        ampm = (t.group("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return hour, minute, int(t.group("s") or 0)
    return None


def _zoned(dt: datetime, zone: re.Match[str] | None) -> str:
    if zone is None:
        return dt.isoformat()
    if zone.re is _ZONE_OFF:
        return dt.replace(tzinfo=_offset(zone.group("off"))).isoformat()
    if zone.group("goff"):  # "GMT+5:30"
        return dt.replace(tzinfo=_offset(zone.group("goff"))).isoformat()
    return dt.replace(tzinfo=ZoneInfo(ZONES[zone.group("abbr")])).isoformat()


def parse_iso(value: str) -> str | None:
    """Normalise a machine-readable date (JSON-LD, <time datetime>) to ISO 8601, or None."""
    m = find_date(value.strip())
    if m is None or m.start > 0:
        return None
    return m.iso


def time_only(line: str) -> bool:
    """True when ``line`` holds a clock time but no date ("Updated 3:42 PM EST")."""
    return find_date(line) is None and _find_time(line) is not None
