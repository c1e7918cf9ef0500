"""A batch run from start to end: lock, walk, decide what changed, clean in parallel, record.

Order of writes for each document: output file (atomically), then its state row. The state
is committed at least every second and before returning, whatever stopped the run.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import cause
from ..files import atomic_write
from ..pipeline import check_stage_names
from ..read import MAX_BYTES
from ..stages import ORDER
from . import archives, work
from .archives import Archives, RecordJob
from .executor import Executor, make_executor
from .lock import hold_lock
from .names import DEFAULT_INCLUDE, OUTPUT_SUFFIXES, output_suffix, plan_outputs
from .pool import Done, default_jobs
from .state import Row, State, code_digest, fingerprint
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
    scheduler: str | None = None  # a Dask scheduler's address: clean on its workers


@dataclass
class Summary:
    processed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (rel, cause)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (rel, why)
    gone: int = 0  # inputs recorded earlier and no longer there (outputs kept)
    pruned: int = 0  # ... whose outputs --prune removed
    not_done: int = 0  # left for the next run by an interruption
    elapsed: float = 0.0
    signum: int | None = None
    peak_rss_kb: dict[int, int] = field(default_factory=dict)  # per worker pid


class Reporter:
    """Hooks for progress and messages; the default says nothing (library use)."""

    def note(self, rel: str, message: str) -> None: ...
    def start(self, total: int, unchanged: int) -> None: ...
    def advance(self, rel: str, error: str | None, done: Done) -> None: ...
    def more(self, n: int) -> None: ...  # n more to do than announced (an archive's pages)
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
) -> Summary:
    """Clean every new or changed input of ``config.in_dir``.

    ``jsonl`` receives one JSON line per cleaned document; ``stop`` ends the run at a
    document boundary; ``process`` is the per-document function run in the workers (a
    top-level function, so it can be sent to them). Raises :class:`BatchError`,
    :class:`~clipclean.batch.lock.Locked` or :class:`~clipclean.batch.state.StateError`.
    """
    _check(config)
    start = time.perf_counter()
    memory = config.memory_mb * 2**20 if config.memory_mb else None
    executor = make_executor(
        config.scheduler, jobs=config.jobs, timeout=config.timeout, memory_bytes=memory
    )
    run = _Run(config, jsonl, reporter or Reporter(), stop or Stop(), process, executor)
    try:
        if config.out_dir is None:
            run.go(None)
        else:
            meta = Path(config.out_dir) / STATE_DIR
            meta.mkdir(parents=True, exist_ok=True)
            with hold_lock(meta / "lock"):
                state = State(meta / "state.sqlite")
                try:
                    run.go(state)
                finally:
                    state.close()
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
        )
        self.rows: dict[str, Row] = {}
        self.plan: dict[str, str] = {}
        self.planned: set[str] = set()
        self.made_dirs: set[Path] = set()

    def go(self, state: State | None) -> None:
        """Walk, decide what to do, do it."""
        cfg = self.config
        skip_dirs = []
        if self.out is not None and self.out.exists():
            st = self.out.stat()
            skip_dirs.append((st.st_dev, st.st_ino))
        found = walk(cfg.in_dir, cfg.include, cfg.exclude, skip_dirs, lambda: self.stop.requested)
        self.summary.skipped, self.summary.failed = found.notes, list(found.errors)
        for rel, why in found.notes:
            self.reporter.note(rel, why)
        todo = found.entries if state is None else self._plan(found, state)
        self.reporter.start(len(todo), self.summary.unchanged)
        self._dispatch(todo, state)
        self.summary.signum = self.stop.signum

    def _plan(self, found: Walk, state: State) -> list[Entry]:
        """The inputs to do; counts the unchanged ones and lists those that failed before."""
        self.rows = state.rows()
        fmt = self.config.fmt
        self.plan = plan_outputs((e.rel for e in found.entries), lambda r: output_suffix(r, fmt))
        self.planned = set(self.plan.values())
        todo = []
        for e in found.entries:
            verdict = self._decide(e, state)
            if verdict == "todo":
                todo.append(e)
            elif verdict == "unchanged":
                self.summary.unchanged += 1
            else:
                cause = f"{self.rows[e.rel].error} (as before; the input has not changed)"
                self.summary.failed.append((e.rel, cause))
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
        )
        entries = {e.rel: e for e in todo}
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
                state.commit()
                last_commit = time.monotonic()
        finished += self._record_archives(pages, state)
        self.summary.not_done = len(todo) - finished

    def _record_archives(self, pages: Archives, state: State | None) -> int:
        """Record the archives whose every page is back; how many there were."""
        n = 0
        while pages.ready:
            a = pages.ready.popleft()
            self._record(a.done(self.config.fmt if state else None), a.entry, state, not a.pages)
            n += 1
        return n

    def _decide(self, e: Entry, state: State) -> str:
        """ "todo", "unchanged", or "rejected" (an input that could not be cleaned and has not
        changed since). Unchanged means same options, same content (by size+mtime, or by hash
        when only those moved: a touch or a copy) and, when done, the output still there."""
        row = self.rows.get(e.rel)
        if self.config.force or row is None or row.fingerprint != self.fingerprint:
            return "todo"
        if row.status == "done":
            out = self.plan[e.rel]
            if row.output != out or not os.path.isfile(self.out / out):  # type: ignore[operator]
                return "todo"
        elif row.status != "rejected":
            return "todo"
        if (row.size, row.mtime_ns) != (e.size, e.mtime_ns):
            if row.size != e.size or sha256_file(e.path) != row.sha256:
                return "todo"
            state.touch(e.rel, e.size, e.mtime_ns)
        return "unchanged" if row.status == "done" else "rejected"

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
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.out / output)  # type: ignore[operator]
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
        if self.out is not None and not done.error and res is not None and res.text is not None:
            output = self.plan[e.rel]
            error = self._write(output, res.text) or error
        written = error is None or (res is not None and res.error == error)
        if self.jsonl is not None and res is not None and res.line is not None and written:
            self.jsonl(res.line)
        if error is None:
            assert res is not None
            stale = previous.output if previous else None
            if stale not in (None, output) and stale not in self.planned:
                with contextlib.suppress(OSError):
                    os.unlink(self.out / stale)  # type: ignore[operator]
            row = Row(e.rel, res.size, res.mtime_ns, res.sha256, fp, output, "done", None, took)
            self.summary.processed += 1
        else:
            # The input's own fault is remembered until it changes; anything else is retried.
            status = "rejected" if res and res.error and not res.retry else "failed"
            rejected = res if status == "rejected" else None
            size, mtime = (rejected.size, rejected.mtime_ns) if rejected else (e.size, e.mtime_ns)
            sha = res.sha256 if res else None
            row = Row(e.rel, size, mtime, sha, fp, output, status, error, took)
            self.summary.failed.append((e.rel, error))
        if state is not None:
            state.put(row)
        if advance:
            self.reporter.advance(e.rel, error, done)

    def _write(self, output: str, text: str) -> str | None:
        """Write one output atomically; the one-line cause when that fails."""
        path = self.out / output  # type: ignore[operator]
        try:
            if path.parent not in self.made_dirs:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.made_dirs.add(path.parent)
            atomic_write(path, text)
        except OSError as exc:
            return f"cannot write {output}: {cause(exc)}"
        return None


def exit_status(summary: Summary) -> int:
    """The exit status a run earns: 128+signal when interrupted, 1 with failures, else 0."""
    if summary.signum:
        return 128 + summary.signum
    return 1 if summary.failed else 0
