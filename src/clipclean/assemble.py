"""Draft -> Article: pick each metadata field's winning candidate and freeze the result."""

from __future__ import annotations

from typing import Any

from .model import LIST_FIELDS, Article, Draft, Image, Source


def _merged_list(draft: Draft, name: str) -> tuple[str, ...]:
    """Union (in order, without repeats) of the candidates at the top confidence."""
    found = draft.candidates.get(name, [])
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
    out = []
    for name, found in draft.candidates.items():
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
    """The page's summary from its markup, else the dek it shows (a standfirst is one)."""
    found = draft.best("description")
    if found is None and draft.kind == "html":
        found = draft.best("subtitle")
        draft.propose("description", found, 0.3, "the displayed dek")
    return found


def build_article(draft: Draft, source: Source, url: str | None = None) -> Article:
    lists = {name: _merged_list(draft, name) for name in LIST_FIELDS}
    image = _lead_image(draft)
    description = _description(draft)  # (both before the provenance, which lists their sources)
    return Article(
        title=draft.best("title"),
        subtitle=draft.best("subtitle"),
        authors=lists["authors"],
        byline_org=draft.best("byline_org"),
        published=draft.best("published"),
        modified=draft.best("modified"),
        site_name=draft.best("site_name"),
        url=url or draft.best("url"),
        language=draft.best("language"),
        blocks=tuple(draft.blocks),
        images=_placed(draft),
        contributors=lists["contributors"],
        author_bio=draft.best("author_bio"),
        tags=lists["tags"],
        source=source,
        removed=tuple(draft.trace),
        provenance=_provenance(draft),
        description=description,
        image=image,
    )
