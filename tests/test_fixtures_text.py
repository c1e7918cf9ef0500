"""Scraped-text fixtures in other publishers' conventions, each with its expected article.

``fixtures/text/<name>.txt`` is the input and ``<name>.expected.json`` the fields, image records
and body blocks a reader would pick out by hand; every one must come out exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import clipclean
from clipclean.text.blocks import normalise_line

TEXT_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "text"
CASES = sorted(TEXT_FIXTURES.glob("*.expected.json"))


def _input(expected: Path) -> Path:
    return expected.with_name(expected.name.replace(".expected.json", ".txt"))


def test_there_are_at_least_ten_fixtures() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("expected", CASES, ids=lambda p: p.name.split(".")[0])
def test_fixture_comes_out_as_expected(expected: Path) -> None:
    want = json.loads(expected.read_text(encoding="utf-8"))
    got = clipclean.clean(_input(expected).read_bytes()).to_dict()
    for field, value in want.items():
        if field == "blocks":
            assert [b["text"] for b in got["blocks"]] == value
        else:
            assert got[field] == value, field


@pytest.mark.parametrize("expected", CASES, ids=lambda p: p.name.split(".")[0])
def test_fixture_trace_accounts_for_every_line(expected: Path) -> None:
    """Nothing leaves silently: each input line is in the body or in the trace."""
    article = clipclean.clean(_input(expected).read_bytes())
    kept = article.body
    removed = {r.text for r in article.removed}
    for raw in _input(expected).read_text(encoding="utf-8").splitlines():
        line = normalise_line(raw)
        if line:
            assert line in kept or line in removed, line
