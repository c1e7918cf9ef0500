"""The text path's fallback (pipeline.run_text): when the run of lines chosen as the article
holds no article, only a label, the page is kept but for the other stages' removals."""

from __future__ import annotations

from clipclean import pipeline
from clipclean.model import Block, Draft
from clipclean.text import text_to_blocks
from test_stages_text import PARAS, clean

#: A photo post: no line of prose, the article is its short fields.
PHOTO_POST = [
    "Swap-Stop", "Menu", "Startseite", "Filmswap", "Über uns",
    "Zusammenarbeit Anna ./. Ben Mai 2019 I", "Posted 11. Mai 2019 by Ben Berger",
    "Standorte", "Anna: Japan.", "Ben: Deutschland.", "Filmmaterial", "Kodak Portra 400.",
    "Kameras", "Anna: Widelux.", "Ben: PENTAX Z-1 p.", "Belichtungsfolge", "Anna.", "Ben.",
    "Teilen mit:", "Facebook", "Twitter", "Related Posts", "Kategorien",
    "(c) 2016 - 2019 swap-stop.org",
]  # fmt: skip


def _first_pass(lines: list[str]) -> list[str]:
    draft = Draft(text_to_blocks("\n".join(lines) + "\n", []), kind="text")
    return [b.text for b in pipeline.run(draft).blocks]


def test_a_page_of_short_lines_falls_back_to_the_page_less_its_junk() -> None:
    assert _first_pass(PHOTO_POST) == ["Ben: PENTAX Z-1 p."]  # (the one line that scored)
    a = clean(PHOTO_POST)
    fields = ("Filmmaterial", "Kodak Portra 400.", "Anna: Widelux.", "Ben: Deutschland.")
    assert all(f in a.body for f in fields)
    assert "Facebook" not in a.body  # (the other stages still ran)
    assert a.title == "Zusammenarbeit Anna ./. Ben Mai 2019 I"
    said = [m for m in a.to_dict(explain=True)["metadata"] if m["field"] == "article_run"]
    assert len(said) == 1 and said[0]["source"].startswith("fallback")


def test_a_short_article_of_one_sentence_is_no_fallback() -> None:
    line = "Kapitel 121 ist nun auch online, und am Freitag folgt wie immer Kapitel 122."
    page = ["Startseite", "News", "Archiv", line, "Kommentare schreiben", "19:49", "Impressum"]
    a = clean(page)
    assert a.body == line
    assert not [
        m for m in a.to_dict(explain=True).get("metadata", []) if m["field"] == "article_run"
    ]


def test_no_article_is_told_by_length_and_the_longest_line() -> None:
    def draft(*texts: str) -> Draft:
        return Draft([Block(t) for t in texts], kind="text")

    assert pipeline.found_no_article(draft("Ben: PENTAX Z-1 p."))
    assert pipeline.found_no_article(draft())
    assert not pipeline.found_no_article(draft(PARAS[0]))  # a sentence of 8 words or more
    assert not pipeline.found_no_article(draft(*["Anna: Japan."] * 30))  # over 250 characters
    assert not pipeline.found_no_article(
        draft("地方の鉄道会社は新型車両を導入する")
    )  # a character a word


def test_a_page_the_stages_read_as_junk_throughout_stays_empty() -> None:
    tokens = " ".join(f"w{i}" for i in range(3000))  # (no label a run went to: nothing kept)
    assert _first_pass([tokens]) == []
    a = clean([tokens])
    assert a.body == "" and " ".join(r.text for r in a.removed) == tokens
    assert not [
        m for m in a.to_dict(explain=True).get("metadata", []) if m["field"] == "article_run"
    ]
