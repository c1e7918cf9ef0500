"""clipclean batch as cron runs it: a real subprocess, a real lock, real signals."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES

SEED = (FIXTURES / "text" / "seed_nyt.txt").read_bytes()
CLIPCLEAN = [sys.executable, "-m", "clipclean", "batch"]


def tree(root: Path, n: int) -> Path:
    src = root / "in"
    for i in range(n):
        f = src / f"d{i % 10}" / f"page{i:04}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(SEED + f"\n\nDistinct line {i}.\n".encode())
    return src


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLIPCLEAN, *map(str, args)], capture_output=True, text=True, timeout=120
    )


def outputs(out: Path) -> set[str]:
    return {
        str(p.relative_to(out))
        for p in out.rglob("*")
        if p.is_file() and ".clipclean" not in p.parts
    }


def test_a_held_lock_makes_a_second_run_exit_75_at_once(tmp_path: Path) -> None:
    src, out = tree(tmp_path, 3), tmp_path / "out"
    (out / ".clipclean").mkdir(parents=True)
    with open(out / ".clipclean" / "lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        r = run(src, "-o", out)
        assert r.returncode == 75
        assert "another clipclean batch" in r.stderr and str(out) in r.stderr
        r = run(src, "-o", out, "-q")  # cron tries again soon: nothing to mail
        assert (r.returncode, r.stderr) == (75, "")
        assert outputs(out) == set()
    r = run(src, "-o", out, "-q")  # released: the next run does the work
    assert (r.returncode, len(outputs(out))) == (0, 3)


@pytest.mark.parametrize(
    ("sig", "code", "group"),
    [
        (signal.SIGTERM, 143, False),  # kill PID
        (signal.SIGINT, 130, False),  # Ctrl-C
        (signal.SIGTERM, 143, True),  # systemctl stop: the whole process group, workers too
    ],
)
def test_a_signal_stops_cleanly_and_the_next_run_continues(
    tmp_path: Path, sig: signal.Signals, code: int, group: bool
) -> None:
    n = 250
    src, out = tree(tmp_path, n), tmp_path / "out"
    first = subprocess.Popen(
        [*CLIPCLEAN, str(src), "-o", str(out), "-j", "2" if group else "1"],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=group,
    )
    deadline = time.monotonic() + 60
    while not outputs(out) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert outputs(out), "the first run wrote nothing"
    if sig == signal.SIGTERM and not group:  # while it runs, a second one is turned away
        second = run(src, "-o", out)
        assert second.returncode == 75, second.stderr
    if group:
        os.killpg(first.pid, sig)
    else:
        first.send_signal(sig)
    _, err = first.communicate(timeout=60)
    assert first.returncode == code, err
    assert f"stopped by {sig.name}" in err
    assert ", 0 failed," in err.splitlines()[-1], err  # documents in flight were finished

    # Consistent: no temp or partial file, and exactly the recorded outputs exist, all whole.
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    with sqlite3.connect(out / ".clipclean" / "state.sqlite") as db:
        done = {
            os.fsdecode(o) for (o,) in db.execute("SELECT output FROM inputs WHERE status = 'done'")
        }
    assert 0 < len(done) < n
    assert outputs(out) == done
    for name in done:
        json.loads((out / name).read_text())

    second = run(src, "-o", out, "-j", "2")
    assert second.returncode == 0, second.stderr
    assert f"{n - len(done)} processed, {len(done)} unchanged, 0 failed" in second.stderr
    assert len(outputs(out)) == n
