"""The clean command's inputs, cleaned one by one or by the batch pool, in input order.

Each outcome is yielded as soon as it and every input before it are done, so that the command
can write (and flush) each document at once: ``clipclean *.html -f jsonl | head -1`` gets
its line after one document, not after all of them. The per-input work is one top-level
function, so that the same code runs here and in a worker process.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from . import clean, emit
from .errors import NoArticleText, cause, require_text, shown_name
from .read import MAX_BYTES, read_limited


@dataclass(frozen=True)
class CleanOptions:
    """How every input of one command is cleaned and rendered."""

    fmt: str = "json"
    explain: bool = False
    skip: tuple[str, ...] = ()
    kind: str | None = None
    url: str | None = None
    max_bytes: int = MAX_BYTES
    allow_empty: bool = False


@dataclass(frozen=True)
class CleanJob:
    options: CleanOptions
    position: int
    name: str  # as given ("-": stdin, whose bytes are in ``data``)
    data: bytes | None = None


@dataclass(frozen=True)
class Outcome:
    """One input's rendering, or the one-line message that replaces it on stderr."""

    name: str
    text: str | None = None
    error: str | None = None
    #: A line for stderr that is not a failure (what an archive held, under ``--explain``).
    note: str | None = None


def label(name: str) -> str:
    """How an input is named in messages and in ``source.path``."""
    return "<stdin>" if name == "-" else shown_name(name)


def failure(name: str, exc: BaseException) -> str:
    """``FILE: cause``; a folder points to the command made for folders."""
    shown = label(name)
    if isinstance(exc, IsADirectoryError):
        return f"{shown}: is a directory; for a folder: clipclean batch {shown} -o OUT_DIR"
    return f"{shown}: {cause(exc)}"


def clean_one(job: CleanJob) -> Outcome:
    """Read (unless the bytes came along), clean and render one input; never raises for a
    problem of the input (an unknown stage name is checked before any input is read)."""
    opts = job.options
    try:
        data = job.data
        if data is None:
            with open(job.name, "rb") as f:
                data = read_limited(f, opts.max_bytes)
        article = clean(
            data,
            url=opts.url,
            kind=opts.kind,
            skip_stages=opts.skip,
            path=None if job.name == "-" else label(job.name),
            max_bytes=opts.max_bytes,
        )
        require_text(article, opts.allow_empty)
        return Outcome(job.name, text=emit.render(article, opts.fmt, opts.explain))
    except Exception as exc:  # any input problem is one line, never a traceback
        return Outcome(job.name, error=failure(job.name, exc))


def archive_outcomes(name: str, stream: IO[bytes], options: CleanOptions) -> Iterator[Outcome]:
    """One outcome per page of a WARC/ARC archive, read as a stream; a damaged archive ends
    with its one-line error after the good pages; under ``explain``, a note of what it held."""
    from . import warc

    tally: Counter[str] = Counter()
    try:
        for where, article, error in warc.articles(
            stream,
            label=label(name),
            path=None if name == "-" else label(name),
            tally=tally,
            skip_stages=options.skip,
            kind=options.kind,
            max_bytes=options.max_bytes,
        ):
            if article is not None:
                try:
                    require_text(article, options.allow_empty)
                except NoArticleText as exc:
                    article, error = None, cause(exc)
            if article is None:
                yield Outcome(name, error=f"{where}: {error}")
            else:
                yield Outcome(name, text=emit.render(article, options.fmt, options.explain))
    except Exception as exc:  # damage, or the extra missing: one line, never a traceback
        yield Outcome(name, error=failure(name, exc))
    if options.explain:
        yield Outcome(name, note=f"{label(name)}: {warc.describe(tally)}")


def _archive_name(name: str) -> bool:
    from .warc import is_archive_name

    return name != "-" and is_archive_name(name)


def outcomes(
    names: Sequence[str],
    options: CleanOptions,
    read_stdin: Callable[[], bytes],
    jobs: int = 1,
    stdin_archive: Callable[[], IO[bytes] | None] = lambda: None,
) -> Iterator[Outcome]:
    """The outcome of every input, in the order given, each as soon as it can be; a web
    archive gives one per page (``stdin_archive`` returns stdin when it holds one).

    With ``jobs`` > 1 the inputs are cleaned by that many worker processes of the batch pool;
    one done early waits for those before it. Stdin is read here (when its turn comes, or
    before the workers start). Archives are read in this process, page after page (``batch``
    spreads an archive's pages over its workers).
    """
    archived = "-" in names and stdin_archive()
    if archived or any(_archive_name(n) for n in names):
        for name in names:
            if name == "-" and archived:
                yield from archive_outcomes(name, archived, options)
            elif _archive_name(name):
                try:
                    with open(name, "rb") as stream:
                        yield from archive_outcomes(name, stream, options)
                except OSError as exc:
                    yield Outcome(name, error=failure(name, exc))
            else:
                yield from outcomes([name], options, read_stdin)
        return

    def job(position: int, name: str) -> CleanJob | Outcome:
        if name != "-":
            return CleanJob(options, position, name)
        try:
            return CleanJob(options, position, name, read_stdin())
        except Exception as exc:
            return Outcome(name, error=failure(name, exc))

    if jobs <= 1 or len(names) <= 1:
        for position, name in enumerate(names):
            item = job(position, name)
            yield item if isinstance(item, Outcome) else clean_one(item)
        return
    yield from _in_parallel([job(i, n) for i, n in enumerate(names)], jobs)


def _in_parallel(items: list[CleanJob | Outcome], jobs: int) -> Iterator[Outcome]:
    from .batch.pool import run_jobs
    from .batch.stop import Stop

    ready: dict[int, Outcome] = {i: x for i, x in enumerate(items) if isinstance(x, Outcome)}
    todo = [x for x in items if isinstance(x, CleanJob)]
    turn = 0
    while turn in ready:
        yield ready.pop(turn)
        turn += 1
    for done in run_jobs(
        clean_one,
        todo,
        workers=min(jobs, len(todo)),
        timeout=math.inf,
        memory_bytes=None,
        stop=Stop(),
    ):
        job: CleanJob = done.job
        outcome = done.result or Outcome(job.name, error=f"{label(job.name)}: {done.error}")
        ready[job.position] = outcome
        while turn in ready:
            yield ready.pop(turn)
            turn += 1
