"""``clipclean batch --scheduler``: the same outputs on a Dask cluster as locally, and the run's
meaning kept when a worker dies, the coordinator is stopped, or the cluster cannot be used.

Quick checks use a ``LocalCluster``; the main ones start ``dask scheduler`` and two ``dask
worker`` processes on 127.0.0.1 and run the command as a real subprocess.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dask
import pytest
from distributed import Client, LocalCluster

from clipclean.batch import BatchConfig, run_batch
from clipclean.batch.executor import ExecutorError
from conftest import FIXTURES, ROOT
from misbehaving import greedy, poison, slow
from test_batch import unstamped
from test_warc import sample

SEED = (FIXTURES / "text" / "seed_nyt.txt").read_bytes()
BATCH = [sys.executable, "-m", "clipclean", "batch"]
TESTS = str(Path(__file__).resolve().parent)


def inputs_of(src: Path) -> int:
    """How many inputs (pages and archives) ``folder`` made."""
    return sum(1 for p in src.rglob("*") if p.is_file())


def folder(root: Path, n: int = 0) -> Path:
    """The fixture pages, an archive, and ``n`` more text pages."""
    src = root / "in"
    for f in [*sorted((FIXTURES / "text").glob("*.txt")), FIXTURES / "html" / "article.html"]:
        (src / "fixtures").mkdir(parents=True, exist_ok=True)
        shutil.copy(f, src / "fixtures" / f.name)
    sample(src / "crawl.warc.gz")
    for i in range(n):
        f = src / f"more{i % 7}" / f"page{i:04}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(SEED + f"\n\nDistinct line {i}.\n".encode())
    return src


def outputs(out: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".clipclean" not in p.parts
    }


def batch(*args: str | Path, **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*BATCH, *map(str, args)], capture_output=True, text=True, timeout=300, **kw
    )  # type: ignore[call-overload]


def with_tests_on_path() -> dict[str, str]:
    """The environment, with this folder importable (a test's worker function must be)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (env.get("PYTHONPATH"), TESTS) if p)
    return env


# --- a LocalCluster ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[LocalCluster]:
    # One failure allowed: a document that takes down two workers fails.
    old = os.environ.get("PYTHONPATH")
    os.environ.update(with_tests_on_path())
    try:
        with (
            dask.config.set({"distributed.scheduler.allowed-failures": 1}),
            LocalCluster(
                n_workers=2,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                host="127.0.0.1",
            ) as cluster,
        ):
            yield cluster
    finally:
        if old is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = old


def test_a_cluster_run_writes_what_a_local_run_writes(
    tmp_path: Path, local_cluster: LocalCluster
) -> None:
    src = folder(tmp_path)
    local = run_batch(BatchConfig(str(src), str(tmp_path / "local"), jobs=2))
    config = BatchConfig(
        str(src), str(tmp_path / "dask"), scheduler=local_cluster.scheduler_address
    )
    remote = run_batch(config)
    n = inputs_of(src)
    assert remote.processed == local.processed == n and not remote.failed
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
    again = run_batch(config)
    assert again.unchanged == n and again.processed == 0


def test_a_document_that_takes_down_two_workers_fails_and_the_rest_is_done(
    tmp_path: Path, local_cluster: LocalCluster
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(15):  # (enough for two documents a task: the task is split)
        (src / f"page{i:02}.txt").write_bytes(SEED + f"\n\nLine {i}.\n".encode())
    (src / "poison.txt").write_bytes(SEED)
    config = BatchConfig(str(src), str(tmp_path / "out"), scheduler=local_cluster.scheduler_address)
    summary = run_batch(config, process=poison)
    assert summary.processed == 15
    assert [rel for rel, _ in summary.failed] == ["poison.txt"]
    assert "took down Dask workers" in summary.failed[0][1]
    Client(local_cluster.scheduler_address).close()  # (the nannies bring the workers back)


def test_the_time_limit_holds_on_the_workers(tmp_path: Path, local_cluster: LocalCluster) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "slow.txt").write_bytes(SEED)
    (src / "quick.txt").write_bytes(SEED + b"\n\nQuick.\n")
    config = BatchConfig(
        str(src), str(tmp_path / "out"), scheduler=local_cluster.scheduler_address, timeout=1.0
    )
    summary = run_batch(config, process=slow)
    assert summary.processed == 1
    assert summary.failed == [("slow.txt", "timeout (over 1 s)")]


def test_the_memory_cap_holds_on_the_workers(tmp_path: Path, local_cluster: LocalCluster) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "greedy.txt").write_bytes(SEED)
    (src / "modest.txt").write_bytes(SEED + b"\n\nModest.\n")
    config = BatchConfig(
        str(src), str(tmp_path / "out"), scheduler=local_cluster.scheduler_address, memory_mb=400
    )
    summary = run_batch(config, process=greedy)
    assert summary.processed == 1
    assert summary.failed == [("greedy.txt", "memory limit")]


def test_a_closed_port_is_one_line_and_exit_1(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # (closed again when the block ends)
    env = {**os.environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    address = f"tcp://127.0.0.1:{port}"
    r = batch(folder(tmp_path), "-o", tmp_path / "out", "--scheduler", address, env=env)
    assert r.returncode == 1
    assert unstamped(r.stderr)[0].startswith(
        f"clipclean: cannot reach the Dask scheduler at {address}: "
    )
    assert r.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()  # stopped before it touched anything


def test_without_distributed_the_option_says_which_extra_to_install(tmp_path: Path) -> None:
    code = "import sys; sys.modules['distributed'] = None; from clipclean.cli import run; run()"
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            "batch",
            str(folder(tmp_path)),
            "-o",
            str(tmp_path / "o"),
            "--scheduler",
            "tcp://127.0.0.1:1",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1
    assert unstamped(r.stderr) == [
        "clipclean: --scheduler needs dask.distributed: pip install 'clipclean[dask]'"
    ]


def test_the_library_raises_executor_error_for_a_closed_port(tmp_path: Path) -> None:
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(ExecutorError, match="cannot reach"),
    ):
        run_batch(BatchConfig(str(folder(tmp_path)), None, scheduler="tcp://127.0.0.1:9"))


# --- dask scheduler + two dask worker processes ------------------------------------------------


class Cluster:
    """``dask scheduler`` and ``dask worker`` processes on 127.0.0.1, each in its own session
    (so that a worker can be killed whole: nanny, worker and the sandboxes under it)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.file = root / "scheduler.json"
        env = {**os.environ, "DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES": "1"}
        self.scheduler = self._start(
            ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"], env
        )
        deadline = time.monotonic() + 60
        while not self.file.exists():
            assert time.monotonic() < deadline and self.scheduler.poll() is None, "no scheduler"
            time.sleep(0.1)
        self.workers = [self.worker() for _ in range(2)]
        with Client(scheduler_file=str(self.file)) as client:
            client.wait_for_workers(2, timeout=120)
            self.address = client.scheduler.address

    def _start(self, args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, "-m", "dask", *args, "--scheduler-file", str(self.file)],
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def worker(self, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        args = ["worker", "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard"]
        return self._start(args, env or dict(os.environ))

    def kill(self, proc: subprocess.Popen[bytes]) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()

    def n_workers(self) -> int:
        with Client(self.address, timeout=30) as client:
            return len(client.scheduler_info()["workers"])

    def close(self) -> None:
        for proc in [*self.workers, self.scheduler]:
            self.kill(proc)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    c = Cluster(tmp_path_factory.mktemp("dask"))
    try:
        yield c
    finally:
        c.close()


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """An input folder long enough to interrupt, and what a local run makes of it."""
    root = tmp_path_factory.mktemp("big")
    src = folder(root, 100)
    r = batch(src, "-o", root / "local", "-q")
    assert r.returncode == 0, r.stderr
    return src, outputs(root / "local")


def started_on_cluster(src: Path, out: Path, cluster: Cluster) -> subprocess.Popen[str]:
    """A batch run on the cluster, returned once it has written 20 outputs (to be interrupted)."""
    proc = subprocess.Popen(
        [*BATCH, str(src), "-o", str(out), "--scheduler", cluster.address],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_outputs(out, 20, proc)
    return proc


def wait_for_outputs(out: Path, n: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while len([p for p in out.rglob("*.json*") if ".clipclean" not in p.parts]) < n:
        assert proc.poll() is None, "the run ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_scheduler_and_two_workers_give_the_local_outputs(
    tmp_path: Path, cluster: Cluster, big: tuple[Path, dict[str, bytes]]
) -> None:
    src, expected = big
    r = batch(src, "-o", tmp_path / "out", "--scheduler", cluster.address)
    assert r.returncode == 0, r.stderr
    assert f"{len(expected)} processed, 0 unchanged, 0 failed" in r.stderr
    assert outputs(tmp_path / "out") == expected


def test_sigterm_stops_the_coordinator_and_leaves_the_cluster_running(
    tmp_path: Path, cluster: Cluster, big: tuple[Path, dict[str, bytes]]
) -> None:
    src, expected = big
    out = tmp_path / "out"
    proc = started_on_cluster(src, out, cluster)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err
    assert "stopped by SIGTERM" in err
    done = outputs(out)
    assert 20 <= len(done) < len(expected)
    with sqlite3.connect(out / ".clipclean" / "state.sqlite") as db:
        rows = db.execute("SELECT count(*) FROM inputs WHERE status = 'done'").fetchone()[0]
    assert rows == len(done)  # every output written is in the committed state
    assert cluster.scheduler.poll() is None and cluster.n_workers() == 2
    r = batch(src, "-o", out, "--scheduler", cluster.address)
    assert r.returncode == 0, r.stderr
    assert f"{len(done)} unchanged" in r.stderr
    assert outputs(out) == expected


def test_a_worker_on_other_code_is_refused_at_the_start(tmp_path: Path, cluster: Cluster) -> None:
    other = tmp_path / "other"
    shutil.copytree(ROOT / "src" / "clipclean", other / "clipclean")
    with open(other / "clipclean" / "warc.py", "a") as f:
        f.write("\n# a patched copy\n")
    env = {**os.environ, "PYTHONPATH": str(other)}
    stranger = cluster.worker(env)
    try:
        deadline = time.monotonic() + 120
        while cluster.n_workers() < 3:
            assert time.monotonic() < deadline and stranger.poll() is None
            time.sleep(0.2)
        r = batch(folder(tmp_path), "-o", tmp_path / "out", "--scheduler", cluster.address)
        assert r.returncode == 1
        (line,) = unstamped(r.stderr)
        assert line.startswith("clipclean: Dask worker tcp://127.0.0.1:") and "code" in line
        assert not (tmp_path / "out" / ".clipclean" / "state.sqlite").exists()
    finally:
        cluster.kill(stranger)


def test_a_worker_killed_mid_run_loses_nothing(
    tmp_path: Path, cluster: Cluster, big: tuple[Path, dict[str, bytes]]
) -> None:
    src, expected = big
    out = tmp_path / "out"
    proc = started_on_cluster(src, out, cluster)
    cluster.kill(cluster.workers[0])  # nanny, worker and sandbox: a machine gone
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert f"{len(expected)} processed, 0 unchanged, 0 failed" in err
    assert outputs(out) == expected
