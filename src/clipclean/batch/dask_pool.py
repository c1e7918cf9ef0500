"""The cluster executor: a batch run's documents cleaned on a Dask cluster's workers.

The ``clipclean batch`` process stays the coordinator: it walks, reads each input (and so
hashes it), keeps the state and the lock and writes every output, exactly as locally; only the
cleaning moves. A job is shipped with its bytes (:meth:`~clipclean.batch.work.Job.shipped`), so
the workers need no shared file system. Documents travel a few to a task (a task costs the
coordinator and the scheduler the same whatever it holds), and jobs are read only as the
cluster can take them (two tasks per worker thread), so the coordinator's memory stays flat.

- Time limit and memory cap: each worker thread cleans in a child process
  (:mod:`.sandbox`), killed over the time limit, under ``RLIMIT_AS`` at the cap.
- A worker lost mid-run: the scheduler runs its documents elsewhere. One that keeps taking
  workers down fails with ``KilledWorker`` once the scheduler's
  ``distributed.scheduler.allowed-failures`` is exceeded (3 by default; 1 means a document
  that takes down two workers fails). A task that does so while others were in flight, or
  holding several documents, may be innocent (a worker's death counts against every task it
  held): its documents are sent again one at a time, with nothing else in flight, so that only
  the culprit fails.
- Stop: nothing new is submitted; in flight finishes, or is cancelled on an urgent stop. The
  cluster is left running.
- Another clipclean (version or code) on a worker than here: refused at the start, and any
  document that reaches such a worker later fails instead of giving other output.
"""

from __future__ import annotations

import logging
import pickle
import queue
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import Any

from .. import __version__
from . import work
from .executor import ExecutorError
from .pool import Done
from .sandbox import Outcome, Sandbox
from .state import code_digest
from .stop import Stop

NEEDS_EXTRA = "--scheduler needs dask.distributed: pip install 'clipclean[dask]'"
#: Longest the coordinator waits for a result before it looks at the stop flag again.
_TICK = 0.25
#: Tasks submitted per worker thread (one in hand, one waiting its turn there).
_WINDOW_PER_THREAD = 2
#: Most documents in one task: a task costs the coordinator and the scheduler a few ms
#: whatever it holds, so several documents share it (measured in bench.batch_bench).
_MAX_TASK_SIZE = 8


def _task_size(count: int | None, threads: int) -> int:
    """Documents per task: up to :data:`_MAX_TASK_SIZE`, fewer when there are few documents
    (each thread should get several tasks, or the last one would run alone)."""
    if count is None:
        return _MAX_TASK_SIZE // 2
    return max(1, min(_MAX_TASK_SIZE, count // (4 * threads)))


#: Seconds between looks at how many worker threads the cluster has.
_LOOK_EVERY = 5.0


@cache
def identity() -> tuple[str, str]:
    """This process's clipclean: version and code digest (what the outputs depend on)."""
    return __version__, code_digest()


_local = threading.local()


def on_worker(
    fn: Callable[[Any], Any],
    jobs: list[Any],
    timeout: float,
    memory_bytes: int | None,
    expected: tuple[str, str],
) -> list[Outcome]:
    """The task a Dask worker runs: a few documents, one after another, each in the thread's
    sandbox under the time limit (a new sandbox after one was killed)."""
    if tuple(expected) != identity():
        version, digest = identity()
        error = f"worker runs clipclean {version} (code {digest}), not the coordinator's"
        return [(None, error, 0.0, 0, 0.0, 0) for _ in jobs]
    key = (pickle.dumps(fn), memory_bytes)
    outcomes = []
    for job in jobs:
        box: Sandbox | None = getattr(_local, "box", None)
        if box is None or not box.alive or _local.key != key:
            if box is not None:
                box.close()
            box = _local.box = Sandbox(fn, memory_bytes)
            _local.key = key
        outcomes.append(box.call(job, timeout))
    return outcomes


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__


class DaskExecutor:
    """A client of the scheduler at ``address``; raises :class:`ExecutorError` when it cannot
    be reached (within Dask's connect timeout, ``distributed.comm.timeouts.connect``), has no
    worker, or a worker runs another clipclean."""

    def __init__(self, address: str, *, timeout: float, memory_bytes: int | None) -> None:
        try:
            import distributed
        except ImportError:
            raise ExecutorError(NEEDS_EXTRA) from None
        # The coordinator's stderr is the batch's: distributed's own log lines stay out of it.
        logging.getLogger("distributed").setLevel(logging.CRITICAL)
        warnings.filterwarnings("ignore", message=".*[Ll]arge graph.*")
        self.address, self.timeout, self.memory_bytes = address, timeout, memory_bytes
        try:
            self.client = distributed.Client(address, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            why = _one_line(exc)
            raise ExecutorError(f"cannot reach the Dask scheduler at {address}: {why}") from None
        try:
            self._check()
        except BaseException:
            self.client.close()
            raise

    def _check(self) -> None:
        try:
            self.client.wait_for_workers(1, timeout=30)
        except TimeoutError:
            raise ExecutorError(f"the Dask scheduler at {self.address} has no worker") from None
        try:
            theirs = self.client.run(identity)
        except Exception as exc:
            raise ExecutorError(f"a Dask worker cannot run clipclean: {_one_line(exc)}") from None
        mine = identity()
        for worker, ident in sorted(theirs.items()):
            if tuple(ident) != mine:
                raise ExecutorError(
                    f"Dask worker {worker} runs clipclean {ident[0]} (code {ident[1]}), this "
                    f"coordinator {mine[0]} (code {mine[1]}): install the same one everywhere"
                )

    def run(
        self, fn: Callable[[Any], Any], jobs: Iterable[Any], stop: Stop, count: int | None
    ) -> Iterator[Done]:
        todo = iter(jobs)
        #: Jobs of a task that took workers down: each is then sent alone, with nothing else in
        #: flight (a worker's death marks every task it held, innocent ones too).
        alone: deque[Any] = deque()
        pending: dict[Any, list[Any]] = {}  # future -> its jobs (as given: without bytes)
        isolated: set[Any] = set()  # futures that ran with nothing else in flight
        # Results are fetched by the futures' callbacks (threads of the client), several at
        # once and while this loop submits; they arrive here through a queue.
        arrived: queue.Queue[tuple[Any, Any, BaseException | None]] = queue.Queue()

        def fetch(future: Any) -> None:
            try:
                arrived.put((future, future.result(), None))
            except BaseException as exc:
                arrived.put((future, None, exc))

        more, window, size, looked = True, 0, 1, 0.0
        try:
            while True:
                if time.monotonic() - looked > _LOOK_EVERY:  # (workers come and go)
                    threads = max(sum(self.client.nthreads().values()), 1)
                    window, looked = _WINDOW_PER_THREAD * threads, time.monotonic()
                    size = _task_size(count, threads)
                while (
                    (more or alone)
                    and not stop.requested
                    and len(pending) < (window if not alone else 1 if not pending else 0)
                ):
                    task: list[tuple[Any, Any]] = []
                    solo = bool(alone)  # (a suspect, sent with nothing else in flight)
                    while len(task) < (1 if solo else size):
                        job = alone.popleft() if alone else next(todo, None)
                        if job is None:
                            more = False
                            break
                        shipped = job.shipped() if hasattr(job, "shipped") else job
                        if isinstance(shipped, work.Result):  # could not be read here
                            yield Done(job, shipped)
                            continue
                        task.append((job, shipped))
                    if not task:
                        continue
                    args = ([s for _, s in task], self.timeout, self.memory_bytes, identity())
                    future = self.client.submit(on_worker, fn, *args, pure=False)
                    if solo:
                        isolated.add(future)
                    pending[future] = [j for j, _ in task]
                    future.add_done_callback(fetch)
                if not pending or stop.urgent:
                    return
                try:
                    future, outcomes, exc = arrived.get(timeout=_TICK)
                except queue.Empty:
                    continue
                given = pending.pop(future, None)
                if given is None:
                    continue
                if type(exc).__name__ == "KilledWorker" and (
                    len(given) > 1 or future not in isolated
                ):
                    alone.extend(given)  # find which of them takes workers down
                    continue
                isolated.discard(future)
                for i, job in enumerate(given):
                    yield self._done(job, outcomes[i] if outcomes else None, exc)
        finally:
            if pending:
                self.client.cancel(list(pending))

    @staticmethod
    def _done(job: Any, outcome: Outcome | None, exc: BaseException | None) -> Done:
        if exc is None and outcome is not None:
            result, error, seconds, rss, cpu, pid = outcome
            return Done(job, result, error, seconds, pid, rss, cpu)
        if type(exc).__name__ == "KilledWorker":
            return Done(job, error="took down Dask workers (KilledWorker): not tried again")
        what = f"{type(exc).__name__}: {_one_line(exc)}" if exc else "no result"
        return Done(job, error=f"internal error on the cluster: {what}")

    def close(self) -> None:
        self.client.close()  # (the cluster itself is left running)
