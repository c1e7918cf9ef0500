"""Article -> JSON, JSON Lines, Markdown (YAML front matter) or plain text.

Markdown front matter values are written as JSON scalars and flow lists, which are valid YAML,
so no YAML library is needed and no value can break out of its line.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .controls import terminal_safe
from .model import Article

FORMATS = ("json", "jsonl", "markdown", "text")

#: Separator between documents when several inputs go to one text stream (a form feed line);
#: JSON documents follow each other on new lines, Markdown documents each open with "---".
TEXT_SEPARATOR = "\f\n"

#: What stays out of the front matter: the body itself, and what is not metadata.
_NOT_FRONT_MATTER = frozenset(("schema", "body", "blocks", "images", "source"))
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^([ \t]{0,3})([#>+\-=]|\d{1,9}[.)])", re.M)
#: Characters that JSON allows raw but that end a line for YAML, JavaScript or str.splitlines;
#: written as escapes, a JSON Lines record and a front matter value stay on one line.
_LINE_SEPARATORS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"})
#: What may not stand raw in a Markdown link destination.
_URL_UNSAFE = re.compile(r"[\s()<>\\]")


def md_escape(text: str) -> str:
    """Escape text so Markdown shows it literally (no emphasis, links, HTML or headings), on
    every line of it."""
    return _MD_LINE_START.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", text))


def md_url(url: str) -> str:
    """A URL that cannot end its Markdown link early or break the line (percent-encoded)."""
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)


def _json(value: Any, **kwargs: Any) -> str:
    return json.dumps(value, ensure_ascii=False, **kwargs).translate(_LINE_SEPARATORS)


def to_json(article: Article, explain: bool = False) -> str:
    return _json(article.to_dict(explain), indent=2) + "\n"


def to_jsonl(article: Article, explain: bool = False) -> str:
    return _json(article.to_dict(explain), separators=(",", ":")) + "\n"


def _yaml_value(value: Any) -> str:
    return _json(value)


def _image_md(image: dict[str, Any]) -> str:
    lines = []
    if image.get("src"):
        lines.append(f"![{md_escape(image.get('alt') or '')}]({md_url(image['src'])})")
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
    out += [f"{k}: {_yaml_value(v)}" for k, v in d.items() if k not in _NOT_FRONT_MATTER]
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
    """The article in ``fmt``; never a control character a terminal would act on."""
    return terminal_safe(RENDERERS[fmt](article, explain))
