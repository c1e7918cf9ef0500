"""HTML metadata: description, lead image, dates from URL/dateline/<time>, visible bylines."""

from __future__ import annotations

import clipclean
from clipclean.html.metadata import byline_people, classify_names, url_day

BODY = "".join(
    f"<p>Paragraph {i} of the story says something long enough to be kept as body text here.</p>"
    for i in range(6)
)


def _page(head: str = "", header: str = "", body: str = BODY) -> str:
    return (
        f"<html><head><title>A headline - Site</title>{head}</head><body>"
        f"<article><h1>A headline</h1>{header}{body}</article></body></html>"
    )


def _clean(html: str, url: str | None = None) -> dict:
    return clipclean.clean(html, url=url, kind="html").to_dict(explain=True)


def test_description_is_the_pages_summary_and_not_the_dek() -> None:
    d = _clean(_page('<meta property="og:description" content="The <b>summary</b>  here.">'))
    assert d["description"] == "The summary here."
    assert d["subtitle"] is None
    found = {"field": "description", "value": "The summary here.", "source": "meta og:description"}
    assert found in d["metadata"]


def test_description_naming_only_the_site_is_no_summary() -> None:
    head = '<meta property="og:site_name" content="Site"><meta name="description" content="Site">'
    assert _clean(_page(head))["description"] is None


def test_image_from_markup_is_absolute_else_the_first_figure() -> None:
    d = _clean(_page('<meta property="og:image" content="/img/lead.jpg">'), "https://ex.org/a/b")
    assert d["image"] == "https://ex.org/img/lead.jpg"
    fig = '<figure><img src="/f.jpg" alt="x"><figcaption>A caption</figcaption></figure>'
    d = _clean(_page(body=fig + BODY), "https://ex.org/a/b")
    assert d["image"] == "https://ex.org/f.jpg"
    assert _clean(_page())["image"] is None


def test_url_day_wins_over_markup_naming_another_day() -> None:
    assert url_day("https://ex.org/2019/01/01/slug/") == "2019-01-01"
    assert url_day("https://ex.org/news/2019-13-01/") is None
    head = '<meta property="article:published_time" content="2018-12-31T23:11:59+00:00">'
    d = _clean(_page(head), "https://ex.org/2019/01/01/slug/")
    assert d["published"] == "2019-01-01"
    sources = [m["source"] for m in d["metadata"] if m["field"] == "published"]
    assert sources == ["url path (markup says 2018-12-31T23:11:59+00:00)"]


def test_dateline_near_the_headline_when_the_markup_has_none() -> None:
    d = _clean(_page(header="<div>jueves, 09 enero 2014 - 10:21 h</div>"))
    assert d["published"].startswith("2014-01-09")


def test_time_in_a_teaser_card_is_not_the_articles() -> None:
    teaser = (
        '<aside><div class="card"><h3><a href="/other">Another story</a></h3>'
        '<time datetime="2020-12-03 07:32:49">3.12.2020</time></div></aside>'
    )
    html = _page().replace("</article>", "</article>" + teaser)
    published = _clean(html)["published"]
    assert published is None or not published.startswith("2020-12-03")


def test_visible_byline_without_a_class() -> None:
    header = '<div><span>By</span> <a href="/about/team/meg-wagner">Meg Wagner</a></div>'
    assert _clean(_page(header=header))["authors"] == ["Meg Wagner"]
    header = "<div><h5>Autor:</h5>Peter Maahn</div>"
    assert _clean(_page(header=header))["authors"] == ["Peter Maahn"]


def test_byline_openers_and_author_box_links() -> None:
    assert byline_people("Text von Christian Seiler", set()) == ["Christian Seiler"]
    assert byline_people("11.12.2019 - Amelie Loevenich", set()) == ["Amelie Loevenich"]
    assert byline_people("By Troy L. Smith, Cleveland.com", set()) == ["Troy L. Smith"]


def test_author_box_about_and_more_links_are_not_part_of_the_name() -> None:
    assert classify_names(["Über Luis Holuch"], set())[0] == ["Luis Holuch"]
    assert classify_names(["Johanna Kropfitsch Alle Artikel"], set())[0] == ["Johanna Kropfitsch"]


def test_description_falls_back_to_the_displayed_dek_with_its_source() -> None:
    header = (
        '<p class="dek">A standfirst that sums the story up for the reader.</p><p>By Jane Doe</p>'
    )
    d = _clean(_page(header=header))
    assert (
        d["description"] == d["subtitle"] == "A standfirst that sums the story up for the reader."
    )
    assert [m["source"] for m in d["metadata"] if m["field"] == "description"] == [
        "the displayed dek"
    ]


def test_names_with_glued_initials_and_glued_openers() -> None:
    assert byline_people("By T.C. Sottek", set()) == ["T.C. Sottek"]
    assert classify_names(["James S.A. Corey"], set())[0] == ["James S.A. Corey"]
    assert byline_people("ByTravis Haney", set()) == ["Travis Haney"]
    assert byline_people("Geschrieben vonElisa Marvena", set()) == ["Elisa Marvena"]
    assert classify_names(["Kevin McCoy USA TODAY"], set())[0] == []


def test_a_site_logo_h1_is_not_the_headline() -> None:
    html = (
        "<html><head><title>Mark Meadows accused of timing retirement - POLITICO</title>"
        '<meta property="og:site_name" content="POLITICO"></head><body><header><h1>POLITICO</h1>'
        "</header><article><h2>Mark Meadows accused of timing retirement</h2>"
        f"{BODY}</article></body></html>"
    )
    assert _clean(html)["title"] == "Mark Meadows accused of timing retirement"


def test_an_h1_with_a_kicker_gives_the_markups_headline() -> None:
    html = (
        '<html><head><meta property="og:title" content="Why collaborative thinking wins">'
        "</head><body><article><h1><span>Open Progress</span> Why collaborative thinking wins"
        f"</h1>{BODY}</article></body></html>"
    )
    assert _clean(html)["title"] == "Why collaborative thinking wins"


def test_credits_and_calls_to_action_are_not_deks() -> None:
    for junk in ("Save this story for later.", "PHOTOGRAPH COURTESY OF THE ARTIST AND GALLERY"):
        header = f'<p class="dek">{junk}</p><p>By Jane Doe</p>'
        assert _clean(_page(header=header))["subtitle"] is None
    text = "Headline of the story\n\nSave this story for later.\n\nBy Jane Doe\n\n" + "\n\n".join(
        f"Paragraph {i} of the story says something long enough to be body text here."
        for i in range(5)
    )
    assert clipclean.clean(text, kind="text").subtitle != "Save this story for later."


def test_a_blogs_one_word_author_from_its_rel_author_link() -> None:
    header = '<p>29. Juni 2017 · von <a href="/author/tobi/" rel="author">Tobi</a></p>'
    assert _clean(_page(header=header))["authors"] == ["Tobi"]
    header = '<p>von <a href="/author/x/" rel="author">jdadmin</a></p>'
    assert _clean(_page(header=header))["authors"] == []


def test_meta_text_stored_as_mangled_utf8_is_decoded_back() -> None:
    d = _clean(_page('<meta name="description" content="MÃ¤scot Schaf, weiÃŸ und naiv">'))
    assert d["description"] == "Mäscot Schaf, weiß und naiv"


def test_the_description_most_sources_agree_on() -> None:
    head = (
        '<meta property="og:description" content="A teaser for sharing.">'
        '<meta name="description" content="The summary of the page.">'
        '<meta name="twitter:description" content="The summary of the page.">'
    )
    assert _clean(_page(head))["description"] == "The summary of the page."


def test_the_shown_dek_replaces_a_cut_down_copy_of_it() -> None:
    dek = "The whole standfirst as the page shows it – with its dash and all of its words."
    head = (
        '<meta name="description" content="The whole standfirst as the page shows it - with its…">'
    )
    header = f'<p class="dek">{dek}</p><p>By Jane Doe</p>'
    d = _clean(_page(head, header=header))
    assert d["subtitle"] == d["description"] == dek


def _ld(published: str, modified: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A headline", '
        f'"datePublished": "{published}", "dateModified": "{modified}"}}</script>'
    )


def test_the_markups_day_the_page_shows_wins_over_its_other_day() -> None:
    # a re-dated article: JSON-LD datePublished says one day, its dateModified another, and
    # the page shows the second as its date (not as an "Updated" line)
    head = _ld("2021-11-22T18:42:22+01:00", "2023-01-01T10:00:00+01:00")
    d = _clean(_page(head, header='<time class="publish-date">1. Januar 2023</time>'))
    assert d["published"] == "2023-01-01T10:00:00+01:00"
    sources = [m["source"] for m in d["metadata"] if m["field"] == "published"]
    assert sources == ["json-ld dateModified, the day dateline near the headline (not 2021-11-22)"]
    # a shown day the markup does not name at all does not overrule it
    d = _clean(_page(head, header='<span class="date">5. März 2022</span>'))
    assert d["published"] == "2021-11-22T18:42:22+01:00"


def test_an_updated_line_hidden_or_machine_date_is_not_the_shown_date() -> None:
    # (a UTC time near midnight: a shown day after it would be taken as the local day)
    head = _ld("2019-06-17T23:30:00+00:00", "2019-06-18T16:41:46+00:00")
    shown = (
        '<p class="post-date">by Last updated 18 Jun 2019, originally created 17 Jun 2019</p>',
        '<p class="date">Aktualisiert: 18.06.2019</p>',
        '<p class="date">Mis à jour le 18 juin 2019</p>',
        '<span class="updated date">18 June 2019</span>',
        '<div style="display: none"><span class="date">18 June 2019</span></div>',
        '<div class="date">2019-06-18T16:41:46+01:00</div>',
    )
    for header in shown:
        assert _clean(_page(head, header=header))["published"].startswith("2019-06-17"), header


def test_a_date_in_the_site_header_is_todays_not_the_articles() -> None:
    html = (
        f"<html><head><title>A headline - Site</title>"
        f"{_ld('2022-05-05T22:12:00+00:00', '2022-05-05T22:27:15+00:00')}</head><body>"
        '<header><nav><a href="/">Home</a></nav><span class="date">06 may 2022</span></header>'
        f'<article><h1>A headline</h1><div class="date">05 de mayo de 2022</div>{BODY}'
        "</article></body></html>"
    )
    assert _clean(html)["published"].startswith("2022-05-05")


def test_an_indented_dateline_is_still_a_short_line() -> None:
    head = (
        '<meta name="datepublished" content="2021-12-14T15:41:07+01:00">'
        '<meta name="date" content="2022-02-04T15:33:00+01:00">'
    )
    pad = " " * 300
    header = (
        f"<div><p><strong>{pad}04.02.2022 | 15:33 Uhr{pad}|{pad}<a>Dennis S</a></strong></p></div>"
    )
    assert _clean(_page(head, header=header))["published"].startswith("2022-02-04")


def test_the_dateline_under_the_headline_beats_a_date_marked_box_elsewhere() -> None:
    head = _ld("2023-10-24T09:00:00+02:00", "2023-10-31T09:00:00+01:00")
    other = '<div class="date">Ein anderer Text 24. Oktober 2023</div>'
    html = _page(head, header="<p>31. Oktober 2023</p>").replace("<article>", other + "<article>")
    assert _clean(html)["published"].startswith("2023-10-31")


def test_a_lead_paragraph_opening_with_the_date_under_an_h2_headline() -> None:
    title = "Kolumne: Queer Royal – Über Dragqueens und Dragkings"
    lead = "31. Oktober 2023. Dragqueens sind Kunstfiguren aus Make-Up und Glitter. " * 4
    html = (
        f"<html><head><title>{title}</title></head><body>"
        '<div class="date">Über das Spiel mit Pseudonymen 24. Oktober 2023</div>'
        f"<h2>Kolumne: Queer Royal - Über Dragqueens und Dragkings</h2><p>{lead}</p>{BODY}"
        "</body></html>"
    )
    assert _clean(html)["published"].startswith("2023-10-31")


def test_the_shown_date_beats_a_page_level_meta_date() -> None:
    # <meta name="date"> is the page's record date (Dublin Core): the story's shown date wins
    head = '<meta name="date" content="2021-12-20T11:02:44+01:00">'
    d = _clean(_page(head, header='<span class="date">27.01.2022</span>'))
    assert d["published"] == "2022-01-27"
    # an article's own markup is not overruled by a day it does not name
    head = '<meta property="article:published_time" content="2021-12-20T11:02:44+01:00">'
    d = _clean(_page(head, header='<span class="date">27.01.2022</span>'))
    assert d["published"].startswith("2021-12-20")


def _descriptions(og: str, meta: str) -> str:
    return (
        f'<meta property="og:description" content="{og}"><meta name="description" content="{meta}">'
    )


def test_the_meta_description_when_the_sharing_text_is_another_text() -> None:
    # og:description a hook (a quote), the meta description the summary of the same story
    summary = "Dianne Austin founded a company that makes wigs matching natural hair textures."
    head = _descriptions("A woman&#39;s hair matches her natural textures, says Austin.", summary)
    d = _clean(_page(head))
    assert d["description"] == summary
    found = {
        "field": "description",
        "value": summary,
        "source": "meta description (og:description says another)",
    }
    assert found in d["metadata"]
    # one text cut at two lengths: the sharing one, as before
    long = "The whole summary of the story in one sentence, with every word it has in it."
    head = _descriptions(long, "The whole summary of the story in one sent…")
    assert _clean(_page(head))["description"] == long
    # a site-wide default sharing no words with the story's summary is not the summary
    head = _descriptions(
        "Chelsea paid the release clause to sign the goalkeeper.", "Online portal for breaking news"
    )
    assert _clean(_page(head))["description"].startswith("Chelsea")


def test_a_description_escaped_twice_is_decoded() -> None:
    head = '<meta name="description" content="F&amp;uuml;r einen Roman&amp;nbsp;&amp;#8211; den Preis">'
    assert _clean(_page(head))["description"] == "Für einen Roman – den Preis"


def test_of_two_meta_descriptions_the_one_the_page_shows() -> None:
    shown = "These truffles have a creamy centre and a dark chocolate shell, a bite-sized snack."
    head = (
        '<meta name="description" content="No-bake truffles, easy to make and dairy-free!">'
        f'<meta name="description" content="{shown}">'
    )
    d = _clean(_page(head, header=f'<p class="summary">{shown}</p>'))
    assert d["description"] == shown


def test_a_dek_without_the_date_a_child_element_adds() -> None:
    dek = (
        "The rocky island, once stripped bare by goats, makes a quick comeback. What is the secret?"
    )
    head = '<meta name="description" content="The rocky island, once stripped bare by goats, makes a...">'
    header = (
        f'<div class="deck"><h2>{dek}<span class="date">Monday, 6 January 2020</span></h2></div>'
    )
    d = _clean(_page(head, header=header))
    assert d["subtitle"] == d["description"] == dek


def test_a_time_labelled_updated_by_its_parent_or_a_url_day_is_not_overruled() -> None:
    head = _ld("2019-11-08T10:00:00-05:00", "2019-11-13T15:28:18-05:00")
    header = '<div><span>Updated <time datetime="2019-11-13">Nov 13, 2019, 10:28am EST</time></span></div>'
    assert _clean(_page(head, header=header))["published"].startswith("2019-11-08")
    # the URL files the story under the markup's first day: the shown second day changes nothing
    header = '<div><time class="date">Nov 13, 2019</time></div>'
    d = _clean(_page(head, header=header), "https://ex.org/2019/11/08/slug")
    assert d["published"].startswith("2019-11-08")
