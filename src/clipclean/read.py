"""Bytes to :class:`Source`: decompression, decoding and html-or-text sniffing.

Everything about what the input *is* is decided here, once, so the rest of the pipeline only
ever sees decoded text and a kind.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import zlib

from .model import Source

#: Default cap on the decoded size of one input (after decompression).
MAX_BYTES = 50 * 1024 * 1024


class InputError(Exception):
    """An input that cannot be cleaned; the message is the one-line cause shown to the user."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Markup that a scraped text would not contain: a doctype or one of the structural tags.
_HTML_START = re.compile(rb"^\s*<(?:!doctype\s+html|html|\?xml|head|body|!--)", re.I)
_HTML_TAG = re.compile(
    r"<(?:html|head|body|meta|title|div|p|article|section|span|a|script|style|br|img|h[1-6])"
    r"(?:\s[^<>]{0,2000})?/?>",
    re.I,
)


def gunzip(data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Decompress gzip ``data`` without ever holding more than ``limit`` bytes of output."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, limit + 1)
    except zlib.error as e:
        raise InputError(f"corrupt gzip data ({e})") from None
    if len(out) > limit:
        raise InputError(f"decompressed input exceeds {limit} bytes")
    return out


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes: BOM, then strict UTF-8, then windows-1252 (which never fails)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "windows-1252"


def sniff_kind(data: bytes | str) -> str:
    """``"html"`` when the input starts like markup or carries several structural tags."""
    head = data[:65536]
    if isinstance(head, str):
        if _HTML_START.match(head.encode("utf-8", "replace")):
            return "html"
        text = head
    else:
        if _HTML_START.match(head):
            return "html"
        text = head.decode("latin-1")
    for seen, _ in enumerate(_HTML_TAG.finditer(text), start=1):
        if seen >= 3:
            return "html"
    return "text"


def read(
    data: bytes | str,
    *,
    kind: str | None = None,
    path: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> Source:
    """Turn raw input into a :class:`Source`; raise :class:`InputError` for unusable input."""
    if isinstance(data, str):
        raw = data.encode("utf-8", "surrogatepass")
        text, encoding = data, "utf-8"
        if data.startswith("\ufeff"):
            text = data[1:]
    else:
        raw = data
        if raw[:2] == b"\x1f\x8b":
            raw = gunzip(raw, max_bytes)
        if len(raw) > max_bytes:
            raise InputError(f"input exceeds {max_bytes} bytes")
        text, encoding = decode(raw)
    if not text.strip():
        raise InputError("no text (input is empty)")
    chosen = kind or sniff_kind(text)
    if chosen not in ("html", "text"):
        raise InputError(f"unknown kind {chosen!r}")
    return Source(
        text=text,
        kind=chosen,  # type: ignore[arg-type]
        encoding=encoding,
        sha256=hashlib.sha256(data if isinstance(data, bytes) else raw).hexdigest(),
        path=path,
    )


__all__ = ["MAX_BYTES", "InputError", "decode", "gunzip", "read", "sniff_kind"]
