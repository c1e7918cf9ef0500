"""One child process in which a Dask worker thread cleans its documents, so that the run's
per-document time limit and memory cap hold on a cluster as they do locally.

A Dask task runs in a worker thread, and a thread can be neither stopped nor capped. So the
task hands the document to a child process of its own (started once per worker thread and
reused) running the local pool's worker loop (:func:`clipclean.batch.pool._serve`: SIGINT and
SIGTERM ignored, ``RLIMIT_AS`` at the cap, MemoryError reported). Over the time limit the child
is killed and the next document gets a new one. The child is a plain subprocess, not a
multiprocessing one: Dask's worker processes are daemons, which may not have those.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from multiprocessing.connection import Connection, Pipe
from typing import Any

from .pool import _death, _serve

#: What a call gives back, as the local pool's workers send it: (result, error, seconds,
#: peak RSS in KiB, CPU seconds), and the pid of the process that did the work.
Outcome = tuple[Any, str | None, float, int, float, int]
#: Longest a new child may take to start, before any document's time limit applies.
_START_TIMEOUT = 120.0


class Sandbox:
    """A child process running ``fn`` on each job it is given."""

    def __init__(self, fn: Any, memory_bytes: int | None) -> None:
        parent, child = Pipe()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "clipclean.batch.sandbox", str(child.fileno())],
            pass_fds=(child.fileno(),),
            stdin=subprocess.DEVNULL,
            env={**os.environ, "CLIPCLEAN_SANDBOX_MEMORY": str(memory_bytes or 0)},
        )
        child.close()
        self.conn = parent
        self.conn.send(fn)
        # Its start (an interpreter, the imports) is not the first document's time.
        if not self.conn.poll(_START_TIMEOUT) or self.conn.recv() != "ready":
            self.close()
            raise RuntimeError("the sandbox process did not start")

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def call(self, job: Any, timeout: float) -> Outcome:
        """Run one job; a timeout or a death of the child becomes the error, as locally."""
        pid, start = self.proc.pid, time.perf_counter()
        try:
            self.conn.send(job)
            if not self.conn.poll(timeout):
                self.close()
                return None, f"timeout (over {timeout:g} s)", timeout, 0, 0.0, pid
            result, error, seconds, rss, cpu = self.conn.recv()
        except (EOFError, OSError):
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(5)
            error = _death(
                -signal.SIGKILL if self.proc.returncode is None else self.proc.returncode,
                None,  # (a Popen child: its status is already collected)
            )
            self.close()
            return None, error, time.perf_counter() - start, 0, 0.0, pid
        if error == "memory limit":
            self.close()  # the child leaves after saying so
        return result, error, seconds, rss, cpu, pid

    def close(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()
        self.proc.wait()
        self.conn.close()


def _die_with_parent() -> None:
    """Linux: SIGKILL this child when the worker that started it dies (a killed Dask worker
    must not leave a document running); elsewhere the closed pipe ends it after the document."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def main() -> None:
    _die_with_parent()
    conn = Connection(int(sys.argv[1]))
    memory = int(os.environ.get("CLIPCLEAN_SANDBOX_MEMORY", "0")) or None
    try:
        fn = conn.recv()
        conn.send("ready")
    except (EOFError, OSError):
        return
    _serve(conn, fn, memory)


if __name__ == "__main__":
    main()
