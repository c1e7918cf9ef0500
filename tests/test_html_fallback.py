"""The second opinion on the main content (html/fallback.py): the decision on hand-made block
streams, and the whole HTML path on pages where readability's pick alone loses the article."""

from __future__ import annotations

import lxml.html

import clipclean
from clipclean.html.fallback import Page, choose, read_page

PROSE = (
    "The council met on Tuesday evening and agreed, after a long debate about the budget, "
    "that the old bridge will be repaired before the winter comes to the valley."
)


def _para(n: int) -> str:
    return f"<p>Paragraph {n}. {PROSE}</p>"


def _page(body: str) -> Page:
    return read_page(lxml.html.document_fromstring(f"<html><body>{body}</body></html>"))


def _texts(pairs: list) -> list[str]:
    return [b.text for b, _ in pairs]


def _pick(page: Page, *needles: str) -> list:
    return [(b, el) for b, el in page.pairs if any(n in b.text for n in needles)]


def test_a_pick_the_run_dwarfs_gives_way_to_the_run() -> None:
    page = _page(
        '<div><p>Subscribe to our newsletter</p></div>'
        + "<div>" + "".join(_para(i) for i in range(6)) + "</div>"
    )  # fmt: skip
    pairs, choice = choose(_pick(page, "Subscribe"), page)
    assert choice == "run"
    assert [t.split(".")[0] for t in _texts(pairs)] == [f"Paragraph {i}" for i in range(6)]


def test_lead_paragraph_before_the_pick_joins_it() -> None:
    page = _page(
        "<h1>Bridge to be repaired</h1>"
        f"<p>Lead. {PROSE}</p><span>By Jane Doe</span><span>May 3, 2024</span>"
        "<div>" + "".join(_para(i) for i in range(4)) + "</div>"
    )
    pick = _pick(page, "Paragraph")
    pairs, choice = choose(pick, page)
    assert choice == "lead"
    assert _texts(pairs) == [f"Lead. {PROSE}", *_texts(pick)]


def test_the_headline_stops_the_lead() -> None:
    page = _page(
        f"<p>Yesterday. {PROSE}</p><h1>Bridge to be repaired</h1>"
        "<div>" + "".join(_para(i) for i in range(4)) + "</div>"
    )
    pick = _pick(page, "Paragraph")
    assert choose(pick, page) == (pick, "readability")


def test_a_paragraph_the_pick_left_out_is_put_back_in_place() -> None:
    page = _page("<div>" + "".join(_para(i) for i in range(5)) + "</div>")
    pick = [pair for pair in page.pairs if "Paragraph 2." not in pair[0].text]
    pairs, choice = choose(pick, page)
    assert choice == "filled"
    assert [t.split(".")[0] for t in _texts(pairs)] == [f"Paragraph {i}" for i in range(5)]


def test_teasers_after_the_article_are_not_the_run() -> None:
    teasers = "".join(
        f'<h3><a href="/s{i}">Another story number {i} about the town</a></h3>'
        f"<p>Teaser {i}. {PROSE}</p><span>May {i}, 2024</span>"
        for i in range(8)
    )
    page = _page("<div>" + "".join(_para(i) for i in range(3)) + "</div>" + teasers)
    assert all("Teaser" not in t for t in _texts(page.run))
    pick = _pick(page, "Paragraph")
    assert choose(pick, page) == (pick, "readability")


def test_choice_is_under_explain_and_an_article_in_an_aside_is_found() -> None:
    html = (
        "<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav>"
        "<aside>" + "".join(_para(i) for i in range(5)) + "</aside></body></html>"
    )
    d = clipclean.clean(html.encode(), kind="html").to_dict(explain=True)
    assert "Paragraph 0." in d["body"] and "Paragraph 4." in d["body"]
    assert "Home" not in d["body"]
    assert [m["value"] for m in d["metadata"] if m["field"] == "content"] == ["unpruned"]


def test_readability_pick_stays_on_a_plain_article() -> None:
    html = (
        "<html><body><article>" + "".join(_para(i) for i in range(5)) + "</article></body></html>"
    )
    d = clipclean.clean(html.encode(), kind="html").to_dict(explain=True)
    content = [m for m in d["metadata"] if m["field"] == "content"]
    assert [m["value"] for m in content] == ["readability"]
    assert d["body"].count("Paragraph") == 5


def test_a_question_between_the_paragraphs_above_the_pick_joins_them() -> None:
    page = _page(
        "<h1>An interview</h1>"
        f"<p>Answer one. {PROSE}</p><p>Answer two. {PROSE}</p><p>What was the second reason for it?</p>"
        f"<p>Answer three. {PROSE}</p>"
        "<div>" + "".join(_para(i) for i in range(4)) + "</div>"
    )
    pick = _pick(page, "Paragraph")
    pairs, choice = choose(pick, page)
    assert choice == "lead"
    assert _texts(pairs)[:4] == [
        f"Answer one. {PROSE}", f"Answer two. {PROSE}", "What was the second reason for it?", f"Answer three. {PROSE}"
    ]  # fmt: skip


def test_text_above_the_headline_is_not_the_articles_start() -> None:
    notice = "You are using an old browser, so this site may look broken in places; update it."
    page = _page(
        f"<p>{notice}</p><p>{notice}</p><h1>Bridge to be repaired</h1>"
        "<div>" + "".join(_para(i) for i in range(4)) + "</div>"
    )
    pick = _pick(page, "Paragraph")
    pairs, choice = choose(pick, page)
    assert notice not in _texts(pairs)
    assert choice == "readability"


def test_a_linked_headline_stops_the_lead() -> None:
    slogan = "For everyone who wants to read the news every day!"
    page = _page(
        f"<div>{slogan}</div><h2><a href='/a'>Bridge to be repaired</a></h2>"
        "<span>Posted on May 3, 2024</span>"
        "<div>" + "".join(_para(i) for i in range(4)) + "</div>"
    )
    pairs, choice = choose(_pick(page, "Paragraph"), page)
    assert choice == "readability"
    assert slogan not in _texts(pairs)


def test_the_run_ends_before_a_comment_section_that_outweighs_the_article() -> None:
    comment = (
        "I have read this twice and I still think the council should have asked the people "
        "of the valley first, since they are the ones who pay for the bridge in the end."
    )
    page = _page(
        "<div>" + "".join(_para(i) for i in range(3)) + "</div>"
        "<h2>27 commentaires</h2>"
        + "".join(f"<div><a href='/u{i}'>Reader {i}</a><p>{comment}</p><p>{comment}</p></div>"
                  for i in range(8))
    )  # fmt: skip
    assert [t.split(".")[0] for t in _texts(page.run)] == [f"Paragraph {i}" for i in range(3)]


def test_the_run_starts_below_the_headline_it_crosses() -> None:
    counter = "You have read 1 of your 4 free articles this month, so enjoy reading this one."
    page = _page(
        f"<p>{counter}</p><p>Already a subscriber? Log in.</p><h1>Bridge to be repaired</h1>"
        + "".join(_para(i) for i in range(4))
    )
    assert [t.split(".")[0] for t in _texts(page.run)] == [f"Paragraph {i}" for i in range(4)]


def test_the_content_ends_at_an_end_marker_after_the_article() -> None:
    page = _page(
        "<div>" + "".join(_para(i) for i in range(4)) + "<h3>Ähnliche Beiträge</h3>"
        + "".join(f"<p><a href='/t{i}'>Another story about the bridge number {i}</a></p>"
                  f"<p>A short teaser of story {i} here.</p>" for i in range(3))
        + "</div>"
    )  # fmt: skip
    pairs, _ = choose(list(page.pairs), page)
    assert [t.split(".")[0] for t in _texts(pairs)] == [f"Paragraph {i}" for i in range(4)]


def _sections(first: str) -> str:
    """The article's body: its first section's paragraphs, then two more headed sections."""
    return (
        "<div>" + _para(0) + _para(1)
        + "".join(f"<{first}>Section {i}</{first}>{_para(i + 2)}" for i in range(2))
        + "</div>"
    )  # fmt: skip


def test_the_first_sections_heading_before_the_pick_joins_it() -> None:
    page = _page("<h1>Bridge to be repaired</h1><div><h2>At a glance</h2></div>" + _sections("h2"))
    pick = _pick(page, "Paragraph", "Section")
    pairs, choice = choose(pick, page)
    assert choice == "lead"
    assert _texts(pairs) == ["At a glance", *_texts(pick)]


def test_a_heading_of_another_level_before_the_pick_stays_out() -> None:
    page = _page("<h1>Bridge to be repaired</h1><div><h4>Local news</h4></div>" + _sections("h2"))
    pick = _pick(page, "Paragraph", "Section")
    assert choose(pick, page) == (pick, "readability")


def test_a_table_of_contents_above_the_pick_is_not_where_it_starts() -> None:
    # the contents' entries repeat the pick's section headings; the pick starts below them,
    # so the author's note between the two is not a paragraph the pick left out
    note = "Jane Doe has written about money and the people who handle it for twenty years now."
    page = _page(
        "<ul><li><a href='#0'>Section 0</a></li><li><a href='#1'>Section 1</a></li></ul>"
        f"<p>{note}</p><h1>Bridge to be repaired</h1><div>{_para(9)}</div>" + _sections("h3")
    )
    start = next(k for k, (b, _) in enumerate(page.pairs) if b.text.startswith("Paragraph 9"))
    pick = page.pairs[start:]
    pairs, choice = choose(pick, page)
    assert note not in _texts(pairs)
    assert choice == "readability"
