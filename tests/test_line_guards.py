"""Line stages that took article text by one cue: each now needs shape and place to agree.

Each test keeps the article line that a single keyword or mark used to take, and checks that
the junk line the rule exists for still goes.
"""

from __future__ import annotations

import clipclean

PARAS = [
    "The council voted on Tuesday to close the old bridge to cars for two years of repairs.",
    "Engineers found cracks in three of the supports during an inspection in the spring.",
    "Buses will use a temporary lane, and cyclists will keep a path on the eastern side.",
    "Shop owners on both banks said they feared losing customers during the busiest months.",
    "The work is expected to cost about 30 million euros and to finish before the summer.",
]
HEAD = ["Bridge to close for two years", "By Jane Doe", "March 4, 2024"]


def clean(paragraphs: list[str]) -> clipclean.Article:
    """Blank-line separated paragraphs (a line break inside one keeps its lines a group)."""
    return clipclean.clean("\n\n".join(paragraphs) + "\n", kind="text")


def removed_by(a: clipclean.Article, text: str) -> str | None:
    return next((r.stage for r in a.removed if r.text == text), None)


def test_a_code_line_naming_an_app_stays_but_get_the_app_goes() -> None:
    code = "CMD flask run exampleapp:app"
    a = clean([*HEAD, *PARAS[:2], code, *PARAS[2:], "Get the app"])
    assert code in a.body
    assert removed_by(a, "Get the app") == "prompts"


def test_a_paragraph_over_a_credit_line_stays_but_a_caption_over_it_goes() -> None:
    # a dump prints an inline figure's credit on the line right under the paragraph
    para = (
        "The repairs were delayed twice by the flood, and the council blamed the contractor."
        " It has now hired a second firm to finish the eastern supports by the autumn."
    )
    caption = "The old bridge at dusk, seen from the eastern bank."
    a = clean(
        [
            *HEAD,
            *PARAS[:2],
            f"{para}\nFoto: Jane Doe",
            *PARAS[2:4],
            f"{caption}\nFoto: Ann Roe",
            PARAS[4],
        ]
    )
    assert para in a.body
    assert removed_by(a, "Foto: Jane Doe") == "captions"
    assert removed_by(a, caption) == "captions"
    assert any(i.caption == caption and i.credit == "Ann Roe" for i in a.images)


def test_a_gallery_caption_cut_short_over_a_credit_still_goes() -> None:
    cut = (
        "Mark the parts on the board. Mark the slope of the side walls and the middle wall. The"
        " roof falls to the back …"
    )
    a = clean([*HEAD, *PARAS[:2], f"{cut}\nFoto: Jane Doe", *PARAS[2:]])
    assert removed_by(a, cut) == "captions"


def test_a_closing_smiley_stays_but_a_rule_goes() -> None:
    a = clean([*HEAD, *PARAS[:4], "=)", PARAS[4], "* * *"])
    assert "\n\n=)\n\n" in a.body
    assert removed_by(a, "* * *") == "separators"
