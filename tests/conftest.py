"""Shared test helpers: paths to the bundled fixtures and to the optional bench data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def bench_dir() -> Path:
    """../shared/bench, or $CLIPCLEAN_BENCH; quality gates skip when it is absent."""
    return Path(os.environ.get("CLIPCLEAN_BENCH", ROOT.parent / "shared" / "bench"))


@pytest.fixture
def seed_bytes() -> bytes:
    return (FIXTURES / "text" / "seed_nyt.txt").read_bytes()
