"""Draft -> Article: pick each metadata field's winning candidate and freeze the result."""

from __future__ import annotations

import re
from typing import Any, Final

from .model import LIST_FIELDS, Article, Draft, Image, Source


def _merged_list(draft: Draft, name: str) -> tuple[str, ...]:
    """Union (in order, without repeats) of the candidates at the top confidence."""
    found = draft.candidates.get(name)
    if not found:
        return ()
    top = max(c.confidence for c in found)
    seen: dict[str, None] = {}
    for c in found:
        if c.confidence == top:
            for v in c.value if isinstance(c.value, list | tuple) else [c.value]:
                seen.setdefault(v, None)
    return tuple(seen)


def _placed(draft: Draft) -> tuple[Image, ...]:
    """Images in reading order (by where they stood), each recorded once."""
    return tuple(sorted(draft.images, key=lambda i: i.seq))


def _provenance(draft: Draft) -> tuple[tuple[str, Any, str], ...]:
    """Every candidate at its field's top confidence, with the source that proposed it."""
    out: list[tuple[str, Any, str]] = []
    for name, found in draft.candidates.items():
        if len(found) == 1:  # (the common case: no maximum to find)
            c = found[0]
            out.append((name, c.value, c.source))
            continue
        top = max([c.confidence for c in found])
        out += [(name, c.value, c.source) for c in found if c.confidence == top]
    return tuple(out)


def _lead_image(draft: Draft) -> str | None:
    """The image the page's markup names, else the article's first figure with a source."""
    named = draft.best("image")
    if named is not None or draft.kind != "html":
        return named
    first = next((i.src for i in _placed(draft) if i.src), None)
    draft.propose("image", first, 0.3, "first figure of the article")
    return first


def _description(draft: Draft) -> str | None:
    """The page's summary from its markup, else the dek it shows (a standfirst is one); the
    shown dek also when the markup's is a plain or cut-down copy of it (its words, the last
    maybe broken off, open the dek): the shown one is whole and keeps its typography (unless
    it drops the closing full stop the markup's has)."""
    found: str | None = draft.best("description")
    dek: str | None = draft.best("subtitle")
    if draft.kind != "html" or dek is None:
        return found
    if found is None:
        draft.propose("description", dek, 0.3, "the displayed dek")
        return dek
    head, shown = _words(_CUT_END.sub("", found)), _words(dek)
    ends = found.rstrip()[-1:] in ".!?" and dek.rstrip()[-1:] not in ".!?"
    if dek != found and len(head) >= 8 and shown[: len(head) - 1] == head[:-1] and not ends:
        draft.propose("description", dek, 0.99, "the displayed dek (the markup's copies it)")
        return dek
    return found


#: The end of a text cut short: an ellipsis.
_CUT_END: Final = re.compile(r"\s*(?:…|\.\.\.|\[…\])\s*$")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def build_article(draft: Draft, source: Source, url: str | None = None) -> Article:
    authors, contributors, tags = [_merged_list(draft, name) for name in LIST_FIELDS]
    image = _lead_image(draft)
    description = _description(draft)  # (both before the provenance, which lists their sources)
    return Article(
        title=draft.best("title"),
        subtitle=draft.best("subtitle"),
        authors=authors,
        byline_org=draft.best("byline_org"),
        published=draft.best("published"),
        modified=draft.best("modified"),
        site_name=draft.best("site_name"),
        url=url or draft.best("url"),
        language=draft.best("language"),
        blocks=tuple(draft.blocks),
        images=_placed(draft),
        contributors=contributors,
        author_bio=draft.best("author_bio"),
        tags=tags,
        source=source,
        removed=tuple(draft.trace),
        provenance=_provenance(draft),
        description=description,
        image=image,
    )
