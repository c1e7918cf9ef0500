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
