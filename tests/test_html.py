"""The HTML path on a small hand-made page: body, figures, metadata and provenance."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import clipclean
from clipclean import lang
from clipclean.html.blocks import element_text
from clipclean.html.metadata import classify_names, strip_site

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

PAGE = (FIXTURES / "html" / "article.html").read_bytes()


@pytest.fixture(scope="module")
def article() -> dict:
    return clipclean.clean(PAGE, url="https://news.example.org/2024/05/bridge?utm=x").to_dict(
        explain=True
    )


def test_body_is_the_article_text_only(article: dict) -> None:
    body = article["body"]
    # (the standfirst, a paragraph classed as the dek, is the subtitle and may open the body)
    assert (
        body.removeprefix(article["subtitle"])
        .lstrip()
        .startswith("The Harbour Bridge opened to cars on Tuesday morning")
    )
    assert body.endswith("released on Tuesday afternoon.")
    assert "steel supports" in body  # inline markup does not split words
    for junk in ("Share on Facebook", "Advertisement", "newsletter", "Related", "Hidden teaser",
                 "All rights reserved", "Traffic crossing", "Home"):  # fmt: skip
        assert junk not in body
    assert {"type": "heading", "text": "What changes for drivers"} in article["blocks"]


def test_figure_becomes_an_image_record(article: dict) -> None:
    assert article["images"] == [
        {
            "src": "https://news.example.org/img/bridge.jpg",
            "alt": "The bridge at dawn",
            "caption": "Traffic crossing the bridge on Tuesday.",
            "credit": "Photo: Ann Lee",
        }
    ]


def test_metadata(article: dict) -> None:
    assert article["title"] == "Harbour Bridge Reopens After Repairs"
    assert article["subtitle"].startswith("The city's oldest crossing")
    assert article["authors"] == ["Jane Doe", "Omar Haddad"]
    assert article["published"] == "2024-05-14T18:30:00-04:00"
    assert article["modified"] == "2024-05-15T09:00:00-04:00"
    assert article["site_name"] == "The Example Gazette"
    assert article["language"] == "en"
    assert article["tags"] == ["Transport", "City"]
    assert article["url"] == "https://news.example.org/2024/05/bridge?utm=x"  # the caller's wins


def test_provenance_is_listed_under_explain(article: dict) -> None:
    sources = {(m["field"], m["source"]) for m in article["metadata"]}
    assert ("published", "json-ld datePublished") in sources
    assert ("authors", "visible byline") in sources
    assert "metadata" not in clipclean.clean(PAGE).to_dict()


def test_gzip_and_trace(article: dict) -> None:
    again = clipclean.clean(gzip.compress(PAGE)).to_dict(explain=True)
    assert again["body"] == article["body"]
    assert any(r["text"] == "Advertisement" for r in again["removed"])


def test_no_dek_when_the_page_shows_none() -> None:
    page = PAGE.replace(b'class="article-dek">The city', b'class="x">Totally other words. The city')
    page = page.replace(b'<p class="x">Totally', b"<p>Totally")
    assert clipclean.clean(page).subtitle is None


def test_agency_byline_goes_to_byline_org() -> None:
    page = PAGE.replace(b'By <a rel="author" href="/jane">Jane Doe</a> and Omar Haddad', b"Reuters")
    page = page.replace(b'"author": [{"@id": "#p1"}, {"@type": "Person", "name": "Omar Haddad"}]',
                        b'"author": {"@type": "Organization", "name": "Reuters"}')  # fmt: skip
    d = clipclean.clean(page).to_dict()
    assert d["authors"] == [] and d["byline_org"] == "Reuters"


def test_placeholder_dates_are_ignored() -> None:
    page = PAGE.replace(b"2024-05-14T18:30:00-04:00", b"0001-01-01T00:00:00Z")
    # the placeholder is not taken; the day the <time> shows ("May 14, 2024") is
    assert clipclean.clean(page).published == "2024-05-14"


def test_helpers() -> None:
    assert strip_site("Bridge Reopens After Repairs - The Gazette", "The Gazette") == (
        "Bridge Reopens After Repairs"
    )
    assert strip_site("Gazette | Bridge Reopens After Long Repairs", None) == (
        "Bridge Reopens After Long Repairs"
    )
    assert classify_names(["admin", "By JANE DOE", "Reuters"], set()) == (["Jane Doe"], "Reuters")
    import lxml.html

    el = lxml.html.fragment_fromstring("<p>W<b>ord</b> and<br>line</p>")
    assert element_text(el) == "Word and line"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Der Bürgermeister sagte, dass die Brücke nicht vor dem Sommer für den Verkehr "
         "geöffnet wird, und er hat auch die Kosten mit den Bürgern besprochen.", "de"),
        ("Le maire a dit que le pont ne sera pas ouvert avant l'été et que les travaux "
         "sont plus chers que prévu pour la ville et pour les habitants.", "fr"),
        ("これは日本語の文章です。橋は夏まで開通しません。", "ja"),
        ("Too short", None),
    ],
)  # fmt: skip
def test_language_detection(text: str, code: str | None) -> None:
    assert lang.detect(text) == code


def test_decomposed_accents_come_out_composed() -> None:
    html = (
        "<html><body><article><p>The council met and agreed on the budget for the year.</p>"
        "<p>Gepru\u0308ft und fu\u0308r gut befunden, the council said on Tuesday.</p>"
        "</article></body></html>"
    )
    # (one form of each letter, whatever the editor saved: the composed one readers search)
    body = clipclean.clean(html.encode(), kind="html").body
    assert "Geprüft und für gut befunden" in body
    assert "\u0308" not in body
