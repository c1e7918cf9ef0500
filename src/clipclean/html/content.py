"""The main content: readability-lxml's scoring run on our own pruned tree, with no round trips.

``Document.summary()`` deep-copies the tree through a cleaner, rewrites divs by serialising
every child, and returns a string that must be parsed again. We keep its scoring and selection
steps (the part that is good) and replace the rest: the tree is handed in already pruned, the
div rewrite checks descendants instead of serialising them, and the result stays an element.
The methods that cost most (unlikely candidates, paragraph scoring, link density, class weight,
sanitize) are re-stated with the same rules and cheaper means: marks found by one scan, text
lengths without regex passes, lengths measured once, no debug lines built.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import lxml.html
from lxml import etree
from readability import Document
from readability.readability import REGEXES, is_video_url

from .blocks import IMAGE_PLACE, headed_table
from .dropped import OUTSIDE, Sieve, top, where
from .prune import has_prose, lone_prose

#: Tag-name prefixes readability treats as block content inside a div (its divToPElementsRe).
_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul")
_INLINE = frozenset(("a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong"))
_INLINE_ALL = _INLINE | {"sub", "sup", "u"}


_CLASSED = etree.XPath("//*[@class or @id]")


def _protected(el: lxml.html.HtmlElement) -> bool:
    """readability's exemptions from the unlikely rule: inside pre/code, or holding main,
    article or math. lxml's C tag filters, stopping at the first hit."""
    return (
        el.tag in ("pre", "code", "main", "article", "math")
        or next(el.iterancestors("pre", "code"), None) is not None
        or next(el.iterdescendants("main", "article", "math"), None) is not None
    )


_UNLIKELY = REGEXES["unlikelyCandidatesRe"]
_NEGATIVE = REGEXES["negativeRe"]
_POSITIVE = REGEXES["positiveRe"]
_MAYBE = REGEXES["okMaybeItsACandidateRe"]


def text_length(el: lxml.html.HtmlElement) -> int:
    """readability's ``len(clean(text_content()))`` with whitespace runs counted as one
    character, as its three regex passes nearly do, without running them."""
    return len(" ".join((el.text_content() or "").split()))


#: The HTML tags those prefixes match (lxml filters by exact tag names in C).
_BLOCK_TAGS = (*_BLOCK_PREFIXES, "param", "picture", "progress")


def _prose_named_unlikely(el: lxml.html.HtmlElement) -> bool:
    """A box unlikely only by the word "header" that holds a paragraph of prose: the
    article's header with its standfirst, not the page's masthead (a line or a menu); or
    only by "comment" that is one note of prose, not a thread (see :func:`lone_prose`)."""
    attrs = "{} {}".format(el.get("class", ""), el.get("id", "")).lower()
    if "header" in attrs:
        return _UNLIKELY.search(attrs.replace("header", " ")) is None and has_prose(el)
    if "comment" in attrs:
        return _UNLIKELY.search(attrs.replace("comment", " ")) is None and lone_prose(el)
    return False


_CALL_TO_ACTION = REGEXES["callToActionRe"]
_IN_SEMANTIC = etree.XPath("boolean(ancestor::main | ancestor::article)")


def _vouched(el: lxml.html.HtmlElement) -> bool:
    """readability rescues an empty box whose first non-empty neighbours hold much text."""
    siblings = []
    for sibs in (el.itersiblings(), el.itersiblings(preceding=True)):
        for sib in sibs:
            length = text_length(sib)
            if length:
                siblings.append(length)
                break
    return bool(siblings) and sum(siblings) > 1000


#: File endings of documents a page offers (its sources, attachments, recordings).
DOCUMENT_ENDINGS = (
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".epub",
    ".zip", ".mp3", ".m4a", ".ogg", ".wav",
)  # fmt: skip
#: Share of a box's links that lead to documents from which the box offers them.
DOCUMENTS_SHARE = 1 / 3


def offers_documents(el: lxml.html.HtmlElement) -> bool:
    """A box whose links lead to documents (a PDF, a recording), not to pages: the article's
    sources or attachments. readability's link test is for menus and teaser lists, whose
    links lead to other pages; a list of press coverage as PDFs is all links and is the
    article's."""
    hrefs = [a.get("href") or "" for a in el.iter("a")]
    if not hrefs:
        return False
    files = sum(
        1 for h in hrefs if h.split("#", 1)[0].split("?", 1)[0].lower().endswith(DOCUMENT_ENDINGS)
    )
    return files >= DOCUMENTS_SHARE * len(hrefs)


def _counter(el: lxml.html.HtmlElement) -> Callable[[str], int]:
    """How many descendants of ``el`` have a tag."""
    return lambda tag: sum(1 for _ in el.iterdescendants(tag))


def _has_block(el: lxml.html.HtmlElement) -> bool:
    """A block-level descendant; the tag filter runs in C and stops at the first."""
    return next(el.iterdescendants(*_BLOCK_TAGS), None) is not None


@lru_cache(maxsize=4096)
def _weight(feature: str) -> int:
    """readability's class/id weight of one attribute value; pages repeat their classes."""
    weight = 0
    if _NEGATIVE.search(feature):
        weight -= 25
    if _POSITIVE.search(feature):
        weight += 25
    return weight


class _Reader(Document):
    """readability's Document over a tree we own; ``sanitize`` returns the element itself."""

    def __init__(
        self,
        tree: lxml.html.HtmlElement,
        unlikely: list[lxml.html.HtmlElement] | None = None,
        sieve: Sieve | None = None,
    ) -> None:
        super().__init__(tree)
        self.html = tree
        self.unlikely = unlikely
        self.sieve = sieve or Sieve(None)
        #: The root of what is being cleaned (the page, then the article readability built).
        self.root = top(tree)

    def _drop(self, el: lxml.html.HtmlElement, reason: str) -> None:
        """Drop ``el`` and record it in the trace as passed over by readability (unless it
        went already, inside a subtree dropped before it)."""
        if top(el) is self.root:
            self.sieve.drop(el, OUTSIDE, f"readability: {reason}")

    def get_article(  # type: ignore[override]
        self, candidates: dict, best_candidate: dict, html_partial: bool = False
    ) -> lxml.html.HtmlElement:
        """readability's pick of the best candidate and its siblings; what it leaves in the
        tree is recorded in the trace, one row per subtree passed over."""
        parent = best_candidate["elem"].getparent()
        article = super().get_article(candidates, best_candidate, html_partial)
        if parent is not None:
            _trace_outside(parent, self.sieve)
        return article

    def _html(self, force: bool = False) -> lxml.html.HtmlElement:
        return self.html

    def get_clean_html(self) -> lxml.html.HtmlElement:  # type: ignore[override]
        return self.html

    def class_weight(self, e: lxml.html.HtmlElement) -> int:
        """readability's class weight (no custom keywords), cached per attribute value."""
        return sum(_weight(f) for f in (e.get("class"), e.get("id")) if f)

    def get_link_density(self, elem: lxml.html.HtmlElement) -> float:
        """readability's link density with the cheaper, equal text length."""
        links = sum(text_length(a) for a in elem.iter("a") if a is not elem)
        return links / max(text_length(elem), 1)

    def remove_unlikely_candidates(self) -> None:
        """readability's rule, visiting only the elements whose class/id matched it."""
        if self.unlikely is None:
            self.unlikely = [
                el
                for el in _CLASSED(self.html)
                if len(s := "{} {}".format(el.get("class", ""), el.get("id", ""))) >= 2
                and _UNLIKELY.search(s)
                and not _MAYBE.search(s)
            ]
        for elem in self.unlikely:
            if (
                elem.getparent() is not None
                and elem.tag not in ("html", "body")
                and not _protected(elem)
                and not _prose_named_unlikely(elem)
            ):
                self._drop(elem, "an unlikely candidate by its class/id")

    def score_paragraphs(self) -> dict:
        """readability's paragraph scoring, without formatting a debug line per candidate."""
        min_len = self.min_text_length
        candidates: dict = {}
        ordered = []
        for elem in self.tags(self.html, "p", "pre", "td", "blockquote"):
            parent = elem.getparent()
            if parent is None:
                continue
            grand = parent.getparent()
            text = " ".join((elem.text_content() or "").split())
            if len(text) < min_len:
                continue
            if parent not in candidates:
                candidates[parent] = self.score_node(parent)
                ordered.append(parent)
            if grand is not None and grand not in candidates:
                candidates[grand] = self.score_node(grand)
                ordered.append(grand)
            score = 1 + len(text.split(",")) + min(len(text) / 100, 3)
            candidates[parent]["content_score"] += score
            if grand is not None:
                candidates[grand]["content_score"] += score / 2.0
        # The tree does not change here: each link's length is measured once, however many
        # nested candidates hold it.
        link_lengths: dict[lxml.html.HtmlElement, int] = {}

        def link_length(a: lxml.html.HtmlElement) -> int:
            found = link_lengths.get(a)
            if found is None:
                found = link_lengths[a] = text_length(a)
            return found

        for elem in ordered:
            links = sum(link_length(a) for a in elem.iter("a") if a is not elem)
            density = links / max(text_length(elem), 1)
            candidates[elem]["content_score"] *= 1 - density
        return candidates

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

    def sanitize(  # type: ignore[override]
        self, node: lxml.html.HtmlElement, candidates: dict
    ) -> lxml.html.HtmlElement:
        """readability 0.9's sanitize (Apache-2.0), the same rules in the same order, with
        the cheaper text length, tag counts by lxml's C filters, and no debug lines
        formatted (readability builds each one, with the element's text, even when logging
        is off)."""
        self.root = top(node)
        min_len = self.min_text_length
        for header in self.tags(node, "h1", "h2", "h3", "h4", "h5", "h6"):
            if self.class_weight(header) < 0 or self.get_link_density(header) > 0.33:
                self._drop(header, "a heading with a negative class or mostly links")
        for elem in self.tags(node, "p"):
            if _CALL_TO_ACTION.search(elem.text_content()) and self.get_link_density(elem) > 0.2:
                self._drop(elem, "a call to action made of links")
        for elem in self.tags(node, "form", "textarea"):
            self._drop(elem, "a form")
        for elem in self.tags(node, "iframe"):
            if "src" in elem.attrib and is_video_url(elem.attrib["src"]):
                elem.attrib.pop("srcdoc", None)
                elem.text = "VIDEO"
            else:
                self._drop(elem, "an embedded frame")
        allowed = self.get_preserved_elements(node)
        for el in self.reverse_tags(
            node, "table", "ul", "div", "aside", "header", "footer", "section"
        ):
            if el in allowed:
                continue
            weight = self.class_weight(el)
            content_score = candidates[el]["content_score"] if el in candidates else 0
            if weight + content_score < 0:
                self._drop(el, "a box with a negative class/id weight")
                continue
            if el.text_content().count(",") >= 10:
                continue
            count = _counter(el)
            n_p, n_img, n_embed = count("p"), count("img"), count("embed")
            n_li = count("li") - 100
            n_input = count("input") - len(el.findall('.//input[@type="hidden"]'))
            content_length = text_length(el)
            link_density = self.get_link_density(el)
            parent = el.getparent()
            if parent is not None:
                content_score = candidates[parent]["content_score"] if parent in candidates else 0
            tag = el.tag
            to_remove = (
                (n_p and n_img > 1 + n_p * 1.3)
                or (n_li > n_p and tag not in ("ol", "ul"))
                or n_input > (n_p / 3)
                or (content_length < min_len and (n_img == 0 or n_img > 2))
                or (
                    weight < 25
                    and link_density
                    > (0.25 if tag in ("ul", "section") and _IN_SEMANTIC(el) else 0.2)
                )
                or (weight >= 25 and link_density > 0.5)
                or (n_embed == 1 and content_length < 75)
                or n_embed > 1
            )
            if to_remove and (offers_documents(el) or (tag == "table" and headed_table(el))):
                continue  # (asked only of a box about to go: most boxes stay)
            if not to_remove and not content_length:
                # readability's rescue of an empty box: a neighbour with much text vouches
                # for it (its x = 1: the first non-empty sibling on each side)
                to_remove = not _vouched(el)
                if not to_remove:
                    for desnode in self.tags(el, "table", "ul", "div", "section"):
                        allowed[desnode] = True
            if to_remove:
                if n_img and el.getparent() is not None:  # (a caption beside it is one)
                    el.addprevious(lxml.html.Element(IMAGE_PLACE))
                self._drop(el, "a box of links, images or forms rather than text")
        self.html = node
        return self.get_clean_html()

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
        best = _widen_to_items(candidates, best, self.score_node)
        article = self.get_article(candidates, best, html_partial=True)
        return self.sanitize(article, candidates)


#: How many levels above readability's pick a repeated item may stand.
ITEM_REACH = 3
#: Items of a list that must hold prose for the list to be the content, and the share of the
#: pick's score an item's best paragraph box must reach to count as prose.
ITEMS_MIN = 3
ITEM_SHARE = 0.5


def _widen_to_items(
    candidates: dict, best: dict, score_node: Callable[[lxml.html.HtmlElement], dict]
) -> dict:
    """The list around readability's pick when the pick is one item of several alike (same
    tag and class, side by side) that each hold prose scored near the pick's: the sections of
    a listicle, the posts of a thread, the steps of a guide. readability takes one item and
    leaves its like-scored cousins out, since they are not its siblings. Teasers do not
    qualify: their short summaries score far below a paragraph of the article; nor do the
    paragraph boxes of one article's body (each item here is a section, article or list item
    that opens with its own heading), nor a
    parent where the items are not most of what it holds (boxes of other kinds between them)."""
    floor = ITEM_SHARE * best["content_score"]
    node = best["elem"]
    for _ in range(ITEM_REACH):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        key = (node.tag, node.get("class"))
        peers = [c for c in parent if (c.tag, c.get("class")) == key]
        if node.tag in _ITEM_TAGS and len(peers) >= ITEMS_MIN and 2 * len(peers) > len(parent):
            strong = sum(
                1
                for peer in peers
                if _best_inside(candidates, peer) >= floor
                and next(peer.iter(*_HEADINGS), None) is not None
            )
            if strong >= ITEMS_MIN and 2 * strong >= len(peers):
                widened = candidates.get(parent) or score_node(parent)
                widened = dict(
                    widened, content_score=max(widened["content_score"], best["content_score"])
                )
                return widened
            break
        node = parent
    return best


#: Tags that mark an item of a list of sections (a div can be any box).
_ITEM_TAGS = frozenset(("article", "section", "li"))
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _best_inside(candidates: dict, el: lxml.html.HtmlElement) -> float:
    """The highest score of a candidate at or under ``el``."""
    found = [candidates[e]["content_score"] for e in el.iter() if e in candidates]
    return max(found, default=0.0)


#: Below this many characters the ruthless pass removed too much and the lenient one runs.
RETRY_LENGTH = 250


def readability_pick(
    build: Callable[[], lxml.html.HtmlElement],
) -> lxml.html.HtmlElement | None:
    """readability's article element over the tree ``build`` makes (ruthless, then lenient
    on a fresh tree when that finds too little), or None: no fallback to the whole body."""
    found = _Reader(build()).attempt(ruthless=True)
    if found is not None and len(found.text_content().strip()) >= RETRY_LENGTH:
        return found
    return _Reader(build()).attempt(ruthless=False)


def _trace_outside(parent: lxml.html.HtmlElement, sieve: Sieve) -> None:
    """One trace row per subtree readability left around its pick (the pick's siblings, and
    its ancestors' other children), and one per ancestor for its loose text."""
    if sieve.draft is None:
        return
    path = [parent, *parent.iterancestors()]
    on_path = set(path)
    for node in path:
        loose = [node.text or ""]
        for child in node:
            loose.append(child.tail or "")
            if child not in on_path:
                sieve.note(child, OUTSIDE, "outside the main content readability chose")
        text = " ".join(" ".join(loose).split())
        if text:
            sieve.draft.dropped(OUTSIDE, "loose text outside the main content", text, where(node))


def main_content(
    tree: lxml.html.HtmlElement,
    again: Callable[[], lxml.html.HtmlElement],
    unlikely: list[lxml.html.HtmlElement] | None = None,
    sieve: Sieve | None = None,
) -> lxml.html.HtmlElement:
    """The article element readability would choose, taken from ``tree`` (which it changes).

    ``again`` rebuilds the tree for the lenient retry: rarely needed (2 pages in 181), so
    rebuilding then is cheaper than copying every tree up front. ``sieve`` records what is
    passed over (``again`` restarts it with the spare tree)."""
    found = _Reader(tree, unlikely, sieve).attempt(ruthless=True)
    if found is not None and len(found.text_content().strip()) >= RETRY_LENGTH:
        return found
    spare = again()
    lenient = _Reader(spare, None, sieve).attempt(ruthless=False)
    if lenient is not None:
        return lenient
    body = spare.find("body")
    return body if body is not None else spare
