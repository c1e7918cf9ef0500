"""One run per output folder: an flock on OUT_DIR/.clipclean/lock.

flock is released by the kernel when the holder dies, so a crashed run never leaves a stale
lock behind (unlike a pid file). The holder's pid is written into the file for the message.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path


class Locked(Exception):
    """Another run holds the lock; the message names the folder and the holder's pid."""


@contextlib.contextmanager
def hold_lock(path: str | os.PathLike[str]) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for the block, or raise :class:`Locked` at once."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise Locked(
                f"another clipclean batch (pid {holder}) is working on "
                f"{Path(path).parent.parent}; try again when it has finished"
            ) from None
        with contextlib.suppress(OSError):  # only for the message: a full disk is no reason
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)
