"""Adapters: every tool as ``load(param) -> extract(data, url) -> dict``.

``load`` does the imports, so the worker can measure memory after imports separately from the
extraction's own growth. ``extract`` gets HTML bytes (html/meta suites) or plain text (text
suites) and returns a dict with ``body`` and, for metadata, any of ``title``, ``authors``,
``published``, ``site_name``, ``description`` and ``language``. A key a tool cannot produce is
left out (the report shows "—") rather than set to None (which would be scored as a wrong or
"correctly null" answer).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Extract = Callable[[bytes | str, str], dict[str, object]]
Loader = Callable[[int | None], Extract]

HTML_SUITES = frozenset({"html", "meta", "te"})
SCRAPED_TEXT_SUITES = frozenset({"text:page", "text:container"})
TEXT_SUITES = SCRAPED_TEXT_SUITES | {"te-text:page", "te-text:soup", "te-text:lynx"}

_BLOCK_TAGS = (
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
    "table", "tr", "td", "th", "section", "article", "header", "footer", "figure", "figcaption",
    "dd", "dt", "dl", "hr", "aside", "nav", "main", "form",
)  # fmt: skip
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def decode_html(data: bytes | str) -> str:
    """Bytes -> str for tools that want text: BOM/meta charset if declared, else UTF-8.

    All dev pages are UTF-8, but held-out ones may not be; errors are replaced, not raised.
    """
    if isinstance(data, str):
        return data
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    match = _CHARSET_RE.search(data[:8192])
    if match:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def html_to_text(root: object) -> str:
    """Text of an lxml tree with block elements separated by blank lines.

    Plain ``text_content()`` glues the last word of one paragraph to the first of the next,
    which would invent tokens and cost shingles that the extractor did get right.
    """
    for el in root.iter(*_BLOCK_TAGS):  # type: ignore[attr-defined]
        el.tail = "\n\n" + (el.tail or "")
    text: str = root.text_content()  # type: ignore[attr-defined]
    lines = [ln.strip() for ln in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# --------------------------------------------------------------------------- clipclean


def _load_clipclean(_: int | None, kind: str) -> Extract:
    import clipclean  # optional: the package may not be built or installed yet

    def extract(data: bytes | str, url: str) -> dict[str, object]:
        d = clipclean.clean(data, url=url, kind=kind).to_dict()
        return {
            "body": d.get("body") or "",
            "title": d.get("title"),
            "authors": d.get("authors") or [],
            "published": d.get("published"),
            "site_name": d.get("site_name"),
            "description": d.get("subtitle"),
            "language": d.get("language"),
            # the page's own summary (meta/og description), where the build gives one
            **({"page_description": d["description"]} if "description" in d else {}),
        }

    return extract


def load_clipclean_html(param: int | None) -> Extract:
    """clipclean on raw HTML bytes (kind="html")."""
    return _load_clipclean(param, "html")


def load_clipclean_text(param: int | None) -> Extract:
    """clipclean on scraped plain text (kind="text")."""
    return _load_clipclean(param, "text")


# --------------------------------------------------------------------------- HTML anchors


def load_readability(_: int | None) -> Extract:
    """readability-lxml, bare: ``Document(html).summary()`` turned into paragraph text."""
    import lxml.html
    from readability import Document

    def extract(data: bytes | str, url: str) -> dict[str, object]:
        summary = Document(data, url=url).summary(html_partial=True)
        return {"body": html_to_text(lxml.html.fromstring(summary))}

    return extract


def _trafilatura_meta(doc: object) -> dict[str, object]:
    author = getattr(doc, "author", None)
    return {
        "title": getattr(doc, "title", None),
        "authors": [a.strip() for a in author.split(";") if a.strip()] if author else [],
        "published": getattr(doc, "date", None),
        "site_name": getattr(doc, "sitename", None),
        "description": getattr(doc, "description", None),
    }


def _load_trafilatura(precision: bool) -> Extract:
    import trafilatura

    def extract(data: bytes | str, url: str) -> dict[str, object]:
        # bare_extraction gives body and metadata from one parse; its text equals extract()'s
        # txt output for the same options.
        doc = trafilatura.bare_extraction(
            data,
            url=url,
            include_comments=False,
            favor_precision=precision,
            with_metadata=True,
        )
        if doc is None:
            return {"body": "", "title": None, "authors": [], "published": None,
                    "site_name": None, "description": None}  # fmt: skip
        return {"body": getattr(doc, "text", None) or "", **_trafilatura_meta(doc)}

    return extract


def load_trafilatura(_: int | None) -> Extract:
    """trafilatura defaults (include_comments=False)."""
    return _load_trafilatura(precision=False)


def load_trafilatura_precision(_: int | None) -> Extract:
    """trafilatura with favor_precision=True (include_comments=False)."""
    return _load_trafilatura(precision=True)


def load_newspaper(_: int | None) -> Extract:
    """newspaper4k on the given HTML: no download, no images, no nlp(), offline suffix list."""
    import newspaper
    import tldextract.tldextract as tlde

    # tldextract would fetch the public suffix list over HTTP on first use; the bundled
    # snapshot is enough and keeps the run offline.
    tlde.TLD_EXTRACTOR = tlde.TLDExtract(suffix_list_urls=(), cache_dir=None)

    def extract(data: bytes | str, url: str) -> dict[str, object]:
        article = newspaper.Article(url, fetch_images=False)
        article.download(input_html=decode_html(data))
        article.parse()
        published = article.publish_date
        return {
            "body": article.text or "",
            "title": article.title or None,
            "authors": list(article.authors or []),
            "published": published.isoformat() if published else None,
            "site_name": getattr(article, "meta_site_name", None) or None,
            "description": article.meta_description or None,
            # the language newspaper itself works in: the page's declared one, else its "en"
            # default (the fallback is part of the tool's behaviour, so it is scored as such)
            "language": article.meta_lang or article.config.language or None,
        }

    return extract


def load_page_text(_: int | None) -> Extract:
    """Whole-page text (scripts/styles dropped): the floor any extractor must beat."""
    import lxml.html

    def extract(data: bytes | str, url: str) -> dict[str, object]:
        root = lxml.html.document_fromstring(decode_html(data))
        for el in root.iter("script", "style", "noscript", "template"):
            el.drop_tree()
        body = root.find("body")
        return {"body": html_to_text(body if body is not None else root)}

    return extract


# --------------------------------------------------------------------------- text baselines


def word_count(line: str) -> int:
    """Words of a line as whitespace-separated chunks (what a human counts)."""
    return len(line.split())


def line_filter(text: str, min_words: int) -> str:
    """Keep the lines with at least *min_words* words."""
    return "\n".join(ln for ln in text.splitlines() if word_count(ln) >= min_words)


def load_identity(_: int | None) -> Extract:
    """No cleaning: the scraped text as it is."""

    def extract(data: bytes | str, url: str) -> dict[str, object]:
        return {"body": data if isinstance(data, str) else decode_html(data)}

    return extract


def load_line_filter(param: int | None) -> Extract:
    """Keep lines with >= *param* words (default 10)."""
    k = 10 if param is None else param

    def extract(data: bytes | str, url: str) -> dict[str, object]:
        return {"body": line_filter(str(data), k)}

    return extract


def load_trafilatura_on_lines(_: int | None) -> Extract:
    """trafilatura on the text lines each wrapped in <p> (how the scraped-text README did it)."""
    import html as html_mod

    import trafilatura

    def extract(data: bytes | str, url: str) -> dict[str, object]:
        paras = "".join(
            f"<p>{html_mod.escape(ln)}</p>" for ln in str(data).splitlines() if ln.strip()
        )
        doc = f"<html><body><article>{paras}</article></body></html>"
        return {"body": trafilatura.extract(doc, url=url, include_comments=False) or ""}

    return extract


# --------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class Tool:
    """A benchmarked tool: stable key for --tools, display label, loader, suites it runs on."""

    key: str
    label: str
    suites: frozenset[str]
    loader: Loader
    text_loader: Loader | None = None  # when the same key needs another loader on text
    anchor: bool = True  # False for clipclean itself
    #: clipclean only: "compiled" runs the build in bench_data.COMPILED_DIR when there is one,
    #: "pure" the Python sources in src/.
    build: str = ""

    def loader_for(self, suite: str) -> Loader:
        """The loader to use on *suite*."""
        if suite in TEXT_SUITES and self.text_loader is not None:
            return self.text_loader
        return self.loader


# "lines-best" has no loader of its own: the runner searches k on the data, then measures
# load_line_filter with the chosen k.
TOOLS: dict[str, Tool] = {
    t.key: t
    for t in (
        Tool("clipclean", "clipclean", HTML_SUITES | TEXT_SUITES, load_clipclean_html,
             text_loader=load_clipclean_text, anchor=False, build="compiled"),
        Tool("clipclean-pure", "clipclean (pure Python)", HTML_SUITES | TEXT_SUITES,
             load_clipclean_html, text_loader=load_clipclean_text, anchor=False, build="pure"),
        Tool("readability", "readability-lxml", frozenset({"html", "te"}), load_readability),
        Tool("trafilatura", "trafilatura", HTML_SUITES, load_trafilatura),
        Tool("trafilatura-precision", "trafilatura (favor_precision)", frozenset({"html"}),
             load_trafilatura_precision),
        Tool("newspaper4k", "newspaper4k", frozenset({"html", "meta"}), load_newspaper),
        Tool("page-text", "whole-page text", frozenset({"html"}), load_page_text),
        Tool("no-cleaning", "no cleaning", TEXT_SUITES, load_identity),
        Tool("lines-10", "drop lines under 10 words", SCRAPED_TEXT_SUITES, load_line_filter),
        Tool("lines-best", "best word-count line filter", TEXT_SUITES, load_line_filter),
        Tool("trafilatura-lines", "trafilatura on lines in <p>", SCRAPED_TEXT_SUITES,
             load_trafilatura_on_lines),
    )
}  # fmt: skip


def tools_for(suite: str, selected: list[str] | None = None) -> list[Tool]:
    """Tools that run on *suite*, optionally restricted to the *selected* keys."""
    out = [t for t in TOOLS.values() if suite in t.suites]
    if selected:
        out = [t for t in out if t.key in selected]
    return out
