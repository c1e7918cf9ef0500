"""Naming rules of clipclean batch: which files are inputs and where their outputs land."""

from __future__ import annotations

import pytest

from clipclean.batch.names import (
    DEFAULT_INCLUDE,
    output_name,
    plan_outputs,
    selected,
)
from clipclean.errors import shown_name


@pytest.mark.parametrize(
    ("rel", "out"),
    [
        ("a.html", "a.json"),
        ("d/e/a.HTML.gz", "d/e/a.json"),
        ("a.xhtml", "a.json"),
        ("a.text", "a.json"),
        ("page.php", "page.php.json"),  # unknown suffix: kept, output suffix added
        (".html", ".html.json"),  # nothing left once the suffix goes
    ],
)
def test_output_name(rel: str, out: str) -> None:
    assert output_name(rel, ".json") == out


def test_colliding_inputs_keep_their_full_names() -> None:
    plan = plan_outputs(["d/a.html", "d/a.htm", "d/b.txt", "a.html"], ".json")
    assert plan == {
        "d/a.html": "d/a.html.json",
        "d/a.htm": "d/a.htm.json",
        "d/b.txt": "d/b.json",
        "a.html": "a.json",
    }


def test_collision_of_a_full_name_with_a_plain_one_is_still_resolved() -> None:
    # a.html.txt -> a.html.json, which is also what a.html gets once it collides with a.htm.
    plan = plan_outputs(["a.html", "a.htm", "a.html.txt"], ".json")
    assert len(set(plan.values())) == 3
    assert plan["a.html"] == "a.html.json"
    assert plan["a.html.txt"] == "a.html~2.json"


def test_text_output_of_a_text_input_is_not_the_input_name_in_another_case() -> None:
    plan = plan_outputs(["A.txt", "a.TXT"], ".txt")
    assert len({p.lower() for p in plan.values()}) == 2


def test_selection_defaults_and_globs() -> None:
    assert selected("x/y/page.html.gz", DEFAULT_INCLUDE, ())
    assert selected("PAGE.HTM", DEFAULT_INCLUDE, ())
    assert not selected("page.json", DEFAULT_INCLUDE, ())
    assert not selected("drafts/a.html", DEFAULT_INCLUDE, ("drafts/*",))
    assert not selected("a.tmp.html", DEFAULT_INCLUDE, ("*.tmp.*",))
    assert selected("a.php", ("*.php",), ())


def test_escape_name_keeps_a_name_on_one_printable_line() -> None:
    assert shown_name("a\nb\tc.html") == "a\\nb\\tc.html"
    assert shown_name("caf\udce9.html") == "caf\\xe9.html"  # undecodable byte 0xE9
    assert shown_name("é\x1b[31m") == "é\\x1b[31m"
    assert shown_name("back\\slash") == "back\\\\slash"
