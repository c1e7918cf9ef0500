"""Quality gates for the HTML path over the development benchmark (../shared/bench).

The whole pipeline runs over all 181 pages; body F1 and each metadata field's accuracy must stay
at or above a floor pinned just under what the code reaches, so a change that loses quality fails
here. Skipped, with the reason, when the benchmark data is absent.
"""

from __future__ import annotations

import pytest
from bench import data, metrics

import clipclean
from conftest import bench_dir

pytestmark = pytest.mark.gate

#: Pinned floors: just under the measured figures (see the commit that last raised them).
#: (precision .971 -> .970 when a paragraph repeating the dek stayed in the body: the
#: scrapinghub labels leave standfirsts out, trafilatura-eval's keep them; recall first)
BODY_FLOORS = {"f1": 0.974, "precision": 0.970, "recall": 0.974}
META_FLOORS = {
    "title": 0.97,
    "authors": 0.97,
    "authors_none": 0.99,
    "published": 0.99,
    "site_name": 0.97,
    "dek": 0.99,
    "dek_null": 0.96,
    "language": 0.99,
}


@pytest.fixture(scope="module")
def bench():
    root = bench_dir()
    if not data.bench_available(root):
        pytest.skip(f"benchmark data not found at {root} (set CLIPCLEAN_BENCH to run the gates)")
    return root


@pytest.fixture(scope="module")
def articles(bench) -> dict[str, dict]:
    """Every benchmark page cleaned once, shared by both gates."""
    truth = data.load_ground_truth(bench)
    return {
        pid: clipclean.clean(data.load_html(bench, pid), url=t.url, kind="html").to_dict()
        for pid, t in truth.items()
    }


def test_body_quality_gate(bench, articles: dict[str, dict]) -> None:
    truth = data.load_ground_truth(bench)
    scores = [metrics.PageScore.of(pid, articles[pid]["body"], t.body) for pid, t in truth.items()]
    got = metrics.aggregate(scores)
    assert len(scores) == 181
    low = {k: round(got[k], 4) for k, floor in BODY_FLOORS.items() if got[k] < floor}
    assert not low, f"body quality below its floor: {low} (floors {BODY_FLOORS})"


def test_metadata_gate(bench, articles: dict[str, dict]) -> None:
    pages = []
    for pid, gold in data.load_gold(bench).items():
        d = articles[pid]
        pages.append(metrics.score_meta_page({**d, "description": d["subtitle"]}, gold))
    got = metrics.aggregate_meta(pages)
    low = {
        f: round(got[f]["accuracy"], 3)
        for f, floor in META_FLOORS.items()
        if got[f]["accuracy"] < floor
    }
    assert not low, f"metadata fields below their floor: {low} (floors {META_FLOORS})"
