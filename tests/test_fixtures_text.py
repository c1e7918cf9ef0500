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
from clipclean.text.markup import HEADING, drop_link_numbers, plain_markdown

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


def _read(line: str) -> set[str]:
    """A line as the text path may read it: as it is, or with a converter's markup read back
    (a Markdown heading's marks, links and emphasis; lynx's link numbers)."""
    heading = HEADING.match(line)
    plain = plain_markdown(heading.group(2) if heading else line)
    return {line, normalise_line(plain), normalise_line(drop_link_numbers(line, 10_000))}


@pytest.mark.parametrize("expected", CASES, ids=lambda p: p.name.split(".")[0])
def test_fixture_trace_accounts_for_every_line(expected: Path) -> None:
    """Nothing leaves silently: each input line is in the body or in the trace (a wrapped
    line inside the paragraph it was joined into)."""
    article = clipclean.clean(_input(expected).read_bytes())
    kept = article.body
    removed = {r.text for r in article.removed}
    joined = "\n".join(removed)
    for raw in _input(expected).read_text(encoding="utf-8").splitlines():
        line = normalise_line(raw)
        if line:
            forms = _read(line)
            assert any(f in kept or f in removed or f in joined for f in forms), line
