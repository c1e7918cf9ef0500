"""Bytes to :class:`Source`: decompression, decoding and html-or-text sniffing.

Everything about what the input *is* is decided here, once, so the rest of the pipeline only
ever sees decoded text and a kind.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from typing import IO, Any, Final

from .controls import has_controls, is_binary, is_blank, strip_controls, utf8_has_controls
from .encoding import decode
from .model import Source
from .mojibake import repair
from .sizes import human_size

#: Default cap on the decoded size of one input (after decompression).
MAX_BYTES: Final = 50 * 1024 * 1024


class InputError(Exception):
    """An input that cannot be cleaned; the message is the one-line cause shown to the user."""


# Markup that a scraped text would not contain: a doctype or one of the structural tags.
_HTML_START: Final = re.compile(rb"^\s*<(?:!doctype\s+html|html|\?xml|head|body|!--)", re.I)
_HTML_TAG: Final = re.compile(
    r"<(?:html|head|body|meta|title|div|p|article|section|span|a|script|style|br|img|h[1-6])"
    r"(?:\s[^<>]{0,2000})?/?>",
    re.I,
)

#: File signatures of formats that are never a page, whatever the file is called.
_MAGIC: Final = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"BZh", "bzip2 data; only gzip is decompressed"),
    (b"\xfd7zXZ\x00", "xz data; only gzip is decompressed"),
    (b"\x28\xb5\x2f\xfd", "zstd data; only gzip is decompressed"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x00asm", "WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)
#: The signatures by their first byte, so that a text is told from them with one lookup.
_MAGIC_BY_FIRST: Final[dict[bytes, tuple[tuple[bytes, str], ...]]] = {
    first: tuple(m for m in _MAGIC if m[0][:1] == first) for first in {m[:1] for m, _ in _MAGIC}
}
#: gzip inside gzip happens (a server compressing an already compressed file); more is a trap.
MAX_GZIP_LAYERS: Final = 3


def _binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` starts with, or ``None``."""
    for magic, what in _MAGIC_BY_FIRST.get(data[:1], ()):
        if data.startswith(magic) and (magic != b"BZh" or data[4:10] == b"1AY&SY"):
            return what
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "RIFF media"
    return None


def gunzip(data: bytes, limit: int = MAX_BYTES) -> bytes:
    """Decompress gzip ``data`` (every member) without ever holding more than ``limit`` bytes."""
    out = bytearray()
    rest = data
    while rest[:2] == b"\x1f\x8b":
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += d.decompress(rest, limit + 1 - len(out))
        except zlib.error as e:
            raise InputError(f"corrupt gzip data ({e})") from None
        if len(out) > limit:
            raise InputError(f"decompressed input over {human_size(limit)} (see --max-bytes)")
        if not d.eof:
            raise InputError("truncated gzip data")
        rest = d.unused_data
    if rest.strip(b"\x00"):
        raise InputError("trailing garbage after gzip data")
    return bytes(out)


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


def _decoded(data: bytes, max_bytes: int, charset: str | None = None) -> tuple[str, str]:
    """The text of ``data`` without control characters, and its encoding."""
    raw = data
    for _ in range(MAX_GZIP_LAYERS):
        if raw[:2] != b"\x1f\x8b":
            break
        raw = gunzip(raw, max_bytes)
    if len(raw) > max_bytes:
        raise InputError(f"input over {human_size(max_bytes)} (see --max-bytes)")
    what = _binary_kind(raw)
    if what is not None:
        raise InputError(f"binary input ({what})")
    text, encoding = decode(raw, charset)
    if encoding == "utf-8" and not utf8_has_controls(raw):
        return text, encoding  # the common case, told from the bytes
    head = text[:_BINARY_SNIFF]
    if not has_controls(head):  # the common case: the scan of the head can stand for the text
        return (text if len(text) <= _BINARY_SNIFF else strip_controls(text)), encoding
    if is_binary(head):
        raise InputError("binary input (not text in any known encoding)")
    return strip_controls(text), encoding


#: Characters of decoded input looked at to tell text from binary.
_BINARY_SNIFF: Final = 65536


def read_limited(stream: IO[bytes], max_bytes: int = MAX_BYTES) -> bytes:
    """Read a whole stream but never hold more than ``max_bytes`` + 1 bytes of it."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input over {human_size(max_bytes)} (see --max-bytes)")
    return data


def read(
    data: bytes | str,
    *,
    kind: str | None = None,
    path: str | None = None,
    max_bytes: int = MAX_BYTES,
    charset: str | None = None,
    warc: dict[str, Any] | None = None,
) -> Source:
    """Turn raw input into a :class:`Source`; raise :class:`InputError` for unusable input.

    ``charset``: the transport's label (HTTP Content-Type); ``warc``: the archive record the
    bytes came from (``source.warc``)."""
    return read_utf8(data, kind=kind, path=path, max_bytes=max_bytes, charset=charset, warc=warc)[0]


def read_utf8(
    data: bytes | str,
    *,
    kind: str | None = None,
    path: str | None = None,
    max_bytes: int = MAX_BYTES,
    charset: str | None = None,
    warc: dict[str, Any] | None = None,
) -> tuple[Source, bytes | None]:
    """:func:`read`, and the UTF-8 of the source's text when reading made it on the way (a
    ``str`` input read as it is), else ``None``: the text path reads it rather than encoding
    the text again (a pass over the text; an input of bytes is not known to be its text's
    UTF-8 without one: see ``encoding.decode``)."""
    utf8: bytes | None = None
    if isinstance(data, str):
        try:  # (its controls are read off the UTF-8 in C: a pattern's scan of the text is slower)
            raw = data.encode("utf-8")
            controls = utf8_has_controls(raw)
        except UnicodeEncodeError:  # a lone surrogate, which strip_controls takes out
            raw = data.encode("utf-8", "surrogatepass")
            controls = True
        text, encoding = data.removeprefix("\ufeff"), "utf-8"
        if len(raw) > max_bytes:
            raise InputError(f"input over {human_size(max_bytes)} (see --max-bytes)")
        if controls:
            text = strip_controls(text)
        elif len(text) == len(data):  # (no byte-order mark taken off)
            utf8 = raw
    else:
        raw = data
        text, encoding = _decoded(data, max_bytes, charset)  # (controls stripped)
    if is_blank(text):
        what = "input is empty" if not raw else "only whitespace or invisible characters"
        raise InputError(f"no text ({what})")
    chosen = kind or sniff_kind(text)
    if chosen not in ("html", "text"):
        raise InputError(f"unknown kind {chosen!r}")
    if chosen == "text" and (fixed := repair(text)) != text:
        # A scraper read UTF-8 as Latin-1 ("kÃ¶nnen"): decoded again, like any other bytes.
        text, encoding = fixed, f"{encoding}, UTF-8 read as Latin-1 by the scraper, repaired"
        utf8 = None
    return Source(
        text=text,
        kind=chosen,  # type: ignore[arg-type]
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        path=path,
        warc=warc,
    ), utf8


__all__ = ["MAX_BYTES", "InputError", "decode", "gunzip", "read", "read_utf8", "sniff_kind"]
