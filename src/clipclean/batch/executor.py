"""Where a run's documents are cleaned: local worker processes (the default) or a cluster.

The run (:mod:`.run`) keeps everything that gives a run its meaning: the walk, the state, the
lock, every output write, exit codes, signals and progress. An executor only turns jobs into
:class:`~clipclean.batch.pool.Done` outcomes, honouring the per-document time limit and memory
cap and the :class:`~clipclean.batch.stop.Stop` flag, so that a cluster changes where the
cleaning happens and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from .pool import Done, run_jobs
from .stop import Stop


class ExecutorError(Exception):
    """The executor cannot start (an unreachable scheduler, a worker running other code); the
    message is one line."""


class Executor(Protocol):
    def run(
        self, fn: Callable[[Any], Any], jobs: Iterable[Any], stop: Stop, count: int | None
    ) -> Iterator[Done]:
        """``fn(job)`` for every job, each outcome as it finishes. ``jobs`` is read only as
        documents can start (an archive's records are read as they are cleaned); ``count``
        is how many there are when known. After ``stop`` nothing new starts; documents in
        flight finish, or are abandoned (not yielded) once the stop is urgent."""
        ...

    def close(self) -> None: ...


@dataclass
class LocalPool:
    """Worker processes on this machine (:func:`~clipclean.batch.pool.run_jobs`)."""

    workers: int
    timeout: float
    memory_bytes: int | None

    def run(
        self, fn: Callable[[Any], Any], jobs: Iterable[Any], stop: Stop, count: int | None
    ) -> Iterator[Done]:
        workers = self.workers if count is None else min(self.workers, count)
        return run_jobs(
            fn,
            jobs,
            workers=max(workers, 1),
            timeout=self.timeout,
            memory_bytes=self.memory_bytes,
            stop=stop,
        )

    def close(self) -> None:
        pass


def make_executor(
    scheduler: str | None, *, jobs: int, timeout: float, memory_bytes: int | None
) -> Executor:
    """The local pool, or a client of the Dask scheduler at ``scheduler`` (connected and
    checked here, so that a run that cannot work stops before it takes the lock)."""
    if scheduler is None:
        return LocalPool(jobs, timeout, memory_bytes)
    from .dask_pool import DaskExecutor

    return DaskExecutor(scheduler, timeout=timeout, memory_bytes=memory_bytes)
