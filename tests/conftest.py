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


#: Test modules of the orchestration around the cleaning (batch runs, faults, the cluster,
#: archives, the CLI's streams): the same Python code in both builds, since only the text path
#: is compiled (setup.py). ``make test`` runs them on the pure build only; the compiled pass
#: runs the rest, and tests/test_compiled.py checks the two builds give the same output.
ORCHESTRATION = frozenset(
    {
        "test_batch.py",
        "test_batch_names.py",
        "test_batch_pool.py",
        "test_batch_process.py",
        "test_hostile_batch.py",
        "test_hostile_cli.py",
        "test_faults.py",
        "test_dask.py",
        "test_warc.py",
        "test_daily_use.py",
        "test_cli.py",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name in ORCHESTRATION:
            item.add_marker(pytest.mark.orchestration)
