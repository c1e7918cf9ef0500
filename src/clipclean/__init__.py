"""clipclean: scraped news pages (HTML or already-scraped text) -> clean articles.

    >>> import clipclean
    >>> article = clipclean.clean(open("page.html", "rb").read(), url="https://example.com/a")
    >>> article.to_dict()["title"]

The CLI runs exactly this function.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import pipeline, shape
from .assemble import build_article
from .html import html_to_draft
from .model import Article, Block, Draft, Image, Removal, Source
from .pipeline import UnknownStageError
from .read import MAX_BYTES, InputError, read_utf8
from .read import read as read  # (``clipclean.read`` stays the function, as it was)
from .text import text_to_blocks

__version__ = "0.1.0"
#: Whether the text path runs compiled with mypyc (a regular install, see setup.py) or as pure
#: Python (an editable install, ``CLIPCLEAN_PURE=1``, no compiler): the same code and output.
COMPILED = not shape.__file__.endswith(".py")


def clean(
    data: bytes | str,
    *,
    url: str | None = None,
    kind: str | None = None,
    skip_stages: Iterable[str] = (),
    path: str | None = None,
    max_bytes: int = MAX_BYTES,
    charset: str | None = None,
    warc: dict[str, Any] | None = None,
) -> Article:
    """Clean one page. ``kind`` ("html"/"text") overrides sniffing; ``skip_stages`` turns
    stages off by name; ``charset`` is the transport's (HTTP) label, tried before the page's
    own; ``warc`` the archive record it came from. Raises :class:`InputError` for unusable input and
    :class:`UnknownStageError` for a stage name that does not exist."""
    skip = tuple(skip_stages)
    pipeline.check_stage_names(skip)
    source, utf8 = read_utf8(
        data, kind=kind, path=path, max_bytes=max_bytes, charset=charset, warc=warc
    )
    if source.kind == "html":
        draft = pipeline.run(html_to_draft(source.text, url), skip)
    else:

        def make() -> Draft:
            read_back: list[Removal] = []
            made = Draft(text_to_blocks(source.text, read_back, utf8), kind="text")
            made.trace.extend(read_back)
            return made

        draft = pipeline.run_text(make, skip)
    return build_article(draft, source, url)


__all__ = [
    "Article",
    "Block",
    "Draft",
    "Image",
    "InputError",
    "Removal",
    "Source",
    "UnknownStageError",
    "__version__",
    "clean",
]
