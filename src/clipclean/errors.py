"""One-line causes and printable file names for error messages: shared by ``clean`` and
``batch`` so both say the same thing the same way, on one line, with no control sequence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .controls import terminal_safe
from .read import InputError

if TYPE_CHECKING:
    from .model import Article


class NoArticleText(InputError):
    """Cleaning left no body text: an error unless metadata-only output was asked for
    (``--allow-empty``), so that a page where nothing was found never passes as cleaned."""

    def __init__(self) -> None:
        super().__init__("no article text found")


def require_text(article: Article, allow_empty: bool = False) -> Article:
    """``article``, or :class:`NoArticleText` when its body is empty and that is not allowed."""
    if not allow_empty and not article.body.strip():
        raise NoArticleText()
    return article


def cause(exc: BaseException) -> str:
    """The one-line cause shown after ``FILE:`` for an exception met while reading or writing."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if isinstance(exc, InputError):
        return terminal_safe(str(exc)).replace("\n", " ")
    return f"internal error ({type(exc).__name__}: {terminal_safe(str(exc))[:200]})".replace(
        "\n", " "
    )


def shown_name(name: str) -> str:
    """A file name made safe for one terminal line: undecodable bytes as ``\\xNN``, control
    and other unprintable characters as Python escapes, backslashes doubled."""
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not valid UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == "\\":
            out.append("\\\\")
        elif not ch.isprintable():
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)
