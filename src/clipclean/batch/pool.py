"""Worker processes with a wall-clock limit and a memory cap per document.

``concurrent.futures`` cannot kill one task, so this is a small pool of our own: one pipe per
worker, one document at a time, and the parent watching the clock. A worker over the time
limit is killed and replaced; one that hits its memory cap (MemoryError, or killed by the
kernel) is replaced too. Workers ignore SIGINT/SIGTERM so a Ctrl-C or ``systemctl stop``
(which signal the whole group) lets them finish the document in hand; the parent decides.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from .memory import out_of_memory, vm_peak
from .stop import Stop

#: Longest the parent sleeps between looks at the clock and the stop flag.
_TICK = 0.25
#: Preloaded into the fork server, so that a new worker starts in milliseconds, not seconds.
_PRELOAD = ["clipclean", "clipclean.batch.work"]


@dataclass
class Done:
    """What became of one job: ``result`` from the function, or ``error`` (one line)."""

    job: Any
    result: Any = None
    error: str | None = None
    duration: float = 0.0
    pid: int = 0
    maxrss_kb: int = 0  # the worker's peak resident memory so far
    cpu_s: float = 0.0  # the worker's CPU time so far (user + system)


def _serve(conn: Connection, fn: Callable[[Any], Any], memory_bytes: int | None) -> None:
    """A worker's life: take a job, run it, send the outcome; exit on None or a closed pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if memory_bytes:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        start, peak = time.perf_counter(), vm_peak() if memory_bytes else 0
        result, error = None, None
        try:
            result = fn(job)
        except Exception as exc:
            if out_of_memory(exc, memory_bytes, peak):
                error = "memory limit"
            else:
                error = f"internal error: {type(exc).__name__}: {exc}"
        use = resource.getrusage(resource.RUSAGE_SELF)
        cpu = use.ru_utime + use.ru_stime
        try:
            conn.send((result, error, time.perf_counter() - start, use.ru_maxrss, cpu))
        except (OSError, ValueError):
            return
        if error == "memory limit":
            return  # the heap may be in a bad way: let the parent start a fresh worker


def _context() -> multiprocessing.context.BaseContext:
    """forkserver: safe next to threads (rich's refresh thread), fast to start once preloaded."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


#: Signals that mean the worker itself went wrong; any other one was sent to it.
_CRASHES = frozenset(
    {signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT, signal.SIGILL, signal.SIGFPE, signal.SIGSYS}
)


def _death(exitcode: int | None, pid: int | None) -> str:
    """Why a worker vanished, plainly. A signal is named as such: SIGKILL is not a "memory
    limit" (the cap shows as MemoryError, reported by the worker itself); it may be the kernel's
    OOM killer or a person. With the forkserver gone, multiprocessing reports status 255 for
    every worker; the real status is then ours to collect (see :func:`_adopt_orphans`)."""
    if exitcode == 255 and pid:
        exitcode = _reap(pid) or exitcode
    if exitcode is not None and exitcode < 0:
        sig = signal.Signals(-exitcode)
        if sig in _CRASHES:
            return f"worker crashed ({sig.name})"
        return f"worker killed by {sig.name}"
    return f"worker exited unexpectedly (status {exitcode})"


def _reap(pid: int) -> int | None:
    """The exit status of ``pid`` as multiprocessing reports it (-signal or code), when it is
    our child (an orphan we adopted); None when it is not, or does not end within a second."""
    deadline = time.monotonic() + 1
    while True:
        try:
            got, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return None
        if got:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            return None
        time.sleep(0.01)


def _adopt_orphans() -> None:
    """Become the subreaper of our descendants (Linux): a worker whose forkserver died is
    re-parented to us, so its real exit status can still be read. Best effort elsewhere."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


class _Worker:
    def __init__(self, ctx: Any, fn: Callable[[Any], Any], memory_bytes: int | None) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, fn, memory_bytes), daemon=True)
        self.proc.start()
        child.close()
        self.job: Any = None
        self.started = 0.0

    def give(self, job: Any) -> bool:
        """Hand over ``job``; False when the worker turns out to be dead."""
        self.job, self.started = job, time.monotonic()
        try:
            self.conn.send(job)
        except OSError:
            return False
        return True

    def take(self) -> Done | None:
        """The finished job's outcome, or None when the pipe says the worker is gone.

        Liveness comes from the pipe, not the process sentinel: a forkserver killed by a
        group-wide SIGTERM makes every worker's sentinel fire although the workers live on.
        """
        try:
            result, error, duration, rss, cpu = self.conn.recv()
        except (EOFError, OSError):
            return None
        done = Done(self.job, result, error, duration, self.proc.pid or 0, rss, cpu)
        self.job = None
        return done

    def close(self, kill: bool) -> None:
        """Reap the worker; ``kill`` first when it may still run. SIGKILL goes straight to
        the pid: while its pipe is open the worker exists, even when the forkserver that
        would report on it is gone."""
        if kill and self.proc.pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.join(5)
        if self.proc.exitcode == 255 and self.proc.pid:  # an orphan we adopted: no zombie
            _reap(self.proc.pid)
        self.conn.close()

    def stop(self) -> None:
        """Ask an idle worker to leave; kill it if it does not."""
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.proc.join(2)
        self.close(kill=self.proc.exitcode is None)


class _Pending:
    """The jobs not yet started, taken from ``jobs`` only as workers free up: an archive's
    records are read while the workers clean, never all at once."""

    def __init__(self, jobs: Iterable[Any]) -> None:
        self.jobs, self.next = iter(jobs), deque[Any]()

    def __bool__(self) -> bool:
        if not self.next:
            self.next.extend(itertools.islice(self.jobs, 1))
        return bool(self.next)

    def popleft(self) -> Any:
        return self.next.popleft() if self else None


def run_jobs(
    fn: Callable[[Any], Any],
    jobs: Iterable[Any],
    *,
    workers: int,
    timeout: float,
    memory_bytes: int | None,
    stop: Stop,
) -> Iterator[Done]:
    """Run ``fn(job)`` for each job in ``workers`` processes and yield each :class:`Done` as
    it finishes. After ``stop`` is requested no new job starts; jobs in flight finish (or,
    when the stop is urgent, are abandoned and not yielded)."""
    queue = _Pending(jobs)
    if not queue:
        return
    ctx = _context()
    _adopt_orphans()
    pool: list[_Worker] = []

    def lost(w: _Worker, error: str, alive: bool, **facts: Any) -> Done:
        """Retire ``w`` (killing it when ``alive``) and fail its job with ``error``."""
        job, pid = w.job, w.proc.pid or 0
        pool.remove(w)
        w.close(kill=alive)
        return Done(job, error=error, pid=pid, **facts)

    def refill(w: _Worker) -> Iterator[Done]:
        """Give an idle worker the next job; one found dead fails it (no respawn loop)."""
        if w.job is None and queue and not stop.requested and not w.give(queue.popleft()):
            w.proc.join(1)
            yield lost(w, _death(w.proc.exitcode, w.proc.pid), alive=False)

    try:
        while True:
            while len(pool) < workers and queue and not stop.requested:
                pool.append(_Worker(ctx, fn, memory_bytes))
            for w in list(pool):
                yield from refill(w)
            busy = [w for w in pool if w.job is not None]
            if not busy or stop.urgent:
                return
            now = time.monotonic()
            wait_for = max(0.0, min(_TICK, *(w.started + timeout - now for w in busy)))
            ready = set(wait([w.conn for w in busy], wait_for))
            for w in busy:
                if w.conn in ready:
                    done = w.take()
                    if done is None:  # died in the middle of the job
                        w.proc.join(1)
                        yield lost(w, _death(w.proc.exitcode, w.proc.pid), alive=False)
                    elif done.error == "memory limit":  # the worker exits after saying so
                        pool.remove(w)
                        w.close(kill=False)
                        yield done
                    else:
                        yield from refill(w)  # busy again while the parent writes
                        yield done
                elif time.monotonic() - w.started > timeout:
                    yield lost(w, f"timeout (over {timeout:g} s)", True, duration=timeout)
    finally:
        for w in pool:
            if w.job is not None:
                w.close(kill=True)
            else:
                w.stop()


def default_jobs() -> int:
    """The CPUs this process may run on (affinity and cgroup-pinned sets included)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
