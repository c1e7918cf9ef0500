"""What a batch run shows a person: a progress bar on a terminal, one line per failure, and a
summary. Everything goes to stderr (stdout may carry JSON Lines); colour only through rich,
which honours NO_COLOR.
"""

from __future__ import annotations

import signal
import time
from datetime import datetime
from typing import IO

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from ..errors import shown_name
from .pool import Done
from .run import Reporter, Summary


class ConsoleReporter(Reporter):
    """Progress and messages on ``stream`` (stderr), and every line also in ``log``.

    ``quiet`` (cron): on ``stream``, only the failures the last run did not list; nothing
    when nothing changed. ``stamp``: each line on ``stream`` starts with an ISO 8601 time
    (default: when it is not a terminal and not quiet, i.e. a log); ``log`` lines always do.
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        quiet: bool = False,
        tty: bool | None = None,
        log: IO[str] | None = None,
        stamp: bool | None = None,
    ) -> None:
        self.stream, self.quiet, self.log = stream, quiet, log
        self.tty = stream.isatty() if tty is None else tty
        self.stamp = (not self.tty and not quiet) if stamp is None else stamp
        self.progress: Progress | None = None
        self.failed = 0
        self.started = time.perf_counter()

    def line(self, text: str, *, shown: bool = True) -> None:
        """``clipclean: text`` on the stream when ``shown``, and in the log in any case."""
        text = f"clipclean: {text}"
        when = datetime.now().astimezone().isoformat(timespec="seconds")
        if shown:
            print(f"{when} {text}" if self.stamp else text, file=self.stream, flush=True)
        if self.log is not None:
            print(f"{when} {text}", file=self.log, flush=True)

    def note(self, rel: str, message: str) -> None:
        self.line(f"{shown_name(rel)}: {message}", shown=not self.quiet)

    def warn(self, message: str) -> None:
        self.line(shown_name(message))  # quiet or not: something was wrong (and dealt with)

    def start(self, total: int, unchanged: int) -> None:
        self.started = time.perf_counter()
        if self.quiet or not self.tty or not total:
            return
        self.progress = Progress(
            TextColumn("{task.completed}/{task.total}"),
            BarColumn(),
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]} failed"),
            console=Console(file=self.stream, force_terminal=True),
            transient=True,
        )
        self.task = self.progress.add_task("batch", total=total, rate=0.0, failed=0)
        self.progress.start()

    def advance(self, rel: str, error: str | None, done: Done) -> None:
        self.failed += error is not None
        if self.progress is not None:
            self.progress.advance(self.task)
            done_n = self.progress.tasks[0].completed
            rate = done_n / max(time.perf_counter() - self.started, 1e-9)
            self.progress.update(self.task, rate=rate, failed=self.failed)

    def more(self, n: int) -> None:
        if self.progress is not None:
            self.progress.update(self.task, total=(self.progress.tasks[0].total or 0) + n)

    def finish(self, summary: Summary) -> None:
        if self.progress is not None:
            self.progress.stop()
        for rel, cause in sorted([*summary.failed, *summary.empty]):
            again = " (as before; the input has not changed)" if rel in summary.as_before else ""
            shown = not self.quiet or rel not in summary.repeated
            self.line(f"{shown_name(rel)}: {shown_name(cause)}{again}", shown=shown)
        if summary.halted:
            left = (
                f"; {summary.not_done} documents left for the next run" if summary.not_done else ""
            )
            self.line(f"stopped early: {shown_name(summary.halted)}{left}")
        self.line(describe(summary), shown=not self.quiet)


def duration(seconds: float) -> str:
    """``0.41 s``, ``3 min 12 s``, ``2 h 05 min``: as precise as a person reads it."""
    if seconds < 60:
        return f"{seconds:.2f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def describe(s: Summary) -> str:
    """The one-line summary of a run: what happened and how long it took."""
    parts = [
        f"{s.processed} processed",
        f"{s.unchanged} unchanged",
        f"{len(s.failed)} failed",
        f"{len(s.empty)} empty",
    ]
    if s.skipped:
        parts.append(f"{len(s.skipped)} skipped")
    if s.gone:
        parts.append(f"{s.gone} deleted inputs (outputs kept; --prune removes them)")
    if s.pruned:
        parts.append(f"{s.pruned} outputs of deleted inputs removed")
    if s.waiting:
        parts.append(f"{s.waiting} new or changed inputs left (--retry-failed)")
    head = f"done in {duration(s.elapsed)}"
    if s.signum:
        name = signal.Signals(s.signum).name
        head = f"stopped by {name} after {duration(s.elapsed)}; {s.not_done} left for the next run"
    text = f"{head}: " + ", ".join(parts)
    if s.unselected:
        text += f"; {s.unselected} other files not selected; see --include"
    return text
