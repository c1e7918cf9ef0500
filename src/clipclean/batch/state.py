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

SCHEMA_VERSION = 2

#: Every status an input can have (the CHECK below); "empty": cleaned, but no article text.
STATUSES = ("done", "rejected", "empty", "failed")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS inputs (
    path        BLOB PRIMARY KEY,   -- relative to the input folder
    size        INTEGER NOT NULL,
    mtime_ns    INTEGER NOT NULL,
    sha256      TEXT,
    fingerprint TEXT NOT NULL,      -- clipclean version + options that shape the output
    output      BLOB,               -- relative to the output folder (an older one when failed)
    -- done; rejected: the input cannot be cleaned (tried again once it changes);
    -- empty: no article text found (like rejected, counted apart);
    -- failed: timeout, memory limit, crash, unreadable, unwritable (tried again next run)
    status      TEXT NOT NULL CHECK (status IN ('done', 'rejected', 'empty', 'failed')),
    error       TEXT,
    duration    REAL,               -- seconds spent on the document
    updated     REAL NOT NULL       -- unix time of this row
) WITHOUT ROWID
"""

#: One row per finished run (schema 2): what ``clipclean status`` shows, and the failures a
#: ``--quiet`` run compares with to print only what is new.
_RUNS = """
CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY,
    started     REAL NOT NULL,      -- unix time
    finished    REAL NOT NULL,
    in_dir      BLOB NOT NULL,      -- absolute
    include     TEXT NOT NULL,      -- JSON list of globs
    exclude     TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    processed   INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    failed      INTEGER NOT NULL,
    empty       INTEGER NOT NULL,
    failures    TEXT NOT NULL,      -- JSON list of [path, cause], failed and empty alike
    signum      INTEGER             -- the signal that stopped it, if one did
)
"""

#: Runs kept in the table (a cron job every 10 minutes adds 52,000 a year).
KEEP_RUNS = 100

#: Schema 1 -> 2: the inputs table gains the "empty" status (a CHECK is rebuilt, rows kept).
_MIGRATE_1 = (
    "ALTER TABLE inputs RENAME TO inputs_v1",
    _SCHEMA,
    "INSERT INTO inputs SELECT * FROM inputs_v1",
    "DROP TABLE inputs_v1",
)


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


@dataclass(frozen=True)
class RunRecord:
    """One finished run, as the ``runs`` table keeps it."""

    started: float
    finished: float
    in_dir: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    fingerprint: str
    processed: int
    unchanged: int
    failed: int
    empty: int
    failures: tuple[tuple[str, str], ...]  # (path, cause), failed and empty inputs alike
    signum: int | None = None


def _rows(db: sqlite3.Connection) -> dict[str, Row]:
    cur = db.execute(
        "SELECT path, size, mtime_ns, sha256, fingerprint, output, status, error, duration"
        " FROM inputs"
    )
    return {
        os.fsdecode(r[0]): Row(os.fsdecode(r[0]), r[1], r[2], r[3], r[4], _s(r[5]), *r[6:])
        for r in cur
    }


def _last_run(db: sqlite3.Connection) -> RunRecord | None:
    r = db.execute(
        "SELECT started, finished, in_dir, include, exclude, fingerprint, processed, unchanged,"
        " failed, empty, failures, signum FROM runs ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if r is None:
        return None
    failures = tuple((str(p), str(c)) for p, c in json.loads(r[10]))
    include, exclude = tuple(json.loads(r[3])), tuple(json.loads(r[4]))
    fp, processed, unchanged, failed, empty = r[5:10]
    return RunRecord(
        r[0],
        r[1],
        os.fsdecode(r[2]),
        include,
        exclude,
        fp,
        processed,
        unchanged,
        failed,
        empty,
        failures,
        r[11],
    )


def read_state(path: str | os.PathLike[str]) -> tuple[dict[str, Row], RunRecord | None]:
    """Every row and the last run, read-only (a run in progress is not disturbed, nor is a
    state of another schema changed). Raises :class:`StateError`."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    try:
        db = sqlite3.connect(uri, uri=True, timeout=5)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                raise StateError(
                    f"{path}: state of another clipclean version (schema {version}); "
                    "a batch run brings it up to date"
                )
            return _rows(db), _last_run(db)
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise StateError(f"{path}: unusable state database ({exc})") from None


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
            if version == 1:
                with self.db:
                    self.db.execute("BEGIN")
                    for statement in _MIGRATE_1:
                        self.db.execute(statement)
            elif version not in (0, SCHEMA_VERSION):  # an unknown layout: start afresh
                self.db.execute("DROP TABLE IF EXISTS inputs")
            self.db.execute(_SCHEMA)
            self.db.execute(_RUNS)
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StateError(
                f"{self.path}: unusable state database ({exc}); move it away to start afresh"
            ) from None
        self._pending = 0
        self.db.execute("BEGIN")

    def rows(self) -> dict[str, Row]:
        """Every row, by input path: one query, so a no-op run stays fast."""
        return _rows(self.db)

    def last_run(self) -> RunRecord | None:
        return _last_run(self.db)

    def add_run(self, run: RunRecord) -> None:
        """Record a finished run (committed with the rest by the next commit or close)."""
        self.db.execute(
            "INSERT INTO runs (started, finished, in_dir, include, exclude, fingerprint,"
            " processed, unchanged, failed, empty, failures, signum)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                run.started,
                run.finished,
                os.fsencode(run.in_dir),
                json.dumps(list(run.include)),
                json.dumps(list(run.exclude)),
                run.fingerprint,
                run.processed,
                run.unchanged,
                run.failed,
                run.empty,
                json.dumps([list(f) for f in run.failures]),  # (\uXXXX: names need not be UTF-8)
                run.signum,
            ),
        )
        self.db.execute("DELETE FROM runs WHERE id <= (SELECT max(id) FROM runs) - ?", (KEEP_RUNS,))
        self._tick()

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
