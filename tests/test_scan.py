"""The document scans must find every line a per-line check would (and report it once)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from clipclean.scan import Joined
from clipclean.stages.legal import _ADDRESS, CONSENT_PHRASE, _address, _consent_phrase


def test_hits_name_each_line_once_with_its_first_match() -> None:
    j = Joined(["Privacy Policy", "An article line.", "cookies and cookies", "terms"])
    assert j.hits((re.compile("cookie"), re.compile("privacy", re.I))) == {0: 0, 2: 0}
    assert j.hits((re.compile("article"),)) == {1: 3}


def test_a_cue_on_the_line_break_belongs_to_the_line_it_opens() -> None:
    j = Joined(["say terms here", "terms", "x terms"])
    assert j.hits((re.compile(r"\nterms\n"),)) == {1: -1}
    assert j.hits((re.compile(r"\nterms"),)).keys() == {1}


def test_literal_hits_find_words_by_their_first_character() -> None:
    j = Joined(["© 2019 Example", "a line", "無断転載を禁じます", "c © d"])
    assert j.literal_hits(("©", "無断")) == {0, 2, 3}
    assert j.literal_hits(("著作権",)) == set()


@given(
    st.lists(st.text(alphabet="ab \u0130c", min_size=1, max_size=12), min_size=1, max_size=12),
    st.sampled_from(["ab", "a b", "b", "c", "\u0130", "\nab", "b\n"]),
)
def test_superset_of_per_line_search(lines: list[str], pattern: str) -> None:
    pat = re.compile(pattern)
    j = Joined(lines)
    want = {i for i, t in enumerate(lines) if pat.search(f"\n{t}\n")}
    assert want <= j.hits((pat,)).keys()
    literal = pattern.strip("\n")
    assert {i for i, t in enumerate(lines) if literal in t} == j.literal_hits((literal,))


@given(
    st.lists(st.text(alphabet="ab \u0130c/", min_size=1, max_size=12), min_size=1, max_size=12),
    st.lists(
        st.sampled_from(["ab", "a b", "b", "c/", "/", "\u0130", "ba"]), min_size=1, max_size=3
    ),
)
def test_literal_starts_are_the_hits_of_the_words_as_patterns(
    lines: list[str], words: list[str]
) -> None:
    """Each line once, with where its first word starts: what :meth:`Joined.hits` says."""
    j = Joined(lines)
    cues = tuple(re.compile(re.escape(w)) for w in words)
    assert j.literal_starts(tuple(words)) == j.hits(cues)


@given(
    st.lists(
        st.sampled_from(
            [
                "we use cookies",
                "this site uses our ",
                "accept",
                " all cookies",
                "by using",
                "i agree",
                "you consent to",
                "manage your privacy",
                "review our terms of use",
                "cookie-einstellungen",
                "j'accepte",
                "wir",
                "vous",
                "usted",
                "x",
                "é",
                "1",
                " ",
                "_",
                "-",
                "necessary cookies",
                "our full cookie",
            ]
        ),
        max_size=6,
    )
)
def test_legal_consent_parts_find_what_consent_phrase_finds(pieces: list[str]) -> None:
    """Split into patterns that open with a letter (``\\b(?:we|our)`` as ``\\bwe``, ``\\bour``),
    the consent phrase still holds exactly where the one alternation did, word edges too."""
    low = "".join(pieces)
    assert _consent_phrase(low) == (CONSENT_PHRASE.search(low) is not None)
    assert _address(low) == (_ADDRESS.search(low) is not None)


def test_a_pair_table_gives_each_ascii_pair_its_code_and_leaves_the_rest_to_the_caller() -> None:
    from clipclean.scan import pair_code, pair_table

    table = pair_table(lambda head: 2 if head == "Ab" else head[0] == "x")
    assert pair_code(table, "Abc") == 2 and pair_code(table, "xyz") == 1
    assert pair_code(table, "abc") == 0 and pair_code(table, "Ab") == 2
    assert (
        pair_code(table, "A") == -1 and pair_code(table, "Äb") == -1 and pair_code(table, "") == -1
    )
