"""The HTML path on small hand-made pages, one markup pattern each: lines laid out from inline
runs, embedded posts, wrapper columns with chrome class words, leads vs deks, dates shown only
in the text, bylines in sidebars, and the marks scan they rely on."""

from __future__ import annotations

import lxml.html

import clipclean
from clipclean.html.blocks import to_blocks
from clipclean.html.marks import scan
from clipclean.html.metadata import classify_names

FILLER = (
    "The council met on Tuesday evening to discuss the budget for the coming year, and "
    "members debated the proposals for several hours before a vote was finally taken. "
)


def page(body: str, head: str = "") -> bytes:
    return (
        f"<html lang='en'><head><title>Budget Vote - The Courier</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a></nav><main><h1>Budget Vote</h1>{body}</main>"
        "<footer>All rights reserved</footer></body></html>"
    ).encode()


def test_inline_run_is_one_block_with_its_links() -> None:
    root = lxml.html.fragment_fromstring(
        "<div><span>Just months after the last <a href='/x'>MacBook Pro</a> was released, "
        "Apple <b>un</b>veiled a new one.<br><br>Then <a href='/y'>prices</a> fell.</span>"
        "<p>A paragraph.</p>Tail text after it.</div>"
    )
    texts = [b.text for b, _ in to_blocks(root)]
    assert texts == [
        "Just months after the last MacBook Pro was released, Apple unveiled a new one.",
        "Then prices fell.",
        "A paragraph.",
        "Tail text after it.",
    ]
    blocks = [b for b, _ in to_blocks(root)]
    assert 0 < blocks[0].links < 0.3


def test_embedded_post_in_a_social_box_stays() -> None:
    body = (
        f"<article><p>{FILLER}</p><p>{FILLER}</p>"
        "<div class='social-media-embed'><blockquote class='twitter-tweet'><p>The vote was a "
        "disgrace and we will fight it in court next week</p>— Jo Bloggs (@jo) May 1, 2024"
        f"</blockquote></div><p>{FILLER}</p>"
        "<div class='social-share'><a href='/s'>Share on Facebook</a></div></article>"
    )
    d = clipclean.clean(page(body)).to_dict()
    assert "we will fight it in court next week" in d["body"]
    assert "Share on Facebook" not in d["body"]


def test_sidebar_classed_column_with_much_text_is_a_wrapper() -> None:
    rows = "".join(
        f"<tr><td>Player {i}</td><td>{i} tackles and {i} sacks</td></tr>" for i in range(100)
    )
    body = (
        f"<div class='l-sidebar-fixed l-article-body'><p>{FILLER}</p><table>{rows}</table>"
        f"<p>{FILLER}</p></div><div class='sidebar'><a href='/a'>Most read story one</a></div>"
    )
    d = clipclean.clean(page(body)).to_dict()
    assert "Player 42" in d["body"]
    assert "Most read story one" not in d["body"]


def test_a_lead_paragraph_is_not_a_dek_but_a_dek_box_is() -> None:
    lead = "The council approved the budget on Tuesday after a long debate over school funding."
    head = f"<meta name='description' content='{lead}'>"
    body = f"<article><p>{lead}</p><p>{FILLER}</p><p>{FILLER}</p></article>"
    d = clipclean.clean(page(body, head)).to_dict()
    assert d["subtitle"] is None
    assert d["body"].startswith(lead)
    body = f"<p class='article-dek'>{lead}</p><article><p>{FILLER}</p><p>{FILLER}</p></article>"
    d = clipclean.clean(page(body, head)).to_dict()
    assert d["subtitle"] == lead
    assert FILLER.strip() in d["body"]  # (a standfirst printed as a paragraph may stay there too)


def test_a_dek_repeated_as_a_heading_leaves_the_body() -> None:
    dek = "The council approved the budget after a long debate over school funding"
    head = f"<meta name='description' content='{dek}'>"
    body = f"<article><h2 class='dek'>{dek}</h2><p>{FILLER}</p><p>{FILLER}</p></article>"
    d = clipclean.clean(page(body, head)).to_dict(explain=True)
    assert d["subtitle"] == dek
    assert dek not in d["body"]
    assert any(r["stage"] == "dek_repeat" for r in d["removed"])


def test_names_with_initials_are_people() -> None:
    assert classify_names(["By Troy L. Smith"], set()) == (["Troy L. Smith"], None)
    assert classify_names(["Kevin McCoy USA TODAY"], set()) == ([], None)


def test_a_byline_in_a_sidebar_is_another_story_s() -> None:
    body = (
        f"<article><p class='byline'>By Ann Lee</p><p>{FILLER}</p><p>{FILLER}</p></article>"
        "<aside><div class='story'><p class='byline'>By Bob Stone</p></div></aside>"
    )
    assert clipclean.clean(page(body)).authors == ("Ann Lee",)
    body = body.replace("<p class='byline'>By Ann Lee</p>", "")
    assert clipclean.clean(page(body)).authors == ()


def test_date_shown_only_in_the_text() -> None:
    body = (
        "<span class='article-publish-date'>Updated: November 20, 2019, 10:00 AM</span>"
        "<span class='article-publish-date'>November 19, 2019, 9:02 AM</span>"
        f"<article><p>{FILLER}</p><p>{FILLER}</p></article>"
    )
    assert clipclean.clean(page(body)).published == "2019-11-19T09:02:00"
    head = "<meta property='article:published_time' content='2019-11-18T08:00:00Z'>"
    assert clipclean.clean(page(body, head)).published.startswith("2019-11-18")  # markup wins


def test_marks_scan_sorts_elements_by_their_marks() -> None:
    tree = lxml.html.document_fromstring(
        "<html><body><div class='share-row'>s</div><div id='comments'>c</div>"
        "<span rel='author'>A</span><p class='byline'>B</p><figure><img></figure>"
        "<div class='wp-caption'>cap</div><time itemprop='datePublished'>t</time>"
        "<div style='display: none'>h</div><div role='navigation'>n</div>"
        "<blockquote class='twitter-tweet'>q</blockquote></body></html>"
    )
    m = scan(tree)
    text = lambda els: [e.text_content() for e in els]  # noqa: E731
    assert text(e for e, _ in m.chrome) == ["s", "c"]
    assert text(m.unlikely) == ["c"]  # the tweet is quoted text, not an unlikely candidate
    assert text(m.byline) == ["A", "B"]
    assert [e.tag for e in m.boxes] == ["figure", "div"]
    assert text(m.dates) == ["t"]
    assert text(m.hidden) == ["h", "n"]


def test_hover_card_inside_a_sentence_is_dropped_but_the_name_stays() -> None:
    card = (
        "<span class='people'><a href='/p/kn'>Kristi Noem</a><span class='block'><img src='k.jpg'>"
        "<a href='/p/kn'>Kristi Lynn Noem</a><a href='/1'>Governor doubles down on campaign</a>"
        "<a href='/2'>State drops pipeline law</a><a href='/p/kn'>MORE</a></span></span>"
    )
    body = f"<article><p>South Dakota Gov. {card} defended the ad.</p><p>{FILLER}</p></article>"
    d = clipclean.clean(page(body)).to_dict()
    assert "South Dakota Gov. Kristi Noem defended the ad." in d["body"]
    assert "pipeline" not in d["body"]


def test_an_article_s_own_footer_still_gives_its_byline() -> None:
    body = (
        f"<article><p>{FILLER}</p><p>{FILLER}</p>"
        "<footer><span class='byline'>By Ann Lee</span></footer></article>"
        "<footer><span class='byline'>By Site Staff Writer Team</span></footer>"
    )
    assert clipclean.clean(page(body)).authors == ("Ann Lee",)


def test_site_name_from_the_title_segment_that_spells_the_host() -> None:
    html = page(f"<article><p>{FILLER}</p><p>{FILLER}</p></article>").replace(
        b"Budget Vote - The Courier", b"The Space Review: Seeking a bigger role"
    )
    url = "https://www.thespacereview.com/article/3834/1"
    assert clipclean.clean(html, url=url).site_name == "The Space Review"
    declared = b"<meta property='og:site_name' content='TheSpaceReview.com'></head>"
    tagged = html.replace(b"</head>", declared)
    assert clipclean.clean(tagged, url=url).site_name == "TheSpaceReview.com"  # spells the host
    other = "https://blog.example.org/a"
    assert clipclean.clean(html, url=other).site_name == "blog.example.org"


def test_an_agency_byline_first_outweighs_a_name_further_down() -> None:
    agency = "<span class='article-author-name'>Associated Press</span> November 19, 2019"
    cards = "".join(
        f"<div class='card'><span class='author'>{n}</span></div>"
        for n in ("Associated Press", "Associated Press", "Ryan McKenna")
    )
    body = f"<div class='byline'>{agency}</div><article><p>{FILLER}</p><p>{FILLER}</p>{cards}</article>"
    d = clipclean.clean(page(body)).to_dict()
    assert d["authors"] == [] and d["byline_org"] == "Associated Press"


def test_an_icon_s_svg_title_is_not_the_page_title() -> None:
    html = page(f"<article><p>{FILLER}</p></article>").replace(
        b"<nav>", b"<svg><title>Menu icon</title></svg><nav>"
    )
    html = html.replace(b"<head><title>", b"<head><svg><title>Logo</title></svg><title>")
    assert clipclean.clean(html).title == "Budget Vote"
    assert "Logo" not in (clipclean.clean(html).site_name or "")


def test_json_ld_article_body_stands_in_for_an_empty_shell() -> None:
    import json

    stated = "\n".join([FILLER.strip()] * 3 + ["The vote passed by seven to four."])
    ld = json.dumps({"@type": "NewsArticle", "headline": "Budget Vote", "articleBody": stated})
    head = f"<script type='application/ld+json'>{ld}</script>"
    shell = "<article><div id='app'>Loading…</div></article>"
    d = clipclean.clean(page(shell, head)).to_dict()
    assert "The vote passed by seven to four." in d["body"]
    shown = f"<article><p>{FILLER}</p><p>{FILLER}</p><p>Shown text only here.</p></article>"
    d = clipclean.clean(page(shown, head)).to_dict()  # the page's own text agrees: it stays
    assert "Shown text only here." in d["body"]
    assert "seven to four" not in d["body"]


def _item(n: int, words: str) -> str:
    return (
        f"<article class='item'><h3>{n} Place number {n}</h3><div class='content'><p>{words}"
        f" Item {n} is worth the trip, say the people who went there last autumn.</p></div>"
        "<p class='more'><a href='/info'>More info</a></p></article>"
    )


def test_listicle_sections_are_all_kept() -> None:
    """readability scores one section of a listicle best; its like sections (each an
    <article> with a heading and prose) are cousins, not siblings, and stay in the body."""
    items = "".join(_item(n, FILLER * (2 if n == 4 else 1)) for n in range(1, 6))
    body = clipclean.clean(page(f"<div class='list'><p>{FILLER}</p>{items}</div>")).body
    for n in range(1, 6):
        assert f"Item {n} is worth the trip" in body


def test_teaser_cards_do_not_widen_the_pick() -> None:
    """Cards of short summaries beside the article score far below its paragraphs: the
    article is not widened to the list of cards."""
    cards = "".join(
        f"<article class='card'><h3>Story {n}</h3><p>A short summary of story {n}.</p></article>"
        for n in range(6)
    )
    article = f"<article class='card'><h2>Budget</h2><div><p>{FILLER}</p>"
    article += "".join(f"<p>{FILLER} Point {k}.</p>" for k in range(4)) + "</div></article>"
    body = clipclean.clean(page(f"<div>{article}{cards}</div>")).body
    assert "Point 3." in body
    assert "short summary of story" not in body


def test_a_list_of_documents_in_the_article_is_kept() -> None:
    """A list whose links lead to documents (the press coverage as PDFs) is the article's,
    all links as it is; a list of links to pages beside it still goes."""
    docs = "".join(
        f"<li><b>Daily {d}:</b> <a href='/files/press-{d}.pdf'>Report number {d}</a></li>"
        for d in range(1, 6)
    )
    pages = "".join(f"<li><a href='/story-{n}'>Another story {n}</a></li>" for n in range(5))
    article = f"<div><p>{FILLER}</p><p>{FILLER}</p><ul>{docs}</ul><ul>{pages}</ul></div>"
    body = clipclean.clean(page(article)).body
    assert "Report number 4" in body
    assert "Another story 3" not in body


def test_story_inside_an_aside_is_kept() -> None:
    """A template that puts the story in an <aside> (around its <article> with the marked
    articleBody) is not a sidebar; a sidebar of teaser cards still goes."""
    cards = "".join(f"<article><h3>Story {n}</h3><p>Teaser {n}.</p></article>" for n in range(3))
    html = (
        "<html><head><title>Vote</title></head><body><div><nav><a href='/'>Home</a></nav>"
        f"<main><aside class='content'><article><div itemprop='articleBody'><p>{FILLER}</p>"
        f"</div></article></aside></main><aside>{cards}</aside></div></body></html>"
    )
    article = clipclean.clean(html.encode())
    assert "members debated the proposals" in article.body
    assert "Teaser 1." not in article.body


def test_state_class_does_not_make_a_box_chrome() -> None:
    """ "has-sharing" says the header holds a share row, not that it is one: its standfirst
    stays (the share row inside it, named "sharing", still goes)."""
    header = (
        "<header class='articleHeader has-sharing'><div class='sharing'><a href='/s'>Share</a>"
        "</div><p>Heat pumps are booming as the cost of heating with oil and gas rises.</p>"
        "</header>"
    )
    body = clipclean.clean(page(f"<article>{header}<p>{FILLER}</p><p>{FILLER}</p></article>")).body
    assert "Heat pumps are booming" in body
    assert "Share" not in body


def test_chrome_named_article_card_goes_but_a_story_stays() -> None:
    """An <article> named as a subscribe box with short lines is a card of page chrome; an
    <article> with the same name that holds prose is the story."""
    box = (
        "<article class='buybox__subscribe'><p>Immediate online access</p><p>Buy now</p></article>"
    )
    story = f"<article class='subscribe-teaser'><p>{FILLER}</p></article>"
    body = clipclean.clean(page(f"<div><p>{FILLER}</p>{box}{story}<p>{FILLER}</p></div>")).body
    assert "Immediate online access" not in body
    assert body.count("members debated the proposals") == 3


def test_article_header_with_its_standfirst_is_not_unlikely() -> None:
    """readability drops boxes named "header"; an article header holding a paragraph of
    prose (the standfirst) keeps it, a masthead named "header" still goes."""
    from clipclean.html.content import main_content

    header = (
        "<div class='guide-header-module'><h2>How are loan rates set?</h2><p>Rates decide the"
        " cost of a loan more than anything else, and how they are calculated for you is what"
        " this guide explains step by step.</p></div>"
    )
    html = (
        "<html><body><div class='site-header'><a href='/'>Home</a> Loans</div><div>"
        f"{header}<p>{FILLER}</p><p>{FILLER}</p><p>{FILLER}</p></div></body></html>"
    )
    found = main_content(lxml.html.document_fromstring(html), lambda: lxml.html.Element("div"))
    text = found.text_content()
    assert "how they are calculated for you" in text
    assert "Home" not in text
