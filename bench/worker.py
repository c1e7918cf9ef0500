"""Run one tool over one suite in a fresh process and report predictions, speed and memory.

Invoked as ``python -m bench.worker JOB.json OUT.json`` by the runner. A fresh process per tool
keeps one tool's imports, caches and heap from inflating another's memory figure. Order:
load inputs -> import the tool -> warm up on one page -> time the serial extraction loop
(``repeat`` passes over the pages; docs/s is the median pass's, the first is reported too).
Network access is refused inside the worker: a tool that tries it gets an OSError, and the
attempts are counted in the output so a silently "online" tool is visible.
"""

from __future__ import annotations

import contextlib
import json
import resource
import socket
import statistics
import sys
import time
import traceback
from pathlib import Path

from bench import data as bench_data
from bench.tools import TOOLS

_NET_ATTEMPTS: list[str] = []


def _block_network() -> None:
    """Make every non-local socket connect fail fast, and remember who tried."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def allowed(sock: socket.socket, address: object) -> bool:
        if sock.family == socket.AF_UNIX:
            return True
        host = address[0] if isinstance(address, tuple) else str(address)
        return str(host) in ("127.0.0.1", "::1", "localhost")

    def connect(self: socket.socket, address: object) -> None:
        if not allowed(self, address):
            _NET_ATTEMPTS.append(repr(address))
            raise OSError(f"network disabled in bench worker: {address!r}")
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: object) -> int:
        if not allowed(self, address):
            _NET_ATTEMPTS.append(repr(address))
            return 111  # ECONNREFUSED
        return real_connect_ex(self, address)

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]


def rss_mib() -> float:
    """Current resident set size in MiB (from /proc; falls back to the peak elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mib()


def peak_rss_mib() -> float:
    """Peak RSS of this process so far in MiB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_job(job: dict[str, object]) -> dict[str, object]:
    """Execute a job dict (tool, param, suite, bench_dir, page_ids, urls) and return results."""
    _block_network()
    tool = TOOLS[str(job["tool"])]
    suite = str(job["suite"])
    page_ids: list[str] = list(job["page_ids"])  # type: ignore[arg-type]
    urls: list[str] = list(job["urls"])  # type: ignore[arg-type]
    param = job.get("param")

    rss_start = rss_mib()
    inputs = bench_data.load_inputs(Path(str(job["bench_dir"])), suite, page_ids)
    rss_data = rss_mib()
    try:
        extract = tool.loader_for(suite)(int(param) if param is not None else None)
    except ImportError as exc:
        return {"status": "unavailable", "reason": f"{type(exc).__name__}: {exc}"}
    rss_import = rss_mib()

    if inputs:  # warm-up: lazy imports, regex compilation, model/caches loaded on first use
        with contextlib.suppress(Exception):  # errors are counted in the timed loop below
            extract(inputs[0], urls[0])
    rss_warm = rss_mib()

    repeat = max(1, int(job.get("repeat") or 1))  # type: ignore[call-overload]
    preds: list[dict[str, object]] = []
    errors: dict[str, str] = {}
    page_times: list[float] = []
    passes: list[float] = []
    for n in range(repeat):  # the predictions and page times are the first pass's
        t0 = time.perf_counter()
        for pid, inp, url in zip(page_ids, inputs, urls, strict=True):
            t = time.perf_counter()
            try:
                pred = extract(inp, url)
            except Exception as exc:  # one bad page must not sink the run
                pred = {"body": ""}
                if n == 0:
                    errors[pid] = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            if n == 0:
                page_times.append(time.perf_counter() - t)
                preds.append(pred)
        passes.append(time.perf_counter() - t0)
    elapsed = statistics.median(passes)
    conservation = _coverage(tool.key, suite, inputs)

    return {
        "status": "ok",
        "preds": preds,
        "errors": errors,
        "network_attempts": _NET_ATTEMPTS[:20],
        "speed": {
            "n": len(page_ids),
            "seconds": elapsed,
            "docs_per_s": len(page_ids) / elapsed if elapsed > 0 else None,
            "passes": len(passes),
            "first_pass_docs_per_s": len(page_ids) / passes[0] if passes[0] > 0 else None,
            "max_page_s": max(page_times, default=0.0),
            "page_seconds": dict(zip(page_ids, page_times, strict=True)),
        },
        **({"coverage": conservation} if conservation is not None else {}),
        "memory": {
            "rss_start_mib": rss_start,
            "rss_after_data_mib": rss_data,
            "rss_after_import_mib": rss_import,
            "rss_after_warmup_mib": rss_warm,
            "rss_end_mib": rss_mib(),
            "peak_rss_mib": peak_rss_mib(),
        },
    }


def _coverage(key: str, suite: str, inputs: list[bytes | str]) -> dict[str, object] | None:
    """clipclean only, after the timed loop: the share of the words a reader sees that are in
    the output with ``explain`` (bench/coverage.py), min/mean over the pages."""
    if not key.startswith("clipclean") or suite == "meta":
        return None
    from bench import coverage
    from bench.tools import TEXT_SUITES

    kind = "text" if suite in TEXT_SUITES else "html"
    return dict(coverage.summary(coverage.of_inputs(inputs, kind)))


def main(argv: list[str] | None = None) -> int:
    """CLI entry: read the job file, run it, write the result file."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m bench.worker JOB.json OUT.json", file=sys.stderr)
        return 2
    job = json.loads(Path(args[0]).read_text("utf-8"))
    result = run_job(job)
    Path(args[1]).write_text(json.dumps(result, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
