"""The incremental state: one SQLite row per input saying what was made of it, from what.

A row is written only after its output is in place, so the state never claims an output that
does not exist; a crash between the two only means the document is done again. Paths are
stored as bytes (``os.fsencode``) because file names need not be valid UTF-8.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SCHEMA_VERSION = 2
#: Marks the file as clipclean's (``PRAGMA application_id``): "clip".
APPLICATION_ID = 0x636C6970

#: Every status an input can have (the CHECK below); "empty": cleaned, but no article text.
STATUSES = ("done", "rejected", "empty", "failed")

_SCHEMA = """
CREATE TABLE inputs (
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
    updated     REAL NOT NULL,      -- unix time of this row
    out_size    INTEGER,            -- the output as written: another size or mtime means it was
    out_mtime_ns INTEGER,           -- damaged or replaced since, and it is made again
    pending     INTEGER NOT NULL DEFAULT 0  -- done, its JSON line not yet in a published file
) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
-- one row per finished run: what ``clipclean status`` shows, and the failures a ``--quiet``
-- run compares with to print only what is new
CREATE TABLE runs (
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
);
"""
_TABLES = {"inputs", "meta", "runs"}
_V1 = ["path", "size", "mtime_ns", "sha256", "fingerprint", "output", "status", "error"]
_V1 += ["duration", "updated"]
_V2 = [*_V1, "out_size", "out_mtime_ns", "pending"]
#: Version 1 -> 2: the inputs table is rebuilt (its CHECK gains "empty"), its rows kept.
_MIGRATE_V1 = f"""
ALTER TABLE inputs RENAME TO inputs_v1;
{_SCHEMA}
INSERT INTO inputs ({", ".join(_V1)}) SELECT {", ".join(_V1)} FROM inputs_v1;
DROP TABLE inputs_v1;
"""
#: Runs kept in the table (a cron job every 10 minutes adds 52,000 a year).
KEEP_RUNS = 100


class StateError(Exception):
    """The state database cannot be used; the message says which file, why, and what to do."""


class NotOwner(Exception):
    """OUT_DIR was made from another input folder (and ``rehome`` was not given)."""


class _Damaged(Exception):
    """Not a usable clipclean state: set it aside and start a new one."""


#: SQLite result codes that mean the file itself is bad (not the disk, not the permissions).
_DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def _explain(exc: sqlite3.Error, folder: Path) -> str:
    """A one-line cause with advice that works, for an SQLite error that is not damage."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith("SQLITE_FULL") or "disk is full" in str(exc):
        return f"{exc}: free some space; the next run completes the work"
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return f"{exc}: check that this user may write {folder} and the files in it"
    if name.startswith(_DAMAGE):
        return f"damaged ({exc}); the next run sets it aside and starts a new one"
    return str(exc)


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
    out_size: int | None = None
    out_mtime_ns: int | None = None
    pending: bool = False


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
        "SELECT path, size, mtime_ns, sha256, fingerprint, output, status, error, duration,"
        " out_size, out_mtime_ns, pending FROM inputs"
    )
    return {
        os.fsdecode(r[0]): Row(
            os.fsdecode(r[0]),
            r[1],
            r[2],
            r[3],
            r[4],
            _s(r[5]),
            r[6],
            r[7],
            r[8],
            r[9],
            r[10],
            bool(r[11]),
        )
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
    """The SQLite file (WAL mode) holding one :class:`Row` per input, and the run's facts
    (``meta``: the input folder, whether the last run ended cleanly).

    The outputs are the truth and the state is a record of work done: a file that is damaged
    or not clipclean's is set aside (``state.sqlite.broken-<time>``, with its -wal and -shm)
    and a new one started, which only means every input is done again; :attr:`notes` says so.
    Opening (only under the run's lock) reads every row once, and checks the file's integrity
    when the previous run did not end cleanly.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.notes: list[str] = []
        self._rows: dict[str, Row] = {}
        #: The previous run ended normally: it left no temp file behind.
        self.clean_before = False
        self._pending = 0
        self._failed = False
        self._check_writable()
        try:
            self._open()
        except _Damaged as why:
            self._set_aside(str(why))
            self._open()

    def _error(self, exc: sqlite3.Error) -> StateError:
        self._failed = True  # the run does not end cleanly: the next one checks the file
        return StateError(f"{self.path}: {_explain(exc, self.path.parent)}")

    def _check_writable(self) -> None:
        """Permission problems named before SQLite opens anything: a connection to a file it
        may not write would leave a -shm behind that breaks every later run."""
        folder = self.path.parent
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StateError(f"{folder}: not writable: give this user write access to it")
        for f in (self.path, Path(f"{self.path}-wal")):
            if f.exists() and not os.access(f, os.W_OK):
                raise StateError(f"{f}: not writable: make it writable (chmod u+w) or remove it")
        shm = Path(f"{self.path}-shm")
        if shm.exists() and not os.access(shm, os.W_OK):  # an index of the WAL, remade at once
            with contextlib.suppress(OSError):
                shm.unlink()

    def _open(self) -> None:
        try:
            self.db = sqlite3.connect(self.path, timeout=5, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            self._layout()
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            last = self._meta("run")
            self.clean_before = last == b"clean"
            if not self.clean_before:
                check = self.db.execute("PRAGMA quick_check").fetchone()[0]
                if check != "ok":
                    raise _Damaged(f"integrity check: {check}")
            self._rows = self._load()
            self._set_meta("run", b"running")
            self.db.execute("BEGIN")
        except sqlite3.Error as exc:
            self.db.close()
            if getattr(exc, "sqlite_errorname", "").startswith(_DAMAGE):
                raise _Damaged(str(exc)) from None
            raise self._error(exc) from None
        except _Damaged:
            self.db.close()
            raise

    def _layout(self) -> None:
        """Make a new file clipclean's, bring a version 1 file up to date, refuse the rest."""
        db = self.db
        app = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}

        def columns(table: str) -> list[str]:
            return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]

        if not tables and version == 0 and app == 0:
            script = _SCHEMA
        elif app in (0, APPLICATION_ID) and version == 1 and tables == {"inputs"}:
            if columns("inputs") != _V1:
                raise _Damaged("not a clipclean state database")
            script = _MIGRATE_V1
        elif (app, version, tables) == (APPLICATION_ID, SCHEMA_VERSION, _TABLES):
            if columns("inputs") != _V2 or columns("meta") != ["key", "value"]:
                raise _Damaged("not a clipclean state database")
            return
        else:
            raise _Damaged(
                "not a clipclean state database"
                if app != APPLICATION_ID
                else f"made by another clipclean version (layout {version})"
            )
        db.executescript(
            f"BEGIN; {script}; PRAGMA application_id={APPLICATION_ID};"
            f" PRAGMA user_version={SCHEMA_VERSION}; COMMIT;"
        )

    def _set_aside(self, why: str) -> None:
        """Rename the file (and its -wal/-shm, so it stays readable) out of the way."""
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        aside = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.broken-{stamp}-{n}")
        try:
            for suffix in ("-wal", "-shm", ""):  # the main file last: a retry finds it again
                with contextlib.suppress(FileNotFoundError):
                    os.rename(f"{self.path}{suffix}", f"{aside}{suffix}")
        except OSError as exc:
            raise StateError(
                f"{self.path}: damaged state ({why}) that cannot be set aside ({exc.strerror}): "
                "move it away"
            ) from None
        self.notes.append(
            f"{self.path}: damaged state ({why}): set aside as {aside.name}, a new one started "
            "(every input is done again)"
        )

    def _meta(self, key: str) -> bytes | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def _set_meta(self, key: str, value: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _load(self) -> dict[str, Row]:
        return _rows(self.db)

    def rows(self) -> dict[str, Row]:
        """Every row, by input path (read once, when the state was opened)."""
        return self._rows

    def last_run(self) -> RunRecord | None:
        """The previous finished run, if any."""
        try:
            return _last_run(self.db)
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def add_run(self, run: RunRecord) -> None:
        """Record a finished run (committed with the rest by the next commit or close)."""
        self._run(
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
        self._run("DELETE FROM runs WHERE id <= (SELECT max(id) FROM runs) - ?", (KEEP_RUNS,))

    def own(self, in_dir: str, out_dir: str, rehome: bool = False) -> None:
        """Record ``in_dir`` as the folder OUT_DIR is made from, or refuse another one
        (:class:`NotOwner`) unless ``rehome``: same-named outputs of two input folders would
        replace each other, and --prune would delete the first one's."""
        mine = os.fsencode(os.path.realpath(in_dir))
        try:
            recorded = self._meta("in_dir")
            if recorded is not None and recorded != mine and not rehome:
                raise NotOwner(
                    f"{out_dir}: holds the outputs of {os.fsdecode(recorded)}, not of "
                    f"{os.fsdecode(mine)}; give --rehome to make it the output folder of "
                    f"{os.fsdecode(mine)}"
                )
            if recorded != mine:
                self._set_meta("in_dir", mine)
                self.commit()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def put(self, row: Row) -> None:
        self._run(
            "INSERT OR REPLACE INTO inputs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                row.out_size,
                row.out_mtime_ns,
                int(row.pending),
            ),
        )

    def touch(self, path: str, size: int, mtime_ns: int) -> None:
        """Same content under a new size/mtime (the file was copied or touched)."""
        self._run(
            "UPDATE inputs SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime_ns, _b(path))
        )

    def forget(self, paths: Iterable[str]) -> None:
        try:
            self.db.executemany("DELETE FROM inputs WHERE path = ?", ((_b(p),) for p in paths))
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        self._tick()

    def delivered(self) -> None:
        """The JSON Lines file holding this run's documents is published."""
        self._run("UPDATE inputs SET pending = 0 WHERE pending != 0", ())

    def _run(self, sql: str, args: tuple[object, ...]) -> None:
        try:
            self.db.execute(sql, args)
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        self._tick()

    def _tick(self) -> None:
        self._pending += 1
        if self._pending >= 200:
            self.commit()

    def commit(self) -> None:
        """Make everything so far durable (called often, and always before exit). On failure
        (a full disk) the rows since the last commit are dropped: their outputs exist, so the
        next run only does those documents again."""
        try:
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("BEGIN")
            raise self._error(exc) from None
        self.db.execute("BEGIN")
        self._pending = 0

    def close(self) -> None:
        """Commit and mark the run as ended cleanly; the file is closed whatever happens."""
        try:
            self.db.execute("COMMIT")
            if not self._failed:
                self._set_meta("run", b"clean")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        finally:
            self.db.close()
