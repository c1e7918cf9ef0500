"""Precision on scraped text from unseen sites (issue 13): the junk lines that survived the
stages on the te-text renderings, one rule per test, each with the article line it must keep."""

from __future__ import annotations

from test_stages_text import PARAS, article, clean, removed_by


def test_the_sites_disclosures_go_but_a_report_on_affiliate_marketing_stays() -> None:
    lines = (
        "This post may contain affiliate links. If you purchase something, I may receive a "
        "small commission at no extra cost to you.",
        "Die mit Sternchen gekennzeichneten Links sind Affiliate-Links: Wenn du darauf "
        "klickst und etwas kaufst, bekomme ich eine Provision.",
        "Les opinions exprimées dans les blogs n'engagent que leurs auteurs.",
    )
    spaced = [x for line in lines for x in (line, "")]
    a = clean(article(*spaced))
    assert all(removed_by(a, line) == "legal" for line in lines)
    assert all(p in a.body for p in PARAS)
    report = (
        "Regulators said that affiliate links on retail blogs must be marked clearly, and that "
        "shops pay bloggers a commission on each sale made through them."
    )
    a = clean(article(report))
    assert report in a.body
