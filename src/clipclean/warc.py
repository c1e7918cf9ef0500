"""Web archives in: the pages of a WARC (or ARC) file, one document per record, streamed.

A record holds a page when it is a ``response`` with HTTP status 200 or a ``resource``, and its
Content-Type is HTML or plain text; every other record is skipped with the reason, so that a
caller can count them. The HTTP charset travels with the page (it is tried before the page's
own declaration), and the record's identity (id, byte offset, date) becomes ``source.warc``.

The reader is warcio, chosen by measurement over FastWARC (the figures are in the commit that
added this module and in ``bench/batch_bench.py``): it reads ARC as well as WARC, from a pipe,
and is pure Python (a wheel for every platform); FastWARC is faster but reads no ARC, and the
reader is a small share of the time next to the cleaning. It is an optional extra
(``clipclean[warc]``); without it, an archive gets the one line :data:`NEEDS_EXTRA`.

Damage: the records before a corrupt record or gzip member are delivered, then
:class:`ArchiveError` names the offset. Only the record in hand is in memory: content longer
than ``max_bytes`` is skipped unread (reported as a failed record, like a too-large file).
"""

from __future__ import annotations

import contextlib
import io
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from .errors import cause
from .read import MAX_BYTES, InputError, gunzip

if TYPE_CHECKING:
    from .model import Article

#: Names taken for archives (case-insensitive), longest first.
ARCHIVE_SUFFIXES = (".warc.gz", ".arc.gz", ".warc", ".arc")
#: Media types of the records that hold a page.
PAGE_TYPES = frozenset(("text/html", "application/xhtml+xml", "text/plain"))
NEEDS_EXTRA = "reading WARC/ARC archives needs warcio: pip install 'clipclean[warc]'"
#: Bytes of an input looked at to tell an archive from a page.
SNIFF_BYTES = 4096

_CHARSET = re.compile(r";\s*charset\s*=\s*[\"']?([^\"';\s]+)", re.I)


class ArchiveError(InputError):
    """A damaged archive; the message is one line naming the offset. The records before the
    damage have been delivered."""

    def __init__(self, offset: int, cause: str) -> None:
        super().__init__(f"damaged archive at offset {offset}: {cause}")
        self.offset = offset


class ReaderMissing(InputError):
    """warcio is not installed (the ``warc`` extra)."""

    def __init__(self) -> None:
        super().__init__(NEEDS_EXTRA)


@dataclass(frozen=True)
class Page:
    """A record that holds a page: its decoded HTTP body and where it came from."""

    data: bytes
    url: str | None
    charset: str | None  # from the HTTP (or resource) Content-Type
    offset: int  # of the record (its gzip member) in the archive file
    record_id: str | None
    date: str | None

    def identity(self) -> dict[str, Any]:
        """``source.warc`` in the JSON."""
        return {"record_id": self.record_id, "offset": self.offset, "date": self.date}


@dataclass(frozen=True)
class Skip:
    """A record that holds no page (``why``), or a page that cannot be taken (``error``)."""

    offset: int
    why: str
    error: str | None = None


def is_archive_name(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def looks_like_archive(head: bytes) -> bool:
    """True when ``head`` (an input's first bytes, gzip or not) starts a WARC or ARC file."""
    if head[:2] == b"\x1f\x8b":
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            head = d.decompress(head, 64)
        except zlib.error:
            return False
    head = head.lstrip(b"\r\n")
    return head.startswith((b"WARC/1.", b"WARC/0.", b"filedesc://"))


class _Replay(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff it): gives them back first."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def sniff_stream(stream: IO[bytes]) -> tuple[bool, IO[bytes]]:
    """Whether ``stream`` holds an archive, and a stream to read it all from (the same one
    when it can peek, as stdin can)."""
    peek = getattr(stream, "peek", None)
    if peek is not None:
        with contextlib.suppress(OSError, ValueError):
            return looks_like_archive(peek(SNIFF_BYTES)[:SNIFF_BYTES]), stream
    head = stream.read(SNIFF_BYTES)
    return looks_like_archive(head), io.BufferedReader(_Replay(head, stream))


def _strict_reader(fh: Any, block_size: int) -> Any:
    """warcio's decompressing reader, made to raise where it would go quiet: it prints a
    corrupt gzip member's error and reads on as if the file had ended, and it takes a
    truncated member for the end. (warcio's ``_decompress`` and ``_fillbuff`` are the hooks;
    the tests damage archives both ways.)"""
    from warcio.bufferedreaders import DecompressingBufferedReader

    class Strict(DecompressingBufferedReader):  # type: ignore[misc]
        def _decompress(self, data: bytes) -> bytes:
            if self.decompressor is not None and data and self.num_block_read:
                try:
                    return bytes(self.decompressor.decompress(data))
                except zlib.error as exc:
                    raise _Damage(f"corrupt gzip data ({exc})") from None
            return bytes(super()._decompress(data))

        def _fillbuff(self, block_size: int | None = None) -> None:
            super()._fillbuff(block_size)
            d = self.decompressor
            if self.empty() and d is not None and self.num_block_read and not d.eof:
                raise _Damage("truncated gzip member")

    return Strict(fh, block_size=block_size)


class _Damage(Exception):
    """Raised inside the reader; becomes an :class:`ArchiveError` with the record's offset."""


def _media(content_type: str | None) -> tuple[str, str | None]:
    """``("text/html", "windows-1251")`` from a Content-Type value."""
    if not content_type:
        return "", None
    m = _CHARSET.search(content_type)
    return content_type.split(";", 1)[0].strip().lower(), (m.group(1) if m else None)


def _read_upto(stream: Any, limit: int) -> bytes:
    out = bytearray()
    while len(out) <= limit:
        chunk = stream.read(min(1 << 16, limit + 1 - len(out)))
        if not chunk:
            break
        out += chunk
    return bytes(out)


def _decoded_body(raw: bytes, http: Any, max_bytes: int) -> bytes:
    """The HTTP body without its chunked transfer and gzip/deflate/br content encodings
    (never more than ``max_bytes`` + 1 bytes of it)."""
    if (http.get_header("Transfer-Encoding") or "").strip().lower() == "chunked":
        from warcio.bufferedreaders import ChunkedDataReader

        raw = _read_upto(ChunkedDataReader(io.BytesIO(raw)), max_bytes)
    encoding = (http.get_header("Content-Encoding") or "").strip().lower()
    if encoding in ("gzip", "x-gzip") and raw[:2] == b"\x1f\x8b":
        return gunzip(raw, max_bytes)
    if encoding == "deflate":
        for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):  # zlib-wrapped, as meant, or raw
            with contextlib.suppress(zlib.error):
                return zlib.decompressobj(wbits).decompress(raw, max_bytes + 1)
        raise InputError("corrupt deflate data")
    if encoding == "br":
        import brotli

        return bytes(brotli.Decompressor().process(raw, output_buffer_limit=max_bytes + 1))
    return raw  # identity, or an encoding we cannot undo: the bytes as they are


#: The URI schemes of pages; a crawler's own records (wget's log as ``metadata://``, a
#: browser crawler's extracted text as ``urn:``) are not pages of the site.
_PAGE_SCHEMES = ("http:", "https:", "ftp:", "file:")


def _classify(record: Any) -> tuple[str | None, str | None]:
    """(the reason a record holds no page or None, its charset)."""
    kind = record.rec_type
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().lower()
    if kind in ("response", "resource") and uri and not uri.startswith(_PAGE_SCHEMES):
        return f"{kind} record of {uri.split(':', 1)[0]}: URI", None
    if kind == "response":
        http = record.http_headers
        if http is None or not http.protocol.upper().startswith("HTTP"):
            return "response without HTTP headers", None
        status = http.get_statuscode()
        if status != "200":
            return f"HTTP status {status}", None
        content_type = http.get_header("Content-Type")
    elif kind == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return f"{kind} record", None
    media, charset = _media(content_type)
    if media not in PAGE_TYPES:
        return f"Content-Type {media or 'missing'}", None
    return None, charset


def records(stream: IO[bytes], max_bytes: int = MAX_BYTES) -> Iterator[Page | Skip]:
    """Every record of the archive in ``stream``, in order, as a :class:`Page` or a
    :class:`Skip`; raises :class:`ArchiveError` after the last good record of a damaged one,
    :class:`ReaderMissing` without warcio."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise ReaderMissing() from None
    it = ArchiveIterator(stream, arc2warc=True, ensure_http_headers=False)
    it.reader = _strict_reader(it.fh, it.reader.block_size)
    while True:
        try:
            with contextlib.redirect_stderr(io.StringIO()):  # warcio's multi-line warnings
                record = next(it)
        except StopIteration:
            return
        except Exception as exc:  # (the iterator has moved to the record it could not read)
            raise ArchiveError(it.offset, _why(exc)) from None
        offset = it.offset
        why, charset = _classify(record)
        if why is not None:
            yield Skip(offset, why)
            continue
        try:
            raw = _read_upto(record.raw_stream, max_bytes)
        except Exception as exc:
            raise ArchiveError(offset, _why(exc)) from None
        if len(raw) > max_bytes:
            yield Skip(offset, "too large", f"record exceeds {max_bytes} bytes (see --max-bytes)")
            continue
        if getattr(record.raw_stream, "limit", 0) > 0:  # the file ended inside the record
            raise ArchiveError(offset, "truncated record")
        if record.http_headers is not None and record.rec_type == "response":
            try:
                raw = _decoded_body(raw, record.http_headers, max_bytes)
            except Exception as exc:
                why = cause(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
                yield Skip(offset, "undecodable", f"cannot undo its content encoding ({why})")
                continue
            if len(raw) > max_bytes:
                msg = f"decoded record exceeds {max_bytes} bytes (see --max-bytes)"
                yield Skip(offset, "too large", msg)
                continue
        headers = record.rec_headers
        yield Page(
            data=raw,
            url=headers.get_header("WARC-Target-URI"),
            charset=charset,
            offset=offset,
            record_id=headers.get_header("WARC-Record-ID"),
            date=headers.get_header("WARC-Date"),
        )


def clean_page(
    page: Page,
    *,
    path: str | None,
    skip_stages: Iterable[str] = (),
    kind: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Article:
    """:func:`clipclean.clean` of one page, with its URL, HTTP charset and record identity."""
    from . import clean

    return clean(
        page.data,
        url=page.url,
        kind=kind,
        skip_stages=skip_stages,
        path=path,
        max_bytes=max_bytes,
        charset=page.charset,
        warc=page.identity(),
    )


def articles(
    stream: IO[bytes],
    *,
    label: str,
    path: str | None,
    tally: Counter[str],
    skip_stages: Iterable[str] = (),
    kind: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[tuple[str, Article | None, str | None]]:
    """``(where, article, None)`` for each page of an archive, ``(where, None, cause)`` for one
    that cannot be cleaned; ``where`` names the archive and the offset. Every record is counted
    in ``tally`` (``"page"`` or why it was skipped). Raises :class:`ArchiveError` at damage."""
    skip = tuple(skip_stages)
    for rec in records(stream, max_bytes):
        where = f"{label} at offset {rec.offset}"
        if isinstance(rec, Skip):
            tally[rec.why] += 1
            if rec.error is not None:
                yield where, None, rec.error
            continue
        tally["page"] += 1
        try:
            article = clean_page(rec, path=path, skip_stages=skip, kind=kind, max_bytes=max_bytes)
        except InputError as exc:
            yield where, None, cause(exc)
            continue
        yield where, article, None


def describe(tally: Counter[str]) -> str:
    """``"12 records: 5 pages; skipped: 5 request record, 2 HTTP status 404"``."""
    pages = tally.get("page", 0)
    text = f"{sum(tally.values())} records: {pages} page{'s' * (pages != 1)}"
    skipped = sorted(((n, why) for why, n in tally.items() if why != "page"), reverse=True)
    if skipped:
        text += "; skipped: " + ", ".join(f"{n} {why}" for n, why in skipped)
    return text


def _why(exc: BaseException) -> str:
    """One line for what went wrong in the archive."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    if "non-chunked gzip" in text:
        return "one gzip stream holding several records (`warcio recompress` makes it readable)"
    return text[:200]


__all__ = [
    "ARCHIVE_SUFFIXES",
    "NEEDS_EXTRA",
    "ArchiveError",
    "Page",
    "ReaderMissing",
    "Skip",
    "articles",
    "clean_page",
    "describe",
    "is_archive_name",
    "looks_like_archive",
    "records",
    "sniff_stream",
]
