"""A batch run from start to end: lock, walk, decide what changed, clean in parallel, record.

Order of writes for each document: output file (atomically), then its state row. The state
is committed at least every second and before returning, whatever stopped the run.
"""

from __future__ import annotations

import dataclasses
import errno
import functools
import hashlib
import itertools
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import cause
from ..files import sweep_temps, unlink_inside, write_inside
from ..pipeline import check_stage_names
from ..read import MAX_BYTES
from ..stages import ORDER
from . import archives, work
from .archives import Archives, RecordJob
from .executor import Executor, make_executor
from .lock import hold_lock
from .names import (
    ARCHIVE_OUTPUT_SUFFIXES,
    DEFAULT_INCLUDE,
    OUTPUT_SUFFIXES,
    output_suffix,
    plan_outputs,
)
from .pool import Done, default_jobs
from .state import Row, RunRecord, State, StateError, code_digest, fingerprint
from .stop import Stop
from .walk import Entry, Walk, walk

STATE_DIR = ".clipclean"


class BatchError(ValueError):
    """Options that cannot work together (a usage error)."""


@dataclass(frozen=True)
class BatchConfig:
    """Everything a run needs; ``out_dir`` None means JSON Lines only (no state, no lock)."""

    in_dir: str
    out_dir: str | None
    fmt: str = "json"
    jobs: int = field(default_factory=default_jobs)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    timeout: float = 30.0
    memory_mb: int | None = 2048
    force: bool = False
    prune: bool = False
    skip_stages: tuple[str, ...] = ()
    max_bytes: int = MAX_BYTES  # per input, as read (and again once decompressed)
    allow_empty: bool = False  # an article without body text is an output, not an error
    retry_failed: bool = False  # redo only the inputs that failed, rejected or were empty
    rehome: bool = False  # OUT_DIR was made from another IN_DIR: make it this one's
    scheduler: str | None = None  # a Dask scheduler's address: clean on its workers


@dataclass
class Summary:
    processed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (rel, cause)
    empty: list[tuple[str, str]] = field(default_factory=list)  # (rel, cause): no article text
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (rel, why)
    unselected: int = 0  # regular files no include glob selects
    #: Failed or empty inputs not tried again: they and their options have not changed.
    as_before: set[str] = field(default_factory=set)
    #: Failed or empty inputs listed by the last run with the same cause (not news for cron).
    repeated: set[str] = field(default_factory=set)
    waiting: int = 0  # new or changed inputs that --retry-failed left alone
    gone: int = 0  # inputs recorded earlier and no longer there (outputs kept)
    pruned: int = 0  # ... whose outputs --prune removed
    not_done: int = 0  # left for the next run by an interruption
    elapsed: float = 0.0
    signum: int | None = None
    peak_rss_kb: dict[int, int] = field(default_factory=dict)  # per worker pid
    halted: str | None = None  # a fault that stopped the run early (a full disk)


class Reporter:
    """Hooks for progress and messages; the default says nothing (library use)."""

    def note(self, rel: str, message: str) -> None: ...
    def warn(self, message: str) -> None: ...
    def start(self, total: int, unchanged: int) -> None: ...
    def more(self, n: int) -> None: ...  # n more to do than announced (an archive's pages)
    def advance(self, rel: str, error: str | None, done: Done) -> None: ...
    def finish(self, summary: Summary) -> None: ...


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def _check(config: BatchConfig) -> None:
    if not os.path.isdir(config.in_dir):
        raise BatchError(f"{config.in_dir}: not a folder")
    if config.fmt not in OUTPUT_SUFFIXES:
        raise BatchError(f"unknown format {config.fmt!r}")
    if config.jobs < 1 or config.timeout <= 0:
        raise BatchError("--jobs and --timeout must be positive")
    check_stage_names(config.skip_stages)
    if config.out_dir is not None:
        src, dst = Path(config.in_dir).resolve(), Path(config.out_dir).resolve()
        if _inside(src, dst):
            raise BatchError("the input folder must not be the output folder or inside it")


def run_batch(
    config: BatchConfig,
    *,
    jsonl: Callable[[str], None] | None = None,
    reporter: Reporter | None = None,
    stop: Stop | None = None,
    process: Callable[[work.Job], work.Result] = work.process,
    publish: Callable[[], None] | None = None,
) -> Summary:
    """Clean every new or changed input of ``config.in_dir``.

    ``jsonl`` receives one JSON line per cleaned document; ``stop`` ends the run at a
    document boundary; ``process`` is the per-document function run in the workers (a
    top-level function, so it can be sent to them). ``publish``, when given, makes the lines
    sent to ``jsonl`` durable (renames the JSON Lines file into place): until it has returned,
    the state keeps those documents as not delivered, and a run killed before redoes them.
    Raises :class:`BatchError`, :class:`~clipclean.batch.lock.Locked`,
    :class:`~clipclean.batch.state.NotOwner` or :class:`~clipclean.batch.state.StateError`
    (the state cannot be opened); a fault met later stops the run (``Summary.halted``).
    """
    _check(config)
    start = time.perf_counter()
    memory = config.memory_mb * 2**20 if config.memory_mb else None
    executor = make_executor(
        config.scheduler, jobs=config.jobs, timeout=config.timeout, memory_bytes=memory
    )
    run = _Run(config, jsonl, reporter or Reporter(), stop or Stop(), process, executor)
    run.deferred = jsonl is not None and publish is not None
    try:
        if config.out_dir is None:
            run.go(None)
            if publish is not None:
                publish()
        else:
            meta = Path(config.out_dir) / STATE_DIR
            meta.mkdir(parents=True, exist_ok=True)
            with hold_lock(meta / "lock"):
                state = State(meta / "state.sqlite")
                for note in state.notes:
                    run.reporter.warn(note)
                try:
                    state.own(config.in_dir, config.out_dir, config.rehome)
                    if not state.clean_before:
                        run.sweep()
                    run.go(state)
                    if publish is not None:
                        publish()
                        state.delivered()
                except StateError as exc:
                    run.halt(str(exc))
                finally:
                    try:
                        state.close()
                    except StateError as exc:
                        run.halt(str(exc))
    finally:
        executor.close()
    run.summary.elapsed = time.perf_counter() - start
    run.reporter.finish(run.summary)
    return run.summary


def sha256_file(path: str) -> str | None:
    """The file's sha256 (read-only, like the workers), or None when it cannot be read."""
    try:
        fd = os.open(path, work.OPEN_FLAGS)
        digest = hashlib.sha256()
        with os.fdopen(fd, "rb") as f:
            while chunk := f.read(1 << 20):
                digest.update(chunk)
        return digest.hexdigest()
    except OSError:
        return None


class _Run:
    def __init__(
        self,
        config: BatchConfig,
        jsonl: Callable[[str], None] | None,
        reporter: Reporter,
        stop: Stop,
        process: Callable[[work.Job], work.Result],
        executor: Executor,
    ) -> None:
        self.config, self.jsonl, self.reporter, self.stop = config, jsonl, reporter, stop
        self.process, self.executor = process, executor
        self.summary = Summary()
        self.out = Path(config.out_dir) if config.out_dir is not None else None
        self.fingerprint = fingerprint(
            version=__version__,
            code=code_digest(),
            format=config.fmt,
            skip=sorted(config.skip_stages),
            max_bytes=config.max_bytes,
            stages=[s.name for s in ORDER],
            allow_empty=config.allow_empty,
        )
        self.rows: dict[str, Row] = {}
        self.plan: dict[str, str] = {}
        self.planned: set[str] = set()
        self.started = time.time()
        self.order: dict[str, int] = {}  # input order of the JSON Lines
        self.lines: dict[int, str | None] = {}  # JSON lines done out of order, by position
        self.next_line = 0
        self.deferred = False  # JSON lines become durable only when the run ends

    def halt(self, cause: str) -> None:
        """Stop at a document boundary for a fault that makes going on pointless."""
        if self.summary.halted is None:
            self.summary.halted = cause
        self.stop.halt()

    def sweep(self) -> None:
        """Remove the temp files a killed run left in OUT_DIR (clipclean's own names only)."""
        removed = sweep_temps(
            self.out,  # type: ignore[arg-type]
            recursive=True,
            skip=(STATE_DIR,),
            legacy_suffixes=(*OUTPUT_SUFFIXES.values(), *ARCHIVE_OUTPUT_SUFFIXES.values()),
        )
        if removed:
            self.reporter.note(str(self.out), f"removed {removed} temp files a killed run left")

    def go(self, state: State | None) -> None:
        """Walk, decide what to do, do it."""
        cfg = self.config
        skip_dirs = []
        if self.out is not None and self.out.exists():
            st = self.out.stat()
            skip_dirs.append((st.st_dev, st.st_ino))
        found = walk(cfg.in_dir, cfg.include, cfg.exclude, skip_dirs, lambda: self.stop.requested)
        self.summary.skipped, self.summary.failed = found.notes, list(found.errors)
        self.summary.unselected = found.unselected
        for rel, why in found.notes:
            self.reporter.note(rel, why)
        todo = found.entries if state is None else self._plan(found, state)
        self.reporter.start(len(todo), self.summary.unchanged)
        self._dispatch(todo, state)
        self.summary.signum = self.stop.signum
        if state is not None:
            self._remember(state)

    def _remember(self, state: State) -> None:
        """Mark the failures the last run listed too, and record this run."""
        s, cfg = self.summary, self.config
        last = state.last_run()
        if last is not None:
            before = set(last.failures)
        else:  # the first run of this schema: the rows say what failed before
            before = {(r.path, r.error or "") for r in self.rows.values() if r.status != "done"}
        failures = [*s.failed, *s.empty]
        s.repeated = {rel for rel, cause in failures if (rel, cause) in before}
        state.add_run(
            RunRecord(
                started=self.started,
                finished=time.time(),
                in_dir=os.path.abspath(cfg.in_dir),
                include=cfg.include,
                exclude=cfg.exclude,
                fingerprint=self.fingerprint,
                processed=s.processed,
                unchanged=s.unchanged,
                failed=len(s.failed),
                empty=len(s.empty),
                failures=tuple(failures),
                signum=s.signum,
            )
        )

    def _plan(self, found: Walk, state: State) -> list[Entry]:
        """The inputs to do; counts the unchanged ones and lists those that failed before."""
        self.rows = state.rows()
        fmt = self.config.fmt
        self.plan = plan_outputs((e.rel for e in found.entries), lambda r: output_suffix(r, fmt))
        self.planned = set(self.plan.values())
        todo = []
        for e in found.entries:
            verdict = self._decide(e, state)
            if self.config.retry_failed:
                row = self.rows.get(e.rel)
                if row is not None and row.status != "done":
                    verdict = "todo"
                elif verdict == "todo":
                    self.summary.waiting += 1
                    continue
            if verdict == "todo":
                todo.append(e)
            elif verdict == "unchanged":
                self.summary.unchanged += 1
            else:
                listed = self.summary.empty if verdict == "empty" else self.summary.failed
                listed.append((e.rel, self.rows[e.rel].error or ""))
                self.summary.as_before.add(e.rel)
        if not found.errors and not self.stop.requested:  # a partial walk proves nothing gone
            self._gone(state, {e.rel for e in found.entries})
        return todo

    def _dispatch(self, todo: list[Entry], state: State | None) -> None:
        """Run the workers over ``todo``, recording each document as it comes back."""
        cfg = self.config
        options = work.Options(
            fmt=cfg.fmt if state is not None else None,
            jsonl=self.jsonl is not None,
            skip_stages=cfg.skip_stages,
            max_bytes=cfg.max_bytes,
            allow_empty=cfg.allow_empty,
        )
        entries = {e.rel: e for e in todo}
        self.order = {e.rel: i for i, e in enumerate(todo)}
        pages = Archives(options, self.reporter.more)  # (an archive's pages are jobs)
        jobs = (
            pages.jobs(e) if archives.is_archive(e) else (work.Job(options, e.rel, e.path),)
            for e in todo
        )
        count = None if any(archives.is_archive(e) for e in todo) else len(todo)
        fn = functools.partial(archives.run_job, self.process)
        last_commit = time.monotonic()
        finished = 0
        for done in self.executor.run(fn, itertools.chain.from_iterable(jobs), self.stop, count):
            if done.pid:
                peaks = self.summary.peak_rss_kb
                peaks[done.pid] = max(peaks.get(done.pid, 0), done.maxrss_kb)
            if isinstance(done.job, RecordJob):
                self.reporter.advance(done.job.where, pages.take(done), done)
            else:
                finished += 1
                self._record(done, entries[done.job.rel], state)
            finished += self._record_archives(pages, state)
            if state is not None and time.monotonic() - last_commit > 1:
                last_commit = time.monotonic()
                try:
                    state.commit()
                except StateError as exc:
                    self.halt(str(exc))
        finished += self._record_archives(pages, state)
        self.summary.not_done = len(todo) - finished
        self._flush_lines(final=True)

    def _record_archives(self, pages: Archives, state: State | None) -> int:
        """Record the archives whose every page is back; how many there were."""
        n = 0
        while pages.ready:
            a = pages.ready.popleft()
            self._record(a.done(self.config.fmt if state else None), a.entry, state, not a.pages)
            n += 1
        return n

    def _emit_line(self, rel: str, line: str | None) -> None:
        """Hand JSON lines to ``jsonl`` in input order: a document done early waits for the
        ones before it (``line`` None: this one has no line, a failure)."""
        if self.jsonl is None:
            return
        self.lines[self.order[rel]] = line
        self._flush_lines()

    def _flush_lines(self, final: bool = False) -> None:
        """Pass on the lines whose turn has come; ``final``: all that are left, in order
        (a document abandoned by an urgent stop leaves a gap)."""
        if self.jsonl is None:
            return
        while self.next_line in self.lines or (final and self.lines):
            self.next_line = self.next_line if self.next_line in self.lines else min(self.lines)
            line = self.lines.pop(self.next_line)
            self.next_line += 1
            if line is not None:
                self.jsonl(line)

    def _decide(self, e: Entry, state: State) -> str:
        """ "todo", "unchanged", or "rejected"/"empty" (an input that could not be cleaned, or
        had no article text, and has not changed since). Unchanged means same options, same content (by size+mtime, or by hash
        when only those moved: a touch or a copy) and, when done, the output still there."""
        row = self.rows.get(e.rel)
        if self.config.force or row is None or row.fingerprint != self.fingerprint:
            return "todo"
        if row.status == "done":
            if row.output != self.plan[e.rel] or not self._intact(row):
                return "todo"
            if row.pending and self.jsonl is not None:  # its JSON line was never published
                return "todo"
        elif row.status not in ("rejected", "empty"):
            return "todo"
        if (row.size, row.mtime_ns) != (e.size, e.mtime_ns):
            if row.size != e.size or sha256_file(e.path) != row.sha256:
                return "todo"
            state.touch(e.rel, e.size, e.mtime_ns)
        return "unchanged" if row.status == "done" else row.status

    def _intact(self, row: Row) -> bool:
        """The output is there, as written: emptied, truncated or replaced, it is redone."""
        try:
            st = os.lstat(self.out / row.output)  # type: ignore[operator]
        except OSError:
            return False
        return stat.S_ISREG(st.st_mode) and (st.st_size, st.st_mtime_ns) == (
            row.out_size,
            row.out_mtime_ns,
        )

    def _gone(self, state: State, present: set[str]) -> None:
        """Inputs recorded before and missing now: outputs kept unless --prune."""
        gone = [rel for rel in self.rows if rel not in present]
        state.forget(rel for rel in gone if self.rows[rel].output is None)
        gone = [rel for rel in gone if self.rows[rel].output is not None]
        if not self.config.prune:
            self.summary.gone = len(gone)
            return
        for rel in gone:
            output = self.rows[rel].output
            if output and output not in self.planned:
                unlink_inside(self.out, output)  # type: ignore[arg-type]
        state.forget(gone)
        self.summary.pruned = len(gone)

    def _record(self, done: Done, e: Entry, state: State | None, advance: bool = True) -> None:
        """Write the output, then the state row. A result with both a text and an error (an
        archive damaged after some pages) has its text written and is recorded as failed."""
        res: work.Result | None = done.result
        error = done.error or (res.error if res else None) or (None if res else "no result")
        previous = self.rows.get(e.rel)
        fp, took = self.fingerprint, round(done.duration, 4)
        output = previous.output if previous else None
        written = (previous.out_size, previous.out_mtime_ns) if previous else (None, None)
        if self.out is not None and not done.error and res is not None and res.text is not None:
            output = self.plan[e.rel]
            write_error, st = self._write(output, res.text)
            error = write_error or error
            written = (st.st_size, st.st_mtime_ns) if st else (None, None)
        if res is not None and res.line is not None and (error is None or res.error == error):
            self._emit_line(e.rel, res.line)  # (the pages before an archive's damage too)
        else:
            self._emit_line(e.rel, None)
        if error is None:
            assert res is not None
            stale = previous.output if previous else None
            if stale not in (None, output) and stale not in self.planned:
                unlink_inside(self.out, stale)  # type: ignore[arg-type]
            size, mtime, sha = res.size, res.mtime_ns, res.sha256
            row = Row(e.rel, size, mtime, sha, fp, output, "done", None, took, *written)
            row = dataclasses.replace(row, pending=self.deferred)
            self.summary.processed += 1
        else:
            # The input's own fault is remembered until it changes; anything else is retried.
            status = "rejected" if res and res.error and not res.retry else "failed"
            if status == "rejected" and res and res.empty:
                status = "empty"
            rejected = res if status != "failed" else None
            size, mtime = (rejected.size, rejected.mtime_ns) if rejected else (e.size, e.mtime_ns)
            sha = res.sha256 if res else None
            row = Row(e.rel, size, mtime, sha, fp, output, status, error, took, *written)
            listed = self.summary.empty if status == "empty" else self.summary.failed
            listed.append((e.rel, error))
        if state is not None:
            try:
                state.put(row)
            except StateError as exc:  # the output is there: the next run only redoes it
                self.halt(str(exc))
        if advance:
            self.reporter.advance(e.rel, error, done)

    def _write(self, output: str, text: str) -> tuple[str | None, os.stat_result | None]:
        """Write one output atomically: (None, its stat), or (the one-line cause, None). A full
        disk stops the run: every later document would fail the same way."""
        try:
            return None, write_inside(self.out, output, text.encode("utf-8"))  # type: ignore[arg-type]
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                self.halt(
                    f"{self.out}: {cause(exc)}: free some space; the next run completes the work"
                )
            return f"cannot write {output}: {cause(exc)}", None


def exit_status(summary: Summary) -> int:
    """The exit status a run earns: 128+signal when interrupted, 1 when an input has no
    output (failed, or no article text), else 0."""
    if summary.signum:
        return 128 + summary.signum
    return 1 if summary.failed or summary.empty or summary.halted else 0
