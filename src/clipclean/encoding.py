"""Bytes -> str in the WHATWG order, hardened for mislabelled pages.

1. a byte-order mark (UTF-8, UTF-16 LE/BE) is authoritative;
2. UTF-16 without a BOM, recognised by its NUL pattern (scrapers save it so);
3. the transport's charset (HTTP Content-Type, when known), then a declared charset (``<meta charset>``, ``http-equiv``, the XML declaration) that is a known
   WHATWG label and decodes strictly; one exception to WHATWG: bytes that are valid UTF-8 with
   non-ASCII characters are UTF-8 whatever a legacy label says, because a page mislabelled as
   windows-1252 is far more common than windows-1252 text that happens to be valid UTF-8;
4. strict UTF-8, or UTF-8 with a few stray windows-1252 bytes (each read as windows-1252);
5. detection (charset-normalizer) on a sample, kept only when windows-1252 is not one of the
   plausible readings (the sanity check: detectors answer cp1250 or cp1257 for French text);
6. windows-1252, which decodes every byte.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: WHATWG encoding -> its labels (the spec's table, minus encodings Python cannot decode) and
#: the Python codec that decodes it. utf-16 labels in a page's markup mean UTF-8 (the markup
#: itself was read as ASCII, so it cannot be UTF-16); "replacement" labels and utf-7 are refused.
_WHATWG: dict[str, tuple[str, str]] = {
    "utf-8": (
        "utf-8",
        "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8 "
        "utf-16 utf-16le utf-16be unicode unicodefeff unicodefffe csunicode iso-10646-ucs-2 "
        "ucs-2",
    ),
    "windows-1252": (
        "cp1252",
        "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 "
        "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    ),
    "ibm866": ("cp866", "866 cp866 csibm866 ibm866"),
    "iso-8859-2": (
        "iso8859-2",
        "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    ),
    "iso-8859-3": ("iso8859-3", "csisolatin3 iso-8859-3 iso8859-3 iso88593 iso_8859-3 l3 latin3"),
    "iso-8859-4": ("iso8859-4", "csisolatin4 iso-8859-4 iso8859-4 iso88594 iso_8859-4 l4 latin4"),
    "iso-8859-5": (
        "iso8859-5",
        "csisolatincyrillic cyrillic iso-8859-5 iso8859-5 iso88595 iso_8859-5",
    ),
    "iso-8859-6": ("iso8859-6", "arabic asmo-708 iso-8859-6 iso8859-6 iso88596 iso_8859-6"),
    "iso-8859-7": ("iso8859-7", "greek greek8 iso-8859-7 iso8859-7 iso88597 iso_8859-7"),
    "iso-8859-8": ("iso8859-8", "hebrew iso-8859-8 iso-8859-8-i iso8859-8 iso88598 visual"),
    "iso-8859-10": ("iso8859-10", "csisolatin6 iso-8859-10 iso8859-10 iso885910 l6 latin6"),
    "iso-8859-13": ("iso8859-13", "iso-8859-13 iso8859-13 iso885913"),
    "iso-8859-14": ("iso8859-14", "iso-8859-14 iso8859-14 iso885914"),
    "iso-8859-15": (
        "iso8859-15",
        "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9 latin9",
    ),
    "iso-8859-16": ("iso8859-16", "iso-8859-16"),
    "koi8-r": ("koi8-r", "cskoi8r koi koi8 koi8-r koi8_r"),
    "koi8-u": ("koi8-u", "koi8-ru koi8-u"),
    "macintosh": ("mac-roman", "csmacintosh mac macintosh x-mac-roman"),
    "windows-874": ("cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    "windows-1250": ("cp1250", "cp1250 windows-1250 x-cp1250"),
    "windows-1251": ("cp1251", "cp1251 windows-1251 x-cp1251"),
    "windows-1253": ("cp1253", "cp1253 windows-1253 x-cp1253"),
    "windows-1254": (
        "cp1254",
        "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 l5 latin5 "
        "windows-1254 x-cp1254",
    ),
    "windows-1255": ("cp1255", "cp1255 windows-1255 x-cp1255"),
    "windows-1256": ("cp1256", "cp1256 windows-1256 x-cp1256"),
    "windows-1257": ("cp1257", "cp1257 windows-1257 x-cp1257"),
    "windows-1258": ("cp1258", "cp1258 windows-1258 x-cp1258"),
    "x-mac-cyrillic": ("mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    "gbk": (
        "gb18030",
        "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk",
    ),
    "gb18030": ("gb18030", "gb18030"),
    "big5": ("big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    "euc-jp": ("euc-jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    "iso-2022-jp": ("iso2022-jp", "csiso2022jp iso-2022-jp"),
    "shift_jis": (
        "cp932",
        "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    ),
    "euc-kr": (
        "cp949",
        "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
        "ksc_5601 windows-949",
    ),
}
_LABELS = {label: name for name, (_, labels) in _WHATWG.items() for label in labels.split()}
_CODEC = {name: codec for name, (codec, _) in _WHATWG.items()}

#: Where a page declares its charset, in the first few KB (the WHATWG prescan reads 1024 bytes;
#: real pages put inline scripts first, so we read further, but only inside these constructs).
PRESCAN_BYTES = 4096
_DECLARED = re.compile(
    rb"<meta\s[^>]{0,500}?charset\s{0,5}=\s{0,5}[\"']?\s{0,5}(?P<meta>[^\"'>\s;/]{1,40}"
    rb"(?:,[^\"'>]{0,40})?)"
    rb"|<\?xml\s[^>]{0,200}?encoding\s{0,5}=\s{0,5}[\"'](?P<xml>[^\"'>]{1,40})",
    re.I,
)
_LABEL_START = re.compile(r"[a-z0-9].{0,39}")
_LABEL = re.compile(r"[a-z0-9][a-z0-9._:\-]{0,39}")

#: How much of the input the detector reads: detection is a guess from a sample, and reading
#: 50 MB would cost seconds for no better answer.
DETECT_BYTES = 64 * 1024


def label_to_encoding(label: str) -> str | None:
    """The WHATWG encoding name for a charset label, tolerating junk around it
    ("utf-8, ie=edge", "-->UTF-8", quotes); ``None`` for unknown or refused labels."""
    text = label.strip().lower()
    start = _LABEL_START.search(text)
    if start is None:
        return None
    m = _LABEL.match(start.group(0))
    return _LABELS.get(m.group(0)) if m else None


def declared_encoding(data: bytes) -> str | None:
    """The first known charset declared in the page's first :data:`PRESCAN_BYTES`."""
    head = data[:PRESCAN_BYTES]
    if b"<" not in head:
        return None  # (the common case for scraped text: both forms start with "<")
    for m in _DECLARED.finditer(head):
        raw = m.group("meta") or m.group("xml")
        name = label_to_encoding(raw.decode("ascii", "replace"))
        if name is not None:
            return name
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when NUL bytes sit on one parity, as in UTF-16 Latin text."""
    sample = data[:4096]
    if b"\x00" not in sample:
        return None  # (found with a byte search: far cheaper than counting)
    nuls = sample.count(0)
    if len(sample) < 4 or nuls < len(sample) * 0.2:
        return None
    even = sample[0::2].count(0)
    if even >= 0.9 * nuls and sample[1::2].count(0) <= 0.02 * len(sample):
        return "utf-16-be"
    if nuls - even >= 0.9 * nuls and even <= 0.02 * len(sample):
        return "utf-16-le"
    return None


def _name_of(codec: str) -> str:
    """The WHATWG name of a Python codec, so ``source.encoding`` reads the same however found."""
    python = codecs.lookup(codec).name
    names = [n for n, c in _CODEC.items() if codecs.lookup(c).name == python]
    return names[-1] if names else python


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _whatwg_1252(error: UnicodeError) -> tuple[str, int]:
    """The five bytes cp1252 leaves undefined map to the C1 controls, as browsers do."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(chr(b) for b in bad), error.end


codecs.register_error("clipclean-whatwg-1252", _whatwg_1252)


def _stray_1252(error: UnicodeError) -> tuple[str, int]:
    """A byte that is not UTF-8 inside UTF-8 text, read as windows-1252 (one byte at a time)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.start + 1]
    return bad.decode("cp1252", "clipclean-whatwg-1252"), error.start + 1


codecs.register_error("clipclean-stray-1252", _stray_1252)
#: Valid multibyte UTF-8 characters per stray byte from which bytes are UTF-8 with a few
#: windows-1252 bytes pasted in (a template's comment, an alt text), not windows-1252 text.
MOSTLY_UTF8 = 4


def _mostly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8 when it is UTF-8 but for a few stray bytes, each read as
    windows-1252: decoding the whole page as windows-1252 for their sake garbles every
    character of its text (the bytes a UTF-8 character is made of read as two or three)."""
    loose = data.decode("utf-8", "replace")
    stray = loose.count("\ufffd")
    wide = len(loose) - len(loose.encode("ascii", "ignore")) - stray  # (counted in C)
    if stray == 0 or wide < MOSTLY_UTF8 * stray:
        return None
    return data.decode("utf-8", "clipclean-stray-1252")


def _detected(data: bytes) -> tuple[str, str] | None:
    """Detection on a sample, with the sanity check described in the module docstring."""
    from charset_normalizer import from_bytes

    sample = data[:DETECT_BYTES]
    if len(data) > DETECT_BYTES and b"\n" in sample:
        sample = sample[: sample.rindex(b"\n") + 1]  # never cut a multibyte character
    matches = from_bytes(sample)
    best = matches.best()
    if best is None or best.encoding in ("utf_8", "utf_7"):
        return None
    if any("cp1252" in m.could_be_from_charset for m in matches):
        return None  # windows-1252 reads it too: the web's default beats a guess
    text = _strict(data, best.encoding)
    return None if text is None else (text, _name_of(best.encoding))


def decode(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)`` with the encoding's canonical name.

    ``charset`` is the transport's label (an HTTP Content-Type kept in a WARC record): as in
    WHATWG it comes after a byte-order mark and before the page's own declaration."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        text = _strict(data, utf16)
        if text is not None:
            return text, utf16
    transport = label_to_encoding(charset) if charset else None
    if transport is not None and transport != "utf-8":
        if not data.isascii() and (text := _strict(data, "utf-8")) is not None:
            return text, "utf-8"  # mislabelled, as for a page's own label below
        if (text := _strict(data, _CODEC[transport])) is not None:
            return text, transport
    declared = declared_encoding(data)
    if declared is not None and declared != "utf-8":
        if not data.isascii() and (text := _strict(data, "utf-8")) is not None:
            return text, "utf-8"  # mislabelled: valid UTF-8 beats a legacy label
        text = _strict(data, _CODEC[declared])
        if text is not None:
            return text, declared
    text = _strict(data, "utf-8")
    if text is None:
        text = _mostly_utf8(data)
    if text is not None:
        return text, "utf-8"
    found = _detected(data)
    if found is not None:
        return found
    return data.decode("cp1252", "clipclean-whatwg-1252"), "windows-1252"


__all__ = ["declared_encoding", "decode", "label_to_encoding"]
