"""The main content: readability-lxml's scoring run on our own pruned tree, with no round trips.

``Document.summary()`` deep-copies the tree through a cleaner, rewrites divs by serialising
every child, and returns a string that must be parsed again. We keep its scoring and selection
steps (the part that is good) and replace the rest: the tree is handed in already pruned, the
div rewrite checks descendants instead of serialising them, and the result stays an element.
"""

from __future__ import annotations

import copy

import lxml.html
from lxml import etree
from readability import Document

#: Tag-name prefixes readability treats as block content inside a div (its divToPElementsRe).
_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul")
_INLINE = frozenset(("a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong"))
_INLINE_ALL = _INLINE | {"sub", "sup", "u"}


def _has_block(el: lxml.html.HtmlElement) -> bool:
    return any(d.tag.startswith(_BLOCK_PREFIXES) for d in el.iterdescendants(etree.Element))


class _Reader(Document):
    """readability's Document over a tree we own; ``sanitize`` returns the element itself."""

    def __init__(self, tree: lxml.html.HtmlElement) -> None:
        super().__init__(tree)
        self.html = tree

    def _html(self, force: bool = False) -> lxml.html.HtmlElement:
        return self.html

    def get_clean_html(self) -> lxml.html.HtmlElement:  # type: ignore[override]
        return self.html

    def transform_misused_divs_into_paragraphs(self) -> None:
        """Same rewrite as readability's, without serialising each child to test it."""
        for elem in list(self.tags(self.html, "div")):
            if not _has_block(elem):
                elem.tag = "p"
        for elem in list(self.tags(self.html, "div")):
            paragraph = None
            if elem.text and elem.text.strip():
                paragraph = lxml.html.Element("p")
                paragraph.text, elem.text = elem.text, None
                elem.insert(0, paragraph)
            for child in list(elem):
                if paragraph is not None and child is paragraph:
                    continue
                tag = child.tag if isinstance(child.tag, str) else ""
                if tag == "br" or tag not in _INLINE_ALL or _has_block(child):
                    paragraph = None
                    continue
                if paragraph is None:
                    paragraph = lxml.html.Element("p")
                    child.addprevious(paragraph)
                paragraph.append(child)
            for pos, child in reversed(list(enumerate(elem))):
                if child.tail and child.tail.strip():
                    p = lxml.html.Element("p")
                    p.text, child.tail = child.tail, None
                    elem.insert(pos + 1, p)
                if child.tag == "br":
                    child.drop_tree()

    def attempt(self, ruthless: bool) -> lxml.html.HtmlElement | None:
        """One pass of readability's summary loop; the article element, or None."""
        for body in self.tags(self.html, "body"):
            body.set("id", "readabilityBody")
        if ruthless:
            self.remove_unlikely_candidates()
        self.transform_misused_divs_into_paragraphs()
        candidates = self.score_paragraphs()
        best = self.select_best_candidate(candidates)
        if not best:
            return None
        best = self.get_semantic_article_candidate(candidates, best)
        best = self.get_semantic_main_candidate(candidates, best)
        article = self.get_article(candidates, best, html_partial=True)
        return self.sanitize(article, candidates)


#: Below this many characters the ruthless pass removed too much and the lenient one runs.
RETRY_LENGTH = 250


def main_content(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The article element readability would choose, taken from ``tree`` (which it changes)."""
    spare = copy.deepcopy(tree)
    found = _Reader(tree).attempt(ruthless=True)
    if found is not None and len(found.text_content().strip()) >= RETRY_LENGTH:
        return found
    lenient = _Reader(spare).attempt(ruthless=False)
    if lenient is not None:
        return lenient
    body = spare.find("body")
    return body if body is not None else spare
