"""Quality gate: body F1 on the scraped-text development sets must not fall below a floor.

Runs all 181 pages of both styles (``page/``: whole-page innerText, ``container/``: a rough
article container) against the hand-written bodies, with the benchmark's own shingle metric
(``bench.metrics``, so the gate and ``python -m bench`` cannot disagree on what F1 is).
The floors sit just under what the text path reaches, so a rule that costs quality fails CI.
Skips, saying why, when the benchmark data is absent (it is not shipped with the project).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.metrics import PageScore, aggregate

import clipclean
from conftest import bench_dir

#: (F1, precision, recall) floors per style, just under what the text path reaches
#: (container 0.9714/0.9662/0.9766, page 0.9515/0.9274/0.9769).
FLOORS = {"container": (0.970, 0.964, 0.975), "page": (0.950, 0.925, 0.975)}


def score(style: str, root: Path) -> tuple[float, float, float]:
    """F1 of the mean precision and mean recall over the pages, and those two means."""
    truth = json.loads((root / "scrapinghub" / "ground-truth.json").read_text("utf-8"))
    files = sorted((root / "scraped-text" / style).glob("*.txt"))
    assert len(files) == 181, f"expected 181 {style} files, found {len(files)}"
    pages = [
        PageScore.of(
            f.stem,
            clipclean.clean(f.read_bytes(), kind="text").body,
            truth[f.stem]["articleBody"],
        )
        for f in files
    ]
    figures = aggregate(pages)
    return figures["f1"], figures["precision"], figures["recall"]


@pytest.mark.gate
@pytest.mark.parametrize("style", sorted(FLOORS))
def test_scraped_text_f1_stays_above_floor(style: str) -> None:
    root = bench_dir()
    if not (root / "scraped-text" / style).is_dir():
        pytest.skip(f"benchmark data not found at {root} (set CLIPCLEAN_BENCH to run the gate)")
    f1, p, r = score(style, root)
    floor_f1, floor_p, floor_r = FLOORS[style]
    assert f1 >= floor_f1, f"{style} F1 {f1:.4f} < {floor_f1}"
    assert p >= floor_p, f"{style} precision {p:.4f} < {floor_p}"
    assert r >= floor_r, f"{style} recall {r:.4f} < {floor_r}"
