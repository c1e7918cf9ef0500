"""Content element -> blocks (paragraph, heading, list item, quote; a table row as one line).

Text is gathered without inventing spaces inside words ("<b>W</b>ord" stays "Word") and with a
break wherever the markup breaks a line, so tokens match what a reader sees.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from ..model import Block, BlockKind
from ..text.blocks import normalise_line

BLOCK_KINDS: dict[str, BlockKind] = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "blockquote": "quote",
    "pre": "paragraph",
    "tr": "paragraph",
    "dd": "paragraph",
    "dt": "paragraph",
}
#: Elements that end a line of text, though they make no block of their own.
BREAKS = frozenset(
    (
        "br", "div", "section", "article", "table", "tbody", "thead", "ul", "ol", "dl", "td",
        "th", "figure", "header", "main", "address", "hr", "center",
    )
)  # fmt: skip


def element_text(el: lxml.html.HtmlElement) -> str:
    """Visible text of ``el``: inline pieces joined as they are, block edges as spaces."""
    parts: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        brk = tag in BREAKS or tag in BLOCK_KINDS
        if brk:
            parts.append(" ")
        if node.text and tag:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if brk:
            parts.append(" ")

    walk(el)
    return normalise_line(" ".join("".join(parts).split()))


def link_share(el: lxml.html.HtmlElement, text: str) -> float:
    """Share of ``text`` (the element's text) that sits inside links."""
    if el.tag == "a":
        return 1.0
    linked = sum(len(element_text(a)) for a in el.iter("a"))
    return min(1.0, linked / max(len(text), 1))


def to_blocks(root: lxml.html.HtmlElement) -> list[tuple[Block, lxml.html.HtmlElement]]:
    """Block elements in document order with their element; loose text becomes a paragraph.

    A block element that holds other block elements (a list item of paragraphs, a quote of
    paragraphs) is split into those, keeping the outer kind for list items and quotes.
    """
    out: list[tuple[Block, lxml.html.HtmlElement]] = []
    path = root.getroottree().getpath

    def emit(el: lxml.html.HtmlElement, kind: BlockKind, text: str | None = None) -> None:
        text = element_text(el) if text is None else normalise_line(" ".join(text.split()))
        if text:
            out.append(
                (Block(text=text, kind=kind, origin=path(el), links=link_share(el, text)), el)
            )

    def walk(el: lxml.html.HtmlElement, outer: BlockKind | None) -> None:
        for child in el.iterchildren(etree.Element):
            tag = child.tag
            kind = BLOCK_KINDS.get(tag)
            if kind is not None and not any(
                d.tag in BLOCK_KINDS for d in child.iterdescendants(etree.Element)
            ):
                emit(child, outer if outer == "quote" else kind)
            elif kind is not None:
                if child.text and child.text.strip():
                    emit(child, outer or kind, child.text)
                walk(child, outer or (kind if kind in ("quote", "list_item") else None))
            else:
                if child.text and child.text.strip() and tag not in BREAKS:
                    emit(child, outer or "paragraph")
                    continue
                if child.text and child.text.strip():
                    emit(child, outer or "paragraph", child.text)
                walk(child, outer)
            if child.tail and child.tail.strip():
                out.append((Block(text=normalise_line(" ".join(child.tail.split())), kind=outer or "paragraph",
                                  origin=path(el)), el))  # fmt: skip

    if root.text and root.text.strip():
        emit(root, "paragraph", root.text)
    walk(root, None)
    return out
