"""HTML -> Draft: parse once, read the metadata markup, strip page furniture in C, sort the
elements by their marks in one scan, read the displayed metadata, take figures out, prune
chrome, find the main content with readability's scorer, and hand the same block stream the
text path makes to the shared stages.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from .. import lang
from ..model import Block, Draft, Image
from .blocks import to_blocks
from .content import main_content
from .dropped import OUTSIDE, STATED, Sieve, subtree_text, where
from .fallback import Pairs, choose, read_page, unpruned
from .figures import MARKER, image_src, take_figures
from .marks import scan
from .markup import Markup, read_markup
from .metadata import read_metadata
from .parse import parse, parse_fragment
from .prune import prune, strip_early


def place_images(
    draft: Draft,
    content: lxml.html.HtmlElement,
    pairs: list[tuple[Block, lxml.html.HtmlElement]],
    images: list[Image],
    base: str | None,
) -> None:
    """Record the figures whose marker ended up in the content, and its bare <img>s that have
    alt text, each anchored at the block that follows it."""
    owner = {id(el): block for block, el in pairs}
    pending: list[Image] = []
    for el in content.iter(etree.Element):
        block = owner.get(id(el))
        if block is not None:
            for image in pending:
                draft.add_image(image, block)
            pending = []
        elif el.tag == MARKER:
            pending.append(images[int(el.get("data-i", "0"))])
        elif el.tag == "img" and (el.get("alt") or "").strip():
            pending.append(Image(src=image_src(el, base), alt=el.get("alt", "").strip()))
    for image in pending:
        draft.add_image(image, None)


def html_to_draft(text: str, url: str | None = None) -> Draft:
    """Main content and markup metadata of an HTML page as a draft."""
    tree = parse(text)
    markup = read_markup(tree)
    meta = Draft([], kind="html")  # (its trace gets what the steps below take out)
    sieve = Sieve(meta)
    strip_early(tree, sieve)
    marks = scan(tree)
    page_url = read_metadata(tree, markup, url, meta, marks.byline, marks.dates)
    images = take_figures(tree, page_url, marks.boxes, sieve)
    prune(tree, marks.chrome, marks.hidden, sieve)

    def again() -> lxml.html.HtmlElement:
        sieve.restart()  # the first tree is given up: its rows are made again from this one
        spare = parse(text)
        strip_early(spare, sieve)
        spare_marks = scan(spare)
        take_figures(spare, page_url, spare_marks.boxes, sieve)
        prune(spare, spare_marks.chrome, spare_marks.hidden, sieve)
        return spare

    page = read_page(tree)  # before readability changes the tree
    content = main_content(tree, again, marks.unlikely, sieve)
    pairs = to_blocks(content)
    stated = _stated_body(markup, pairs)
    if stated is not None:
        meta.dropped(
            STATED,
            "the page states its article text (JSON-LD articleBody) and this"
            " pick shares little of it",
            subtree_text(content),
            "content",
        )
        content, pairs = stated
        choice = "articleBody"
    else:
        picked = pairs
        pairs, choice = choose(pairs, page)
        if choice == "run":
            content = page.root()
        other = unpruned(text, pairs)
        if other is not None:
            (content, pairs), choice = other, "unpruned"
        _trace_left(meta, picked, pairs, choice)
    draft = Draft([b for b, _ in pairs], kind="html")
    draft.candidates = meta.candidates
    draft.propose("content", choice, 1.0, f"main content: {_CHOICES[choice]}")
    draft.trace = meta.trace
    if stated is None:
        place_images(draft, content, pairs, images, page_url)
        _trace_unplaced(draft, images)
    else:  # the figures' places are not in the stated text: keep them, unanchored
        for image in images:
            draft.add_image(image, None)
    _language(draft)
    return draft


#: What each choice of the main content means (``--explain`` shows it).
_CHOICES = {
    "readability": "readability's pick",
    "lead": "readability's pick with the lead paragraphs that stand before it",
    "filled": "readability's pick with the paragraphs of prose its clean-up left out",
    "run": "the densest run of prose on the page (readability's pick was thin or elsewhere)",
    "unpruned": "readability's pick over the page before pruning (the pruned page held next"
    " to no text)",
    "articleBody": "the JSON-LD articleBody (readability's pick was something else)",
}


def _trace_left(meta: Draft, picked: Pairs, chosen: Pairs, choice: str) -> None:
    """The blocks of readability's pick that the content chosen instead does not hold: their
    words go to the trace, like everything else that leaves."""
    kept = {b.text for b, _ in chosen}
    for block, el in picked:
        if block.text not in kept:
            meta.dropped(OUTSIDE, f"not in the main content chosen: {_CHOICES[choice]}",
                         block.text, where(el))  # fmt: skip


def _trace_unplaced(draft: Draft, images: list[Image]) -> None:
    """Figures whose place was not in the chosen content are not kept: their words go to the
    trace."""
    placed = {id(i) for i in draft.images}
    for image in images:
        if id(image) not in placed:
            text = " ".join(t for t in (image.alt, image.caption, image.credit) if t)
            if text:
                draft.dropped(OUTSIDE, "a figure outside the main content", text, "figure")


#: The JSON-LD articleBody replaces the chosen content only when it is at least this long, the
#: content shares less than half of its words, and is less than half as long.
LD_BODY_MIN = 500
_WORDS = re.compile(r"\w+")


def _stated_body(
    markup: Markup, pairs: list[tuple[Block, lxml.html.HtmlElement]]
) -> tuple[lxml.html.HtmlElement, list[tuple[Block, lxml.html.HtmlElement]]] | None:
    """The article text the page states in its JSON-LD ``articleBody``, as blocks, when the
    content readability chose is plainly something else (a teaser list, an empty shell whose
    text a script fills in): evidence the markup gives, used only when the pick contradicts it.
    """
    body = markup.article.get("articleBody") if markup.article else None
    if not isinstance(body, str) or len(body) < LD_BODY_MIN:
        return None
    ours = " ".join(b.text for b, _ in pairs)
    stated = set(_WORDS.findall(body.casefold()))
    shared = stated & set(_WORDS.findall(ours.casefold()))
    if len(shared) >= 0.5 * len(stated) or len(ours) >= 0.5 * len(body):
        return None
    if re.search(r"</p>|<br\s*/?>", body, re.I):
        root = parse_fragment(body)
    else:
        root = lxml.html.Element("div")
        for line in body.splitlines():
            if line.strip():
                etree.SubElement(root, "p").text = line
    return root, to_blocks(root)


def _language(draft: Draft) -> None:
    """Detect the language from the body; it overrides a declared language it contradicts
    (templates are often left at the CMS's default ``lang``)."""
    detected = lang.detect(" ".join(b.text for b in draft.blocks[:40]))
    if detected is None:
        return
    declared = draft.best("language")
    if declared is None:
        draft.propose("language", detected, 0.5, "detected from the text")
    elif declared != detected and declared in lang.KNOWN:
        draft.propose(
            "language", detected, 0.95, f"detected from the text (page declares {declared})"
        )
