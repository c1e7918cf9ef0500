"""Content element -> blocks (paragraph, heading, list item, quote; a table row as one line).

Text is gathered without inventing spaces inside words ("<b>W</b>ord" stays "Word") and with a
break wherever the markup breaks a line, so tokens match what a reader sees.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from ..model import IMAGE_AFTER, IMAGE_BEFORE, Block, BlockKind
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
    _gather_into(el, parts)
    return "".join(parts)


def _gather_into(node: lxml.html.HtmlElement, parts: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    brk = tag in BREAKS or tag in BLOCK_KINDS
    if brk:
        parts.append(" ")
    if node.text and tag:
        parts.append(node.text)
    for child in node:
        _gather_into(child, parts)
        if child.tail:
            parts.append(child.tail)
    if brk:
        parts.append(" ")


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


def headed_table(table: lxml.html.HtmlElement) -> bool:
    """A data table: its first row is column headers (two or more ``<th>`` cells and no
    other, none a link), and no table is nested in it. Its rows are values under those
    headers. A layout table has no header row (or nests tables); a navigation box heads its
    rows, not its columns, under one title cell."""
    if next(table.iterdescendants("table"), None) is not None:
        return False
    first = next(table.iter("tr"), None)
    if first is None:
        return False
    cells = [c for c in first if c.tag in ("th", "td")]
    return (
        len(cells) >= 2
        and all(c.tag == "th" for c in cells)
        and next(first.iter("a"), None) is None
    )


def data_table(row: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The table of a row when it is a data table (:func:`headed_table`). Its rows are read
    with the table: a row whose cells are links ("Docker Desktop for Windows") is an entry of
    the table, not a link to elsewhere."""
    table = next(row.iterancestors("table"), None)
    return table if table is not None and headed_table(table) else None


#: The tag of the marker left where a figure stood (:mod:`.figures`); ``data-i`` indexes the
#: image list.
MARKER = "cc-figure"

_BLOCK_TAGS = tuple(BLOCK_KINDS)
_LINE_TAGS = (*BLOCK_KINDS, *BREAKS)
#: The tag of the marker left where readability dropped a box of images (:mod:`.content`).
IMAGE_PLACE = "cc-image"
#: What shows a picture: an image, a video, or a marker left where one was taken out.
IMAGE_TAGS = ("img", "picture", "amp-img", "video", MARKER, IMAGE_PLACE)


def _holders(root: lxml.html.HtmlElement, tags: tuple[str, ...]) -> set[lxml.html.HtmlElement]:
    """The elements of ``root`` that hold one of ``tags`` below them (a block element, or
    anything that ends a line). One pass up from each such element, stopping at an ancestor
    already held, costs less than a tag search under every element the walk meets (lxml
    prepares a filter of the tag names for each search). The set keeps the elements'
    proxies alive, so the walk meets the same objects."""
    held: set[lxml.html.HtmlElement] = set()
    for el in root.iterdescendants(*tags):
        parent = el.getparent()
        while parent is not None and parent not in held:
            held.add(parent)
            if parent is root:
                break
            parent = parent.getparent()
    return held


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
    walk = _Walk(_holders(root, _BLOCK_TAGS), _holders(root, _LINE_TAGS))
    images = list(root.iterdescendants(*IMAGE_TAGS))
    if images:  # (each block is marked with the side an image stands on: Block.image_side)
        walk.images = _holders(root, IMAGE_TAGS) | set(images)
    walk.walk(root, None, "paragraph")
    return walk.out


class _Walk:
    """One walk of :func:`to_blocks` (methods, not closures: cheaper calls, compiled too)."""

    def __init__(
        self, holds_block: set[lxml.html.HtmlElement], holds_line: set[lxml.html.HtmlElement]
    ) -> None:
        self.out: list[tuple[Block, lxml.html.HtmlElement]] = []
        self.holds_block = holds_block
        self.holds_line = holds_line
        #: The image elements and the elements that hold one (empty on a page without).
        self.images: set[lxml.html.HtmlElement] = set()
        #: An image stood since the last block: the next block is beside it.
        self.after_image = False
        #: The line being gathered holds an image.
        self.run_image = False
        #: The link share of each data table met, for its rows.
        self.tables: dict[lxml.html.HtmlElement, float] = {}

    def add(self, block: Block, el: lxml.html.HtmlElement, holds_image: bool) -> None:
        """Append ``block`` with its :attr:`Block.image_side`: an image stood just before it,
        or stands inside it (then the next block is beside that image too)."""
        if holds_image:
            block.image_side = IMAGE_BEFORE | IMAGE_AFTER
        elif self.after_image:
            block.image_side = IMAGE_BEFORE
        self.after_image = holds_image
        self.out.append((block, el))

    def links(self, el: lxml.html.HtmlElement, text: str) -> float:
        """The block's link share; a row of a data table (:func:`data_table`) takes its
        table's, measured once per table."""
        if el.tag != "tr":
            return link_share(el, text)
        table = data_table(el)
        if table is None:
            return link_share(el, text)
        share = self.tables.get(table)
        if share is None:
            share = self.tables[table] = link_share(table, element_text(table))
        return share

    def image_met(self) -> None:
        """An image with no text of the current line before it: it stands after the block
        above and before the block below."""
        if self.out:
            self.out[-1][0].image_side |= IMAGE_AFTER
        self.after_image = True

    def emit(self, el: lxml.html.HtmlElement, kind: BlockKind) -> None:
        text = element_text(el)
        holds_image = el in self.images
        if text:
            block = Block(text=text, kind=kind, origin=origin(el), links=self.links(el, text))
            self.add(block, el, holds_image)
        elif holds_image:
            self.image_met()

    def flush(
        self,
        el: lxml.html.HtmlElement,
        run_kind: BlockKind,
        run: list[str],
        inline: list[lxml.html.HtmlElement],
    ) -> None:
        """The line of text and inline elements gathered since the last break, as a block."""
        if not run:  # (nothing since the last break: no inline element either)
            return
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
            self.add(block, owner, self.run_image)
        run.clear()
        inline.clear()
        self.run_image = False

    def walk(self, el: lxml.html.HtmlElement, outer: BlockKind | None, run_kind: BlockKind) -> None:
        run: list[str] = [el.text] if el.text else []
        inline: list[lxml.html.HtmlElement] = []
        for child in el.iterchildren(etree.Element):
            tag = child.tag
            kind = BLOCK_KINDS.get(tag)
            if kind is not None:
                nested = child in self.holds_block
            else:
                nested = tag in BREAKS or child in self.holds_line
            if kind is None and not nested:  # an inline element: part of the line
                if self.images and child in self.images:
                    if "".join(run).strip():
                        self.run_image = True
                    else:
                        self.image_met()
                run.append(_gather(child))
                inline.append(child)
            else:
                self.flush(el, run_kind, run, inline)
                if kind is not None and not nested:
                    self.emit(child, outer if outer == "quote" else kind)
                elif kind is not None:
                    inner = outer or (kind if kind in ("quote", "list_item") else None)
                    self.walk(child, inner, outer or kind)
                else:
                    self.walk(child, outer, outer or "paragraph")
            if child.tail:
                run.append(child.tail)
        self.flush(el, run_kind, run, inline)
