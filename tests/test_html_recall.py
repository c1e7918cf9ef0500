"""The HTML path keeps article text that sits where page furniture usually does: each test is
a small hand-made page with one such pattern, and a piece of real furniture beside it that
must still go."""

from __future__ import annotations

import clipclean

FILLER = (
    "The council met on Tuesday evening to discuss the budget for the coming year, and "
    "members debated the proposals for several hours before a vote was finally taken. "
)
SLIDE = (
    "The second slide shows the new bridge over the river, which the council finished two "
    "years late and well over the budget it had set for the work."
)


def page(body: str) -> bytes:
    return (
        "<html lang='en'><head><title>Budget Vote - The Courier</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><main><h1>Budget Vote</h1>{body}</main>"
        "<footer>All rights reserved</footer></body></html>"
    ).encode()


def test_hidden_slides_of_prose_inside_the_article_stay() -> None:
    body = (
        f"<article><p>{FILLER}</p><p>{FILLER}</p>"
        f"<div class='slide hidden' style='display: none'><p>{SLIDE}</p></div>"
        "<div style='display: none'><a href='/login'>Log in to comment</a></div></article>"
    )
    d = clipclean.clean(page(body)).to_dict()
    assert "finished two years late" in d["body"]
    assert "Log in to comment" not in d["body"]


def test_a_table_set_in_a_figure_is_the_article_s_table() -> None:
    body = (
        f"<article><p>{FILLER}</p>"
        "<figure class='wp-block-table'><table><tr><th>Ward</th><th>Budget</th></tr>"
        "<tr><td>North ward</td><td>4.2 million</td></tr></table>"
        "<figcaption>Budget by ward</figcaption></figure>"
        f"<p>{FILLER}</p><figure><img src='/a.jpg' alt=''><figcaption>The town hall on the "
        "night of the vote</figcaption></figure></article>"
    )
    d = clipclean.clean(page(body)).to_dict()
    assert "North ward 4.2 million" in d["body"]
    assert "The town hall on the night of the vote" not in d["body"]


def test_credit_shapes_far_from_an_image_stay_and_credits_beside_one_go() -> None:
    """A slash between names or a bracket at a line's end makes a credit only beside an
    image: a table row, an address or a legal reference far from any is the article's."""
    short = "The mayor spoke to the council before the vote on Tuesday."
    body = (
        f"<article><p>{FILLER}</p>"
        "<table><tr><td>Make/Model</td><td>Price</td></tr>"
        "<tr><td>Acme Roadster</td><td>21,000</td></tr></table>"
        f"<p>{SLIDE}</p><p>Write to the Town Clerk, Mill Street 14, Rhede /Ems</p>"
        "<p>The clause breaks the copyright rules (Directive 2019/790)</p>"
        f"<p>{short}</p><p><img src='/mayor.jpg'></p><p>Jane Doe/Reuters</p>"
        f"<p>{FILLER}</p><div><img src='/hall.jpg'></div><p>The town hall at night</p>"
        "<p>John Roe/AP</p><p>The vote was held in the old chamber of the town hall.</p>"
        "</article>"
    )
    d = clipclean.clean(page(body)).to_dict()
    assert "Make/Model Price" in d["body"]
    assert "Rhede /Ems" in d["body"]
    assert "(Directive 2019/790)" in d["body"]
    assert short in d["body"]  # the line above the image is not its caption
    for gone in ("Jane Doe/Reuters", "John Roe/AP", "The town hall at night"):
        assert gone not in d["body"]
    images = {(i["caption"], i["credit"]) for i in d["images"]}
    assert images == {(None, "Jane Doe/Reuters"), ("The town hall at night", "John Roe/AP")}
