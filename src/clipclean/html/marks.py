"""One scan over a fresh tree that finds every element a later step looks for by its markup.

Several steps pick elements by their class/id words (chrome boxes, readability's unlikely
candidates, bylines, caption boxes) or by tag (figures). Each running its own scan cost a
Python visit, a string and a regex per element per step; here one visit builds the string
once, one combined regex turns most elements away, and each step gets the short list it needs,
in document order. Holding the element list also keeps one lxml proxy per element alive, so
later passes do not rebuild proxies through lxml's Python class lookup.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from functools import lru_cache

import lxml.html
from lxml import etree
from readability.readability import REGEXES

from .figures import CAPTION_BOX
from .metadata import BYLINE_CLASS
from .prune import CHROME_WORDS

UNLIKELY = REGEXES["unlikelyCandidatesRe"]
MAYBE = REGEXES["okMaybeItsACandidateRe"]


def _lower(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern of lower-case words as a case-sensitive one, for text
    lower-cased once: several times faster than re.I in Python's engine."""
    return re.compile(pattern.pattern)


_CHROME, _UNLIKELY, _MAYBE, _BYLINE, _CAPTION = map(
    _lower, (CHROME_WORDS, UNLIKELY, MAYBE, BYLINE_CLASS, CAPTION_BOX)
)
_BOX_TAGS = frozenset(("div", "p", "span"))
CHROME, UNLIKELY_BIT, BYLINE, CAPTION, DATE = 1, 2, 4, 8, 16
#: Class/id words of an element that shows the publication date.
_DATE = re.compile(r"date|publish|posted|timestamp")


@lru_cache(maxsize=8192)
def classify(attrs: str) -> int:
    """Which marks a "class id" text carries, as bits. Cached: a page repeats its class
    strings (a feed of teasers, rows of links), and a site repeats them across pages."""
    bits = 0
    low = attrs.lower()
    if _CHROME.search(low):
        bits |= CHROME
    if len(attrs) >= 2 and _UNLIKELY.search(low) and not _MAYBE.search(low):
        bits |= UNLIKELY_BIT
    if len(attrs) > 2 and _BYLINE.search(low):
        bits |= BYLINE
    if _CAPTION.search(low):
        bits |= CAPTION
    if _DATE.search(low):
        bits |= DATE
    return bits


@dataclass
class Marks:
    """Elements of one tree, sorted by what marks them; each list in document order."""

    elements: list[lxml.html.HtmlElement] = field(default_factory=list)
    chrome: list[tuple[lxml.html.HtmlElement, str]] = field(default_factory=list)
    unlikely: list[lxml.html.HtmlElement] = field(default_factory=list)
    byline: list[lxml.html.HtmlElement] = field(default_factory=list)
    boxes: list[lxml.html.HtmlElement] = field(default_factory=list)
    dates: list[lxml.html.HtmlElement] = field(default_factory=list)
    position: dict[lxml.html.HtmlElement, int] | None = None


_AUTHOR_ATTR = etree.XPath("//*[@rel='author' or @itemprop='author']")
_DATE_ATTR = etree.XPath("//*[@itemprop='datePublished']")


def scan(tree: lxml.html.HtmlElement) -> Marks:
    """Sort the elements of ``tree`` by their marks (before anything is removed)."""
    m = Marks(elements=list(tree.iter(etree.Element)))
    get_class = operator.methodcaller("get", "class")
    get_id = operator.methodcaller("get", "id")
    for el, cls, ident in zip(
        m.elements, map(get_class, m.elements), map(get_id, m.elements), strict=True
    ):
        if cls is None and ident is None:
            continue
        attrs = f"{cls or ''} {ident or ''}"
        bits = classify(attrs)
        if not bits:
            continue
        if bits & CHROME:
            m.chrome.append((el, attrs))
        if bits & UNLIKELY_BIT and el.tag != "blockquote":  # an embedded post is quoted text
            m.unlikely.append(el)
        if bits & DATE:
            m.dates.append(el)
        if bits & BYLINE:
            m.byline.append(el)
        if bits & CAPTION and el.tag in _BOX_TAGS:
            m.boxes.append(el)
    # Tag and rel/itemprop tests run in C; merged back into document order.
    m.byline = _merged(m, m.byline, _AUTHOR_ATTR(tree))
    m.dates = _merged(m, m.dates, _DATE_ATTR(tree))
    m.boxes = _merged(m, m.boxes, list(tree.iter("figure")))
    return m


def _merged(
    m: Marks, a: list[lxml.html.HtmlElement], b: list[lxml.html.HtmlElement]
) -> list[lxml.html.HtmlElement]:
    """``a`` and ``b`` as one list in document order, without repeats."""
    if not b:
        return a
    if not a:
        return b
    if m.position is None:
        m.position = {el: i for i, el in enumerate(m.elements)}
    return sorted(set(a) | set(b), key=m.position.__getitem__)
