"""The document scan must find every line a per-line check would (and report it once)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from clipclean.model import Block, Draft
from clipclean.scan import cue, scan


def _draft(lines: list[str]) -> Draft:
    return Draft([Block(t) for t in lines])


def test_lines_finds_each_matching_line_once_in_order() -> None:
    d = _draft(["Privacy Policy", "An article line.", "cookies and COOKIES", "terms"])
    assert scan(d).lines(cue("cookie", "privacy")) == [0, 2]


def test_anchors_hold_per_line_with_multiline_flag() -> None:
    d = _draft(["say terms here", "terms", "x terms"])
    assert scan(d).lines(re.compile(r"^terms$", re.M)) == [1]


def test_original_case_and_length_changing_lowercase() -> None:
    # "İ".lower() is two characters: the original text keeps its own offsets
    d = _draft(["İİİİ x", "Credit: Jane Doe", "credit: lower"])
    assert scan(d).lines(re.compile("Credit"), original=True) == [1]
    assert scan(d).lines(re.compile("credit")) == [1, 2]


def test_rebuilt_when_blocks_change() -> None:
    d = _draft(["cookie one", "two"])
    first = scan(d)
    assert scan(d) is first
    d.remove(d.blocks[0], "test")
    assert scan(d) is not first
    assert scan(d).lines(cue("cookie")) == []


@given(
    st.lists(st.text(alphabet="ab \u0130c", min_size=1, max_size=12), min_size=1, max_size=12),
    st.sampled_from(["ab", "a b", "^a", "b$", "c\\b", "\u0069"]),
)
def test_superset_of_per_line_search(lines: list[str], pattern: str) -> None:
    pat = re.compile(pattern, re.M)
    d = _draft(lines)
    got = scan(d).lines(pat)
    want = [i for i, t in enumerate(lines) if pat.search(t.lower())]
    assert set(want) <= set(got)
    assert got == sorted(set(got))
