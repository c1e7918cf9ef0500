"""Article -> JSON, JSON Lines, Markdown (YAML front matter) or plain text.

Markdown front matter values are written as JSON scalars and flow lists, which are valid YAML,
so no YAML library is needed and no value can break out of its line.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .model import Article

FORMATS = ("json", "jsonl", "markdown", "text")

#: Separator between documents when several inputs go to one text stream (a form feed line);
#: JSON documents follow each other on new lines, Markdown documents each open with "---".
TEXT_SEPARATOR = "\f\n"

_FRONT_MATTER_FIELDS = (
    "title",
    "subtitle",
    "authors",
    "byline_org",
    "published",
    "modified",
    "site_name",
    "url",
    "language",
    "contributors",
    "author_bio",
    "tags",
    "word_count",
)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s{0,3})([#>+\-=]|\d{1,9}[.)])")


def md_escape(text: str) -> str:
    """Escape text so Markdown shows it literally (no emphasis, links, HTML or headings)."""
    return _MD_LINE_START.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", text))


def to_json(article: Article, explain: bool = False) -> str:
    return json.dumps(article.to_dict(explain), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(article: Article, explain: bool = False) -> str:
    return json.dumps(article.to_dict(explain), ensure_ascii=False, separators=(",", ":")) + "\n"


def _yaml_value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _image_md(image: dict[str, Any]) -> str:
    lines = []
    if image.get("src"):
        lines.append(f"![{md_escape(image.get('alt') or '')}]({image['src'].replace(')', '%29')})")
    words = image.get("caption") or ("" if image.get("src") else image.get("alt")) or ""
    credit = image.get("credit")
    if words or credit:
        shown = f"*{md_escape(words)}*" if words else ""
        if credit:
            shown = f"{shown} ({md_escape(credit)})" if shown else f"*({md_escape(credit)})*"
        lines.append(shown)
    return "\n".join(lines)


def _block_md(kind: str, text: str) -> str:
    escaped = md_escape(text)
    return {"heading": f"## {escaped}", "list_item": f"- {escaped}", "quote": f"> {escaped}"}.get(
        kind, escaped
    )


def to_markdown(article: Article, explain: bool = False) -> str:
    """YAML front matter, ``# title``, the body, images in place as italic captions with credits."""
    d = article.to_dict(explain)
    out = ["---"]
    out += [f"{k}: {_yaml_value(d[k])}" for k in _FRONT_MATTER_FIELDS]
    if explain:
        out.append(f"removed: {_yaml_value(d['removed'])}")
    out.append("---")
    parts: list[str] = []
    if article.title:
        parts.append(f"# {md_escape(article.title)}")
    if article.subtitle:
        parts.append(f"*{md_escape(article.subtitle)}*")
    images = sorted(zip(article.images, d["images"], strict=True), key=lambda p: p[0].seq)
    k = 0
    for block in article.blocks:
        while k < len(images) and images[k][0].seq < block.seq:
            parts.append(_image_md(images[k][1]))
            k += 1
        parts.append(_block_md(block.kind, block.text))
    parts += [_image_md(img) for _, img in images[k:]]
    return "\n".join(out) + "\n\n" + "\n\n".join(p for p in parts if p) + "\n"


def to_text(article: Article, explain: bool = False) -> str:
    return article.body + "\n"


RENDERERS = {"json": to_json, "jsonl": to_jsonl, "markdown": to_markdown, "text": to_text}


def render(article: Article, fmt: str, explain: bool = False) -> str:
    return RENDERERS[fmt](article, explain)
