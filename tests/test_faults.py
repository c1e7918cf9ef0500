"""Fault injection: an operator's bad day, one test per case of issue 14.

Real files and real subprocesses; full disks are small tmpfs mounts and devices real device
nodes, so those tests need root (they skip, saying so, without it). Permission cases run the
command as ``nobody`` when the tests run as root (root reads a mode-000 file).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from clipclean.batch import BatchConfig, run_batch
from clipclean.batch.work import Job, Options, Result, process
from conftest import FIXTURES
from test_batch import unstamped

SEED = (FIXTURES / "text" / "seed_nyt.txt").read_bytes()
CLIPCLEAN = [sys.executable, "-m", "clipclean"]
ROOT = os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="needs root (mount, mknod, losetup)")


def pages(folder: Path, n: int, prefix: str = "page") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{prefix}{i:04}.txt").write_bytes(SEED + f"\n\nDistinct line {i}.\n".encode())
    return folder


def run(*args: str | Path, timeout: float = 120, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLIPCLEAN, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        **kw,
    )


def batch(*args: str | Path, **kw: Any) -> subprocess.CompletedProcess[str]:
    return run("batch", *args, **kw)


def outputs(out: Path) -> dict[str, Path]:
    return {
        str(p.relative_to(out)): p
        for p in out.rglob("*.json")
        if ".clipclean" not in p.parts and p.is_file()
    }


def temp_files(*folders: Path) -> list[Path]:
    return [p for f in folders for p in f.rglob(".*.tmp")]


def assert_no_traceback(r: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in r.stderr and "Error:" not in r.stderr, r.stderr


def valid(out: Path, n: int) -> None:
    """OUT_DIR holds ``n`` complete JSON documents and nothing half-written."""
    found = outputs(out)
    assert len(found) == n
    for path in found.values():
        assert json.loads(path.read_bytes())["body"]
    assert temp_files(out) == []


def integrity(out: Path) -> str:
    with contextlib.closing(sqlite3.connect(out / ".clipclean" / "state.sqlite")) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)])
    if r.returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)])


#: Root without its power to ignore file modes (so a mode-000 file is unreadable to it too).
DROP_DAC = ["--inh-caps=-dac_override,-dac_read_search"]
DROP_DAC += ["--bounding-set=-dac_override,-dac_read_search"]
UNPRIVILEGED = ["setpriv", *DROP_DAC] if ROOT else []
needs_modes = pytest.mark.skipif(
    ROOT and shutil.which("setpriv") is None, reason="root reads any file; no setpriv to drop it"
)


def unprivileged(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*UNPRIVILEGED, *CLIPCLEAN, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


# 1. An output path that is a device, a FIFO, or a linked folder ---------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_output_is_reported_not_waited_on(tmp_path: Path) -> None:
    src, out = pages(tmp_path / "in", 3), tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / "page0001.json")
    r = batch(src, "-o", out, "-j", "1", timeout=60)  # before: blocked in open() forever
    assert r.returncode == 1
    assert "page0001.txt: cannot write page0001.json: not a regular file" in r.stderr
    assert stat.S_ISFIFO(os.lstat(out / "page0001.json").st_mode)
    assert sorted(outputs(out)) == ["page0000.json", "page0002.json"]


def test_a_link_to_a_device_is_never_written_through(tmp_path: Path) -> None:
    src, out = pages(tmp_path / "in", 2), tmp_path / "out"
    out.mkdir()
    os.symlink(os.devnull, out / "page0000.json")
    r = batch(src, "-o", out)  # before: the JSON went into the device, exit 0
    assert r.returncode == 1
    assert "cannot write page0000.json: not a regular file" in r.stderr
    assert os.readlink(out / "page0000.json") == os.devnull


@needs_root
def test_a_block_device_behind_a_link_stays_untouched(tmp_path: Path) -> None:
    backing = tmp_path / "disk.img"
    backing.write_bytes(b"\0" * (1 << 20))
    r = subprocess.run(["losetup", "-f", "--show", str(backing)], capture_output=True, text=True)
    if r.returncode:
        pytest.skip(f"no loop device: {r.stderr.strip()}")
    device = r.stdout.strip()
    try:
        src, out = pages(tmp_path / "in", 2), tmp_path / "out"
        out.mkdir()
        os.symlink(device, out / "page0000.json")
        r = batch(src, "-o", out)
        assert r.returncode == 1
        assert "cannot write page0000.json: not a regular file" in r.stderr
    finally:
        subprocess.run(["losetup", "-d", device])
    assert backing.read_bytes() == b"\0" * (1 << 20)


def test_a_linked_output_subfolder_is_not_followed(tmp_path: Path) -> None:
    """Decision: outputs are written inside OUT_DIR only; a subfolder that is a symbolic link
    (here to a folder outside OUT_DIR) is refused for each document under it."""
    src = tmp_path / "in"
    pages(src / "sub", 2)
    pages(src, 1)
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    os.symlink(elsewhere, out / "sub")
    r = batch(src, "-o", out)
    assert r.returncode == 1
    assert "cannot write sub/page0000.json: sub is a symbolic link" in r.stderr
    assert list(elsewhere.iterdir()) == []  # before: both outputs landed here
    assert (out / "page0000.json").is_file()


# 2. Disk full --------------------------------------------------------------------------------


@needs_root
def test_a_full_output_disk_is_reported_and_the_next_run_completes(tmp_path: Path) -> None:
    src = pages(tmp_path / "in", 200)  # ~19 KiB of JSON each: twice what 2 MiB holds
    out = tmp_path / "out"
    with tmpfs(out, "2m"):
        r = batch(src, "-o", out, "-j", "2")
        assert_no_traceback(r)  # before: sqlite3.OperationalError from State.commit
        assert r.returncode == 1
        assert "No space left on device" in r.stderr
        assert "stopped early" in r.stderr and "left for the next run" in r.stderr
        assert integrity(out) == "ok"
        assert temp_files(out) == []
        again = batch(src, "-o", out)  # still full: the same advice, not "move it away"
        assert_no_traceback(again)
        assert again.returncode == 1 and "move it away" not in again.stderr
        subprocess.run(["mount", "-o", "remount,size=16m", str(out)], check=True)
        done = batch(src, "-o", out)
        assert done.returncode == 0, done.stderr
        valid(out, 200)
        assert integrity(out) == "ok"


@needs_root
def test_a_full_state_disk_is_reported_and_the_next_run_completes(tmp_path: Path) -> None:
    src, out = pages(tmp_path / "in", 300), tmp_path / "out"
    with tmpfs(out / ".clipclean", "64k"):
        r = batch(src, "-o", out, "-j", "2")
        assert_no_traceback(r)
        assert r.returncode == 1
        assert "state.sqlite: database or disk is full: free some space" in r.stderr
        subprocess.run(["mount", "-o", "remount,size=8m", str(out / ".clipclean")], check=True)
        done = batch(src, "-o", out)
        assert done.returncode == 0, done.stderr
        valid(out, 300)
        assert integrity(out) == "ok"
        assert "0 processed, 300 unchanged" in batch(src, "-o", out).stderr


# 3. -o equal to the input ----------------------------------------------------------------------


@pytest.mark.parametrize("how", ["same", "gzip", "hardlink", "symlink"])
def test_an_output_that_is_an_input_is_refused(tmp_path: Path, how: str) -> None:
    import gzip

    page = tmp_path / ("page.html.gz" if how == "gzip" else "page.txt")
    page.write_bytes(gzip.compress(SEED) if how == "gzip" else SEED)
    target = page
    if how == "hardlink":
        os.link(page, target := tmp_path / "other.json")
    elif how == "symlink":
        os.symlink(page, target := tmp_path / "other.json")
    before = page.read_bytes()
    r = run("-o", target, page)
    assert r.returncode == 2  # before: the input replaced by its JSON, exit 0
    assert r.stderr.count("\n") == 1 and "is also the output" in r.stderr
    assert page.read_bytes() == before


# 4. Closed standard streams ----------------------------------------------------------------


def closed(fd: int) -> dict[str, Any]:
    return {"preexec_fn": lambda: os.close(fd)}


def test_batch_works_with_stdin_closed(tmp_path: Path) -> None:
    src, out = pages(tmp_path / "in", 3), tmp_path / "out"
    r = batch(src, "-o", out, **closed(0))  # before: AttributeError ('buffer')
    assert_no_traceback(r)
    assert r.returncode == 0
    valid(out, 3)


def test_clean_to_a_file_works_with_stdout_closed(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED)
    r = subprocess.run(
        [*CLIPCLEAN, "-o", str(tmp_path / "out.json"), str(page)],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        **closed(1),
    )  # before: AttributeError ('encoding')
    assert_no_traceback(r)
    assert r.returncode == 0
    assert json.loads((tmp_path / "out.json").read_bytes())["body"]


def test_clean_to_a_closed_stdout_is_one_error(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED)
    r = subprocess.run(
        [*CLIPCLEAN, str(page)],
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        **closed(1),
    )
    assert r.returncode == 1
    assert r.stderr.startswith("clipclean: <stdout>: ") and r.stderr.count("\n") == 1


# 5. State database faults ------------------------------------------------------------------


def state_file(out: Path) -> Path:
    return out / ".clipclean" / "state.sqlite"


def test_a_damaged_state_is_set_aside_and_rebuilt(tmp_path: Path) -> None:
    src, out = pages(tmp_path / "in", 60), tmp_path / "out"
    assert batch(src, "-o", out).returncode == 0
    db = state_file(out)
    assert db.stat().st_size >= 5 * 4096
    with open(db, "r+b") as f:  # three pages of 0xFF
        f.seek(1 * 4096)
        f.write(b"\xff" * 3 * 4096)
    r = batch(src, "-o", out)  # before: a traceback from State.rows() on every run
    assert_no_traceback(r)
    assert r.returncode == 0, r.stderr
    notes = [line for line in r.stderr.splitlines() if "set aside" in line]
    assert len(notes) == 1 and "state.sqlite.broken-" in notes[0]
    assert len(list(db.parent.glob("state.sqlite.broken-*"))) == 1
    valid(out, 60)
    assert "0 processed, 60 unchanged" in batch(src, "-o", out).stderr


def test_a_foreign_state_is_set_aside(tmp_path: Path) -> None:
    src, out = pages(tmp_path / "in", 3), tmp_path / "out"
    state_file(out).parent.mkdir(parents=True)
    with contextlib.closing(sqlite3.connect(state_file(out))) as db:
        db.execute("CREATE TABLE inputs(x)")
        db.commit()
    r = batch(src, "-o", out)  # before: "no such column: path", a traceback
    assert_no_traceback(r)
    assert r.returncode == 0
    assert "not a clipclean state database" in r.stderr and "set aside" in r.stderr
    valid(out, 3)


@needs_modes
def test_a_read_only_state_gets_advice_that_works(tmp_path: Path) -> None:
    src = pages(tmp_path / "in", 3)
    assert unprivileged("batch", "in", "-o", "out", cwd=tmp_path).returncode == 0
    db = state_file(tmp_path / "out")
    os.chmod(db, 0o444)
    r = unprivileged("batch", "in", "-o", "out", cwd=tmp_path)
    assert_no_traceback(r)
    assert r.returncode == 1
    assert unstamped(r.stderr)[0].startswith("clipclean: out/.clipclean/state.sqlite: not writable")
    (src / "new.txt").write_bytes(SEED)
    os.chmod(db, 0o644)  # the advice; before: still failing over a stale -shm
    r = unprivileged("batch", "in", "-o", "out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "1 processed, 3 unchanged" in r.stderr


# 6. kill -9 ----------------------------------------------------------------------------------


#: A pid no process can have (above the kernel's largest).
PID_MAX = Path("/proc/sys/kernel/pid_max")
DEAD_PID = int(PID_MAX.read_text()) + 1 if PID_MAX.exists() else 2**22 + 1


def kill_mid_run(src: Path, out: Path, jsonl: Path) -> None:
    proc = subprocess.Popen(
        [*CLIPCLEAN, "batch", str(src), "-o", str(out), "-j", "2", "--jsonl", str(jsonl)],
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while len(outputs(out)) < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_after_kill_9_no_temp_file_stays_and_no_document_misses_the_json_lines(
    tmp_path: Path,
) -> None:
    src, out, feed = pages(tmp_path / "in", 300), tmp_path / "out", tmp_path / "feed"
    feed.mkdir()
    jsonl = feed / "new.jsonl"
    kill_mid_run(src, out, jsonl)
    assert outputs(out) and not jsonl.exists()  # some documents done, none published
    # What killed runs leave: clipclean's temp files (this version's and the older pattern),
    # next to files of the same shape that are not clipclean's and must stay.
    dead = DEAD_PID
    ours = [
        out / f".page0001.json.clipclean-{dead}-0123abcd.tmp",
        out / ".page0002.json.k2j4h5g6.tmp",
        feed / f".new.jsonl.clipclean-{dead}-0123abcd.tmp",
    ]
    theirs = [out / ".notes.tmp", out / ".page0003.json.tmp", feed / ".other.jsonl.x.tmp"]
    for p in ours + theirs:
        p.write_bytes(b"{")
    r = batch(src, "-o", out, "--jsonl", jsonl)
    assert r.returncode == 0, r.stderr
    assert sorted(temp_files(out, feed)) == sorted(theirs)
    valid_names = {json.loads(line)["source"]["path"] for line in jsonl.read_text().splitlines()}
    assert valid_names == {p.name for p in src.iterdir()}  # before: the killed run's were lost


# 7. Two input folders, one output folder ---------------------------------------------------


def test_an_output_folder_belongs_to_its_input_folder(tmp_path: Path) -> None:
    a, b = pages(tmp_path / "inA", 3), tmp_path / "inB"
    pages(b, 2)
    (b / "page0001.txt").write_bytes(SEED + b"\n\nFrom B.\n")
    out = tmp_path / "out"
    assert batch(a, "-o", out).returncode == 0
    before = {name: p.read_bytes() for name, p in outputs(out).items()}
    for extra in ([], ["--prune"]):
        r = batch(b, "-o", out, *extra)
        assert r.returncode == 2  # before: A's outputs replaced, or pruned
        assert r.stderr.count("\n") == 1 and "--rehome" in r.stderr and str(a) in r.stderr
        assert {name: p.read_bytes() for name, p in outputs(out).items()} == before
    r = batch(b, "-o", out, "--rehome")
    assert r.returncode == 0, r.stderr
    made = json.loads((out / "page0001.json").read_bytes())["source"]["sha256"]
    assert made == hashlib.sha256((b / "page0001.txt").read_bytes()).hexdigest()
    assert batch(b, "-o", out).returncode == 0  # B's now


# 8. A damaged output is repaired -------------------------------------------------------------


@pytest.mark.parametrize("damage", ["empty", "edited"])
def test_a_damaged_output_is_redone(tmp_path: Path, damage: str) -> None:
    src, out = pages(tmp_path / "in", 3), tmp_path / "out"
    assert batch(src, "-o", out).returncode == 0
    target = out / "page0001.json"
    good = target.read_bytes()
    if damage == "empty":
        target.write_bytes(b"")
    else:
        target.write_bytes(good.replace(b"Distinct", b"Dist1nct"))  # same size, new mtime
    r = batch(src, "-o", out)
    assert "1 processed, 2 unchanged" in r.stderr  # before: "unchanged", the damage kept
    assert target.read_bytes() == good


# 9. An input that became a folder ------------------------------------------------------------


def test_an_input_replaced_by_a_folder_is_reported_and_leaks_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "page.html"
    folder.mkdir()
    job = Job(Options(), "page.html", str(folder))
    fds = len(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    for _ in range(20):
        result = process(job)  # before: IsADirectoryError out of process(), a descriptor lost
        assert result.error == "is a directory"
    if fds is not None:
        assert len(os.listdir("/proc/self/fd")) == fds


# 10. Worker deaths named plainly -------------------------------------------------------------


def victim(job: Job) -> Result:
    """victim*: says its pid (in a file next to the input), then waits to be killed."""
    if Path(job.rel).name.startswith("victim"):
        Path(job.path + ".pid").write_text(str(os.getpid()))
        time.sleep(60)
    return process(job)


def kill_when_ready(pid_file: Path, forkserver_first: bool) -> threading.Thread:
    def go() -> None:
        deadline = time.monotonic() + 60
        while not pid_file.exists() or not pid_file.read_text():
            if time.monotonic() > deadline:
                return
            time.sleep(0.02)
        pid = int(pid_file.read_text())
        if forkserver_first:
            parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
            os.kill(parent, signal.SIGKILL)
            time.sleep(0.3)
        os.kill(pid, signal.SIGKILL)

    t = threading.Thread(target=go, daemon=True)
    t.start()
    return t


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs /proc")
@pytest.mark.parametrize("forkserver_first", [False, True])
def test_a_killed_worker_is_named_by_its_signal(tmp_path: Path, forkserver_first: bool) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "victim.txt").write_bytes(SEED)
    (src / "z.txt").write_bytes(SEED)
    killer = kill_when_ready(src / "victim.txt.pid", forkserver_first)
    config = BatchConfig(str(src), str(tmp_path / "out"), jobs=1, timeout=30)
    summary = run_batch(config, process=victim)
    killer.join()
    # before: "memory limit (worker killed by SIGKILL)", or "... (status 255)"
    assert summary.failed == [("victim.txt", "worker killed by SIGKILL")]
    assert summary.processed == 1


# 11. An unreadable file among several --------------------------------------------------------


@needs_modes
def test_an_unreadable_file_is_like_a_missing_one(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(SEED)
    os.chmod(tmp_path / "b.txt", 0)
    r = unprivileged("a.txt", "b.txt", "c.txt", "missing.txt", "-f", "jsonl", cwd=tmp_path)
    assert r.returncode == 1  # before: a usage error (2), nothing cleaned
    assert r.stderr.splitlines() == [
        "clipclean: b.txt: permission denied",
        "clipclean: missing.txt: no such file",
    ]
    assert len(r.stdout.splitlines()) == 2
