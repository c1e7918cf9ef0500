"""What a batch run shows a person: a progress bar on a terminal, one line per failure, and a
summary. Everything goes to stderr (stdout may carry JSON Lines); colour only through rich,
which honours NO_COLOR.
"""

from __future__ import annotations

import signal
import time
from typing import IO

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from ..errors import shown_name
from .pool import Done
from .run import Reporter, Summary


class ConsoleReporter(Reporter):
    """``quiet``: nothing but the failure lines."""

    def __init__(self, stream: IO[str], *, quiet: bool = False, tty: bool | None = None) -> None:
        self.stream, self.quiet = stream, quiet
        self.tty = stream.isatty() if tty is None else tty
        self.progress: Progress | None = None
        self.failed = 0
        self.started = time.perf_counter()

    def _line(self, text: str) -> None:
        print(f"clipclean: {text}", file=self.stream, flush=True)

    def note(self, rel: str, message: str) -> None:
        if not self.quiet:
            self._line(f"{shown_name(rel)}: {message}")

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
        for rel, cause in sorted(summary.failed):
            self._line(f"{shown_name(rel)}: {shown_name(cause)}")
        if not self.quiet:
            self._line(describe(summary))


def describe(s: Summary) -> str:
    """The one-line summary of a run."""
    parts = [
        f"{s.processed} processed",
        f"{s.unchanged} unchanged",
        f"{len(s.failed)} failed",
    ]
    if s.skipped:
        parts.append(f"{len(s.skipped)} skipped")
    if s.gone:
        parts.append(f"{s.gone} deleted inputs (outputs kept; --prune removes them)")
    if s.pruned:
        parts.append(f"{s.pruned} outputs of deleted inputs removed")
    parts.append(f"{s.elapsed:.2f} s")
    text = ", ".join(parts)
    if s.signum:
        name = signal.Signals(s.signum).name
        text = f"stopped by {name}; {s.not_done} left for the next run; {text}"
    return text
