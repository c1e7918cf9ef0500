"""The text path's article run at its edges: a last line that ends past its sentence mark, a
long paragraph after an inline "read also" box."""

from __future__ import annotations

import clipclean
from clipclean.stages.span import _ends_late

PARAS = [
    "Last winter, running outside in the dark was about the last thing I wanted to do after "
    "a long day at work, and a long run in the cold rain was out of the question for me.",
    "Twelve months later it is the other way round: I like it when it is wet, cold and dark "
    "outside, and the paths along the river are empty but for a few people with their dogs.",
    "The feeling of having faced the wind and the cold while most other people sat on their "
    "sofas at home stays with me for the whole evening, and it makes the next run easier.",
]
SHARE = ["Post views: 1.432", "Share:", "Facebook", "Twitter", "WhatsApp", "Print"]


def body(lines: list[str]) -> str:
    return clipclean.clean("\n".join(lines) + "\n", kind="text").body


def test_a_last_line_closed_by_an_emoji_stays() -> None:
    last = "You feel a bit like a hero afterwards, and honestly I like that a lot 😉"
    menu = ["Skip to content", "Home", "Running", "Cycling", "About", "Contact"]
    got = body([*menu, "Running in winter", *PARAS, last, *SHARE, "Similar posts", "Comments"])
    assert PARAS[0] in got and last in got and "Facebook" not in got


def test_a_credit_in_full_width_brackets_after_the_sentence_ends_it() -> None:
    assert _ends_late("正是有了英勇的你们，才有这座英雄的城！（评论员 罗博 萧海川）")
    assert _ends_late("Wir sehen uns beim nächsten Lauf am Fluss ❤️")
    # (a bracket note without a sentence before it, or an ASCII line, is left as it was)
    assert not _ends_late("图集（12张）") and not _ends_late("Read more (3)")


def test_a_long_paragraph_after_a_read_also_box_is_the_article_going_on() -> None:
    long = "Meanwhile the rest of the continent had a weekend of record heat. " + " ".join(
        f"In the town of Station {k} the thermometer climbed to {20 + k} degrees, the "
        "highest February reading since the records began, and the meteorologists "
        "expect the warm air to stay for most of the coming week."
        for k in range(4)
    )
    teaser = "Storm leaves one dead in the north"
    got = body(
        ["Weather", *PARAS, "Read also:", teaser, "Jane Smith", "Read also:", long, "Topics"]
    )
    assert PARAS[-1] in got and long in got


def product(name: str, k: int) -> list[str]:
    """A product described in prose, then its features under a one-word label."""
    features = [
        f"Adjustable hip belt with elastic cord {k}",
        "Compartment for crampons with a side opening",
        "Holder for the shovel handle and the probe",
        "Soft back panel made of breathable mesh",
        "Removable chest strap with quick release buckle",
        "Prepared for a hydration bag",
        "With signal whistle",
    ]
    prose = (
        f"The {name} is made for racers who want to reach the summit as fast as they can, and "
        "it carries skis, poles and crampons without getting in the way on the climb."
    )
    return [name, prose, "Description:", *features]


def test_features_under_a_label_between_two_products_stay_in_the_article() -> None:
    menu = ["Home", "News", "Products", "Shop", "Contact", "About", "Help", "Search"]
    lines = [*menu, "New gear for ski racing", *PARAS[:1]]
    for k, name in enumerate(("Rapid pack", "Summit pack", "Ridge pack")):
        lines += product(name, k)
    lines += [PARAS[1], "Tags:", "gear", "skiing", "Share:", "Facebook", "Twitter", "Print"]
    got = body(lines)
    assert "Adjustable hip belt with elastic cord 0" in got and "The Ridge pack" in got
    assert PARAS[1] in got and "Facebook" not in got
