"""The text path's article run keeps what a page put between the parts of its article: a lead
cut off from the body by a box of products or job ads."""

from __future__ import annotations

import clipclean

LEAD = [
    "Electric toys keep a cat busy while its owners are at work. We tested nine electric cat "
    "toys over a month. Which electric toy suits your cat depends on its temper and its age.",
]
BODY = [
    "An electric toy moves by itself: a ball that rolls, a mouse that runs, a feather that "
    "turns on a rod. Most electric toys run on batteries, a few charge over a USB cable.",
    "Cats that are alone for long hours profit most. A toy with a timer starts on its own "
    "while the cat is alone and stops before the battery runs flat, so its temper stays calm.",
    "Cats that are old or heavy need a slow toy: a fast ball frightens them. Which toy suits "
    "your cat, then, is best found by watching it play with a string for a few minutes.",
]


def box(k: int) -> list[str]:
    """A box of products: name, fields, a price and a button, again and again."""
    out = []
    for i in range(k):
        out += [f"Product {i}", "Material", "Plush, cotton", "Size", f"{10 + i} cm", "Buy now"]
    return out


def body(lines: list[str]) -> str:
    return clipclean.clean("\n".join(lines) + "\n", kind="text").body


def test_a_lead_cut_off_by_a_box_of_products_stays_and_the_box_goes() -> None:
    menu = ["Home", "Cats", "Dogs", "Toys", "Food", "Health", "Shop", "Offers", "Help", "About"]
    got = body([*menu, "Electric toys for cats", *LEAD, *box(8), *BODY, "Imprint"])
    assert LEAD[0] in got and BODY[0] in got
    assert "Buy now" not in got and "Plush, cotton" not in got


def test_a_blurb_on_another_topic_before_a_menu_is_not_a_lead() -> None:
    blurb = (
        "Our newsletter brings the week's offers to your inbox every Friday morning. "
        "Subscribe today and never miss a discount on garden furniture again."
    )
    menu = ["Home", "Cats", "Dogs", "Toys", "Contact", "Offers", "Shop", "Help", "Account"]
    got = body([*menu, blurb, *box(8), "Electric toys for cats", *BODY, "Imprint"])
    assert BODY[0] in got and "newsletter" not in got
