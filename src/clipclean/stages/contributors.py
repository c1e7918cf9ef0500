"""Contributor notes: "X contributed to this report.", "Additional reporting by X; Editing by Y".

They credit people who are not the byline's authors; the names go to ``contributors`` and the
line leaves the body.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import Draft
from ..shape import split_names
from ..stage import stage

CONTRIBUTED: Final = re.compile(
    r"^(?P<names>[^\W\d_][^.;]{1,200}?)\s(?:also\s)?(?:contributed|contributes)\s(?:additional\s)?"
    r"(?:reporting|research|to this (?:report|article|story)|additional reporting)"
    r"(?:\s(?:from|in)\s[^.;]{1,80})?\.?$"
)
REPORTING_BY: Final = re.compile(
    r"^\(?(?:with\s)?(?:(?:additional|further)\s)?(?:reporting|research|writing)\sby\s"
    r"(?P<names>[^;.]{2,200}?)\.?(?:\s?[;.]\s?(?P<more>.{0,300}))?\)?$",
    re.I,
)
#: The same credit in other languages: "Mitarbeit: X", "Avec la collaboration de X",
#: "Con la colaboración de X", "Colaboró: X", "Hanno collaborato: X".
OTHER_CREDIT: Final = re.compile(
    r"^\(?(?:mitarbeit(?:\s?:|\svon)|(?:avec|con|com)\s(?:la\s|a\s)?(?:collaboration|colaboración"
    r"|colaboração|collaborazione)\sd[ei]|colabor(?:ó|aron|ação)\s?:|(?:hanno|ha)\scollaborato\s?:?)"
    r"\s(?P<names>[^;.]{2,200}?)\.?\)?$",
    re.I,
)
#: A CJK editor's credit: "（编辑：严玉洁 王辉）", "【责任编辑：严玉洁】", "（編集：山田太郎）",
#: "(편집: 홍길동)". The names are people, not the byline's organisation.
CJK_CREDIT: Final = re.compile(
    r"^[（(【\[]?\s?(?:责任编辑|責任編輯|责编|編集|编辑|編輯|编审|校对|校對|审校|审核|監修|编译|編譯"
    r"|翻译|翻譯|편집|교열)\s?[：:]\s?(?P<names>[^：:（）()【】\[\]]{1,60}?)\s?[）)】\]]?$"
)
#: What may stand before a credit line: a dash or a bullet ("-- CNN's X contributed …").
LEADING_MARK: Final = re.compile(r"^(?:[-–—•·*]+|>)\s?")
#: An organisation's possessive before a name: "CNN's", "AP’s".
_ORG_POSSESSIVE: Final = re.compile(r"^[\w.&-]{1,30}['’]s$")
EDITING_BY: Final = re.compile(r"^(?:editing|edited|compiled|produced)\sby\s[^\n]{2,200}$", re.I)
_PLACES: Final = re.compile(r"\s(?:in|from)\s[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,3}")


def _names(text: str) -> list[str]:
    """The people named; a role before them is dropped ("Associated Press writer X")."""
    text = _PLACES.sub("", text)
    words = text.split()
    if words and _ORG_POSSESSIVE.match(words[0]):
        words = words[1:]  # "CNN's Bill Kirkos": the organisation is not part of the name
    for k in range(min(len(words), 6)):
        names = split_names(" ".join(words[k:]))
        if names:
            return names
    return []


#: ", with reporting by …", ", editing by …" inside one credit: each is a credit of its own.
_CREDIT_SEP: Final = re.compile(
    r",\s(?=(?:with\s)?(?:(?:additional|further)\s)?(?:reporting|research|writing|editing"
    r"|edited)\sby\s)",
    re.I,
)


#: How ``REPORTING_BY``, ``EDITING_BY`` and ``OTHER_CREDIT`` may open, in the characters that
#: ``re.I`` lets match the first two letters of "with", "writing", "additional", "further",
#: "reporting", "research", "editing", "compiled", "produced", "mitarbeit", "avec", "con",
#: "colaboró", "hanno" ("ı" and "İ" match "i"): a line that opens otherwise (or with "("), and
#: holds no "contribut…" for ``CONTRIBUTED``, matches none of them and is not looked at.
_OPENERS: Final = frozenset(
    a + b
    for first, second in (
        ("wW", "iIİırR"),
        ("aA", "dD"),
        ("fF", "uU"),
        ("rR", "eE"),
        ("eE", "dD"),
        ("cC", "oO"),
        ("pP", "rR"),
        ("mM", "iIİı"),  # (``OTHER_CREDIT``: "mitarbeit", "avec", "con"/"colaboró", "hanno")
        ("aA", "vV"),
        ("hH", "aA"),
    )
    for a in first
    for b in second
)


#: :data:`_OPENERS` of two ASCII characters as a table: a byte for each pair (128 * first +
#: second), 1 for an opener.
_OPENER_PAIRS: Final = bytes(chr(a) + chr(b) in _OPENERS for a in range(128) for b in range(128))
#: First characters of a credit line that may open with a bracket, a dash or a bullet.
_MARKS: Final = frozenset("(-–—•·*>（【[")


#: The longest line looked at.
MAX_CREDIT_CHARS: Final = 400


def _may_credit(text: str) -> bool:
    """A line short enough, opening like a credit (:data:`_OPENERS`, :data:`_MARKS`), holding
    "contribut…", or opening outside ASCII with a colon (CJK credits). The length first: the
    long paragraphs are where a look for "ontribu" costs."""
    if len(text) > MAX_CREDIT_CHARS or not text:
        return False
    first = ord(text[0])
    if first < 128 and len(text) > 1 and ord(text[1]) < 128:
        if _OPENER_PAIRS[first * 128 + ord(text[1])]:  # (two ASCII characters: no slice)
            return True
    elif text[:2] in _OPENERS:
        return True
    if text[:1] in _MARKS or "ontribu" in text:
        return True
    return first >= 128 and ("：" in text or ":" in text)


@stage("contributors")
def contributors(draft: Draft) -> None:
    """Contributor and reporting-credit lines -> contributors (people the byline does not name
    already: an author is not also a contributor); editing credits removed."""
    drops = []
    authors = {a.casefold() for c in draft.candidates.get("authors", []) for a in c.value}
    for block in [b for b in draft.blocks if _may_credit(b.text)]:
        text = block.text
        if text[:1] in _MARKS:
            text = LEADING_MARK.sub("", text)
        if not text.isascii() and (cjk := CJK_CREDIT.match(text)) is not None:
            names = [n for n in re.split(r"[\s、，,]+", cjk.group("names")) if n]
            draft.propose("contributors", [n for n in names if n.casefold() not in authors], 0.8)
            drops.append((block, "lifted to contributors"))
            continue
        if "by " in text:
            text = _CREDIT_SEP.sub("; ", text)
        m = (
            ("ontribu" in text and CONTRIBUTED.match(text))
            or REPORTING_BY.match(text)
            or OTHER_CREDIT.match(text)
        )
        if m and _names(m.group("names")):
            names = _names(m.group("names"))
            for part in (m.groupdict().get("more") or "").rstrip(")").split(";"):
                extra = REPORTING_BY.match(part.strip())  # "; Additional reporting by X"
                if extra:
                    names += [n for n in _names(extra.group("names")) if n not in names]
            draft.propose("contributors", [n for n in names if n.casefold() not in authors], 0.8)
            drops.append((block, "lifted to contributors"))
        elif EDITING_BY.match(text):
            drops.append((block, "editing credit"))
    draft.remove_many(drops)
