"""Remove page chrome from the parsed tree before the main-content search.

Scripts, navigation, footers, asides, forms and hidden elements are never article text; taking
them out first makes the content scorer both faster (fewer nodes) and harder to fool (a long
comment thread or a footer link list cannot win).
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from .dropped import CHROME, FURNITURE, HIDDEN, Sieve, top

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
    "title",  # (read with the markup first; a stray one in the body is not shown)
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
_KEEP_TAGS = frozenset(("html", "body", "main"))


#: CMS classes that describe the post (WordPress "category-ads", "tag-social"), not a box.
_POST_CLASS = ("category-", "tag-", "post-", "format-", "status-", "type-")
#: State classes that say what a box has or lacks ("has-sharing", "layout--with-sidebar",
#: "no-ads"): the box is the article's header or column, not the share row or sidebar.
_FEATURE = re.compile(r"(?:.*(?:--|__))?(?:has|with|without|no)-", re.I)


def chrome_word(el: lxml.html.HtmlElement, attrs: str) -> str | None:
    """The chrome word in a class/id token that makes ``el`` a box to prune, or ``None``: not
    for an inline element inside running text, nor a box that holds a run of long paragraphs
    (a share row wrapping the whole story is a template quirk, not a share row) or, inside the
    article, a paragraph of prose (its name alone does not make it chrome)."""
    if el.tag in _KEEP_TAGS:
        return None
    if CHROME_WORDS.search(attrs) is None:  # the common case, decided by one search
        return None
    tokens = [t for t in attrs.split() if not t.startswith(_POST_CLASS) and not _FEATURE.match(t)]
    hit = next((m for t in tokens if (m := CHROME_WORDS.search(t))), None)
    if hit is None or in_running_text(el):
        return None
    word = hit.group(0).strip(" _-").lower()
    if "comment" in word:
        return None if lone_prose(el) else word
    if _embeds_quote(el):
        if el.tag != "blockquote" and el.getparent() is not None:
            el.drop_tag()  # the box's class words would still count against it later
        return None
    if holds_content(el) or prose_in_article(el):
        return None
    if el.tag == "article" and has_prose(el):
        return None  # (an article is its own: a card or a box is short lines)
    return word


#: Inline elements: part of a line of text, never a box of their own.
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup"
    " time u var".split()
)


def in_running_text(el: lxml.html.HtmlElement) -> bool:
    """An inline element with text right beside it on its line ("On Monday <a class=share>
    Twitter</a> erupted"): removing it would take a word out of a sentence, whatever its
    class says."""
    node = el
    while node.tag in INLINE_TAGS:
        parent = node.getparent()
        if parent is None:
            return False
        if (node.tail or "").strip():
            return True
        prev = node.getprevious()
        if ((prev.tail if prev is not None else parent.text) or "").strip():
            return True
        node = parent
    return False


#: Words of a sentence-like stretch of text that make a chrome-named box inside the article
#: the article's own (a box of chrome is links or short lines).
PROSE_WORDS = 20
_SENTENCE_END = (".", "!", "?", ".”", '."', "!”", "?”", "…")
_IN_ARTICLE = etree.XPath(
    "boolean(ancestor::article|ancestor::main|ancestor::*[contains(@itemprop, 'articleBody')])"
)


def prose_in_article(el: lxml.html.HtmlElement) -> bool:
    """A box inside the article that holds a paragraph of sentence-like prose, mostly outside
    links: its class name alone does not make it chrome."""
    return bool(_IN_ARTICLE(el)) and has_prose(el)


def has_prose(el: lxml.html.HtmlElement, own: bool = False) -> bool:
    """A paragraph of sentence-like prose, mostly outside links, under ``el``; with ``own``,
    ``el``'s whole text may be that paragraph (a box of text and <br>s, no <p>), and it may
    close on a link if it holds sentences ("… Designaward. Küchen … Entdecken Sie hier …")."""
    return any(map(_is_prose, el.iter("p", "blockquote", "li"))) or (
        own and _is_prose(el, sentences=2)
    )


#: Sentence ends inside a text: a sentence ended, the next begins with a capital.
_SENTENCES = re.compile(r"[.!?…][\"”»]? +[A-ZÀ-ÖØ-Þ]")


def _is_prose(p: lxml.html.HtmlElement, sentences: int = 0) -> bool:
    """``p``'s text is of paragraph length, mostly outside links, and ends a sentence (or,
    with ``sentences``, holds that many sentence ends)."""
    text = _TEXT(p).strip()
    words = len(text.split())
    if words < PROSE_WORDS:
        return False
    if not text.endswith(_SENTENCE_END) and (
        not sentences or len(_SENTENCES.findall(text)) < sentences
    ):
        return False
    return sum(len(_TEXT(a).split()) for a in p.iter("a")) < 0.3 * words


#: What a comment thread has and a caption or note of prose does not: avatars, dates, replies.
_THREAD_PARTS = ("img", "time", "form", "ul", "ol", "article", "section")
_ANY_ARTICLE = etree.XPath(
    "boolean(/descendant::article|/descendant::main|//*[contains(@itemprop, 'articleBody')])"
)


def lone_prose(el: lxml.html.HtmlElement) -> bool:
    """A "comment"-named box that is one note of prose (a gallery's caption, an editor's
    comment), not a thread: sentence-like text, mostly outside links, and none of a thread's
    shape (avatars, dates, lists of items, boxes repeating one class); and, on a page that
    marks its article, inside it (comments follow the article)."""
    if next(el.iter(*_THREAD_PARTS), None) is not None:
        return False
    seen: set[str] = set()
    for part in el.iterdescendants(etree.Element):
        cls = part.get("class")
        if cls in seen:
            return False  # (a part repeated: a thread's items, a row of counts or buttons)
        if cls:
            seen.add(cls)
    if not has_prose(el, own=True):
        return False
    return bool(_IN_ARTICLE(el)) or not _ANY_ARTICLE(el)


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


#: Chrome tags removed as soon as the metadata markup is read (noscript waits: a figure's
#: image may be only there; nav, footer and aside inside an <article> wait too: its
#: own footer or aside may hold its byline or date).
_SECTIONING = ("nav", "footer", "aside")
EARLY_TAGS = tuple(t for t in CHROME_TAGS if t != "noscript" and t not in _SECTIONING)


def _page_furniture(tree: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The nav, footer and aside elements outside any <article>, in document order: one
    walk with lxml's C tag filter (an XPath union walks the tree once per tag, then sorts)."""
    return [el for el in tree.iter(*_SECTIONING) if next(el.iterancestors("article"), None) is None]


#: What a reader sees of a page-level section, for the trace.
_FURNITURE_REASON = {
    "nav": "the page's navigation (<nav> outside the article)",
    "footer": "the page footer (<footer> outside the article)",
    "aside": "a sidebar (<aside> outside the article)",
}
#: Early tags whose text a reader sees (the others are code, embeds or closed dialogs).
_SHOWN_CONTROLS = ("button", "menu")


def strip_early(tree: lxml.html.HtmlElement, sieve: Sieve | None = None) -> None:
    """Remove scripts, styles, embeds and form controls, and the page's own navigation,
    footer and asides, before any Python pass visits their elements (over a third of a
    page's elements sit in page-level nav, footer and aside). ``sieve`` records what a
    reader would have seen of them."""
    sieve = sieve or Sieve(None)
    if sieve.draft is not None:
        for el in tree.iter(*_SHOWN_CONTROLS):
            sieve.note(el, FURNITURE, f"a <{el.tag}> (page controls)")
    etree.strip_elements(tree, *EARLY_TAGS, with_tail=False)
    root = top(tree)
    for el in _page_furniture(tree):
        if top(el) is not root:  # (inside a section dropped just before)
            continue
        if wraps_article(el):
            el.tag = "div"  # (a box like any other from here on: CHROME_TAGS are stripped)
        else:
            sieve.drop(el, FURNITURE, _FURNITURE_REASON[el.tag])


_HOLDS_BODY = etree.XPath("boolean(.//*[contains(@itemprop, 'articleBody')])")
#: Paragraphs of prose an <article> inside a sectioning element must hold to be the page's.
ARTICLE_PROSE = 2


def wraps_article(el: lxml.html.HtmlElement) -> bool:
    """A <nav>, <footer> or <aside> around an <article> (or articleBody) with paragraphs of
    sentence-like prose: a template that puts the story in a sectioning element, not a
    sidebar (teaser cards in a sidebar hold a line or two each, not paragraphs)."""
    if not _HOLDS_ARTICLE(el):
        return False
    # (a marked articleBody is the story whatever its length; an <article> may be a card)
    needed = 1 if _HOLDS_BODY(el) else ARTICLE_PROSE
    prose = 0
    for p in el.iter("p"):
        text = _TEXT(p).strip()
        words = len(text.split())
        if (
            words >= PROSE_WORDS
            and text.endswith(_SENTENCE_END)
            and sum(len(_TEXT(a).split()) for a in p.iter("a")) < 0.3 * words
        ):
            prose += 1
            if prose >= needed:
                return True
    return False


def collapsed_prose(el: lxml.html.HtmlElement) -> bool:
    """A hidden box inside the article that holds a paragraph of prose: a gallery's next
    slides, a tab or a "read more" the reader opens, not furniture (a hidden menu, a modal or
    a template is short lines or links). A furniture role still hides it."""
    return el.get("role") not in HIDING_ROLES and prose_in_article(el)


def _hiding_reason(el: lxml.html.HtmlElement) -> tuple[str, str]:
    if el.get("hidden") is not None:
        return HIDDEN, "hidden on the page (hidden attribute)"
    role = el.get("role")
    if role in HIDING_ROLES:
        return FURNITURE, f'page furniture (role="{role}")'
    return HIDDEN, "hidden on the page (display:none or visibility:hidden)"


def prune(
    tree: lxml.html.HtmlElement,
    chrome: list[tuple[lxml.html.HtmlElement, str]] | None = None,
    hidden: list[lxml.html.HtmlElement] | None = None,
    sieve: Sieve | None = None,
) -> None:
    """Drop chrome elements in place (their tails, the text after them, stay). ``chrome``:
    the elements whose class/id hold a chrome word, with that text, and ``hidden``: those
    hidden or with a furniture role, if already found (see marks.py). ``sieve`` records each
    subtree dropped in the draft's trace."""
    sieve = sieve or Sieve(None)
    root = top(tree)
    for el in list(tree.iter("nav", "footer", "aside")):  # (the page's own went early)
        if top(el) is not root:
            continue
        if wraps_article(el):
            el.tag = "div"
        else:
            sieve.drop(el, CHROME, f"the article's own <{el.tag}> (read for metadata first)")
    etree.strip_elements(tree, *CHROME_TAGS, with_tail=False)
    if hidden is None:
        hidden = _MARKED_XPATH(tree)
        hidden += [el for el in _STYLED(tree) if HIDDEN_STYLE.search(el.get("style", ""))]
    for el in hidden:
        if top(el) is root and not collapsed_prose(el):
            sieve.drop(el, *_hiding_reason(el))
    if chrome is None:
        chrome = [(el, f"{el.get('class', '')} {el.get('id', '')}") for el in _CLASSED(tree)]
    for el, attrs in chrome:
        if el.getparent() is not None and top(el) is root:
            word = chrome_word(el, attrs)
            if word is not None:
                sieve.drop(el, CHROME, f'a box of page chrome (class/id "{word}")')
    for el in [el for el in tree.iter("form") if not holds_content(el)]:
        if top(el) is root:
            sieve.drop(el, CHROME, "a form (not the article)")
    cards = [el for el in _CARDS(tree) if _linked_share(el) >= 0.7]
    inner = set(cards)  # the card itself, not the link wrapping it with the name shown
    for el in cards:
        if not any(d in inner for d in el.iterdescendants("span")) and top(el) is root:
            sieve.drop(el, CHROME, "a pop-up card about a name in the text (shown on hover)")
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
