"""Writing outputs safely: a temp file in the target's folder, fsync, then an atomic rename.

A reader (or a crash) never sees a half-written output, and an existing file is replaced only
by a complete new one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file that appears at ``path`` complete when the block ends, never before.

    For outputs written progressively (a JSON Lines stream); an exception leaves nothing behind.
    A target that exists and is not a regular file (``/dev/stdout``, ``/dev/null``, a FIFO) is
    written in place: renaming over it would replace the device or pipe with a file.
    """
    target = Path(path)
    if _special(target):
        with open(target, "wb") as f:
            yield f
        return
    fd, tmp = tempfile.mkstemp(
        prefix=f".{target.name[:200]}.", suffix=".tmp", dir=target.parent or "."
    )
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _special(target: Path) -> bool:
    """``target`` exists and is a device, FIFO or socket (followed through symlinks)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def atomic_write(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically (UTF-8 for text)."""
    with atomic_open(path) as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)
