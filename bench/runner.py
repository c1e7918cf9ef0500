"""``python -m bench``: run the suites, score them, print tables, write JSON results.

Each (suite, tool) pair runs in its own worker process (see bench/worker.py), one after the
other, so speed and memory are measured under the same conditions for every tool and nothing
runs concurrently with the timed loop. Scoring happens here, in the parent.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench import data as bench_data
from bench import metrics, te
from bench.split import HALVES, ids_in
from bench.tools import TEXT_SUITES, TOOLS, Tool, line_filter, tools_for

SUITES = ("html", "text", "meta", "te", "te-text")
RESULTS_DIR = Path(__file__).resolve().parent / "results"
WORKER_TIMEOUT_S = 1800
BEST_K_RANGE = range(1, 31)
#: docs/s is the median timed pass's; "1st pass" is the first (colder) pass alone.
SPEED_HEADERS = ["docs/s", "1st pass", "base MiB", "extract MiB", "peak MiB", "errors"]


# --------------------------------------------------------------------------- running workers


def label(tool: Tool) -> str:
    """The tool's name in the tables; the "compiled" clipclean says when it ran pure Python
    or a build older than the sources."""
    state = bench_data.compiled_build_state() if tool.build == "compiled" else "fresh"
    if state == "missing":
        return f"{tool.label} (pure Python: no compiled build, see `make compiled`)"
    if state == "stale":
        return f"{tool.label} (a compiled build older than src/, see `make compiled`)"
    return tool.label


def run_worker(
    tool: Tool, suite: str, bench_dir: Path, page_ids: list[str], urls: list[str],
    param: int | None = None, repeat: int = 1,
) -> dict[str, object]:  # fmt: skip
    """Run *tool* over the pages in a fresh ``python -m bench.worker`` process."""
    job = {
        "tool": tool.key, "suite": suite, "bench_dir": str(bench_dir),
        "page_ids": page_ids, "urls": urls, "param": param, "repeat": repeat,
    }  # fmt: skip
    env = dict(os.environ)
    # Repo root for `bench`, src/ so clipclean imports from a checkout even when not installed
    # (after the compiled build, for the tool that runs it).
    extra = [str(bench_data.REPO_ROOT), str(bench_data.REPO_ROOT / "src")]
    if tool.build == "compiled" and bench_data.compiled_build_state() != "missing":
        extra.insert(1, str(bench_data.COMPILED_DIR))
    env["PYTHONPATH"] = os.pathsep.join(extra + [p for p in [env.get("PYTHONPATH")] if p])
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        job_path, out_path = Path(tmp, "job.json"), Path(tmp, "out.json")
        job_path.write_text(json.dumps(job), "utf-8")
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "bench.worker", str(job_path), str(out_path)],
                cwd=bench_data.REPO_ROOT, env=env, capture_output=True, text=True,
                timeout=WORKER_TIMEOUT_S, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            return {"status": "failed", "reason": f"timed out after {WORKER_TIMEOUT_S}s"}
        if proc.returncode != 0 or not out_path.is_file():
            tail = (proc.stderr or "").strip().splitlines()[-5:]
            return {"status": "failed", "reason": f"exit {proc.returncode}: " + " | ".join(tail)}
        result: dict[str, object] = json.loads(out_path.read_text("utf-8"))
    return result


def _speed_memory(result: dict[str, object]) -> dict[str, object]:
    speed = dict(result.get("speed") or {})  # type: ignore[call-overload]
    speed.pop("page_seconds", None)
    return {"speed": speed, "memory": result.get("memory"), "errors": result.get("errors"),
            "network_attempts": result.get("network_attempts"),
            "coverage": result.get("coverage")}  # fmt: skip


# --------------------------------------------------------------------------- body suites


def _score_bodies(
    page_ids: list[str], bodies: Sequence[str], truths: dict[str, bench_data.Truth]
) -> list[metrics.PageScore]:
    return [
        metrics.PageScore.of(pid, body, truths[pid].body)
        for pid, body in zip(page_ids, bodies, strict=True)
    ]


def best_line_filter_k(
    texts: Sequence[str], truth_bodies: Sequence[str]
) -> tuple[int, dict[int, float]]:
    """Pick k in 1..30 maximising F1 of "keep lines with >= k words" on these same pages.

    This is an oracle on the evaluation data (as the scraped-text README's baseline is), so it
    is an upper bound for that family of filters, not a fair held-out figure.
    """
    curve: dict[int, float] = {}
    for k in BEST_K_RANGE:
        scores = [
            metrics.PageScore.of("", line_filter(t, k), truth)
            for t, truth in zip(texts, truth_bodies, strict=True)
        ]
        curve[k] = metrics.aggregate(scores)["f1"]
    best = max(curve, key=lambda k: (curve[k], -k))
    return best, curve


def run_body_suite(
    suite: str, bench_dir: Path, page_ids: list[str], truths: dict[str, bench_data.Truth],
    selected: list[str] | None, keep_preds: bool, repeat: int = 1,
) -> list[dict[str, object]]:  # fmt: skip
    """Run every selected tool on an html or text:<variant> suite and score the bodies."""
    urls = [truths[pid].url for pid in page_ids]
    rows: list[dict[str, object]] = []
    for tool in tools_for(suite, selected):
        row: dict[str, object] = {"key": tool.key, "label": label(tool), "anchor": tool.anchor}
        param = None
        if tool.key == "lines-best":
            texts = [str(x) for x in bench_data.load_inputs(bench_dir, suite, page_ids)]
            param, curve = best_line_filter_k(texts, [truths[p].body for p in page_ids])
            row["label"] = f"{tool.label} (k={param})"
            row["k_curve"] = curve
        t0 = time.perf_counter()
        result = run_worker(tool, suite, bench_dir, page_ids, urls, param, repeat)
        row["wall_s"] = time.perf_counter() - t0
        row["status"] = result["status"]
        if result["status"] != "ok":
            row["reason"] = result.get("reason")
            rows.append(row)
            print(f"  {row['label']}: {result['status']} ({result.get('reason')})", flush=True)
            continue
        bodies = [str(p.get("body") or "") for p in result["preds"]]  # type: ignore[union-attr]
        scores = _score_bodies(page_ids, bodies, truths)
        row["metrics"] = metrics.aggregate(scores, bootstrap=1000)
        row["halves"] = {
            half: metrics.aggregate([s for s in scores if s.page_id in ids])
            for half in HALVES
            if (ids := set(ids_in("scrapinghub", half, page_ids)))
        }
        row.update(_speed_memory(result))
        row["per_page"] = [
            {"id": s.page_id, "precision": round(s.precision, 4), "recall": round(s.recall, 4),
             "exact": s.exact}
            for s in scores
        ]  # fmt: skip
        if keep_preds:
            row["preds"] = dict(zip(page_ids, bodies, strict=True))
        m = row["metrics"]
        print(f"  {row['label']}: F1 {m['f1']:.3f}", flush=True)  # type: ignore[index]
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- meta suite


def run_meta_suite(
    bench_dir: Path, gold: dict[str, dict[str, object]], selected: list[str] | None,
    keep_preds: bool,
) -> list[dict[str, object]]:  # fmt: skip
    """Run every selected metadata-capable tool on the gold pages and score field by field."""
    page_ids = list(gold)
    urls = [str(gold[pid].get("url") or "") for pid in page_ids]
    rows: list[dict[str, object]] = []
    for tool in tools_for("meta", selected):
        row: dict[str, object] = {"key": tool.key, "label": label(tool), "anchor": tool.anchor}
        result = run_worker(tool, "meta", bench_dir, page_ids, urls)
        row["status"] = result["status"]
        if result["status"] != "ok":
            row["reason"] = result.get("reason")
            rows.append(row)
            print(f"  {row['label']}: {result['status']} ({result.get('reason')})", flush=True)
            continue
        preds: list[dict[str, object]] = result["preds"]  # type: ignore[assignment]
        errors: dict[str, str] = result.get("errors") or {}  # type: ignore[assignment]
        provided = {k for pid, p in zip(page_ids, preds, strict=True) if pid not in errors
                    for k in p}  # fmt: skip
        per_page = []
        for pid, pred in zip(page_ids, preds, strict=True):
            fields = metrics.score_meta_page(
                {k: None for k in provided} if pid in errors else pred, gold[pid]
            )
            if pid in errors:  # a crash answers nothing: every field it would provide is wrong
                fields = dict.fromkeys(fields, False)
            per_page.append(fields)
        row["fields"] = metrics.aggregate_meta(per_page)
        row.update(_speed_memory(result))
        row["per_page"] = [
            {"id": pid, **fields} for pid, fields in zip(page_ids, per_page, strict=True)
        ]
        if keep_preds:
            row["preds"] = dict(zip(page_ids, preds, strict=True))
        print(f"  {row['label']}: done", flush=True)
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- trafilatura-eval


def _te_best_k(texts: Sequence[str], ids: list[str], anns: dict[str, dict[str, object]]) -> int:
    """The word-count line filter's k with the best snippet F1 on these pages (an oracle)."""
    curve = {
        k: te.aggregate_snippets(
            [
                te.snippet_counts(line_filter(t, k), anns[pid])
                for t, pid in zip(texts, ids, strict=True)
            ]
        )["f1"]
        for k in BEST_K_RANGE
    }
    return max(curve, key=lambda k: (curve[k], -k))


def run_te_suite(
    suite: str, bench_dir: Path, anns: dict[str, dict[str, object]], selected: list[str] | None,
    keep_preds: bool,
) -> list[dict[str, object]]:  # fmt: skip
    """Run the tools of *suite* (``te`` or ``te-text:<variant>``) once over the pages and score
    body snippets (and, for HTML, the metadata labels) on all pages and on each half."""
    page_ids = list(anns)
    urls = [str(anns[pid].get("url") or "") for pid in page_ids]
    rows: list[dict[str, object]] = []
    for tool in tools_for(suite, selected):
        row: dict[str, object] = {"key": tool.key, "label": label(tool), "anchor": tool.anchor}
        param = None
        if tool.key == "lines-best":
            texts = [str(x) for x in bench_data.load_inputs(bench_dir, suite, page_ids)]
            param = _te_best_k(texts, page_ids, anns)
            row["label"] = f"{tool.label} (k={param})"
        result = run_worker(tool, suite, bench_dir, page_ids, urls, param, 1)
        row["status"] = result["status"]
        if result["status"] != "ok":
            row["reason"] = result.get("reason")
            rows.append(row)
            continue
        preds: list[dict[str, object]] = result["preds"]  # type: ignore[assignment]
        row["halves"] = te.score_run(page_ids, preds, anns, with_meta=suite == "te")
        row.update(_speed_memory(result))
        if keep_preds:
            row["preds"] = dict(zip(page_ids, preds, strict=True))
        print(f"  {row['label']}: done", flush=True)
        rows.append(row)
    return rows


def format_te_table(rows: list[dict[str, object]], with_meta: bool) -> str:
    """One line per tool and half: snippet F1 (P / R), empties, and the metadata fields."""
    fields = list(te.META) if with_meta else []
    headers = ["tool", "half", "F1", "precision", "recall", "empty", *fields, "docs/s", "errors"]
    body = []
    for row in rows:
        if row.get("status") != "ok":
            body.append([str(row["label"]), str(row.get("status"))] + ["—"] * (len(headers) - 2))
            continue
        halves: dict[str, dict[str, object]] = row["halves"]  # type: ignore[assignment]
        for half, got in halves.items():
            b: dict[str, float] = got["body"]  # type: ignore[assignment]
            meta: dict[str, float] = got["meta"]  # type: ignore[assignment]
            speed: dict[str, object] = row.get("speed") or {}  # type: ignore[assignment]
            body.append([str(row["label"]) if half == "all" else "", f"{half} ({b['n']})",
                         _fmt(b["f1"]), _fmt(b["precision"]), _fmt(b["recall"]),
                         str(got["empty"]), *(_fmt(meta.get(f)) for f in fields),
                         _fmt(speed.get("docs_per_s"), ".1f") if half == "all" else "",
                         str(len(row.get("errors") or {})) if half == "all" else ""])  # type: ignore[arg-type]  # fmt: skip
    return _table(headers, body) + ("\n" + _notes(rows) if _notes(rows) else "")


# --------------------------------------------------------------------------- reporting


def _fmt(value: object, spec: str = ".3f") -> str:
    if value is None:
        return "—"
    if isinstance(value, (int, float)):
        return format(value, spec)
    return str(value)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]  # fmt: skip

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest])

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(out)


def _notes(rows: list[dict[str, object]]) -> str:
    """Reasons for skipped/failed tools and per-page errors, printed under a table."""
    notes = []
    for row in rows:
        if row.get("status") != "ok":
            notes.append(f"  {row['label']}: {row.get('status')}: {row.get('reason')}")
        errors: dict[str, str] = row.get("errors") or {}  # type: ignore[assignment]
        if errors:
            pid, msg = next(iter(errors.items()))
            first = next((ln for ln in msg.splitlines() if ln.strip()), "?").strip()
            notes.append(f"  {row['label']}: {len(errors)} page error(s), e.g. {pid[:12]}: {first}")
        cov: dict[str, float] | None = row.get("coverage")  # type: ignore[assignment]
        if cov:
            notes.append(f"  {row['label']}: coverage (words seen that are in the output with"
                         f" --explain) min {cov['min']:.3f} mean {cov['mean']:.4f},"
                         f" {cov['under_99']} of {cov['n']} under 0.99")  # fmt: skip
        if row.get("network_attempts"):
            notes.append(f"  {row['label']}: tried the network (blocked): "
                         f"{row['network_attempts']}")  # fmt: skip
    return "\n".join(notes)


def _speed_cells(row: dict[str, object]) -> list[str]:
    speed: dict[str, object] = row.get("speed") or {}  # type: ignore[assignment]
    mem: dict[str, object] = row.get("memory") or {}  # type: ignore[assignment]
    base, peak = mem.get("rss_after_import_mib"), mem.get("peak_rss_mib")
    growth = peak - base if isinstance(base, float) and isinstance(peak, float) else None
    return [
        _fmt(speed.get("docs_per_s"), ".1f"),
        _fmt(speed.get("first_pass_docs_per_s"), ".1f"),
        _fmt(base, ".0f"),
        _fmt(growth, "+.0f"),
        _fmt(peak, ".0f"),
        str(len(row.get("errors") or {})),  # type: ignore[arg-type]
    ]


def format_body_table(rows: list[dict[str, object]]) -> str:
    """Human table for a body suite: quality, then speed and memory."""
    headers = ["tool", "F1", "±", "precision", "recall", "accuracy", "empty",
               *(f"F1 {h}" for h in HALVES), *SPEED_HEADERS]  # fmt: skip
    body = []
    for row in rows:
        if row.get("status") != "ok":
            body.append([str(row["label"]), str(row.get("status"))] + ["—"] * (len(headers) - 2))
            continue
        m: dict[str, float] = row["metrics"]  # type: ignore[assignment]
        body.append([str(row["label"]), _fmt(m["f1"]), _fmt(m.get("f1_std")),
                     _fmt(m["precision"]), _fmt(m["recall"]), _fmt(m["accuracy"]),
                     str(m.get("n_empty", 0)),
                     *(_fmt(row.get("halves", {}).get(h, {}).get("f1")) for h in HALVES),  # type: ignore[attr-defined]
                     *_speed_cells(row)])  # fmt: skip
    return _table(headers, body) + ("\n" + _notes(rows) if _notes(rows) else "")


def format_meta_table(rows: list[dict[str, object]]) -> str:
    """Human table for the metadata suite: per-field accuracy, then speed and memory."""
    fields = list(metrics.META_FIELDS)
    headers = ["tool", *fields, *SPEED_HEADERS]
    body = []
    for row in rows:
        if row.get("status") != "ok":
            body.append([str(row["label"]), str(row.get("status"))] + ["—"] * (len(headers) - 2))
            continue
        got: dict[str, dict[str, float]] = row["fields"]  # type: ignore[assignment]
        body.append([str(row["label"]),
                     *(_fmt(got[f]["accuracy"]) if f in got else "—" for f in fields),
                     *_speed_cells(row)])  # fmt: skip
    return _table(headers, body) + ("\n" + _notes(rows) if _notes(rows) else "")


def _write_json(path: Path, payload: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False, default=str), "utf-8")


# --------------------------------------------------------------------------- CLI


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options (see bench/README.md)."""
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument(
        "--suite",
        default="html,text,meta,te,te-text",
        help="comma list of suites: html, text, meta, te, te-text (default: all)",
    )
    ap.add_argument(
        "--bench-dir",
        default=None,
        help=f"dataset dir (default: ${bench_data.ENV_VAR} or ../shared/bench)",
    )
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (by id)")
    ap.add_argument(
        "--repeat", type=int, default=3,
        help="timed passes over the pages per tool; docs/s is the median pass's (default 3)",
    )  # fmt: skip
    ap.add_argument("--tools", default=None, help="comma list of tool keys: " + ", ".join(TOOLS))
    ap.add_argument("--json-out", default=None, help="also write all results to this file")
    ap.add_argument(
        "--keep-preds",
        action="store_true",
        help="store each tool's predictions in the JSON results",
    )
    ap.add_argument(
        "--text-variants",
        default=",".join(bench_data.TEXT_VARIANTS),
        help="text suite variants (default: page,container)",
    )
    return ap.parse_args(argv)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Run the requested suites; exit 0 with a "skipped" note when the data is absent."""
    args = parse_args(argv)
    suites = [s.strip() for s in args.suite.split(",") if s.strip()]
    unknown = [s for s in suites if s not in SUITES]
    if unknown:
        print(f"unknown suite(s): {', '.join(unknown)} (choose from {', '.join(SUITES)})")
        return 2
    selected = [t.strip() for t in args.tools.split(",")] if args.tools else None
    if selected and (bad := [t for t in selected if t not in TOOLS]):
        print(f"unknown tool(s): {', '.join(bad)} (choose from {', '.join(TOOLS)})")
        return 2

    bench_dir = bench_data.resolve_bench_dir(args.bench_dir)
    if not bench_data.bench_available(bench_dir):
        print(f"skipped: bench data not found at {bench_dir}")
        return 0

    truths = bench_data.load_ground_truth(bench_dir)
    page_ids = list(truths)[: args.limit] if args.limit else list(truths)
    common = {
        "bench_dir": str(bench_dir), "python": platform.python_version(),
        "machine": f"{platform.machine()} {os.cpu_count()} cpu",
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "limit": args.limit,
    }  # fmt: skip
    everything: dict[str, object] = {}

    if "html" in suites:
        print(f"\n== html: {len(page_ids)} pages ==", flush=True)
        rows = run_body_suite(
            "html", bench_dir, page_ids, truths, selected, args.keep_preds, args.repeat
        )
        print("\n" + format_body_table(rows))
        payload = {**common, "suite": "html", "n_pages": len(page_ids), "tools": rows}
        _write_json(RESULTS_DIR / "html.json", payload)
        everything["html"] = payload

    if "text" in suites:
        variants = [v.strip() for v in args.text_variants.split(",") if v.strip()]
        payload = {**common, "suite": "text", "n_pages": len(page_ids), "variants": {}}
        for variant in variants:
            suite = f"text:{variant}"
            assert suite in TEXT_SUITES, suite
            if not bench_data.text_available(bench_dir, variant):
                print(f"\n== text/{variant}: skipped, no scraped-text/{variant} folder ==")
                continue
            print(f"\n== text/{variant}: {len(page_ids)} pages ==", flush=True)
            rows = run_body_suite(
                suite, bench_dir, page_ids, truths, selected, args.keep_preds, args.repeat
            )
            print("\n" + format_body_table(rows))
            payload["variants"][variant] = rows  # type: ignore[index]
        _write_json(RESULTS_DIR / "text.json", payload)
        everything["text"] = payload

    if "meta" in suites:
        gold = bench_data.load_gold(bench_dir)
        if args.limit:
            gold = dict(list(gold.items())[: args.limit])
        if not gold:
            print("\n== meta: skipped, no metadata/gold.json ==")
        else:
            print(f"\n== meta: {len(gold)} labelled pages ==", flush=True)
            rows = run_meta_suite(bench_dir, gold, selected, args.keep_preds)
            print("\n" + format_meta_table(rows))
            print("\n" + "\n".join(f"  {k}: {v}" for k, v in metrics.META_FIELD_LABELS.items()))
            payload = {**common, "suite": "meta", "n_pages": len(gold), "tools": rows,
                       "field_labels": metrics.META_FIELD_LABELS}  # fmt: skip
            _write_json(RESULTS_DIR / "meta.json", payload)
            everything["meta"] = payload

    te_suites = [s for s in suites if s in ("te", "te-text")]
    if te_suites and not te.available(bench_dir):
        print(f"\n== trafilatura-eval: skipped, no {te.CORPUS}/annotations.json ==")
        te_suites = []
    if te_suites:
        anns = te.load_annotations(bench_dir)
        if args.limit:
            anns = dict(list(anns.items())[: args.limit])
        te_payload: dict[str, object] = {**common, "suite": "te", "n_pages": len(anns)}
        if "te" in te_suites:
            print(f"\n== trafilatura-eval html: {len(anns)} pages ==", flush=True)
            rows = run_te_suite("te", bench_dir, anns, selected, args.keep_preds)
            print("\n" + format_te_table(rows, with_meta=True))
            te_payload["html"] = rows
        if "te-text" in te_suites:
            for variant in te.TEXT_VARIANTS:
                print(f"\n== trafilatura-eval text/{variant}: {len(anns)} pages ==", flush=True)
                rows = run_te_suite(f"te-text:{variant}", bench_dir, anns, selected,
                                    args.keep_preds)  # fmt: skip
                print("\n" + format_te_table(rows, with_meta=False))
                te_payload[f"text:{variant}"] = rows
        _write_json(RESULTS_DIR / "te.json", te_payload)
        everything["te"] = te_payload

    print(f"\nJSON results in {RESULTS_DIR}/")
    if args.json_out:
        _write_json(Path(args.json_out), everything)
        print(f"all results also in {args.json_out}")
    return 0
