"""The trafilatura-eval scoring and the tune/check split (bench/te.py, bench/split.py)."""

from __future__ import annotations

import pytest
from bench import data as bench_data
from bench import split, te


def test_snippets_are_matched_on_normalised_whitespace() -> None:
    ann = {"with": ["a  b", "missing"], "without": ["junk line", "absent"]}
    counts = te.snippet_counts("x a\nb y junk   line", ann)
    assert counts == {"tp": 1, "fn": 1, "fp": 1, "tn": 1}
    agg = te.aggregate_snippets([counts, {"tp": 1, "fn": 0, "fp": 0, "tn": 1}])
    assert agg["precision"] == pytest.approx(2 / 3) and agg["recall"] == pytest.approx(2 / 3)


def test_metadata_comparators() -> None:
    assert te.author_ok(["Jane Doe", "john smith"], "John Smith; Jane Doe")
    assert not te.author_ok(["Jane Doe"], "John Smith, Jane Doe")
    assert te.author_ok(["Doe, Jane"], ["Doe, Jane"])  # a label list is taken element by element
    assert te.date_ok("2019-04-15T06:18:00-04:00", "2019-04-15")
    assert not te.date_ok(None, "2019-04-15")
    assert te.title_ok(" A  title ", "A title") and not te.title_ok("a title", "A title")
    assert te.title_nocase_ok("a title", "A title")
    scored = te.score_meta({"title": "T", "authors": [], "page_description": "D"},
                           {"title": "T", "description": "D", "author": None})  # fmt: skip
    assert scored == {"title": True, "title_nocase": True, "description": True}


def test_site_of_sees_through_archive_captures() -> None:
    assert split.site_of("https://web.archive.org/web/2013/the-pain.net/2008/x.html") == (
        "the-pain.net"
    )
    assert split.site_of("https://www.Example.com/a") == "example.com"
    assert split.half_of("example.com") in split.HALVES


def test_recorded_split_is_the_function_of_the_data() -> None:
    bench_dir = bench_data.resolve_bench_dir()
    if not bench_data.bench_available(bench_dir):
        pytest.skip(f"bench data not found at {bench_dir}")
    made = split.make_splits(bench_dir)
    assert made == split.load_splits()
    for corpus in made.values():  # both halves are real halves
        tune = sum(1 for h in corpus.values() if h == "tune")
        assert 0.35 < tune / len(corpus) < 0.65
