"""``clipclean status OUT_DIR``: what the state says about a batch output folder, read-only.

Counts by status come from the state's rows; "pending" (selected inputs with no up-to-date
row: new, changed, or left by an interrupted run) from walking the input folder the last run
recorded, with its globs. Nothing is written, and a run in progress is not disturbed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..errors import shown_name
from .run import STATE_DIR
from .state import STATUSES, Row, RunRecord, StateError, read_state
from .walk import walk


@dataclass
class BatchStatus:
    out_dir: str
    counts: dict[str, int]  # done, rejected, empty, failed (rows); pending (None: unknown)
    pending: int | None
    last_run: RunRecord | None
    problems: list[Row] = field(default_factory=list)  # not done, by path


def batch_status(out_dir: str) -> BatchStatus:
    """The state of ``out_dir``; :class:`StateError` when there is none or it is unusable."""
    path = os.path.join(out_dir, STATE_DIR, "state.sqlite")
    if not os.path.isfile(path):
        raise StateError(f"{out_dir}: no batch state here (clipclean batch IN_DIR -o {out_dir})")
    rows, last = read_state(path)
    counts = dict.fromkeys(STATUSES, 0)
    for row in rows.values():
        counts[row.status] = counts.get(row.status, 0) + 1
    problems = sorted((r for r in rows.values() if r.status != "done"), key=lambda r: r.path)
    return BatchStatus(out_dir, counts, _pending(rows, last, out_dir), last, problems)


def _pending(rows: dict[str, Row], last: RunRecord | None, out_dir: str) -> int | None:
    if last is None or not os.path.isdir(last.in_dir):
        return None
    st = os.stat(out_dir)  # not walked when inside the input folder, as in a run
    found = walk(last.in_dir, last.include, last.exclude, [(st.st_dev, st.st_ino)])
    pending = 0
    for e in found.entries:
        row = rows.get(e.rel)
        stale = row is None or (row.size, row.mtime_ns) != (e.size, e.mtime_ns)
        pending += stale or (row is not None and row.fingerprint != last.fingerprint)
    return pending


def _when(t: float) -> str:
    return datetime.fromtimestamp(t).astimezone().isoformat(timespec="seconds")


def as_dict(s: BatchStatus, failed: bool) -> dict[str, Any]:
    """The ``-f json`` document."""
    doc: dict[str, Any] = {"out_dir": s.out_dir, "counts": {**s.counts, "pending": s.pending}}
    last = s.last_run
    doc["last_run"] = last and {
        "started": _when(last.started),
        "finished": _when(last.finished),
        "seconds": round(last.finished - last.started, 3),
        "in_dir": last.in_dir,
        "processed": last.processed,
        "unchanged": last.unchanged,
        "failed": last.failed,
        "empty": last.empty,
        "stopped_by_signal": last.signum,
    }
    if failed:
        doc["failed"] = [{"path": r.path, "status": r.status, "error": r.error} for r in s.problems]
    return doc


def as_lines(s: BatchStatus, failed: bool) -> list[str]:
    """The text form: the counts, the last run, and with ``failed`` one line per problem."""
    from .report import duration  # (rich, loaded only for the text form)

    counts = ", ".join(f"{n} {status}" for status, n in s.counts.items())
    pending = "unknown" if s.pending is None else s.pending
    lines = [f"{shown_name(s.out_dir)}: {counts}, {pending} pending"]
    last = s.last_run
    if last is None:
        lines.append("last run: none recorded")
    else:
        how = "stopped by a signal" if last.signum else "finished"
        lines.append(
            f"last run: {_when(last.started)}, {how} in {duration(last.finished - last.started)}"
            f" ({last.processed} processed, {last.unchanged} unchanged, {last.failed} failed,"
            f" {last.empty} empty) from {shown_name(last.in_dir)}"
        )
    if failed:
        lines += [
            f"{shown_name(r.path)}: {r.status}: {shown_name(r.error or '')}" for r in s.problems
        ]
    return lines
