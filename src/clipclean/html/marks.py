"""One scan over a fresh tree that finds every element a later step looks for by its markup.

Several steps pick elements by their class/id words (chrome boxes, readability's unlikely
candidates, bylines, caption boxes) or by tag (figures). Each running its own scan cost a
Python visit, a string and a regex per element per step; here one visit builds the string
once, one combined regex turns most elements away, and each step gets the short list it needs,
in document order. Holding the element list also keeps one lxml proxy per element alive, so
later passes do not rebuild proxies through lxml's Python class lookup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree
from readability.readability import REGEXES

from .figures import CAPTION_BOX
from .metadata import BYLINE_CLASS
from .prune import CHROME_WORDS

UNLIKELY = REGEXES["unlikelyCandidatesRe"]
MAYBE = REGEXES["okMaybeItsACandidateRe"]
_ANY = re.compile(
    "|".join(r.pattern for r in (CHROME_WORDS, UNLIKELY, BYLINE_CLASS, CAPTION_BOX)), re.I
)
_BOX_TAGS = frozenset(("div", "p", "span"))


@dataclass
class Marks:
    """Elements of one tree, sorted by what marks them; each list in document order."""

    elements: list[lxml.html.HtmlElement] = field(default_factory=list)
    chrome: list[tuple[lxml.html.HtmlElement, str]] = field(default_factory=list)
    unlikely: list[lxml.html.HtmlElement] = field(default_factory=list)
    byline: list[lxml.html.HtmlElement] = field(default_factory=list)
    boxes: list[lxml.html.HtmlElement] = field(default_factory=list)


def scan(tree: lxml.html.HtmlElement) -> Marks:
    """Sort the elements of ``tree`` by their marks (before anything is removed)."""
    m = Marks(elements=list(tree.iter(etree.Element)))
    for el in m.elements:
        tag = el.tag
        if tag == "figure":
            m.boxes.append(el)
        rel_author = el.get("rel") == "author" or el.get("itemprop") == "author"
        cls, ident = el.get("class"), el.get("id")
        if cls is None and ident is None:
            if rel_author:
                m.byline.append(el)
            continue
        attrs = f"{cls or ''} {ident or ''}"
        if _ANY.search(attrs) is None:
            if rel_author:
                m.byline.append(el)
            continue
        if CHROME_WORDS.search(attrs):
            m.chrome.append((el, attrs))
        if len(attrs) >= 2 and UNLIKELY.search(attrs) and not MAYBE.search(attrs):
            m.unlikely.append(el)
        if rel_author or (len(attrs) > 2 and BYLINE_CLASS.search(attrs)):
            m.byline.append(el)
        if tag in _BOX_TAGS and CAPTION_BOX.search(attrs):
            m.boxes.append(el)
    return m
