"""HTML -> Draft: parse once with lxml, read title/lang/url from markup, main content via
readability-lxml, then the same block stream the text path produces.
"""

from __future__ import annotations

from urllib.parse import urljoin

import lxml.html
from lxml import etree
from readability import Document

from ..model import Block, Draft
from ..text.blocks import normalise_line
from .parse import parse, parse_fragment

BLOCK_TAGS = {
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
    "figcaption": "paragraph",
    "dd": "paragraph",
    "dt": "paragraph",
}


def _meta(tree: lxml.html.HtmlElement, *keys: str) -> str | None:
    for key in keys:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{key}"]/@content')
            if found and found[0].strip():
                return found[0].strip()
    return None


def _first_text(tree: lxml.html.HtmlElement, xpath: str) -> str | None:
    for el in tree.xpath(xpath):
        text = normalise_line(el.text_content())
        if text:
            return text
    return None


def _blocks(root: etree._Element) -> list[Block]:
    """Block elements in document order; nested blocks are taken once, by the outermost."""
    out: list[Block] = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        kind = BLOCK_TAGS.get(tag)
        if kind is None or any(a.tag in BLOCK_TAGS for a in el.iterancestors()):
            continue
        text = normalise_line(" ".join(el.itertext()))
        if text:
            out.append(Block(text=text, kind=kind, origin=root.getroottree().getpath(el)))  # type: ignore[arg-type]
    return out


def html_to_draft(text: str, url: str | None = None) -> Draft:
    """Main content and markup metadata of an HTML page as a draft."""
    tree = parse(text)
    lang = (tree.get("lang") or "").split("-")[0].lower() or None
    page_url = (
        url
        or _meta(tree, "og:url")
        or next(iter(tree.xpath('//link[@rel="canonical"]/@href')), None)
    )
    title = _first_text(tree, "//h1") or _meta(tree, "og:title") or _first_text(tree, "//title")
    site = _meta(tree, "og:site_name")
    summary = Document(tree, url=page_url).summary(html_partial=True)
    content = parse_fragment(summary)
    draft = Draft(_blocks(content), kind="html")
    draft.propose("title", title, 0.9, "html")
    draft.propose("language", lang, 0.9, "html lang")
    draft.propose("url", urljoin(url or "", page_url) if page_url else None, 0.9, "html")
    draft.propose("site_name", site, 0.8, "og:site_name")
    return draft
