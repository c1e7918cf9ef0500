"""Benchmark of ``clipclean batch``: throughput with one and two workers, the cost of a
no-op re-run, and the memory of each worker over a run.

    python -m bench.batch_bench [--copies 10] [--json bench/results/batch.json] [--strict]

Data: the dev HTML pages in $CLIPCLEAN_BENCH/scrapinghub/html (default ../shared/bench),
copied ``--copies`` times into a temp folder (181 x 10 = 1,810 files). Targets: >= 1.8x from
one to two workers, no-op re-run < 1 s, worker memory flat. Skips (exit 0) without the data.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clipclean.batch import BatchConfig, Reporter, run_batch
from clipclean.batch.pool import Done

ROOT = Path(__file__).resolve().parent.parent
SPEEDUP_TARGET = 1.8
NOOP_TARGET_S = 1.0
#: Growth of a worker's peak RSS between a quarter of its documents and the end that still
#: counts as flat (allocator noise, one large page arriving late).
FLAT_MIB = 32


def data_dir() -> Path:
    base = Path(os.environ.get("CLIPCLEAN_BENCH", ROOT.parent / "shared" / "bench"))
    return base / "scrapinghub" / "html"


class MemoryLog(Reporter):
    """Records each worker's peak RSS after every document it finishes, in order."""

    def __init__(self) -> None:
        self.by_pid: dict[int, list[int]] = {}
        self.cpu: dict[int, float] = {}

    def advance(self, rel: str, error: str | None, done: Done) -> None:
        if done.pid:
            self.by_pid.setdefault(done.pid, []).append(done.maxrss_kb)
            self.cpu[done.pid] = max(self.cpu.get(done.pid, 0.0), done.cpu_s)


def timed_run(src: Path, out: Path, jobs: int) -> dict[str, object]:
    log = MemoryLog()
    load = os.getloadavg()[0]
    start, parent_cpu = time.perf_counter(), time.process_time()
    summary = run_batch(BatchConfig(str(src), str(out), jobs=jobs), reporter=log)
    elapsed, parent_cpu = time.perf_counter() - start, time.process_time() - parent_cpu
    worker_cpu = sum(log.cpu.values())
    workers = []
    for pid, peaks in log.by_pid.items():
        quarter = peaks[max(len(peaks) // 4 - 1, 0)]
        workers.append(
            {
                "pid": pid,
                "docs": len(peaks),
                "peak_mib_at_quarter": round(quarter / 1024, 1),
                "peak_mib_at_end": round(peaks[-1] / 1024, 1),
            }
        )
    return {
        "jobs": jobs,
        "docs": summary.processed + len(summary.failed),
        "failed": len(summary.failed),
        "seconds": round(elapsed, 2),
        "docs_per_s": round((summary.processed + len(summary.failed)) / elapsed, 1),
        "worker_cpu_s": round(worker_cpu, 2),
        "parent_cpu_s": round(parent_cpu, 2),
        # CPUs actually obtained: below `jobs` means the machine was busy with something else.
        "cpus_used": round((worker_cpu + parent_cpu) / elapsed, 2),
        "loadavg_before": round(load, 2),
        "workers": workers,
    }


def noop_seconds(src: Path, out: Path, repeat: int = 5) -> tuple[float, str]:
    """Wall time of the whole command (interpreter start included), as cron sees it."""
    times, last = [], ""
    for _ in range(repeat):
        start = time.perf_counter()
        r = subprocess.run(
            [sys.executable, "-m", "clipclean", "batch", str(src), "-o", str(out)],
            capture_output=True,
            text=True,
        )
        times.append(time.perf_counter() - start)
        last = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""
    return statistics.median(times), last


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = ap.parse_args(argv)
    pages = sorted(data_dir().glob("*.html.gz"))
    if not pages:
        print(f"batch bench skipped: no *.html.gz under {data_dir()} (set CLIPCLEAN_BENCH)")
        return 0
    with tempfile.TemporaryDirectory(prefix="clipclean-batch-bench-") as tmp:
        src = Path(tmp) / "in"
        for i in range(args.copies):
            (src / f"copy{i}").mkdir(parents=True)
            for page in pages:
                shutil.copyfile(page, src / f"copy{i}" / page.name)
        total = len(pages) * args.copies
        print(f"{total} files ({len(pages)} pages x {args.copies}), {os.cpu_count()} CPUs")
        one = timed_run(src, Path(tmp) / "out1", 1)
        two = timed_run(src, Path(tmp) / "out2", 2)
        noop, noop_line = noop_seconds(src, Path(tmp) / "out2")
    speedup = one["seconds"] / two["seconds"]  # type: ignore[operator]
    # What the speed-up would be on two otherwise idle CPUs (the work is CPU-bound): one
    # worker takes its CPU time (the parent runs beside it); two workers and the parent share
    # two CPUs. Shown next to the measured figure because a busy machine hides it.
    cpu_speedup = one["worker_cpu_s"] / (  # type: ignore[operator]
        (two["worker_cpu_s"] + two["parent_cpu_s"]) / 2  # type: ignore[operator]
    )
    growth = max(
        w["peak_mib_at_end"] - w["peak_mib_at_quarter"]
        for w in [*one["workers"], *two["workers"]]  # type: ignore[misc]
    )
    for r in (one, two):
        print(
            f"--jobs {r['jobs']}: {r['seconds']} s, {r['docs_per_s']} docs/s, "
            f"{r['failed']} failed; CPU: workers {r['worker_cpu_s']} s, parent "
            f"{r['parent_cpu_s']} s, {r['cpus_used']} CPUs used; load before {r['loadavg_before']}"
        )
        for w in r["workers"]:  # type: ignore[attr-defined]
            print(
                f"    worker {w['pid']}: {w['docs']} docs, peak RSS "
                f"{w['peak_mib_at_quarter']} MiB at 1/4, {w['peak_mib_at_end']} MiB at end"
            )
    print(
        f"speed-up 1->2 workers: {speedup:.2f}x wall; {cpu_speedup:.2f}x expected on 2 idle CPUs "
        "(from CPU times)"
    )
    print(f"no-op re-run (whole command, median of 5): {noop:.3f} s  [{noop_line}]")
    checks = {
        f"speed-up 1->2 workers {speedup:.2f}x >= {SPEEDUP_TARGET}x": speedup >= SPEEDUP_TARGET,
        f"no-op re-run {noop:.3f} s < {NOOP_TARGET_S} s": noop < NOOP_TARGET_S,
        f"worker memory growth {growth:.1f} MiB <= {FLAT_MIB} MiB": growth <= FLAT_MIB,
    }
    for text, ok in checks.items():
        print(f"{'PASS' if ok else 'MISS'}  {text}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        figures = {
            "jobs1": one,
            "jobs2": two,
            "noop_s": round(noop, 3),
            "speedup": speedup,
            "cpu_speedup": cpu_speedup,
        }
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 1 if args.strict and not all(checks.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
