"""Unit tests of the benchmark metric and metadata comparators on hand-made strings.

No dataset needed: these pin down the definitions (shingle size, normalisation, 0/0 cases) so a
change to bench/metrics.py that would silently shift every reported figure fails here.
"""

from __future__ import annotations

from collections import Counter

import pytest
from bench import metrics as m

# --------------------------------------------------------------------------- tokens / shingles


def test_tokens_keep_case_and_split_on_non_word() -> None:
    assert m.tokens("Hello, World! it's 2019-11-19") == [
        "Hello",
        "World",
        "it",
        "s",
        "2019",
        "11",
        "19",
    ]


def test_tokens_are_unicode_words() -> None:
    assert m.tokens("Привет мир — São Paulo") == ["Привет", "мир", "São", "Paulo"]


def test_shingles_are_four_token_windows() -> None:
    assert m.shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})


def test_shingles_count_repeats() -> None:
    assert m.shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2
    assert sum(m.shingles("x y z w x y z w").values()) == 5


def test_short_text_is_one_shingle() -> None:
    assert m.shingles("just three words") == Counter({("just", "three", "words"): 1})
    assert m.shingles("one") == Counter({("one",): 1})


def test_empty_text_has_no_shingles() -> None:
    assert m.shingles("") == Counter()
    assert m.shingles(None) == Counter()
    assert m.shingles(" ... — ") == Counter()


# --------------------------------------------------------------------------- score_page


def test_identical_texts_score_one() -> None:
    p, r, tp, fp, fn = m.score_page("a b c d e f", "a b c d e f")
    assert (p, r, tp, fp, fn) == (1.0, 1.0, 1.0, 0.0, 0.0)


def test_whitespace_and_punctuation_do_not_matter() -> None:
    assert m.score_page("a, b\n\nc d!", "a b c d")[:2] == (1.0, 1.0)


def test_case_matters() -> None:
    assert m.score_page("A b c d", "a b c d")[:2] == (0.0, 0.0)


def test_extra_junk_lowers_precision_only() -> None:
    # truth: 6 tokens -> 3 shingles; pred adds 2 tokens -> 5 shingles, 3 shared
    p, r, tp, fp, fn = m.score_page("a b c d e f g h", "a b c d e f")
    assert p == pytest.approx(3 / 5)
    assert r == 1.0
    assert (tp, fp, fn) == pytest.approx((3 / 5, 2 / 5, 0.0))


def test_missing_text_lowers_recall_only() -> None:
    # truth: 8 tokens -> 5 shingles; pred keeps first 5 tokens -> 2 shingles, all correct
    p, r, tp, fp, fn = m.score_page("a b c d e", "a b c d e f g h")
    assert p == 1.0
    assert r == pytest.approx(2 / 5)
    assert (tp, fp, fn) == pytest.approx((2 / 5, 0.0, 3 / 5))


def test_counts_are_normalised_per_page() -> None:
    p, r, tp, fp, fn = m.score_page("a b c d x y z w", "a b c d e f")
    # pred 5 shingles, truth 3, shared 1 (a b c d): tp 1, fp 4, fn 2 -> / 7
    assert (tp, fp, fn) == pytest.approx((1 / 7, 4 / 7, 2 / 7))
    assert (p, r) == pytest.approx((1 / 5, 1 / 3))


def test_multiset_intersection_caps_repeats() -> None:
    # a repeated paragraph counts once if the truth has it once
    p, r, *_ = m.score_page("a b c d a b c d", "a b c d")
    assert p == pytest.approx(1 / 5)  # 5 pred shingles, 1 matched
    assert r == 1.0


def test_both_empty_scores_one() -> None:
    assert m.score_page("", "") == (1.0, 1.0, 0.0, 0.0, 0.0)


def test_empty_prediction_scores_zero() -> None:
    p, r, tp, fp, fn = m.score_page("", "a b c d e")
    assert (p, r) == (0.0, 0.0)
    assert (tp, fp, fn) == (0.0, 0.0, 1.0)


def test_prediction_for_empty_truth_scores_zero() -> None:
    assert m.score_page("a b c d", "")[:2] == (0.0, 0.0)


def test_short_texts_compare_as_single_shingles() -> None:
    assert m.score_page("Hi there", "Hi there")[:2] == (1.0, 1.0)
    assert m.score_page("Hi there", "Hi you")[:2] == (0.0, 0.0)


# --------------------------------------------------------------------------- aggregate


def test_aggregate_is_f1_of_means_not_mean_of_f1() -> None:
    scores = [
        m.PageScore.of("1", "a b c d e f g h", "a b c d e f"),  # p 0.6, r 1
        m.PageScore.of("2", "a b c d e", "a b c d e f g h"),  # p 1, r 0.4
        m.PageScore.of("3", "same text here ok", "same text here ok"),  # 1, 1
        m.PageScore.of("4", "", "nothing was found here"),  # 0, 0
    ]
    agg = m.aggregate(scores)
    assert agg["n"] == 4
    assert agg["precision"] == pytest.approx((0.6 + 1 + 1 + 0) / 4)  # 0.65
    assert agg["recall"] == pytest.approx((1 + 0.4 + 1 + 0) / 4)  # 0.6
    assert agg["f1"] == pytest.approx(2 * 0.65 * 0.6 / 1.25)  # 0.624
    assert agg["accuracy"] == pytest.approx(1 / 4)
    assert agg["n_empty"] == 1


def test_accuracy_is_token_sequence_equality() -> None:
    assert m.exact_match("Hello,  world!\n", "Hello world")
    assert not m.exact_match("Hello world world", "Hello world")
    assert m.exact_match("", None)


def test_aggregate_empty_and_bootstrap() -> None:
    assert m.aggregate([])["f1"] == 0.0
    same = [m.PageScore.of(str(i), "a b c d", "a b c d") for i in range(5)]
    agg = m.aggregate(same, bootstrap=50)
    assert agg["f1"] == 1.0
    assert agg["f1_std"] == 0.0


def test_f1_zero_safe() -> None:
    assert m.f1(0.0, 0.0) == 0.0
    assert m.f1(0.5, 1.0) == pytest.approx(2 / 3)


# --------------------------------------------------------------------------- metadata fields

GOLD: dict[str, object] = {
    "title": "Column: The  Rise of Things",
    "authors": ["Jane Doe", "John Smith"],
    "published_date": "2019-11-19",
    "published_alt_dates": ["2019-11-20"],
    "site_name": "The Plain Dealer",
    "site_name_aliases": ["cleveland.com"],
    "description": "A short dek.",
    "language": "en",
}


def test_title_normalises_whitespace_and_case_only() -> None:
    assert m.title_ok("column: the rise   of things", GOLD)
    assert not m.title_ok("The Rise of Things", GOLD)  # the shown prefix stays
    assert not m.title_ok("Column: The Rise of Things - Cleveland.com", GOLD)
    assert not m.title_ok(None, GOLD)


def test_authors_exact_set() -> None:
    assert m.authors_ok(["john smith", " Jane  Doe"], GOLD)
    assert not m.authors_ok(["Jane Doe"], GOLD)
    assert not m.authors_ok(["Jane Doe", "John Smith", "Staff"], GOLD)
    assert m.authors_ok("Jane Doe; John Smith", GOLD)  # trafilatura-style string


def test_authors_empty_expected_for_no_person_byline() -> None:
    gold = {"authors": [], "byline_org": "Associated Press"}
    assert m.gold_has_no_person_byline(gold)
    assert m.authors_ok([], gold)
    assert m.authors_ok(None, gold)
    assert not m.authors_ok(["Associated Press"], gold)


def test_published_compares_day_prefix_and_alt_days() -> None:
    assert m.published_ok("2019-11-19T20:15:00-05:00", GOLD)
    assert m.published_ok("2019-11-20T01:15:00+00:00", GOLD)  # accepted alt (UTC) day
    assert m.published_ok("2019-11-19", GOLD)
    assert not m.published_ok("2019-11-21T00:00:00", GOLD)
    assert not m.published_ok(None, GOLD)
    assert not m.published_ok("Nov 19", GOLD)


def test_published_null_gold_expects_no_date() -> None:
    gold = {"published_date": None, "published_alt_dates": []}
    assert m.published_ok(None, gold)
    assert not m.published_ok("2020-01-01", gold)


def test_site_name_or_alias() -> None:
    assert m.site_name_ok("the plain dealer", GOLD)
    assert m.site_name_ok("Cleveland.com", GOLD)
    assert not m.site_name_ok("Plain Dealer", GOLD)
    assert not m.site_name_ok(None, GOLD)


def test_dek_exact_where_shown_and_null_elsewhere() -> None:
    assert m.dek_ok("a  short DEK.", GOLD)
    assert not m.dek_ok("A short dek", GOLD)  # punctuation counts: exact after normalising
    assert not m.dek_ok(None, GOLD)
    no_dek = {"description": None}
    assert m.dek_ok(None, no_dek)
    assert m.dek_ok("  ", no_dek)
    assert not m.dek_ok("The meta description.", no_dek)


def test_language_iso_639_1() -> None:
    assert m.language_ok("en", GOLD)
    assert m.language_ok("EN-us", GOLD)
    assert not m.language_ok("de", GOLD)
    assert not m.language_ok(None, GOLD)


def test_score_meta_page_filters_and_missing_keys() -> None:
    pred = {"title": "Column: The Rise of Things", "authors": [], "description": "A short dek."}
    out = m.score_meta_page(pred, GOLD)
    # authors_none and dek_null do not apply (gold has authors and a dek); keys the tool does not
    # provide (published, site_name, language) are not scored at all
    assert out == {"title": True, "authors": False, "dek": True}


def test_aggregate_meta_counts_only_scored_pages() -> None:
    agg = m.aggregate_meta([{"title": True, "dek": False}, {"title": False}, {"title": True}])
    assert agg["title"] == {"accuracy": pytest.approx(2 / 3), "n": 3}
    assert agg["dek"] == {"accuracy": 0.0, "n": 1}
    assert "language" not in agg


# --------------------------------------------------------------------------- harness plumbing


def test_bench_dir_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    from bench import data

    monkeypatch.setenv(data.ENV_VAR, str(tmp_path))
    assert data.resolve_bench_dir() == tmp_path
    assert data.resolve_bench_dir("/elsewhere") != tmp_path
    monkeypatch.delenv(data.ENV_VAR)
    assert data.resolve_bench_dir() == (data.REPO_ROOT.parent / "shared" / "bench").resolve()


def test_missing_data_is_a_clean_skip(tmp_path: object, capsys: pytest.CaptureFixture[str]) -> None:
    from bench.runner import main

    assert main(["--bench-dir", str(tmp_path)]) == 0
    assert "skipped: bench data not found at" in capsys.readouterr().out


def test_line_filter_and_best_k() -> None:
    from bench.runner import best_line_filter_k
    from bench.tools import line_filter

    text = "Home News\nThe body line has six words\nShare"
    assert line_filter(text, 3) == "The body line has six words"
    k, curve = best_line_filter_k([text], ["The body line has six words"])
    assert curve[1] < 1.0  # menus kept
    assert curve[k] == 1.0
    assert k == 3  # the smallest k reaching the best F1
