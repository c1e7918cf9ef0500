"""Per-document limits of clipclean batch: a document over its time or memory, or one that
kills its worker, fails alone; the worker is replaced and the batch goes on.

The misbehaving documents come from worker functions passed through ``run_batch(process=...)``
(top-level here, so the worker processes can import them); every other document takes the
real path, :func:`clipclean.batch.work.process`.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

from clipclean.batch import BatchConfig, Stop, exit_status, run_batch
from clipclean.batch.work import Job, Result, process
from conftest import FIXTURES

SEED = (FIXTURES / "text" / "seed_nyt.txt").read_bytes()


def misbehave(job: Job) -> Result:
    """hang*: sleeps past any timeout; hog*: asks for 8 GiB; crash*: dies of SIGSEGV."""
    name = Path(job.rel).name
    if name.startswith("hang"):
        time.sleep(60)
    elif name.startswith("hog"):
        _ = bytearray(8 * 2**30)
    elif name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return process(job)


def tree(tmp_path: Path, *names: str) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for i, name in enumerate(names):
        (src / name).write_bytes(SEED + f"\n\nLine {i}.\n".encode())
    return src


def test_timeout_memory_and_crash_fail_alone(tmp_path: Path) -> None:
    src = tree(tmp_path, "a.txt", "crash.txt", "hang.txt", "hog.txt", "z.txt")
    out = tmp_path / "out"
    config = BatchConfig(str(src), str(out), jobs=1, timeout=1.0, memory_mb=1024)
    summary = run_batch(config, process=misbehave)
    causes = dict(summary.failed)
    assert causes == {
        "crash.txt": "worker crashed (SIGSEGV)",
        "hang.txt": "timeout (over 1 s)",
        "hog.txt": "memory limit",
    }
    # One worker only: z.txt after all three proves each dead worker was replaced.
    assert summary.processed == 2
    assert sorted(p.name for p in out.glob("*.json")) == ["a.json", "z.json"]
    assert exit_status(summary) == 1
    # Failures of this kind are retried by the next run (they need not be the input's fault).
    again = run_batch(config, process=process)
    assert (again.processed, again.unchanged, again.failed) == (3, 2, [])


def test_urgent_stop_abandons_documents_in_flight(tmp_path: Path) -> None:
    src = tree(tmp_path, "hang1.txt", "hang2.txt")
    stop = Stop()

    def twice() -> None:  # a second signal while both documents hang
        stop.request(signal.SIGTERM)
        stop.request(signal.SIGTERM)

    timer = threading.Timer(0.5, twice)
    timer.start()
    config = BatchConfig(str(src), str(tmp_path / "out"), jobs=2, timeout=30)
    summary = run_batch(config, process=misbehave, stop=stop)
    timer.join()
    # Not waited for (that would end in two timeouts): abandoned, left for the next run.
    assert (summary.processed, summary.failed, summary.not_done) == (0, [], 2)
    assert exit_status(summary) == 143
