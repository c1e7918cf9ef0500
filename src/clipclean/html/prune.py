"""Remove page chrome from the parsed tree before the main-content search.

Scripts, navigation, footers, asides, forms and hidden elements are never article text; taking
them out first makes the content scorer both faster (fewer nodes) and harder to fool (a long
comment thread or a footer link list cannot win).
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

#: Elements that never hold article text.
CHROME_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "footer",
    "aside",
    "button",
    "select",
    "input",
    "textarea",
    "iframe",
    "object",
    "embed",
    "canvas",
    "dialog",
    "menu",
    "link",
    "meta",
)
#: One scan for the attribute-marked chrome (a union of ``//tag`` paths would scan once per tag).
_MARKED_XPATH = etree.XPath(
    '//*[@hidden or @role="navigation" or @role="complementary" or @role="contentinfo"'
    ' or @role="dialog"]'
)
_STYLED = etree.XPath("//*[@style]")
_CLASSED = etree.XPath("//*[@class or @id]")
#: Roles of page furniture.
HIDING_ROLES = frozenset(("navigation", "complementary", "contentinfo", "dialog"))
HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)

#: class/id words of blocks that are chrome inside an article (share rows, newsletter boxes,
#: related links, comment threads, ad slots). Whole-word matches on class/id tokens only.
CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|newsletter|related|recommended|recirc|outbrain|taboola"
    r"|comments?|disqus|advert\w*|ads?|ad-?slot|adunit|dfp|promo|sponsor\w*|subscribe|paywall"
    r"|signup|breadcrumbs?|tags|popular|trending|most-read|more-stories|read-more|author-bio"
    r"|cookie\w*|consent|toolbar|sidebar|skip-link|sr-only|visually-hidden|screen-reader-text"
    r")(?:$|[\s_-])",
    re.I,
)
#: Never pruned by class: the content itself may carry such words ("article-tags" aside).
_KEEP_TAGS = frozenset(("html", "body", "main", "article"))


#: CMS classes that describe the post (WordPress "category-ads", "tag-social"), not a box.
_POST_CLASS = ("category-", "tag-", "post-", "format-", "status-", "type-")


def _chrome_by_class(el: lxml.html.HtmlElement, attrs: str) -> bool:
    """A chrome word in a class/id token, on an element that holds no run of long paragraphs
    (a share row wrapping the whole story is a template quirk, not a share row)."""
    if el.tag in _KEEP_TAGS:
        return False
    if CHROME_WORDS.search(attrs) is None:  # the common case, decided by one search
        return False
    tokens = [t for t in attrs.split() if not t.startswith(_POST_CLASS)]
    hit = next((m for t in tokens if (m := CHROME_WORDS.search(t))), None)
    if hit is None:
        return False
    if "comment" in hit.group(0).lower():
        return True
    if _embeds_quote(el):
        if el.tag != "blockquote":
            el.drop_tag()  # the box's class words would still count against it later
        return False
    return not holds_content(el)


#: A pop-up card inside running text (a person's photo and links to stories about them):
#: the page shows it on hover only; its text would break the sentence it sits in.
#: "//p//span" would be quadratic in libxml2 (node-set merging); "//span" with an ancestor test
#: selects the same elements in one pass.
_CARDS = etree.XPath("//span[ancestor::p and .//img and count(.//a) >= 3]")


def _linked_share(el: lxml.html.HtmlElement) -> float:
    words = len(_TEXT(el).split())
    return sum(len(_TEXT(a).split()) for a in el.iter("a")) / max(words, 1)


def _embeds_quote(el: lxml.html.HtmlElement) -> bool:
    """A "social" box around a blockquote is an embedded post the article quotes (its text
    is the box's text), not a row of share buttons."""
    quote = el if el.tag == "blockquote" else next(el.iter("blockquote"), None)
    if quote is None:
        return False
    return len(_TEXT(quote).split()) >= 0.6 * len(_TEXT(el).split())


def holds_content(el: lxml.html.HtmlElement) -> bool:
    """An article, main or articleBody inside, or a run of long paragraphs: a wrapper (a
    whole-page <form>, a sidebar-styled column), not a box of chrome."""
    if _HOLDS_ARTICLE(el):
        return True
    long_paragraphs = 0
    for p in el.iter("p"):
        if len(p.text_content()) > 150:
            long_paragraphs += 1
            if long_paragraphs >= 3:
                return True
    # Or much text outside links (tables of figures, short paragraphs): a box of chrome is
    # mostly links or short.
    words = len(_TEXT(el).split())
    if words < WRAPPER_WORDS:
        return False
    linked = sum(len(_TEXT(a).split()) for a in el.iter("a"))
    return linked < 0.3 * words


#: Words outside links from which a chrome-classed element is a wrapper of the content.
WRAPPER_WORDS = 400
_TEXT = etree.XPath("string()")


_HOLDS_ARTICLE = etree.XPath("boolean(.//article|.//main|.//*[contains(@itemprop, 'articleBody')])")


def _drop(elements: list[lxml.html.HtmlElement]) -> None:
    for el in elements:
        if el.tag not in ("html", "body") and el.getparent() is not None:
            el.drop_tree()


#: Chrome tags removed as soon as the metadata markup is read (noscript waits: a figure's
#: image may be only there; nav, footer and aside inside an <article> wait too: its
#: own footer or aside may hold its byline or date).
_SECTIONING = ("nav", "footer", "aside")
EARLY_TAGS = tuple(t for t in CHROME_TAGS if t not in ("noscript", *_SECTIONING))
_PAGE_FURNITURE = etree.XPath("|".join(f"//{t}[not(ancestor::article)]" for t in _SECTIONING))


def strip_early(tree: lxml.html.HtmlElement) -> None:
    """Remove scripts, styles, embeds and form controls, and the page's own navigation,
    footer and asides, before any Python pass visits their elements (over a third of a
    page's elements sit in page-level nav, footer and aside)."""
    etree.strip_elements(tree, *EARLY_TAGS, with_tail=False)
    _drop(_PAGE_FURNITURE(tree))


def prune(
    tree: lxml.html.HtmlElement,
    chrome: list[tuple[lxml.html.HtmlElement, str]] | None = None,
    hidden: list[lxml.html.HtmlElement] | None = None,
) -> None:
    """Drop chrome elements in place (their tails, the text after them, stay). ``chrome``:
    the elements whose class/id hold a chrome word, with that text, and ``hidden``: those
    hidden or with a furniture role, if already found (see marks.py)."""
    etree.strip_elements(tree, *CHROME_TAGS, with_tail=False)
    if hidden is None:
        hidden = _MARKED_XPATH(tree)
        hidden += [el for el in _STYLED(tree) if HIDDEN_STYLE.search(el.get("style", ""))]
    _drop(hidden)
    if chrome is None:
        chrome = [(el, f"{el.get('class', '')} {el.get('id', '')}") for el in _CLASSED(tree)]
    _drop([el for el, attrs in chrome if _chrome_by_class(el, attrs)])
    _drop([el for el in tree.iter("form") if not holds_content(el)])
    cards = [el for el in _CARDS(tree) if _linked_share(el) >= 0.7]
    inner = set(cards)  # the card itself, not the link wrapping it with the name shown
    _drop([el for el in cards if not any(d in inner for d in el.iterdescendants("span"))])
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
