"""Worker functions for the cluster tests that misbehave on one document each. They live in a
module of their own, importing only what a worker needs, so that the process that runs them
on a Dask worker starts quickly."""

from __future__ import annotations

import os
import signal
import time

from clipclean.batch import work


def poison(job: work.Job) -> work.Result:
    """Takes down the Dask worker running ``poison.txt``."""
    if job.rel.endswith("poison.txt"):
        os.kill(os.getppid(), signal.SIGKILL)  # (the parent of the sandbox: the Dask worker)
        time.sleep(30)
    return work.process(job)


def slow(job: work.Job) -> work.Result:
    """Never finishes ``slow.txt``."""
    if job.rel == "slow.txt":
        time.sleep(60)
    return work.process(job)


def greedy(job: work.Job) -> work.Result:
    """Asks for a GiB on ``greedy.txt``."""
    if job.rel == "greedy.txt":
        hoard = bytearray(2**30)
        hoard[-1] = 1
    return work.process(job)
