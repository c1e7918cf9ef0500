"""Save clipclean's whole output on every benchmark page and fixture, and diff a later run.

A refactor that should not change behaviour (a faster stage, a moved helper) is checked by
this: ``save`` before, ``diff`` after. Every field counts, the trace of removals included, on
the 181 HTML pages, both scraped-text sets and the bundled fixtures::

    python -m bench.snapshot save /tmp/before.json
    python -m bench.snapshot diff /tmp/before.json     # exit 1 and the first differences

The code measured is the ``clipclean`` that imports (``src/`` of this checkout when run from
its root). Skips with a message, exit 0, when the benchmark data is absent (but for
``--suite fixtures``, which needs only this repository).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from bench import data as bench_data

SUITES = ("html", "page", "container", "fixtures")


def _documents(
    bench_dir: Path, suites: tuple[str, ...]
) -> Iterator[tuple[str, bytes, str | None, str | None]]:
    """``(key, bytes, url, kind)`` for every document of ``suites``, in a fixed order."""
    if "fixtures" in suites:
        for path in sorted((bench_data.REPO_ROOT / "fixtures").glob("*/*")):
            if not path.name.endswith(".expected.json"):
                yield f"fixtures:{path.parent.name}/{path.name}", path.read_bytes(), None, None
    if suites == ("fixtures",):
        return  # (the fixtures are in the repository; the rest needs the benchmark data)
    truth = bench_data.load_ground_truth(bench_dir)
    for pid, rec in truth.items():
        if "html" in suites:
            yield f"html:{pid}", bench_data.load_html(bench_dir, pid), rec.url, "html"
        for variant in bench_data.TEXT_VARIANTS:
            if variant in suites:
                text = bench_data.load_text(bench_dir, variant, pid).encode("utf-8")
                yield f"{variant}:{pid}", text, rec.url, "text"


def snapshot(bench_dir: Path, suites: tuple[str, ...] = SUITES) -> dict[str, object]:
    """Key -> the ``to_dict(explain=True)`` document (or the error a page raised)."""
    import clipclean

    out: dict[str, object] = {}
    for key, data, url, kind in _documents(bench_dir, suites):
        try:
            out[key] = clipclean.clean(data, url=url, kind=kind).to_dict(explain=True)
        except Exception as exc:  # a page that raises is part of the behaviour too
            out[key] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


def diff(old: dict[str, object], new: dict[str, object], show: int = 10) -> list[str]:
    """One line per document whose output changed, naming the fields that did."""
    lines = []
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            fields = sorted(f for f in a.keys() | b.keys() if a.get(f) != b.get(f))
            lines.append(f"{key}: {', '.join(fields)}")
        else:
            lines.append(f"{key}: {'added' if a is None else 'gone' if b is None else 'changed'}")
    return lines[:show] + ([f"... and {len(lines) - show} more"] if len(lines) > show else [])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.snapshot", description=__doc__)
    parser.add_argument("command", choices=("save", "diff"))
    parser.add_argument("file", type=Path)
    parser.add_argument(
        "--bench-dir", help="dataset dir (default $CLIPCLEAN_BENCH or ../shared/bench)"
    )
    parser.add_argument(
        "--suite", default=",".join(SUITES), help="comma list of " + ", ".join(SUITES)
    )
    args = parser.parse_args(argv)
    bench_dir = bench_data.resolve_bench_dir(args.bench_dir)
    suites = tuple(s for s in args.suite.split(",") if s)
    if suites != ("fixtures",) and not bench_data.bench_available(bench_dir):
        print(f"skipped: bench data not found at {bench_dir}")
        return 0
    current = snapshot(bench_dir, suites)
    if args.command == "save":
        args.file.write_text(json.dumps(current, ensure_ascii=False), "utf-8")
        print(f"saved {len(current)} documents to {args.file}")
        return 0
    saved = json.loads(args.file.read_text("utf-8"))
    saved = {k: v for k, v in saved.items() if k.split(":", 1)[0] in suites}
    changed = diff(saved, current)
    for line in changed:
        print(line)
    print(f"{len(current)} documents, " + ("all identical" if not changed else "some changed"))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
