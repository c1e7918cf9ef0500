"""Control characters: what is removed from input text and what may never reach an output.

One definition serves three places: text read from bytes (:mod:`clipclean.read`), text that
HTML character references produce (``&#27;`` becomes ESC inside lxml), and the rendered
output (a last guard, so no terminal ever receives a control sequence from a page).
"""

from __future__ import annotations

import re

#: ANSI/VT escape sequences as a whole (CSI and OSC, the other ESC forms), so no "[31m" remains.
_ANSI = re.compile(
    r"\x1b\[[0-?]{0,64}[ -/]{0,16}[@-~]?"
    r"|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?"
    r"|\x1b[ -/]{0,4}[0-~]?"
)
#: C0 controls but tab, newline and carriage return; DEL; C1 controls; lone surrogates (they
#: cannot be encoded as UTF-8); the noncharacters U+FFFE/U+FFFF.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: Vertical tab and form feed separate lines; they become newlines, not nothing.
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})
#: Output: the same, and the carriage return too, which can overwrite a line on a terminal.
_OUTPUT_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

#: Characters that show nothing: with whitespace, a text made only of these has no text.
_INVISIBLE_CHARS = (
    r"\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    r"\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f"
)
_VISIBLE = re.compile(rf"[^\s{_INVISIBLE_CHARS}\x00-\x1f\x7f-\x9f]")


def has_controls(text: str) -> bool:
    return _OUTPUT_CONTROL.search(text) is not None


#: The same controls as UTF-8 bytes: C0 (but tab and newline) and DEL are single bytes; C1
#: controls are C2 80-9F; U+FFFE/U+FFFF are EF BF BE/BF (lone surrogates are not valid UTF-8).
_C0_BYTES = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
_C1_BYTES = re.compile(rb"\xc2[\x80-\x9f]")


def has_any_byte(data: bytes, among: bytes) -> bool:
    """Has ``data`` any of the bytes ``among``? One ``memchr`` a byte: several times cheaper
    than a pass of ``bytes.translate`` deleting them (a table lookup and a copy a byte).
    (Compiled, ``any`` of a generator is a loop of direct ``in`` tests, where ``map`` would
    call a method wrapper with a tuple of arguments a byte.)"""
    return any(byte in data for byte in among)


def utf8_has_controls(raw: bytes) -> bool:
    """:func:`has_controls` of ``raw.decode("utf-8")``, read off the bytes: a C search
    for each byte is much cheaper than the pattern's scan of every character."""
    if has_any_byte(raw, _C0_BYTES):
        return True
    # (a lead byte asked as an int: a bytes needle of one byte makes ``in`` raise and clear a
    # TypeError before its search, dearer than the search)
    if 0xC2 in raw and _C1_BYTES.search(raw) is not None:
        return True
    # (a three-byte search is slow in a text full of multi-byte characters; a byte is not)
    return 0xEF in raw and (b"\xef\xbf\xbe" in raw or b"\xef\xbf\xbf" in raw)


def strip_controls(text: str) -> str:
    """Input text without escape sequences or control characters (\\v and \\f become \\n)."""
    if not has_controls(text):
        return text
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    return _CONTROL.sub("", text.translate(_LINE_BREAKS))


def terminal_safe(text: str) -> str:
    """Rendered output with every control character but tab and newline removed."""
    if not has_controls(text):
        return text
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    return _OUTPUT_CONTROL.sub("", text)


#: Share of control characters above which decoded bytes are binary, not text (random bytes
#: read as windows-1252 give about 13%; a text with stray NULs, well under 1%), and how many
#: there must be at least, so that a short line with a NUL and a bell is still text.
BINARY_CONTROL_SHARE = 0.05
BINARY_MIN_CONTROLS = 8


def is_binary(text: str) -> bool:
    """True when ``text`` (decoded bytes) has too many control characters to be text."""
    if not has_controls(text):
        return False
    if "\x1b" in text:
        text = _ANSI.sub("", text)  # a coloured terminal log is text
    found = len(_CONTROL.findall(text))
    return found >= BINARY_MIN_CONTROLS and found > BINARY_CONTROL_SHARE * len(text)


def is_blank(text: str) -> bool:
    """True when ``text`` has nothing but whitespace and invisible characters."""
    return _VISIBLE.search(text) is None


__all__ = [
    "has_any_byte",
    "has_controls",
    "is_binary",
    "is_blank",
    "strip_controls",
    "terminal_safe",
    "utf8_has_controls",
]
