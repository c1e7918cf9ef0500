"""The tune/check split of the dev data, by site, made once and kept.

Rules fitted to the pages they are measured on look better than they are. Every dev page is put
in the ``tune`` or the ``check`` half by its site (the URL's host without ``www.``), so that no
site is in both: tune a change on one half, confirm it on the other, and keep it only when both
agree. The half is a pure function of the host (a hash), so it never moves when pages are added
or code changes; ``bench/splits.json`` records the result and a test checks the two agree.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

HALVES = ("tune", "check")
SPLIT_FILE = Path(__file__).resolve().parent / "splits.json"


def site_of(url_or_host: str) -> str:
    """The site of a page: its host, lower case, without ``www.``; web.archive.org captures are
    the archived page's host, not the archive's."""
    value = url_or_host.strip()
    if "web.archive.org/web/" in value:
        rest = value.split("web.archive.org/web/", 1)[1].split("/", 1)
        value = rest[1] if len(rest) > 1 else ""
    host = urlsplit(value if "://" in value else f"http://{value}").hostname or ""
    return host.lower().removeprefix("www.")


def half_of(site: str) -> str:
    """``tune`` or ``check`` for a site, from a salted SHA-256 of it (the unsalted hash's
    parity is what split the corpus itself into this dev half and the held-out one)."""
    digest = hashlib.sha256(f"clipclean-split:{site}".encode()).digest()
    return HALVES[digest[0] % 2]


def load_splits() -> dict[str, dict[str, str]]:
    """Corpus -> page id -> half, as recorded in ``bench/splits.json``."""
    data: dict[str, dict[str, str]] = json.loads(SPLIT_FILE.read_text("utf-8"))
    return data


def ids_in(corpus: str, half: str, page_ids: list[str]) -> list[str]:
    """The ids of *page_ids* in *half* of *corpus* (ids the split does not know are left out)."""
    split = load_splits().get(corpus, {})
    return [pid for pid in page_ids if split.get(pid) == half]


def make_splits(bench_dir: Path) -> dict[str, dict[str, str]]:
    """Compute the split from the data (``python -m bench.split BENCH_DIR`` rewrites the file)."""
    out: dict[str, dict[str, str]] = {}
    truth = json.loads((bench_dir / "scrapinghub" / "ground-truth.json").read_text("utf-8"))
    out["scrapinghub"] = {
        pid: half_of(site_of(rec.get("url") or pid)) for pid, rec in sorted(truth.items())
    }
    te = bench_dir / "trafilatura-eval" / "annotations.json"
    if te.is_file():
        ann = json.loads(te.read_text("utf-8"))
        out["trafilatura-eval"] = {
            pid: half_of(site_of(rec.get("host") or rec.get("url") or pid))
            for pid, rec in sorted(ann.items())
        }
    return out


if __name__ == "__main__":
    import sys

    from bench.data import resolve_bench_dir

    splits = make_splits(resolve_bench_dir(sys.argv[1] if len(sys.argv) > 1 else None))
    SPLIT_FILE.write_text(json.dumps(splits, indent=1, sort_keys=True) + "\n", "utf-8")
    for corpus, ids in splits.items():
        counts = {h: sum(1 for v in ids.values() if v == h) for h in HALVES}
        print(corpus, counts)
