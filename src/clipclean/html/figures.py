"""Figures, captions and credits -> image records, taken out of the tree before content scoring.

Each ``<figure>`` (and each caption box a CMS draws with classes instead) becomes an
:class:`Image` and is replaced by an empty marker element, so its caption never reaches the body
while the place it stood survives; the image is kept only if the marker ends up inside the
chosen content.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from ..model import Image
from ..stages.captions import split_caption
from .blocks import MARKER, element_text
from .dropped import FIGURES, Sieve, where

_WORD = re.compile(r"\w+")

CAPTION_BOX = re.compile(r"caption|(?:^|[\s_-])(?:legend|legende|pie-?de-?foto)(?:$|[\s_-])", re.I)
_CREDIT = re.compile(
    r"(?:^|[\s_-])(?:credits?|copyright|photographer|attribution|image-?source|photo-?credit"
    r"|source|byline|author)(?:$|[\s_-])",
    re.I,
)
#: Lazy-loading attributes first: ``src`` is then often a placeholder GIF.
_SRC_ATTRS = ("data-src", "data-original", "data-lazy-src", "src", "data-srcset", "srcset")


def _classes(el: lxml.html.HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def image_src(img: lxml.html.HtmlElement | None, base: str | None) -> str | None:
    """The image URL (lazy-loading attributes and srcset included), absolute against ``base``."""
    if img is None:
        return None
    for attr in _SRC_ATTRS:
        value = (img.get(attr) or "").strip()
        if attr.endswith("srcset") and value:
            value = value.split(",")[0].strip().split(" ")[0]
        if value and not value.startswith("data:"):
            return urljoin(base, value) if base else value
    return None


def _caption_and_credit(box: lxml.html.HtmlElement | None) -> tuple[str | None, str | None]:
    if box is None:
        return None, None
    credit = None
    for el in box.iter(etree.Element):
        if el is not box and _CREDIT.search(_classes(el)):
            credit = element_text(el) or None
            el.drop_tree()
            break
    caption = element_text(box) or None
    if caption and credit is None:
        parts = split_caption(caption)
        if parts is not None:
            caption, credit = parts[0] or None, parts[1] or None
    return caption, credit


def take_figures(
    tree: lxml.html.HtmlElement,
    base: str | None,
    boxes: list[lxml.html.HtmlElement] | None = None,
    sieve: Sieve | None = None,
) -> list[Image]:
    """Replace figures and caption boxes by markers; return their image records. ``boxes``:
    the figures and caption-classed div/p/span in document order, if already found. A
    figure's text that is not its caption, credit or alt (a teaser's headline, a credit
    label) goes to ``sieve``'s trace."""
    images: list[Image] = []
    root = tree.getroottree().getroot()
    if boxes is None:
        boxes = [
            el
            for el in tree.iter(etree.Element)
            if el.tag == "figure"
            or (el.tag in ("div", "p", "span") and CAPTION_BOX.search(_classes(el)))
        ]
    for box in boxes:
        if box.getparent() is None or box.getroottree().getroot() is not root:
            continue  # inside a figure already taken
        if box.tag != "figure" and len(element_text(box)) > 600:
            continue  # a container that merely has "caption" in its class
        if box.tag == "figure" and next(box.iter("table"), None) is not None:
            continue  # a table set in a figure (a block editor's table): the article's own
        img = next(box.iter("img"), None)
        cap_el = next(box.iter("figcaption"), None)
        if cap_el is None and box.tag != "figure":
            cap_el = box
            if img is not None:
                img.drop_tree()
        shown = element_text(box) if sieve is not None and sieve.draft is not None else ""
        caption, credit = _caption_and_credit(cap_el)
        alt = (img.get("alt") or "").strip() or None if img is not None else None
        if shown and Counter(_WORD.findall(shown.casefold())) - Counter(
            _WORD.findall(f"{caption} {credit} {alt}".casefold())
        ):
            sieve.draft.dropped(  # type: ignore[union-attr]
                FIGURES,
                "text inside a figure that is not its caption or credit",
                shown,
                where(box),
            )
        images.append(
            Image(
                src=image_src(img, base),
                alt=alt,
                caption=caption,
                credit=credit,
            )
        )
        marker = lxml.html.Element(MARKER)
        marker.set("data-i", str(len(images) - 1))
        marker.tail = box.tail
        box.getparent().replace(box, marker)
    return images
