"""kill -9 trial of ``clipclean batch``: many SIGKILLs at random points, then one run to the
end, then a check that nothing was lost or left behind.

    python -m bench.faults [--files 2000] [--kills 20] [--jobs 2] [--seed 1] [--max-delay 8]
                           [--json FILE]

Inputs: the dev HTML pages ($CLIPCLEAN_BENCH/scrapinghub/html, default ../shared/bench)
copied to ``--files`` files (the bundled text fixture, made distinct, when the data is absent).
Each trial edits ~3% of the inputs (a scraper at work, so every run has work to do), starts
``clipclean batch IN -o OUT --jsonl FEED/new.jsonl`` and SIGKILLs it after a random delay
(0 to ``--max-delay`` s: in its start-up, its walk, or amid the documents);
a consumer takes FEED/new.jsonl whenever a run published one. After the last kill one run
goes to the end. Reported, all of which must be zero:

- temp files left in OUT_DIR or next to the JSON Lines file (``.*.tmp``);
- inputs with no output, and outputs that are not valid JSON or not made from the input's
  current content (``source.sha256``);
- documents missing from the JSON Lines: an input (or an edit of it) never delivered in a
  published file;
- state integrity: ``PRAGMA integrity_check``, a ``done`` row per input (no other), its
  recorded output there with the recorded size and mtime, the recorded input hash current,
  nothing left pending; and a re-run that finds nothing to do.

Exit 1 when any figure is not zero.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clipclean.batch.names import plan_outputs

ROOT = Path(__file__).resolve().parent.parent
CLIPCLEAN = [sys.executable, "-m", "clipclean", "batch"]


def data_dir() -> Path:
    base = Path(os.environ.get("CLIPCLEAN_BENCH", ROOT.parent / "shared" / "bench"))
    return base / "scrapinghub" / "html"


def make_inputs(src: Path, n: int) -> str:
    """``n`` distinct inputs in ``src`` (in subfolders of 100); says what they are."""
    pages = sorted(data_dir().glob("*.html.gz"))
    seed = (ROOT / "fixtures" / "text" / "seed_nyt.txt").read_bytes()
    for i in range(n):
        folder = src / f"d{i // 100:03}"
        folder.mkdir(parents=True, exist_ok=True)
        if pages:
            page = pages[i % len(pages)]
            (folder / f"p{i:05}.html.gz").write_bytes(page.read_bytes())
        else:
            (folder / f"p{i:05}.txt").write_bytes(seed + f"\n\nDistinct line {i}.\n".encode())
    if pages:
        return f"{n} copies of the {len(pages)} dev HTML pages ({data_dir()})"
    return f"{n} text pages (the bundled fixture; {data_dir()} is absent)"


def content(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def edit(path: Path, mark: str) -> None:
    """A new revision of the page: an appended line."""
    extra = f"\n<!-- {mark} -->\n" if path.name.endswith(".html.gz") else f"\n{mark}\n"
    data = content(path) + extra.encode()
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)


class Feed:
    """The consumer of FEED/new.jsonl: takes each published file, notes what it delivered."""

    def __init__(self, folder: Path) -> None:
        self.file = folder / "new.jsonl"
        self.delivered: set[tuple[str, str]] = set()  # (path, sha256 of the content)
        self.files = 0

    def take(self) -> None:
        if not self.file.exists():
            return
        for line in self.file.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            self.delivered.add((doc["source"]["path"], doc["source"]["sha256"]))
        self.file.unlink()
        self.files += 1


def temp_files(*folders: Path) -> list[Path]:
    return [p for f in folders for p in f.rglob(".*.tmp")]


def run_once(
    src: Path, out: Path, feed: Feed, jobs: int, kill_after: float | None
) -> tuple[str, float]:
    """One run, SIGKILLed after ``kill_after`` s (None: to the end); what became of it."""
    cmd = [*CLIPCLEAN, str(src), "-o", str(out), "-j", str(jobs), "-q", "--jsonl", str(feed.file)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    try:
        proc.wait(kill_after)
        outcome = f"ended (exit {proc.returncode})"
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        outcome = "killed"
    err = proc.stderr.read() if proc.stderr else ""
    proc.stderr.close() if proc.stderr else None
    if "Traceback" in err:
        outcome += " with a traceback"
    if outcome.startswith("ended") and proc.returncode not in (0,):
        outcome += f": {err.strip()[-300:]}"
    return outcome, time.perf_counter() - start


def check(src: Path, out: Path, feed_dir: Path, feed: Feed) -> dict[str, int]:
    inputs = {str(p.relative_to(src)): p for p in src.rglob("*") if p.is_file()}
    plan = plan_outputs(inputs, ".json")
    missing = invalid = 0
    for rel, path in inputs.items():
        target = out / plan[rel]
        if not target.is_file():
            missing += 1
            continue
        try:
            doc = json.loads(target.read_bytes())
            ok = doc["source"]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        except (ValueError, KeyError):
            ok = False
        invalid += not ok
    current = {(rel, hashlib.sha256(p.read_bytes()).hexdigest()) for rel, p in inputs.items()}
    undelivered = len(current - feed.delivered)

    bad_rows = 0
    db_path = out / ".clipclean" / "state.sqlite"
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        rows = db.execute(
            "SELECT path, sha256, output, status, out_size, out_mtime_ns, pending FROM inputs"
        ).fetchall()
    seen = set()
    for path, sha, output, status, size, mtime, pending in rows:
        rel = os.fsdecode(path)
        seen.add(rel)
        if rel not in inputs or status != "done" or pending:
            bad_rows += 1
            continue
        st = os.lstat(out / os.fsdecode(output)) if output else None
        if (
            st is None
            or (st.st_size, st.st_mtime_ns) != (size, mtime)
            or sha != hashlib.sha256(inputs[rel].read_bytes()).hexdigest()
        ):
            bad_rows += 1
    bad_rows += len(set(inputs) - seen)
    noop = subprocess.run([*CLIPCLEAN, str(src), "-o", str(out)], capture_output=True, text=True)
    redone = 0 if " 0 processed" in noop.stderr and noop.returncode == 0 else 1
    if redone:
        print(f"re-run: exit {noop.returncode}: {noop.stderr.strip()[-500:]}")
    return {
        "leftover temp files": len(temp_files(out, feed_dir)),
        "missing outputs": missing,
        "invalid or stale outputs": invalid,
        "documents missing from JSON Lines": undelivered,
        "state: integrity_check not ok": int(integrity != "ok"),
        "state: rows wrong or missing": bad_rows,
        "state: re-run found work": redone,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-delay", type=float, default=8.0, help="longest wait before a kill (s)")
    ap.add_argument("--json", type=Path, help="write the figures here too")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="clipclean-faults-"))
    try:
        src, out, feed_dir = work / "in", work / "out", work / "feed"
        feed_dir.mkdir()
        print(f"inputs: {make_inputs(src, args.files)}", flush=True)
        inputs = sorted(p for p in src.rglob("*") if p.is_file())
        feed = Feed(feed_dir)
        kills, left_by_kills, tracebacks, log = 0, 0, 0, []
        for trial in range(args.kills):
            if trial:
                for p in rng.sample(inputs, max(1, len(inputs) * 3 // 100)):
                    edit(p, f"revision {trial}")
            delay = rng.uniform(0.05, args.max_delay)
            outcome, took = run_once(src, out, feed, args.jobs, delay)
            kills += outcome == "killed"
            tracebacks += "traceback" in outcome
            left = len(temp_files(out, feed_dir))
            left_by_kills += left
            feed.take()
            done = len(list(out.rglob("*.json")))
            log.append(
                f"run {trial + 1:2}: {outcome} after {took:.2f} s; {done} outputs, {left} temp"
            )
            print(log[-1], flush=True)
        outcome, took = run_once(src, out, feed, args.jobs, None)
        feed.take()
        tracebacks += "traceback" in outcome
        print(f"final run: {outcome} after {took:.2f} s", flush=True)
        figures = {"runs with a traceback": tracebacks, **check(src, out, feed_dir, feed)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{kills} SIGKILLs; {left_by_kills} temp files were left by them (before the next run)")
    print(f"{feed.files} JSON Lines files published, {len(feed.delivered)} documents delivered")
    for name, value in figures.items():
        print(f"  {name:<36} {value}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        summary = {"kills": kills, "temp files left by kills": left_by_kills, **figures}
        args.json.write_text(json.dumps(summary, indent=2) + "\n")
    return 1 if any(figures.values()) else 0


if __name__ == "__main__":
    raise SystemExit(main())
