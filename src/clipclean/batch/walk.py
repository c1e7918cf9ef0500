"""Finding the inputs: a recursive walk that never follows a symbolic link.

Only regular files are inputs. Anything else that looks like one (a link, a FIFO, a device, a
folder named ``x.html``) is reported as a note rather than opened: opening a FIFO would hang
and following links could loop or leave the input folder.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..errors import cause
from .names import matches, selected


@dataclass(frozen=True)
class Entry:
    """A regular input file as the walk saw it."""

    rel: str  # relative to the input folder, "/"-separated
    path: str
    size: int
    mtime_ns: int


@dataclass
class Walk:
    entries: list[Entry] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (rel, why skipped)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (rel, cause): inputs lost
    #: Regular files that no include glob selects (those an --exclude left out not counted).
    unselected: int = 0


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _link_note(path: str, wanted: bool) -> str | None:
    try:
        target = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop, skipped"
        return "dangling symbolic link, skipped" if wanted else None
    if stat.S_ISDIR(target.st_mode):
        return "symbolic link to a folder, not followed"
    return "symbolic link, not followed" if wanted else None


def walk(
    root: str,
    include: Iterable[str],
    exclude: Iterable[str] = (),
    skip_dirs: Iterable[tuple[int, int]] = (),
    stopped: Callable[[], bool] = lambda: False,
) -> Walk:
    """Every selected regular file under ``root``, sorted; ``skip_dirs`` holds the
    ``(st_dev, st_ino)`` of folders not to enter (the output folder)."""
    include, exclude = tuple(include), tuple(exclude)
    found = Walk()
    root_st = os.stat(root)
    seen = {(root_st.st_dev, root_st.st_ino), *skip_dirs}
    stack = [""]
    while stack and not stopped():
        rel_dir = stack.pop()
        try:
            with os.scandir(os.path.join(root, rel_dir) if rel_dir else root) as it:
                items = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            found.errors.append((rel_dir or ".", f"cannot read folder: {cause(exc)}"))
            continue
        subdirs = []
        for item in items:
            rel = f"{rel_dir}/{item.name}" if rel_dir else item.name
            wanted = selected(rel, include, exclude)
            try:
                st = item.stat(follow_symlinks=False)
            except OSError:
                continue  # vanished since it was listed
            if stat.S_ISLNK(st.st_mode):
                note = _link_note(item.path, wanted)
                if note:
                    found.notes.append((rel, note))
            elif stat.S_ISDIR(st.st_mode):
                if (st.st_dev, st.st_ino) in seen:
                    continue
                seen.add((st.st_dev, st.st_ino))
                if wanted:
                    found.notes.append((rel, "a folder named like an input: walked, not read"))
                subdirs.append(rel)
            elif stat.S_ISREG(st.st_mode):
                if wanted:
                    found.entries.append(Entry(rel, item.path, st.st_size, st.st_mtime_ns))
                elif not matches(rel, include):
                    found.unselected += 1
            elif wanted:
                kind = next((what for test, what in _SPECIAL if test(st.st_mode)), "special")
                found.notes.append((rel, f"{kind}, not a regular file, skipped"))
        stack.extend(reversed(subdirs))
    found.entries.sort(key=lambda e: e.rel)
    return found
