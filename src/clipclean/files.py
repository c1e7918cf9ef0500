"""Writing outputs safely: a temp file in the target's folder, fsync, then an atomic rename.

A reader (or a crash) never sees a half-written output, and an existing file is replaced only
by a complete new one. Temp files are named ``.NAME.clipclean-PID-XXXXXXXX.tmp`` so that a
later run can tell the ones a killed clipclean left (its pid is gone) from anything else and
remove exactly those (:func:`sweep_temps`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

#: The temp files clipclean makes; ``pid`` is the process that made one.
TEMP_NAME = re.compile(r"\.(?P<name>.+)\.clipclean-(?P<pid>[0-9]+)-[0-9a-f]{8}\.tmp", re.S)
#: The temp files of earlier clipclean versions (``tempfile.mkstemp``'s pattern, no pid): only
#: removed inside a batch output folder (under its lock), and only for an output suffix.
LEGACY_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp", re.S)

#: A new file: never an existing one, never through a link, never blocking.
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
_DIR = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC


def _temp_name(name: str) -> str:
    return f".{name[:200]}.clipclean-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def _make_temp(name: str, dir_fd: int | None = None) -> tuple[int, str]:
    """A new empty temp file for ``name`` (mode 0644 whatever the umask, like every output)."""
    while True:
        tmp = _temp_name(name)
        try:
            fd = os.open(tmp, _CREATE, 0o600, dir_fd=dir_fd)
        except FileExistsError:
            continue
        os.fchmod(fd, 0o644)
        return fd, tmp


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file that appears at ``path`` complete when the block ends, never before.

    For outputs written progressively (a JSON Lines stream); an exception leaves nothing behind.
    A target that exists and is not a regular file (``/dev/stdout``, ``/dev/null``, a FIFO) is
    written in place: renaming over it would replace the device or pipe with a file. Temp files
    a killed clipclean left for the same target are removed first.
    """
    target = Path(path)
    if _special(target):
        with open(target, "wb") as f:
            yield f
        return
    folder = target.parent
    sweep_temps(folder, name=target.name)
    dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fd, name = _make_temp(target.name, dir_fd)
    finally:
        os.close(dir_fd)
    tmp = folder / name
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
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


# --- inside one output folder -------------------------------------------------------------


def _open_folder(root: str | os.PathLike[str], parts: list[str], create: bool) -> int:
    """A descriptor of ``root/parts...``, each step opened without following a link, so a
    folder swapped for a link mid-run cannot send a write (or an unlink) outside ``root``."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for i, part in enumerate(parts):
            try:
                sub = os.open(part, _DIR, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, 0o777, dir_fd=fd)
                sub = os.open(part, _DIR, dir_fd=fd)
            except OSError as exc:
                if exc.errno not in (errno.ELOOP, errno.ENOTDIR):
                    raise
                where = "/".join(parts[: i + 1])
                if stat.S_ISLNK(os.stat(part, dir_fd=fd, follow_symlinks=False).st_mode):
                    raise OSError(
                        errno.ELOOP,
                        f"{where} is a symbolic link (outputs are written inside the output "
                        "folder only)",
                    ) from None
                raise OSError(errno.ENOTDIR, f"{where} is not a folder") from None
            os.close(fd)
            fd = sub
    except BaseException:
        os.close(fd)
        raise
    return fd


def _check_target(name: str, dir_fd: int) -> None:
    """Refuse a target that exists and is not a regular file (or a link to one): a device, a
    FIFO, a socket, a folder. Checked by ``lstat``; the target itself is never opened, so a
    FIFO swapped in after the check is replaced by the rename, not written to or waited on."""
    try:
        st = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        try:
            st = os.stat(name, dir_fd=dir_fd)
        except OSError:
            raise OSError(errno.EEXIST, "not a regular file (a dangling symbolic link)") from None
    if not stat.S_ISREG(st.st_mode):
        raise OSError(errno.EEXIST, "not a regular file")


def write_inside(root: str | os.PathLike[str], rel: str, data: bytes) -> os.stat_result:
    """Replace ``root/rel`` atomically with ``data`` and return the new file's stat.

    Folders are created as needed; none may be a symbolic link, and an existing target must be
    a regular file (a link to one is replaced by the file, never written through).
    """
    *folders, name = rel.split("/")
    dir_fd = _open_folder(root, folders, create=True)
    try:
        _check_target(name, dir_fd)
        fd, tmp = _make_temp(name, dir_fd)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(fd)
                st = os.fstat(fd)
            os.rename(tmp, name, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp, dir_fd=dir_fd)
            raise
        return st
    finally:
        os.close(dir_fd)


def unlink_inside(root: str | os.PathLike[str], rel: str) -> None:
    """Remove ``root/rel`` (gone already is fine), never through a linked folder."""
    *folders, name = rel.split("/")
    try:
        dir_fd = _open_folder(root, folders, create=False)
    except OSError:
        return  # no such folder, or not one of ours to enter: nothing of ours to remove
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name, dir_fd=dir_fd)
    finally:
        os.close(dir_fd)


# --- leftovers of killed runs --------------------------------------------------------------


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, another user's
        return True
    return True


def stale_temp_target(name: str, legacy_suffixes: tuple[str, ...] = ()) -> str | None:
    """The target's name when ``name`` is a temp file of a clipclean process that no longer
    runs (or, with ``legacy_suffixes``, an older clipclean's temp file of an output with one of
    those suffixes); else None."""
    m = TEMP_NAME.fullmatch(name)
    if m:
        return None if _alive(int(m["pid"])) else m["name"]
    m = LEGACY_TEMP_NAME.fullmatch(name)
    if m and legacy_suffixes and m["name"].endswith(legacy_suffixes):
        return m["name"]
    return None


def sweep_temps(
    folder: str | os.PathLike[str],
    *,
    name: str | None = None,
    recursive: bool = False,
    skip: tuple[str, ...] = (),
    legacy_suffixes: tuple[str, ...] = (),
) -> int:
    """Remove the temp files killed clipclean runs left in ``folder`` (only those of target
    ``name`` when given; subfolders too when ``recursive``, except those named in ``skip``,
    links never followed). Returns how many were removed; unreadable folders are passed over."""
    removed = 0
    stack = [Path(folder)]
    while stack:
        here = stack.pop()
        try:
            with os.scandir(here) as it:
                items = list(it)
        except OSError:
            continue
        for item in items:
            if recursive and item.name not in skip and item.is_dir(follow_symlinks=False):
                stack.append(Path(item.path))
            elif (
                item.name.startswith(".")
                and item.name.endswith(".tmp")
                and (target := stale_temp_target(item.name, legacy_suffixes)) is not None
                and (name is None or target == name[:200])
                and item.is_file(follow_symlinks=False)
            ):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(item.path)
                    removed += 1
    return removed
