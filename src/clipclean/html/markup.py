"""Machine-readable metadata in the page: JSON-LD, OpenGraph, Twitter cards, <meta>, Dublin Core,
itemprop, <time>, rel=author. Read once from the unpruned tree into a :class:`Markup` record.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html

from ..mojibake import unmangled
from ..text.blocks import normalise_line

#: JSON-LD types that describe the article itself.
ARTICLE_TYPE = re.compile(r"Article|BlogPosting|Report|LiveBlogPosting|SocialMediaPosting", re.I)


@dataclass
class Markup:
    """What the page's markup says; ``meta`` is keyed by lower-cased property/name/itemprop."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    ld: list[dict[str, Any]] = field(default_factory=list)
    article: dict[str, Any] = field(default_factory=dict)
    title_tag: str | None = None
    canonical: str | None = None
    lang: str | None = None

    def first(self, *keys: str) -> tuple[str, str] | None:
        """``(value, key)`` of the first key with a non-empty meta value."""
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value, key
        return None

    def all(self, *keys: str) -> list[str]:
        return [v for k in keys for v in self.meta.get(k, ()) if v]


def _ld_objects(data: Any) -> list[dict[str, Any]]:
    """Every dict in a JSON-LD document: arrays and @graph flattened, one level of nesting."""
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack and len(out) < 200:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            out.append(item)
            for key in ("@graph", "mainEntity", "itemListElement"):
                if isinstance(item.get(key), list | dict):
                    stack.append(item[key])
    return out


def ld_types(obj: dict[str, Any]) -> str:
    t = obj.get("@type", "")
    return " ".join(t) if isinstance(t, list) else str(t)


def _load_ld(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    text = re.sub(r"^/\*<!\[CDATA\[\*/|/\*\]\]>\*/$", "", text).strip()
    try:
        return json.loads(text)
    except ValueError:
        try:
            return json.loads(re.sub(r"[\x00-\x1f]", " ", text))
        except ValueError:
            return None


def read_markup(tree: lxml.html.HtmlElement) -> Markup:
    """Collect the page's metadata markup (before anything is pruned), in one pass over the
    meta, script, link and title elements (lxml filters the tags in C)."""
    m = Markup()
    for el in tree.iter("meta", "script", "link", "title"):
        tag = el.tag
        if tag == "meta":
            content = el.get("content")
            if content is None:
                continue
            content = unmangled(normalise_line(content))
            for attr in ("property", "name", "itemprop", "http-equiv"):
                key = el.get(attr)
                if key:
                    m.meta.setdefault(key.strip().lower(), []).append(content)
        elif tag == "script":
            if "ld+json" in (el.get("type") or ""):
                m.ld.extend(_ld_objects(_load_ld(el.text or "")))
        elif tag == "link":
            href = (el.get("href") or "").strip()
            if m.canonical is None and el.get("rel") == "canonical" and href:
                m.canonical = href
        elif m.title_tag is None and next(el.iterancestors("svg"), None) is None:
            m.title_tag = unmangled(normalise_line(el.text_content())) or None  # not an icon's
    articles = [o for o in m.ld if ARTICLE_TYPE.search(ld_types(o))]
    if not articles:  # a WebPage whose fields describe the article is second best
        articles = [o for o in m.ld if ("headline" in o or "datePublished" in o)]
    if articles:
        m.article = max(articles, key=lambda o: len(o))
    m.lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not m.lang:
        body = tree.find("body")
        m.lang = body.get("lang") if body is not None else None
    return m
