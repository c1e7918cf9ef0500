"""The run of prose starts with its first paragraph's first lines when wrapping left them as
open pieces before it (a sentence ends inside one, or it ends on a word in lower case); a
caption, byline or headline before the article is not taken in."""

from __future__ import annotations

import clipclean
from clipclean.model import Block
from clipclean.shape import Facts
from clipclean.stages.wrapped_start import REWRAPPED, piece_kind, wrapped_start
from clipclean.text import text_to_blocks

MENU = ["Home", "Travel", "Trains", "Cities", "Contact"]
PIECES = [
    "Hours. That is how long the fastest train connection from Madrid takes to reach",
    "Stockholm. The journey starts at 7:20 in the morning and after five changes with long",
]
BODY = [
    "Breaks included, the travellers arrive one day later at 19:38 in Stockholm Central. Since the "
    "activist travelled by train and by sailing boat, many people dream of crossing Europe "
    "by rail again instead of taking a plane for every trip.",
    "Between Madrid and Cologne the trains can already run at high speed for most of the way. "
    "The lines between Hanover and Berlin are fast as well, but the tickets are not sold "
    "together and the connections are not planned as one journey.",
    "Night trains were cut back for years because they did not pay. Now several railways are "
    "ordering new sleeping cars, and the first new lines are to open within two years.",
]


def body(lines: list[str]) -> str:
    return clipclean.clean("\n".join(lines) + "\n", kind="text").body


def test_the_wrapped_first_lines_of_the_first_paragraph_stay() -> None:
    got = body([*MENU, "Fast trains across Europe", "By Anna Example", *PIECES, *BODY, "Imprint"])
    assert PIECES[0] in got and PIECES[1] in got and BODY[-1] in got
    assert "Contact" not in got


def test_pieces_are_told_from_captions_headlines_and_bylines() -> None:
    for text in [*PIECES, "the fastest connection between the two cities takes a whole day,"]:
        assert piece_kind(Facts(text)) == 2, text
    # a headline in sentence case may be a piece, but not surely
    assert (
        piece_kind(Facts("Afghan woman politician sees Taliban talks as only hope for future")) == 1
    )
    for text in (
        "Paris Haute Couture SS14, Serkan Cura, Bild via",  # too short for a wrapped line
        "Fast Trains Across Europe: How the Railways Plan Their Comeback",  # title case
        "The journey starts at 7:20 in the morning and ends a day later.",  # closed
        "In this Dec. 12, 2006, file photo, astronaut Robert L. Curbeam Jr., left, and Christer",
    ):
        assert piece_kind(Facts(text)) == 0, text


def _blocks(texts: list[str], origin: str) -> tuple[list[Facts], list[Block]]:
    blocks = [Block(t, origin=origin) for t in texts]
    return [Facts(t) for t in texts], blocks


def test_one_open_line_is_taken_in_only_where_the_text_was_wrapped() -> None:
    lines = ["Home", "A caption that has one sentence. And a credit by Anna Example", BODY[0]]
    fs, plain = _blocks(lines, "line 1")
    assert wrapped_start(fs, 2, plain) == 2  # (one line alone: a caption as often)
    _, wrapped = _blocks(lines, f"lines 1-2 {REWRAPPED}")
    assert wrapped_start(fs, 2, wrapped) == 1
    # two headlines in sentence case are not pieces of a paragraph
    heads = [
        "Afghan woman politician sees Taliban talks as only hope for future",
        "Dozens wounded in attacks on the day of the election in the north",
        BODY[0],
    ]
    fs, plain = _blocks(heads, "line 1")
    assert wrapped_start(fs, 2, plain) == 2


def test_the_reader_marks_rewrapped_blocks_as_wrapped_start_expects() -> None:
    words = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod " * 40).split()
    lines, line = [], ""
    for w in words:
        if len(line) + len(w) + 1 > 72:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    blocks = text_to_blocks("\n".join([*lines, line]) + "\n")
    assert any(b.origin.endswith(REWRAPPED) for b in blocks)
