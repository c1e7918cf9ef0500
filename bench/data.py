"""Loading the benchmark data (read-only, outside the repo) with one path rule for every caller.

The data lives beside the repo in ``../shared/bench`` so it never enters git; ``CLIPCLEAN_BENCH``
or ``--bench-dir`` point elsewhere. Everything is loaded into memory up front so that timing
measures extraction, not disk reads.
"""

from __future__ import annotations

import gzip
import json
import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
#: Where ``make compiled`` installs the compiled build of clipclean (see setup.py).
COMPILED_DIR = Path(os.environ.get("CLIPCLEAN_COMPILED_DIR", REPO_ROOT / "build" / "compiled"))


def compiled_build_state() -> str:
    """``"missing"``, ``"stale"`` (a source changed after ``make compiled``) or ``"fresh"``:
    a compiled build older than the sources would measure or test other code than theirs."""
    package = COMPILED_DIR / "clipclean"
    if not package.is_dir():
        return "missing"
    built = max(p.stat().st_mtime for p in package.rglob("*.py"))
    newest = max(p.stat().st_mtime for p in (REPO_ROOT / "src").rglob("*.py"))
    return "stale" if newest > built else "fresh"


ENV_VAR = "CLIPCLEAN_BENCH"
TEXT_VARIANTS = ("page", "container")


def resolve_bench_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``explicit`` if given, else ``$CLIPCLEAN_BENCH``, else ``<repo>/../shared/bench``."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    return (REPO_ROOT.parent / "shared" / "bench").resolve()


def bench_available(bench_dir: Path) -> bool:
    """True when the directory holds at least the scrapinghub ground truth."""
    return (bench_dir / "scrapinghub" / "ground-truth.json").is_file()


@dataclass(frozen=True)
class Truth:
    """Ground truth for one page: the hand-written article body and the page URL."""

    body: str
    url: str


def load_ground_truth(bench_dir: Path) -> dict[str, Truth]:
    """Page id -> Truth, sorted by id so runs are reproducible."""
    raw = json.loads((bench_dir / "scrapinghub" / "ground-truth.json").read_text("utf-8"))
    return {
        pid: Truth(body=rec.get("articleBody") or "", url=rec.get("url") or "")
        for pid, rec in sorted(raw.items())
    }


def load_html(bench_dir: Path, page_id: str) -> bytes:
    """Raw (decompressed) HTML bytes; tools get bytes so each does its own charset detection."""
    with gzip.open(bench_dir / "scrapinghub" / "html" / f"{page_id}.html.gz", "rb") as fh:
        return fh.read()


def load_text(bench_dir: Path, variant: str, page_id: str) -> str:
    """Scraped plain text of a page; *variant* is ``page`` or ``container``."""
    if variant not in TEXT_VARIANTS:
        raise ValueError(f"unknown text variant {variant!r}, expected one of {TEXT_VARIANTS}")
    path = bench_dir / "scraped-text" / variant / f"{page_id}.txt"
    return path.read_text("utf-8")


def text_available(bench_dir: Path, variant: str) -> bool:
    """True when the scraped-text variant folder exists."""
    return (bench_dir / "scraped-text" / variant).is_dir()


def load_gold(bench_dir: Path) -> dict[str, dict[str, object]]:
    """Page id -> hand-checked metadata record (see metadata/README.md for the label rules)."""
    path = bench_dir / "metadata" / "gold.json"
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text("utf-8"))
    return dict(sorted(raw.items()))


def load_inputs(bench_dir: Path, suite: str, page_ids: list[str]) -> list[bytes | str]:
    """Inputs for a suite in *page_ids* order: HTML bytes for html/meta/te, text for
    text:<variant> and te-text:<variant>."""
    if suite in ("html", "meta"):
        return [load_html(bench_dir, pid) for pid in page_ids]
    if suite.startswith("text:"):
        variant = suite.split(":", 1)[1]
        return [load_text(bench_dir, variant, pid) for pid in page_ids]
    if suite == "te":
        from bench import te

        return [te.load_html(bench_dir, pid) for pid in page_ids]
    if suite.startswith("te-text:"):
        from bench import te

        variant = suite.split(":", 1)[1]
        return [te.load_text(bench_dir, variant, pid) for pid in page_ids]
    raise ValueError(f"unknown suite {suite!r}")
