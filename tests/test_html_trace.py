"""What the HTML path takes out before the block stages is traced, inline words stay, odd inputs
parse (XML declaration), and the smaller promises of issue 11 (non-prose, no import cycle)."""

from __future__ import annotations

import ast
import random
import string
from pathlib import Path

import pytest

import clipclean

SRC = Path(clipclean.__file__).resolve().parent
STORY = "".join(
    f"<p>{s}</p>"
    for s in (
        "The council voted on Tuesday to close the old bridge to cars for two years.",
        "Engineers found cracks in three of the supports during an inspection in the spring.",
        "Buses will use a temporary lane, and cyclists will keep a path on the eastern side.",
    )
)


def page(inside: str = "", around: str = "") -> str:
    return f"<html><body>{around}<article><h1>Bridge</h1>{inside}{STORY}</article></body></html>"


def test_an_inline_element_named_like_chrome_stays_in_its_sentence() -> None:
    for tag in ("a", "span", "em", "strong", "b", "i", "abbr"):
        sentence = f"<p>On Monday <{tag} class='share social related'>Twitter</{tag}> erupted when"
        sentence += " the president spoke to reporters outside the White House.</p>"
        a = clipclean.clean(page(sentence))
        assert "On Monday Twitter erupted" in a.body, tag


def test_a_chrome_named_box_of_prose_inside_the_article_stays() -> None:
    prose = (
        "The agency said the plan would cost more than expected, and that the first phase of the"
        " work would start only after the summer holidays had ended."
    )
    a = clipclean.clean(page(f"<div class='related-content'><p>{prose}</p></div>"))
    assert prose in a.body


def test_a_chrome_box_outside_the_prose_goes_with_a_reason_and_a_path() -> None:
    box = "<div class='newsletter-signup'><a href='/n'>Get the newsletter</a></div>"
    a = clipclean.clean(page(box))
    row = next(r for r in a.removed if r.text == "Get the newsletter")
    assert row.stage == "html_chrome" and '"newsletter' in row.reason
    assert row.where.endswith("/html/body/article/div")


def test_what_readability_passes_over_is_traced() -> None:
    links = "".join(f"<li><a href='/{i}'>Ferry fares rise again {i}</a></li>" for i in range(12))
    side = f"<div class='box'><h3>Elsewhere today</h3><ul>{links}</ul></div>"
    a = clipclean.clean(page(STORY * 3, around=side))
    rows = [r for r in a.removed if "Elsewhere today" in r.text]
    assert len(rows) == 1 and rows[0].stage == "html_outside_content"
    assert "Ferry fares rise again 11" in rows[0].text and rows[0].where.endswith("/div")


def test_a_hidden_element_inside_a_chrome_box_does_not_crash() -> None:
    """drop_tag on an element already taken out (hidden, then a "social" box quoting a post)
    raised AssertionError in lxml."""
    quote = "<blockquote>A quoted post that is long enough to count as the box's text</blockquote>"
    a = clipclean.clean(page(f"<div hidden class='social-embed'>{quote}</div>"))
    assert "The council voted" in a.body


XHTML = (
    '<?xml version="1.0" encoding="{enc}"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict'
    '//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html xmlns='
    '"http://www.w3.org/1999/xhtml"><head><title>Bridge</title></head><body><article>'
    f"{STORY}</article></body></html>"
)


@pytest.mark.parametrize("codec", ["utf-8", "utf-16", "utf-16-le", "str"])
def test_a_page_with_an_xml_declaration_parses(codec: str) -> None:
    text = XHTML.format(enc="UTF-16" if codec.startswith("utf-16") else "UTF-8")
    data = text if codec == "str" else text.encode(codec)
    a = clipclean.clean(data, kind="html")
    assert "The council voted on Tuesday" in a.body


def test_a_blob_never_takes_the_place_of_the_article() -> None:
    rng = random.Random(11)
    letters = string.ascii_letters + string.digits
    blob = "".join(rng.choice(letters) for _ in range(1_000_000))
    words = " ".join(
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(2000)
    )
    first = "The mayor said on Tuesday that the new bridge will open in the spring of next year."
    last = "Residents welcomed the news, saying the old crossing had been closed for far too long."
    for junk in (blob, words):
        a = clipclean.clean(f"{first}\n\n{junk}\n\n{last}\n", kind="text")
        assert a.body == f"{first}\n\n{last}"
        assert {r.stage for r in a.removed} == {"article_span"}


def test_the_stage_type_and_the_pipeline_do_not_import_each_other() -> None:
    def imports(path: Path) -> set[str]:
        tree = ast.parse(path.read_text("utf-8"))
        return {
            node.module or ""
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level
        }

    for module in (SRC / "stages").glob("*.py"):
        assert "pipeline" not in {m.rpartition(".")[2] for m in imports(module)}, module.name
    assert "pipeline" not in imports(SRC / "stage.py")
