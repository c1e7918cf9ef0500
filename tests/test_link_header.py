"""The line of the page's feeds and alternates a text browser prints atop its dump (link_header)."""

from __future__ import annotations

import clipclean

PARAS = [
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für zwei Jahre zu sperren.",
    "Bei einer Prüfung im Frühjahr fanden Ingenieure Risse in drei der tragenden Pfeiler.",
    "Busse sollen eine Behelfsspur nutzen, Radfahrer behalten einen Weg auf der Ostseite.",
]
FEEDS = "#Stadtblog » Feed Stadtblog » Kommentar-Feed Stadtblog » Brücke gesperrt alternate"


def clean(lines: list[str]) -> clipclean.Article:
    return clipclean.clean("\n\n".join(lines) + "\n", kind="text")


def test_the_feed_line_atop_a_dump_goes() -> None:
    a = clean([FEEDS, *PARAS])
    assert "Kommentar-Feed" not in a.body
    assert [r.stage for r in a.removed if r.text == FEEDS] == ["link_header"]
    assert all(p in a.body for p in PARAS)


def test_a_french_feed_line_goes() -> None:
    line = "#Le Blog » Flux Le Blog » Flux des commentaires"
    a = clean([line, *PARAS])
    assert any(r.stage == "link_header" for r in a.removed)


def test_hashtags_a_markdown_heading_and_a_later_feed_line_stay() -> None:
    later = clean([*PARAS, FEEDS])
    assert not any(r.stage == "link_header" for r in later.removed)
    a = clean(["# Feed readers compared", *PARAS])
    assert not any(r.stage == "link_header" for r in a.removed)
    b = clean(["#Privacy #Windows10", *PARAS])
    assert not any(r.stage == "link_header" for r in b.removed)
