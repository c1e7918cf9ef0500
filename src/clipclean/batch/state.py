"""The incremental state: one SQLite row per input saying what was made of it, from what.

A row is written only after its output is in place, so the state never claims an output that
does not exist; a crash between the two only means the document is done again. Paths are
stored as bytes (``os.fsencode``) because file names need not be valid UTF-8.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS inputs (
    path        BLOB PRIMARY KEY,   -- relative to the input folder
    size        INTEGER NOT NULL,
    mtime_ns    INTEGER NOT NULL,
    sha256      TEXT,
    fingerprint TEXT NOT NULL,      -- clipclean version + options that shape the output
    output      BLOB,               -- relative to the output folder (an older one when failed)
    -- done; rejected: the input cannot be cleaned (tried again once it changes);
    -- failed: timeout, memory limit, crash, unreadable, unwritable (tried again next run)
    status      TEXT NOT NULL CHECK (status IN ('done', 'rejected', 'failed')),
    error       TEXT,
    duration    REAL,               -- seconds spent on the document
    updated     REAL NOT NULL       -- unix time of this row
) WITHOUT ROWID
"""


class StateError(Exception):
    """The state database cannot be used; the message says which file and why."""


@dataclass(frozen=True)
class Row:
    path: str
    size: int
    mtime_ns: int
    sha256: str | None
    fingerprint: str
    output: str | None
    status: str
    error: str | None = None
    duration: float | None = None


def fingerprint(**options: object) -> str:
    """A short hash of everything that changes the output besides the input itself."""
    blob = json.dumps(options, sort_keys=True, default=list).encode()
    return hashlib.sha256(blob).hexdigest()[:16]


def code_digest(root: str | os.PathLike[str] | None = None) -> str:
    """A hash of the package's own code (every ``.py`` and ``.json`` under ``root``, by default
    the installed ``clipclean``), so that outputs made by other code are redone even when the
    version number did not change (an editable install, a patched copy)."""
    base = Path(root) if root is not None else Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for f in sorted(p for p in base.rglob("*") if p.suffix in (".py", ".json") and p.is_file()):
        h.update(f.relative_to(base).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _b(path: str | None) -> bytes | None:
    return None if path is None else os.fsencode(path)


def _s(blob: bytes | None) -> str | None:
    return None if blob is None else os.fsdecode(blob)


class State:
    """The SQLite file (WAL mode) holding one :class:`Row` per input."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, SCHEMA_VERSION):  # an unknown layout: start afresh
                self.db.execute("DROP TABLE IF EXISTS inputs")
            self.db.execute(_SCHEMA)
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StateError(
                f"{self.path}: unusable state database ({exc}); move it away to start afresh"
            ) from None
        self._pending = 0
        self.db.execute("BEGIN")

    def rows(self) -> dict[str, Row]:
        """Every row, by input path: one query, so a no-op run stays fast."""
        cur = self.db.execute(
            "SELECT path, size, mtime_ns, sha256, fingerprint, output, status, error, duration"
            " FROM inputs"
        )
        return {
            os.fsdecode(r[0]): Row(os.fsdecode(r[0]), r[1], r[2], r[3], r[4], _s(r[5]), *r[6:])
            for r in cur
        }

    def put(self, row: Row) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _b(row.path),
                row.size,
                row.mtime_ns,
                row.sha256,
                row.fingerprint,
                _b(row.output),
                row.status,
                row.error,
                row.duration,
                time.time(),
            ),
        )
        self._tick()

    def touch(self, path: str, size: int, mtime_ns: int) -> None:
        """Same content under a new size/mtime (the file was copied or touched)."""
        self.db.execute(
            "UPDATE inputs SET size = ?, mtime_ns = ? WHERE path = ?",
            (size, mtime_ns, _b(path)),
        )
        self._tick()

    def forget(self, paths: Iterable[str]) -> None:
        self.db.executemany("DELETE FROM inputs WHERE path = ?", ((_b(p),) for p in paths))
        self._tick()

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= 200:
            self.commit()

    def commit(self) -> None:
        """Make everything so far durable (called often, and always before exit)."""
        self.db.execute("COMMIT")
        self.db.execute("BEGIN")
        self._pending = 0

    def close(self) -> None:
        self.db.execute("COMMIT")
        self.db.close()
