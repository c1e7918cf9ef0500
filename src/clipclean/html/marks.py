"""One scan over a fresh tree that finds every element a later step looks for by its markup.

Several steps pick elements by their class/id words (chrome boxes, readability's unlikely
candidates, bylines, date lines, caption boxes), by other attributes (rel/itemprop author,
itemprop datePublished, hidden, furniture roles, display:none) or by tag (figures). Each
running its own scan cost a Python visit, a string and a few regexes per element per step;
here one visit reads each element's attributes once, the class/id text is classified once per
distinct string (cached: pages repeat their classes), and each step gets the short list it
needs, in document order. Holding the element list also keeps one lxml proxy per element
alive, so later passes do not rebuild proxies through lxml's Python class lookup.
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
from .prune import CHROME_WORDS, HIDDEN_STYLE, HIDING_ROLES, in_running_text

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
    hidden: list[lxml.html.HtmlElement] = field(default_factory=list)
    position: dict[lxml.html.HtmlElement, int] | None = None


def scan(tree: lxml.html.HtmlElement) -> Marks:
    """Sort the elements of ``tree`` by their marks (before anything is removed)."""
    m = Marks(elements=list(tree.iter(etree.Element)))
    els = m.elements
    # One items() call per element reads every attribute at once: cheaper than a get() per
    # attribute name, and much cheaper than XPath attribute predicates (a scan each).
    for el, items in zip(els, map(_ITEMS, els), strict=True):
        if not items:
            continue
        cls = ident = rel = prop = None
        for key, value in items:
            if key == "class":
                cls = value
            elif key == "id":
                ident = value
            elif key == "rel":
                rel = value
            elif key == "itemprop":
                prop = value
            elif key in _HIDING and _HIDING[key](value):
                m.hidden.append(el)
        if cls is None and ident is None:
            if rel is not None or prop is not None:
                _by_attr(m, el, rel, prop)
            continue
        attrs = f"{cls or ''} {ident or ''}"
        bits = classify(attrs)
        if bits & CHROME:
            m.chrome.append((el, attrs))
        # (an embedded post is quoted text; a link inside a sentence is part of it)
        if bits & UNLIKELY_BIT and el.tag != "blockquote" and not in_running_text(el):
            m.unlikely.append(el)
        if bits & DATE or prop == "datePublished":
            m.dates.append(el)
        if bits & BYLINE or rel == "author" or prop == "author":
            m.byline.append(el)
        if bits & CAPTION and el.tag in _BOX_TAGS:
            m.boxes.append(el)
    figures = list(tree.iter("figure"))  # the tag filter runs in C
    if figures:
        m.boxes = _merged(m, m.boxes, figures)
    return m


_ITEMS = operator.methodcaller("items")
#: Attributes that hide an element or mark it as page furniture, with their test.
_HIDING = {
    "hidden": lambda value: True,
    "role": lambda value: value in HIDING_ROLES,
    "style": lambda value: HIDDEN_STYLE.search(value) is not None,
}


def _by_attr(m: Marks, el: lxml.html.HtmlElement, rel: str | None, prop: str | None) -> None:
    """An element marked only by rel/itemprop."""
    if prop == "datePublished":
        m.dates.append(el)
    if rel == "author" or prop == "author":
        m.byline.append(el)


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
