"""Nothing lost silently: every word a reader sees is in the body, a field or the trace.

The checker is bench/coverage.py; here it runs on the bundled fixtures, on inputs like the
property tests' (tests/test_property.py), and, when ../shared/bench is there, on every dev set.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from bench import coverage, te
from bench import data as bench_data
from hypothesis import given, settings
from hypothesis import strategies as st

import clipclean
from clipclean.read import InputError
from conftest import FIXTURES, bench_dir
from test_property import SEED_HTML, SETTINGS, mutated_html

MIN_EACH = 0.99
MIN_MEAN = 0.998


def _coverage(data: bytes | str, kind: str | None = None) -> float | None:
    try:
        article = clipclean.clean(data, kind=kind)
    except InputError:
        return None  # an error says what became of every word
    return coverage.of_article(article)


def _fixtures() -> Iterator[tuple[str, bytes, str]]:
    for path in sorted((FIXTURES / "html").glob("*.html")):
        yield path.name, path.read_bytes(), "html"
    for path in sorted((FIXTURES / "text").glob("*.txt")):
        yield path.name, path.read_bytes(), "text"


def test_a_word_split_between_a_byline_and_the_next_paragraph_is_found_spaced() -> None:
    # Found by test_mutated_html_keeps_every_word: "2025" + "<f<p>" (an unknown inline tag)
    # + "igure>" reads as one word "2025igure"; clipclean leaves "2025" in the byline (traced)
    # and opens a body paragraph with "igure", a line of the body string, not a string of its own.
    html = (
        "><p><!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>A title here"
        "</title></head><body><header>Home | News</header><article>"
        "<h1>Council approves the budget</h1><p>By Jane Doe | Sept. 19, 2025<The council voted"
        " on Tuesday to approve the new budget for the coming year.</p><f<p>igure><img src='a.jpg'"
        " alt='x'><figcaption>Photo: John Roe/AFP</figcaption></figure><p>Jane Doe is a reporter"
        " for The Paper.</p></article></body></html>"
    )
    found = _coverage(html)
    assert found is not None and found >= MIN_EACH


def test_the_checker_splits_unspaced_scripts_alike_on_both_sides() -> None:
    # Found by test_mutated_html_keeps_every_word: "㐀0" loose before an odd tag and "tml"
    # after it read as "㐀" + "0tml"; the two removals hold "㐀0" and "tml", which the
    # spaced-word check must split the way the seen tokens are split to pair "0" with "tml".
    html = (
        "㐀0<!DOCTYPE html><h<p>tml lang='en'><head><title>T</title></head><body>"
        "<p>The council voted on Tuesday to approve the new budget for the coming year.</p>"
        "</body></html>"
    )
    assert _coverage(html) == 1.0


def test_the_checker_counts_what_a_reader_sees() -> None:
    html = (
        "<html><head><title>Not seen</title><style>p{}</style></head><body>"
        "<p>One <b>w</b>ord</p><script>x()</script><div hidden>gone</div>"
        "<span style='display: none'>gone</span><li>Home</li><li>News</li>"
        "<input value='gone'><noscript>gone</noscript></body></html>"
    )
    seen = coverage.tokens(coverage.visible_text(html, "html"))
    assert seen == {"one": 1, "word": 1, "home": 1, "news": 1}
    assert coverage.coverage(seen, coverage.tokens("one word home")) == 0.75
    assert coverage.coverage(coverage.tokens("a a"), coverage.tokens("a")) == 0.5


def test_fixtures_keep_every_word() -> None:
    found = {name: _coverage(data, kind) for name, data, kind in _fixtures()}
    values = [v for v in found.values() if v is not None]
    assert all(v >= MIN_EACH for v in values), found
    assert sum(values) / len(values) >= MIN_MEAN, found


def test_the_issue_repro_keeps_the_word_and_traces_the_page() -> None:
    page = (
        "<html><body><nav><a>Home</a> <a>World</a></nav><div class='sidebar'><p>Most read"
        " today</p></div><article><h1>H</h1><p>On Monday <a class='share'>Twitter</a> erupted"
        " when the president spoke to reporters outside the White House late at night.</p>"
        "<p>Officials said they would answer questions about the plan in the coming days.</p>"
        "</article><footer>About us</footer></body></html>"
    )
    article = clipclean.clean(page)
    assert "On Monday Twitter erupted" in article.body
    rows = {r.text: r for r in article.removed}
    assert rows["Home World"].stage == "html_furniture" and rows["Home World"].where
    assert rows["About us"].reason.startswith("the page footer")
    assert rows["Most read today"].stage == "html_chrome"
    assert coverage.of_article(article) == 1.0


def test_one_row_per_dropped_subtree_with_its_path() -> None:
    items = "".join(f"<li><a href='/{i}'>Link {i}</a></li>" for i in range(30))
    page = (
        f"<html><body><nav><ul>{items}</ul></nav><article><p>{'Words of the story. ' * 20}</p>"
        "</article></body></html>"
    )
    rows = [r for r in clipclean.clean(page).removed if r.stage == "html_furniture"]
    assert len(rows) == 1
    assert rows[0].text.startswith("Link 0 Link 1") and rows[0].where.endswith("/html/body/nav")
    assert "where" in clipclean.clean(page).to_dict(explain=True)["removed"][0]


def test_property_inputs_keep_every_word() -> None:
    """The property tests' seed page and a fixed sample of its mutations (the random draws
    themselves run below, per input)."""
    assert (_coverage(SEED_HTML) or 1.0) >= MIN_EACH
    rng = random.Random(11)
    values = []
    for _ in range(60):
        text = SEED_HTML
        for _ in range(rng.randint(0, 4)):
            pos = rng.randint(0, len(text))
            text = text[:pos] + rng.choice(["<p>", "</p>", "<div>", "</div>", "<br>"]) + text[pos:]
        found = _coverage(text)
        if found is not None:
            values.append(found)
    assert min(values) >= MIN_EACH and sum(values) / len(values) >= MIN_MEAN


@SETTINGS
@given(mutated_html())
def test_mutated_html_keeps_every_word(html: str) -> None:
    found = _coverage(html)
    assert found is None or found >= MIN_EACH


@settings(SETTINGS, max_examples=60)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=400))
def test_random_text_keeps_every_word(text: str) -> None:
    found = _coverage(text, "text")
    assert found is None or found >= MIN_EACH


@settings(SETTINGS, max_examples=60)
@given(st.binary(max_size=2000))
def test_random_bytes_keep_every_word(data: bytes) -> None:
    found = _coverage(data)
    assert found is None or found >= MIN_EACH


@pytest.mark.gate
@pytest.mark.parametrize("suite,kind", coverage.SETS)
def test_dev_sets_keep_every_word(suite: str, kind: str) -> None:
    root = bench_dir()
    if not bench_data.bench_available(root):
        pytest.skip(f"benchmark data not found at {root} (set CLIPCLEAN_BENCH to run the gates)")
    if suite.startswith("te") and not te.available(root):
        pytest.skip(f"no {te.CORPUS} corpus in {root}")
    is_te = suite == "te" or suite.startswith("te-text:")
    ids = list(te.load_annotations(root) if is_te else bench_data.load_ground_truth(root))
    values = coverage.of_inputs(bench_data.load_inputs(root, suite, ids), kind)
    s = coverage.summary(values)
    assert s["min"] >= MIN_EACH and s["mean"] >= MIN_MEAN, s
