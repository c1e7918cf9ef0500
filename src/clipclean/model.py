"""Core types: the block stream stages work on, the draft they change, the frozen article.

Every block that leaves the body goes through :meth:`Draft.remove` or :meth:`Draft.lift`, so
the trace can always say which stage took it and why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from .words import UNSPACED, count_words

if TYPE_CHECKING:  # (shape imports this module; the type alone is needed here)
    from .shape import Facts

SCHEMA = "clipclean/1.1"

BlockKind = Literal["paragraph", "heading", "list_item", "quote"]

LIST_FIELDS = ("authors", "contributors", "tags")


#: :attr:`Block.image_side` bits: an image stands just before the block, just after it.
IMAGE_BEFORE, IMAGE_AFTER = 1, 2


@dataclass
class Block:
    """One unit of text: a line or paragraph of the input, or one HTML block element.

    ``origin`` says where it came from (``"line 12"`` or an element path) so that a removal can
    be explained; ``group`` numbers the blank-line-separated paragraph it belongs to in text
    input (lines of one group were printed together, e.g. an image's alt text and caption).
    """

    text: str
    kind: BlockKind = "paragraph"
    origin: str = ""
    group: int = 0
    line: int = 0
    #: Position in the input's block order; images and removals are placed by it.
    seq: int = 0
    #: HTML only: share of the text that is link text (a related-links row is all links).
    links: float = 0.0
    #: HTML only: where an image stands next to the block in source order, as bits:
    #: IMAGE_BEFORE, IMAGE_AFTER (both: inside it). What makes a loose credit-like line a
    #: caption; a table row or an address far from any image is not one.
    image_side: int = 0
    #: Facts about ``text`` that many stages ask for, computed once (``shape.facts``).
    facts: Any = field(default=None, repr=False, compare=False)

    def __init__(
        self,
        text: str,
        kind: BlockKind = "paragraph",
        origin: str = "",
        group: int = 0,
        line: int = 0,
        seq: int = 0,
        links: float = 0.0,
        image_side: int = 0,
        facts: Any = None,
    ) -> None:
        """The fields, as the dataclass would set them: written out, compiled, a block is made
        by a direct call (the generated ``__init__`` is interpreted: a text made a block a
        line, and that was a tenth of reading it)."""
        self.text = text
        self.kind = kind
        self.origin = origin
        self.group = group
        self.line = line
        self.seq = seq
        self.links = links
        self.image_side = image_side
        self.facts = facts


@dataclass
class Image:
    """An image record: never body text."""

    src: str | None = None
    alt: str | None = None
    caption: str | None = None
    credit: str | None = None
    #: ``seq`` of the block the image stood at, so Markdown can put it back in place.
    seq: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"src": self.src, "alt": self.alt, "caption": self.caption, "credit": self.credit}


@dataclass
class Removal:
    """One line of the trace: what left the body, which stage took it, why, and where it was
    (the block's input lines, or the element path of an HTML subtree)."""

    stage: str
    reason: str
    text: str
    where: str = ""

    def __init__(self, stage: str, reason: str, text: str, where: str = "") -> None:
        """The fields, written out (compiled, a direct call: see :class:`Block`)."""
        self.stage = stage
        self.reason = reason
        self.text = text
        self.where = where

    def to_dict(self) -> dict[str, str]:
        return {"stage": self.stage, "reason": self.reason, "text": self.text, "where": self.where}


@dataclass
class Candidate:
    """A metadata value with where it was found; higher confidence wins."""

    value: Any
    source: str
    confidence: float = 0.5


@dataclass
class Draft:
    """The working state that stages read and change.

    Stages remove blocks only through :meth:`remove` / :meth:`lift` and set metadata through
    :meth:`propose`, so nothing leaves the article without a line in the trace.
    """

    blocks: list[Block]
    kind: Literal["html", "text"] = "text"
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)
    images: list[Image] = field(default_factory=list)
    trace: list[Removal] = field(default_factory=list)
    #: Set by the pipeline while a stage runs, so removals are attributed without boilerplate.
    current_stage: str = ""
    #: Positions (block ``seq``) that one stage finds and a later one needs, e.g. where the
    #: byline block ended ("header_end") so the dek stage knows where to look.
    marks: dict[str, int] = field(default_factory=dict)

    # -- removing and lifting -------------------------------------------------------------
    def remove(self, block: Block, reason: str) -> None:
        """Drop ``block`` (by identity) from the body and record why."""
        self.blocks = [b for b in self.blocks if b is not block]
        self.trace.append(Removal(self.current_stage, reason, block.text, block.origin))

    def remove_many(self, drops: list[tuple[Block, str]]) -> None:
        """Drop many blocks in one pass (a per-line stage over a huge input stays linear)."""
        if not drops:
            return
        if len(drops) == 1:  # (the common case: a test of identity beats an ``id`` look-up)
            block = drops[0][0]
            self.blocks = [b for b in self.blocks if b is not block]
        else:
            # (drops come in block order, as a stage reads the blocks: one walk of both then
            # tells them by identity; else a set of their ids does)
            kept: list[Block] = []
            k, n = 0, len(drops)
            for b in self.blocks:
                if k < n and b is drops[k][0]:
                    k += 1
                else:
                    kept.append(b)
            if k < n:
                gone = {id(b) for b, _ in drops}
                kept = [b for b in self.blocks if id(b) not in gone]
            self.blocks = kept
        stage = self.current_stage
        self.trace += [Removal(stage, why, b.text, b.origin) for b, why in drops]

    def dropped(self, stage: str, reason: str, text: str, where: str) -> None:
        """Record text that left before it became a block (an HTML subtree taken out as page
        chrome or passed over as outside the content): the same trace as the block stages."""
        self.trace.append(Removal(stage, reason, text, where))

    def lift(
        self, block: Block, field_name: str, value: Any = None, confidence: float = 0.8
    ) -> None:
        """Move ``block`` out of the body into a metadata field (``value`` defaults to its text)."""
        self.propose(field_name, block.text if value is None else value, confidence)
        self.remove(block, f"lifted to {field_name}")

    def propose(
        self, field_name: str, value: Any, confidence: float = 0.5, source: str = ""
    ) -> None:
        """Offer a metadata value; the best-confidence candidate wins, earlier ones on ties."""
        if value in (None, "", []):
            return
        self.candidates.setdefault(field_name, []).append(
            Candidate(value, source or self.current_stage, confidence)
        )

    def best(self, field_name: str) -> Any:
        """The winning candidate's value, or ``None``."""
        found = self.candidates.get(field_name)
        if not found:
            return None
        if len(found) == 1:
            return found[0].value  # (the common case)
        return max(enumerate(found), key=lambda ic: (ic[1].confidence, -ic[0]))[1].value

    def has(self, field_name: str) -> bool:
        return bool(self.candidates.get(field_name))

    def __post_init__(self) -> None:
        for i, b in enumerate(self.blocks):
            b.seq = i

    def add_image(self, image: Image, anchor: Block | None = None) -> None:
        """Record an image standing where ``anchor`` stood (at the end when no anchor)."""
        image.seq = anchor.seq if anchor is not None else len(self.blocks) + 1_000_000
        self.images.append(image)


@dataclass(frozen=True)
class Source:
    """What was read: decoded text, its kind, and where it came from."""

    text: str
    kind: Literal["html", "text"]
    encoding: str
    sha256: str
    path: str | None = None
    #: The archive record the page came from: record_id, offset, date (WARC input only).
    warc: dict[str, Any] | None = None

    def __init__(
        self,
        text: str,
        kind: Literal["html", "text"],
        encoding: str,
        sha256: str,
        path: str | None = None,
        warc: dict[str, Any] | None = None,
    ) -> None:
        """The fields, as the dataclass would set them (compiled, each ``object.__setattr__``
        is a direct store: the generated ``__init__`` is interpreted)."""
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "encoding", encoding)
        object.__setattr__(self, "sha256", sha256)
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "warc", warc)


@dataclass(frozen=True)
class Article:
    """The final, frozen result. :meth:`to_dict` gives the versioned JSON shape."""

    title: str | None
    subtitle: str | None
    authors: tuple[str, ...]
    byline_org: str | None
    published: str | None
    modified: str | None
    site_name: str | None
    url: str | None
    language: str | None
    blocks: tuple[Block, ...]
    images: tuple[Image, ...]
    contributors: tuple[str, ...]
    author_bio: str | None
    tags: tuple[str, ...]
    source: Source
    removed: tuple[Removal, ...]
    #: Where each field's value came from: ``(field, value, source)``, shown under ``explain``.
    provenance: tuple[tuple[str, Any, str], ...] = ()
    #: The page's own summary (meta/OpenGraph/JSON-LD description), not necessarily shown.
    description: str | None = None
    #: The lead image's absolute URL.
    image: str | None = None

    def __init__(
        self,
        title: str | None,
        subtitle: str | None,
        authors: tuple[str, ...],
        byline_org: str | None,
        published: str | None,
        modified: str | None,
        site_name: str | None,
        url: str | None,
        language: str | None,
        blocks: tuple[Block, ...],
        images: tuple[Image, ...],
        contributors: tuple[str, ...],
        author_bio: str | None,
        tags: tuple[str, ...],
        source: Source,
        removed: tuple[Removal, ...],
        provenance: tuple[tuple[str, Any, str], ...] = (),
        description: str | None = None,
        image: str | None = None,
    ) -> None:
        """The fields, as the dataclass would set them (see :class:`Source`)."""
        object.__setattr__(self, "title", title)
        object.__setattr__(self, "subtitle", subtitle)
        object.__setattr__(self, "authors", authors)
        object.__setattr__(self, "byline_org", byline_org)
        object.__setattr__(self, "published", published)
        object.__setattr__(self, "modified", modified)
        object.__setattr__(self, "site_name", site_name)
        object.__setattr__(self, "url", url)
        object.__setattr__(self, "language", language)
        object.__setattr__(self, "blocks", blocks)
        object.__setattr__(self, "images", images)
        object.__setattr__(self, "contributors", contributors)
        object.__setattr__(self, "author_bio", author_bio)
        object.__setattr__(self, "tags", tags)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "removed", removed)
        object.__setattr__(self, "provenance", provenance)
        object.__setattr__(self, "description", description)
        object.__setattr__(self, "image", image)

    @cached_property
    def body(self) -> str:
        """The blocks' text, a blank line between blocks (made once: JSON, Markdown and the
        word count all read it)."""
        return "\n\n".join([b.text for b in self.blocks])

    @cached_property
    def word_count(self) -> int:
        """``len(self.body.split())``, summed over the blocks (they are joined by whitespace),
        taken from a block's facts when they counted its words on plain text: splitting the
        whole body again was most of :meth:`to_dict`'s time. Chinese, Japanese and Thai-like
        scripts are counted as :mod:`clipclean.words` says."""
        n = 0
        unspaced = False  # (facts count such text in ``units``: where they differ, it may be)
        for b in self.blocks:
            f: Facts | None = b.facts  # (typed: compiled, its fields are read directly)
            if f is not None and f.text is b.text and f.plain:
                n += f.words
                unspaced = unspaced or f.units != f.words
            else:
                n += len(b.text.split())
                unspaced = unspaced or (
                    not b.text.isascii() and UNSPACED.search(b.text) is not None
                )
        return count_words(self.body) if unspaced else n

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """The ``clipclean/1.1`` JSON document; ``removed`` only when ``explain``."""
        d: dict[str, Any] = {
            "schema": SCHEMA,
            "title": self.title,
            "subtitle": self.subtitle,
            "description": self.description,
            "authors": list(self.authors),
            "byline_org": self.byline_org,
            "published": self.published,
            "modified": self.modified,
            "site_name": self.site_name,
            "url": self.url,
            "language": self.language,
            "image": self.image,
            "body": self.body,
            "blocks": [{"type": b.kind, "text": b.text} for b in self.blocks],
            "images": [i.to_dict() for i in self.images],
            "contributors": list(self.contributors),
            "author_bio": self.author_bio,
            "tags": list(self.tags),
            "word_count": self.word_count,
            "source": {
                "path": self.source.path,
                "kind": self.source.kind,
                "encoding": self.source.encoding,
                "sha256": self.source.sha256,
            },
        }
        if self.source.warc is not None:
            d["source"]["warc"] = dict(self.source.warc)
        if explain:
            d["removed"] = [r.to_dict() for r in self.removed]
            if self.provenance:
                d["metadata"] = [
                    {"field": f, "value": v, "source": s} for f, v, s in self.provenance
                ]
        return d
