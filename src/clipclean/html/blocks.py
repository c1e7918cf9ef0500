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
        "th", "figure", "header", "main", "address", "hr", "center", "figcaption", "aside",
        "nav", "footer", "form", "fieldset", "legend", "details", "summary", "caption", "hgroup",
        "menu", "dir",
    )
)  # fmt: skip


def _gather(el: lxml.html.HtmlElement) -> str:
    """Text of ``el`` as it stands: inline pieces joined as they are, block edges as spaces."""
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
    return "".join(parts)


def element_text(el: lxml.html.HtmlElement) -> str:
    """Visible text of ``el``: inline pieces joined as they are, block edges as spaces."""
    if not len(el) and isinstance(el.tag, str):  # a leaf (most plain paragraphs): no walk
        return normalise_line(" ".join((el.text or "").split()))
    return normalise_line(" ".join(_gather(el).split()))


def link_share(el: lxml.html.HtmlElement, text: str) -> float:
    """Share of ``text`` (the element's text) that sits inside links."""
    if el.tag == "a":
        return 1.0
    linked = sum(len(element_text(a)) for a in el.iter("a"))
    return min(1.0, linked / max(len(text), 1))


_BLOCK_TAGS = tuple(BLOCK_KINDS)
_LINE_TAGS = (*BLOCK_KINDS, *BREAKS)


def _nested(el: lxml.html.HtmlElement, breaks: bool = False) -> bool:
    """Holds a block element (or, with ``breaks``, anything that ends a line); lxml's C tag
    filter finds the first."""
    return next(el.iterdescendants(*(_LINE_TAGS if breaks else _BLOCK_TAGS)), None) is not None


def origin(el: lxml.html.HtmlElement) -> str:
    """Where a block came from, for the trace: its source line (cheap, unlike an XPath, which
    counts siblings and makes a page of many paragraphs quadratic)."""
    return f"line {el.sourceline} <{el.tag}>" if el.sourceline else f"<{el.tag}>"


def to_blocks(root: lxml.html.HtmlElement) -> list[tuple[Block, lxml.html.HtmlElement]]:
    """Block elements in document order with their element; loose text becomes a paragraph.

    A block element that holds other block elements (a list item of paragraphs, a quote of
    paragraphs) is split into those, keeping the outer kind for list items and quotes. Text
    and inline elements between blocks form one line up to the next break (``<br>``, a block
    edge), as a browser lays them out: a paragraph drawn with ``<br><br>`` inside a ``<span>``
    is one block, its links included, not one block per link.
    """
    out: list[tuple[Block, lxml.html.HtmlElement]] = []

    def emit(el: lxml.html.HtmlElement, kind: BlockKind) -> None:
        text = element_text(el)
        if text:
            out.append(
                (
                    Block(
                        text=text,
                        kind=kind,
                        origin=origin(el),
                        links=link_share(el, text),
                    ),
                    el,
                )
            )

    def walk(el: lxml.html.HtmlElement, outer: BlockKind | None, run_kind: BlockKind) -> None:
        run: list[str] = [el.text] if el.text else []
        inline: list[lxml.html.HtmlElement] = []

        def flush() -> None:
            text = normalise_line(" ".join("".join(run).split()))
            if text:
                owner = inline[0] if inline else el
                linked = sum(len(element_text(a)) for e in inline for a in e.iter("a"))
                block = Block(
                    text=text,
                    kind=run_kind,
                    origin=origin(owner),
                    links=min(1.0, linked / max(len(text), 1)),
                )
                out.append((block, owner))
            run.clear()
            inline.clear()

        for child in el.iterchildren(etree.Element):
            tag = child.tag
            kind = BLOCK_KINDS.get(tag)
            nested = _nested(child, kind is None) if kind is not None or tag not in BREAKS else True
            if kind is None and not nested:  # an inline element: part of the line
                run.append(_gather(child))
                inline.append(child)
            else:
                flush()
                if kind is not None and not nested:
                    emit(child, outer if outer == "quote" else kind)
                elif kind is not None:
                    inner = outer or (kind if kind in ("quote", "list_item") else None)
                    walk(child, inner, outer or kind)
                else:
                    walk(child, outer, outer or "paragraph")
            if child.tail:
                run.append(child.tail)
        flush()

    walk(root, None, "paragraph")
    return out
