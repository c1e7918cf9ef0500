"""The HTML path keeps article text that sits where page furniture usually does: each test is
a small hand-made page with one such pattern, and a piece of real furniture beside it that
must still go."""

from __future__ import annotations

import lxml.html

import clipclean
from clipclean.html.prune import chrome_word

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


CAPTION = (
    "The council chose this design for the new library after a public vote. <br><br>Readers "
    "sent more than two thousand letters about it, most of them asking for a reading garden "
    "on the roof. <a href='/library'>See the other designs here</a>"
)
THREAD = "".join(
    f"<div class='comment-item'><img src='/avatar{i}.png' alt=''><b>Reader {i}</b>"
    f"<time>March {i}, 2021</time><p>I went to the meeting and I think the council got the "
    f"budget wrong again this year, as it does every single year without fail.</p>"
    f"<a href='#reply-{i}'>Reply</a></div>"
    for i in range(1, 4)
)


def test_a_gallery_caption_named_comment_stays_but_a_comment_thread_goes() -> None:
    """A box whose class says "comment" but which is one note of prose (a gallery's
    caption) is the article's; a thread (avatars, dates, repeated items) is not."""
    body = (
        f"<article><p>{FILLER}</p><div class='gallery__item'><img src='/a.jpg' alt=''>"
        f"<div class='gallery__item__comment'>{CAPTION}</div></div><p>{FILLER}</p>"
        f"<div class='thread'>{THREAD}</div></article>"
    )
    d = clipclean.clean(page(body)).to_dict()
    assert "reading garden on the roof" in d["body"]
    assert "got the budget wrong again" not in d["body"]


def test_a_caption_named_comment_is_not_chrome_on_a_page_that_marks_no_article() -> None:
    tree = lxml.html.fromstring(
        f"<html><body><div class='gallery'><p>{FILLER}</p>"
        f"<div class='gallery__item__comment'>{CAPTION}</div></div>"
        f"<div class='comments'>{THREAD}</div></body></html>"
    )
    caption, thread = tree.find_class("gallery__item__comment")[0], tree.find_class("comments")[0]
    assert chrome_word(caption, "gallery__item__comment ") is None
    assert chrome_word(thread, "comments ") == "comments"


def test_a_note_named_comment_after_a_marked_article_goes() -> None:
    """On a page that marks its article, a "comment" box of prose after it is a reader's
    comment, whatever its shape."""
    body = (
        f"<article><p>{FILLER}</p><p>{FILLER}</p><p>{FILLER}</p></article>"
        f"<div class='user-comment'>{CAPTION}</div>"
    )
    html = page(body).replace(b"<main>", b"<div>").replace(b"</main>", b"</div>")
    assert "reading garden" not in clipclean.clean(html).to_dict()["body"]


def test_a_lone_comment_with_its_counts_goes_on_a_page_that_marks_no_article() -> None:
    """One reader's comment of prose, with its row of counts (parts repeating one class), is
    a thread's item even where no container names the thread."""
    comment = (
        "<div class='c-box comment'><span class='meta'>level 2</span>"
        "<span class='meta'>2 points</span><span class='meta'>9 years ago</span>"
        "<p>I went to the meeting and I think the council got the budget wrong again this "
        "year, as it does every single year without fail.</p></div>"
    )
    body = f"<div class='story'><p>{FILLER}</p><p>{FILLER}</p><p>{FILLER}</p></div>{comment}"
    html = page(body).replace(b"<main>", b"<div>").replace(b"</main>", b"</div>")
    assert "got the budget wrong again" not in clipclean.clean(html).to_dict()["body"]


def test_rows_of_links_in_a_data_table_stay_and_a_table_of_links_goes() -> None:
    """A table headed by its columns is data: a row whose cells are links ("Desktop for
    Windows") is one of its entries, in readability's clean-up and in the link-row stage. A
    table of links with no header row is a list of links to elsewhere."""
    cell = "<td><a href='/get/{0}'>Desktop for {0}</a></td><td><a href='/get/{0}'><img src='/y.svg' alt='yes'></a></td>"
    body = (
        f"<article><p>{FILLER}</p><h3>Platforms</h3>"
        "<table><thead><tr><th>Platform</th><th>Supported</th></tr></thead><tbody>"
        + "".join(f"<tr>{cell.format(os)}</tr>" for os in ("Mac", "Windows"))
        + f"</tbody></table><p>{FILLER}</p>"
        "<table><tr><td><a href='/a'>Budget talks stall again</a></td></tr>"
        "<tr><td><a href='/b'>Mayor opens the new bridge</a></td></tr></table></article>"
    )
    d = clipclean.clean(page(body)).to_dict()
    assert "Desktop for Windows" in d["body"]
    assert "Platform Supported" in d["body"]
    assert "Mayor opens the new bridge" not in d["body"]


def test_a_bare_address_the_article_introduces_stays_and_a_link_line_goes() -> None:
    """A line that is one address after a line ending in a colon is where the article sends
    its reader; a line of link text (a title) after the article is a link to elsewhere."""
    body = (
        f"<article><p>{FILLER}</p><p>{FILLER} Sign the petition here:</p>"
        "<p><a href='https://petitions.example.org/save-the-bridge'>"
        "https://petitions.example.org/save-the-bridge</a></p>"
        "<p><a href='/more'>More on the budget vote from our council desk</a></p>"
        "<p><a href='https://www.example.net/'>https://www.example.net/</a></p></article>"
    )
    d = clipclean.clean(page(body)).to_dict()
    assert "https://petitions.example.org/save-the-bridge" in d["body"]
    assert "More on the budget vote" not in d["body"]
    assert "https://www.example.net/" not in d["body"]


def test_a_list_of_dated_items_stays_and_the_dateline_under_the_headline_goes() -> None:
    items = ("1er décembre 2019 : Article Libération", "13 avril 2018 : Dépêche AFP",
             "8 juin 2016 : Reportage France 2")  # fmt: skip
    body = (
        f"<article><p>March 4, 2024</p><p>{FILLER}</p><h2>In the press</h2><ul>"
        + "".join(f"<li>{item}</li>" for item in items)
        + f"</ul><p>{FILLER}</p></article>"
    )
    d = clipclean.clean(page(body)).to_dict()
    assert all(item in d["body"] for item in items)
    assert "March 4, 2024" not in d["body"]
    assert d["published"].startswith("2024-03-04")
