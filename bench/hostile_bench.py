"""Hostile sizes and shapes, end to end through the CLI: time, peak memory, text kept.

    python -m bench.hostile_bench [--timeout 600] [--only NAME] [-- extra clipclean options]

Each case is generated into a temp folder, run as its own ``clipclean FILE -f text`` process
(so the peak RSS is that run's alone), and checked: every marker word of the input must be in
the output, or the run must have ended with a one-line error. These are the full sizes the unit
tests only try in small versions (tests/test_hostile.py).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PARA = "The council voted on Tuesday to approve the new budget for the coming year, said {m}."


def page_50mb() -> tuple[str, int]:
    n = 10_000  # ~5 KB paragraphs: a very long page, not a pathological one
    body = "".join(f"<p>{(PARA.format(m=f'M{i}') + ' ') * 55}</p>\n" for i in range(n))
    return f"<html><body><article>{body}</article></body></html>", n


def text_node_12mb() -> tuple[str, int]:
    n = 12_000_000 // 30
    words = " ".join(f"M{i} lorem ipsum dolor" for i in range(n))
    return f"<html><body><article><p>{words}</p></article></body></html>", n


def nested_100k() -> tuple[str, int]:
    depth = 100_000
    inner = PARA.format(m="M0")
    return "<html><body>" + "<div>" * depth + f"<p>{inner}</p>" + "</div>" * depth, 1


def paragraphs_200k() -> tuple[str, int]:
    n = 200_000
    body = "".join(f"<p>{PARA.format(m=f'M{i}')}</p>" for i in range(n))
    return f"<html><body><article>{body}</article></body></html>", n


def line_1m() -> tuple[str, int]:
    n = 1_000_000 // 8
    return " ".join(f"M{i} word" for i in range(n)) + "\n", n


def empty_lines_5m() -> tuple[str, int]:
    return PARA.format(m="M0") + "\n" * 5_000_000 + PARA.format(m="M1") + "\n", 2


CASES: dict[str, Callable[[], tuple[str, int]]] = {
    "page_50mb": page_50mb,
    "text_node_12mb": text_node_12mb,
    "nested_100k": nested_100k,
    "paragraphs_200k": paragraphs_200k,
    "line_1m": line_1m,
    "empty_lines_5m": empty_lines_5m,
}


def run_case(name: str, timeout: float, extra: list[str]) -> str:
    text, markers = CASES[name]()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.html"
        path.write_text(text, encoding="utf-8")
        del text  # a forked child's peak RSS starts at its parent's: keep the parent small
        size = path.stat().st_size
        out_path = Path(tmp) / "out.txt"
        cmd = [sys.executable, "-m", "clipclean", str(path), "-f", "text", *extra]
        with open(out_path, "wb") as out:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE)
            deadline = start + timeout
            status, usage = 0, None
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    proc.kill()
                    os.wait4(proc.pid, 0)
                    return f"{name:16} {size / 1e6:7.1f} MB  TIMEOUT after {timeout:.0f}s"
                time.sleep(0.05)
            elapsed = time.perf_counter() - start
        err = proc.stderr.read().decode("utf-8", "replace").strip() if proc.stderr else ""
        code = os.waitstatus_to_exitcode(status)
        output = out_path.read_text(encoding="utf-8")
        kept = len({int(m) for m in re.findall(r"\bM(\d+)\b", output)} & set(range(markers)))
        rss = usage.ru_maxrss / 1024 if usage else 0
        verdict = f"kept {kept}/{markers} markers" if code == 0 else f"exit {code}: {err[:100]}"
        lost = code == 0 and kept < markers
        return (
            f"{name:16} {size / 1e6:7.1f} MB  {elapsed:7.2f} s  peak {rss:6.0f} MB  {verdict}"
            + ("  TEXT LOST" if lost else "")
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per case")
    parser.add_argument("--only", action="append", choices=sorted(CASES), help="run only these")
    parser.add_argument("extra", nargs="*", help="options passed to clipclean (after --)")
    args = parser.parse_args(argv)
    for name in args.only or CASES:
        print(run_case(name, args.timeout, args.extra), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
