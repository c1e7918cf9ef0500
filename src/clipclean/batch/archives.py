"""WARC/ARC archives as batch inputs: each archive's pages are cleaned in parallel across the
workers (one job per page, not one worker per archive), and the archive gets one output.

The coordinator reads an archive while the workers clean (jobs are taken from :meth:`Archives.
jobs` only as workers free up, so only the records in flight are in memory), hashes it on the
way, and puts the renderings back in record order once every page is back. The archive is then
recorded like any input: written atomically, one state row. A damaged archive keeps the pages
before the damage and is rejected (until it changes); a page that timed out or crashed its
worker makes the archive fail (redone next run).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import emit, warc
from ..errors import cause, shown_name
from ..read import InputError
from . import work
from .pool import Done
from .walk import Entry


@dataclass(frozen=True)
class RecordJob:
    """One page of an archive; ``error`` set: a page that cannot be taken (too large)."""

    options: work.Options
    rel: str  # the archive's
    seq: int  # the page's place among the archive's pages
    page: warc.Page | None
    error: str | None = None

    def shipped(self) -> RecordJob:
        return self  # (the bytes are in it already)

    @property
    def where(self) -> str:
        return f"{self.rel} at offset {self.page.offset if self.page else '?'}"


def run_job(process: Callable[[work.Job], work.Result], job: Any) -> work.Result:
    """What a worker does with a job of a run: a page of an archive, or an input file."""
    if isinstance(job, RecordJob):
        return clean_record(job)
    return process(job)


def clean_record(job: RecordJob) -> work.Result:
    """Clean and render one page (JSON as one JSON Lines record: an archive's output is .jsonl)."""
    opts = job.options
    if job.page is None:
        return work.Result(error=job.error or "no page")
    try:
        article = warc.clean_page(
            job.page,
            path=shown_name(job.rel),
            skip_stages=opts.skip_stages,
            max_bytes=opts.max_bytes,
        )
    except InputError as exc:
        return work.Result(error=cause(exc))
    fmt = opts.fmt
    return work.Result(
        text=emit.render(article, "jsonl" if fmt == "json" else fmt) if fmt else None,
        line=emit.to_jsonl(article) if opts.jsonl else None,
    )


class _Hashing:
    """A file read through sha256, as the archive reader reads it."""

    def __init__(self, f: Any) -> None:
        self.f, self.sha = f, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.f.read(size)
        self.sha.update(data)
        return bytes(data)

    def drain(self) -> str:
        while self.read(1 << 20):
            pass
        return self.sha.hexdigest()


@dataclass
class Archive:
    """One archive in progress."""

    entry: Entry
    pages: int = 0  # page jobs made so far
    back: int = 0  # ... and come back
    scanned: bool = False
    texts: dict[int, str] = field(default_factory=dict)
    lines: dict[int, str] = field(default_factory=dict)
    failures: list[tuple[str, str, bool]] = field(default_factory=list)  # where, cause, retry
    damage: str | None = None
    retry: bool = False  # the archive could not be read (tried again next run)
    facts: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def done(self, fmt: str | None) -> Done:
        """The archive's outcome, as one input's."""
        error, retry = self.damage, self.retry
        if self.failures:
            where, why, _ = self.failures[0]
            n = len(self.failures)
            summary = f"{n} of {self.pages} pages failed, first {shown_name(where)}: {why}"
            error = f"{error}; {summary}" if error else summary
            retry = retry or any(r for _, _, r in self.failures)
        keys = sorted(self.texts)
        separator = emit.TEXT_SEPARATOR if fmt == "text" else ""
        text = separator.join(self.texts[k] for k in keys) if fmt else None
        line = "".join(self.lines[k] for k in sorted(self.lines)) if self.lines else None
        if self.retry and not self.pages:
            text = None  # unreadable: nothing to write
        result = work.Result(**self.facts, text=text, line=line, error=error, retry=retry)
        return Done(self.entry, result, duration=self.seconds)


class Archives:
    """The coordinator's side: archives into page jobs, page outcomes into archive outcomes."""

    def __init__(self, options: work.Options, more: Callable[[int], None]) -> None:
        self.options, self.more = options, more
        self.active: dict[str, Archive] = {}
        self.ready: deque[Archive] = deque()  # complete, to be recorded by the run

    def jobs(self, e: Entry) -> Iterator[RecordJob]:
        """The page jobs of archive ``e``, read as they are asked for."""
        a = self.active[e.rel] = Archive(e)
        try:
            fd = os.open(e.path, work.OPEN_FLAGS)
        except OSError as exc:
            a.damage, a.retry = cause(exc), True
            self._scanned(a)
            return
        with os.fdopen(fd, "rb") as f:
            st = os.fstat(fd)
            a.facts = {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
            if not stat.S_ISREG(st.st_mode):
                a.damage = "not a regular file"
                self._scanned(a)
                return
            reader = _Hashing(f)
            try:
                for rec in warc.records(reader, self.options.max_bytes):  # type: ignore[arg-type]
                    if isinstance(rec, warc.Skip) and rec.error is None:
                        continue
                    if a.pages:
                        self.more(1)  # progress counts pages; the archive counted as one
                    a.pages += 1
                    if isinstance(rec, warc.Page):
                        yield RecordJob(self.options, e.rel, a.pages, rec)
                    else:
                        fake = warc.Page(b"", None, None, rec.offset, None, None)
                        yield RecordJob(self.options, e.rel, a.pages, fake, rec.error)
            except InputError as exc:  # damage, or no reader installed
                a.damage = cause(exc)
            except OSError as exc:
                a.damage, a.retry = cause(exc), True
            try:
                a.facts["sha256"] = reader.drain()
            except OSError as exc:
                a.damage, a.retry = a.damage or cause(exc), True
        self._scanned(a)

    def _scanned(self, a: Archive) -> None:
        a.scanned = True
        if a.back == a.pages:
            self.ready.append(self.active.pop(a.entry.rel))

    def take(self, done: Done) -> str | None:
        """Record one page's outcome; its one-line error, if any."""
        job: RecordJob = done.job
        a = self.active[job.rel]
        a.back += 1
        a.seconds += done.duration
        res: work.Result | None = done.result
        error = done.error or (res.error if res else None) or (None if res else "no result")
        if error is not None:
            a.failures.append((job.where, error, done.error is not None))
        else:
            assert res is not None
            if res.text is not None:
                a.texts[job.seq] = res.text
            if res.line is not None:
                a.lines[job.seq] = res.line
        if a.scanned and a.back == a.pages:
            self.ready.append(self.active.pop(job.rel))
        return error


def is_archive(e: Entry) -> bool:
    return warc.is_archive_name(e.rel)
