"""What follows the article's last paragraph inside the run (stages/tail.py), one rule a test.

Each test builds a short article whose run ends on prose, then adds what a site prints after
it; the old pipeline kept that tail, so each fails with the stage skipped.
"""

from __future__ import annotations

import clipclean

PARAS = [
    "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für zwei Jahre zu sperren.",
    "Bei einer Prüfung im Frühjahr fanden Ingenieure Risse in drei der tragenden Pfeiler.",
    "Busse sollen eine Behelfsspur nutzen, Radfahrer behalten einen Weg auf der Ostseite.",
    "Die Ladenbesitzer an beiden Ufern fürchten, in den besten Monaten Kunden zu verlieren.",
    "Die Arbeiten sollen rund 30 Millionen Euro kosten und vor dem Sommer fertig sein.",
]
HEAD = ["Brücke wird für zwei Jahre gesperrt", "Von Erika Muster", "4. März 2024"]


def clean(lines: list[str], skip: tuple[str, ...] = ()) -> clipclean.Article:
    return clipclean.clean("\n\n".join(lines) + "\n", kind="text", skip_stages=skip)


def removed_by(a: clipclean.Article, text: str) -> str | None:
    return next((r.stage for r in a.removed if r.text == text), None)


def test_a_closing_heading_takes_the_teasers_under_it() -> None:
    tail = [
        "Diese Artikel könnten dich ebenfalls interessieren:",
        "Neue Radwege: Die Stadt plant drei Routen durch die Altstadt",
        "Wie die Stadtwerke ihre Preise im nächsten Jahr erhöhen wollen und warum.",
        "Sanierung der Schulen kostet mehr als geplant",
    ]
    a = clean([*HEAD, *PARAS, *tail])
    assert all(t not in a.body for t in tail)
    assert removed_by(a, tail[0]) == removed_by(a, tail[2]) == "article_tail"
    assert all(p in a.body for p in PARAS)
    old = clean([*HEAD, *PARAS, *tail], skip=("article_tail",))
    assert tail[2] in old.body


def test_a_subhead_with_a_more_word_over_the_last_section_stays() -> None:
    section = [
        "Weitere Informationen zur Sperrung",
        "Die Stadt will die Anwohner in einer Versammlung im Rathaus über die Umleitungen, "
        "die Zeiten der Bauarbeiten und die Ersatzhaltestellen der Busse informieren.",
        "Wer dort nicht dabei sein kann, findet die Pläne ab Montag im Bürgerbüro, wo auch "
        "Fragen zu den Parkplätzen und zur Zufahrt für Lieferwagen beantwortet werden.",
    ]
    a = clean([*HEAD, *PARAS, *section])
    assert all(s in a.body for s in section[1:])


def test_a_long_text_under_a_read_also_heading_is_no_teaser() -> None:
    review = (
        "Zeitschrift für Stadtplanung: Wie bauen wir die Städte von morgen? Die neue Ausgabe "
        "fragt Architekten, Verkehrsplaner und Anwohner, was eine Stadt lebenswert macht, und "
        "findet erstaunlich viele Antworten, die nichts kosten: Bänke, Bäume, Schatten, breite "
        "Wege, kurze Ampeln und Plätze, auf denen Kinder spielen dürfen, ohne dass jemand sie "
        "vertreibt oder sich über den Lärm beschwert."
    )
    a = clean([*HEAD, *PARAS, "Mehr zum Thema auf stadtblatt.de:", review])
    assert review in a.body


def test_headlines_left_after_the_last_paragraph_go_even_a_question() -> None:
    tail = ["Experte: Strompreise werden weiter steigen", "Standort Deutschland – zu teuer?"]
    # the newsletter pitch kept them in the run; the prompts stage takes it
    pitch = "Melden Sie sich für unseren Newsletter an und lesen Sie jeden Morgen das Wichtigste."
    lines = [*HEAD, *PARAS, *tail, pitch]
    a = clean(lines)
    assert removed_by(a, pitch) == "prompts"
    assert all(removed_by(a, t) == "article_tail" for t in tail)
    assert all(p in a.body for p in PARAS)
    assert tail[1] in clean(lines, skip=("article_tail",)).body


def test_a_credit_line_naming_a_photograph_or_an_illustration_goes() -> None:
    credits = [
        "Photograph by Ed Marshall, Island Restoration Programme",
        "Image illustrative : Lego",
    ]
    a = clean([*HEAD, *PARAS[:2], *credits, *PARAS[2:]])
    assert all(removed_by(a, c) == "captions" for c in credits)
    assert [i.credit for i in a.images] == ["Ed Marshall, Island Restoration Programme", "Lego"]


def test_a_credit_lead_split_from_its_name_goes_with_the_name() -> None:
    lines = [*HEAD, *PARAS[:2], "Photograph by", "Ed Marshall, Island Trust", *PARAS[2:]]
    a = clean(lines)
    assert (
        removed_by(a, "Photograph by") == removed_by(a, "Ed Marshall, Island Trust") == "captions"
    )
    assert [i.credit for i in a.images] == ["Ed Marshall, Island Trust"]
    assert all(p in a.body for p in PARAS)


def test_an_inline_spanish_related_link_goes() -> None:
    link = "Le puede interesar: La ciudad cerrará el puente viejo durante dos años"
    a = clean([*HEAD, *PARAS[:2], link, *PARAS[2:]])
    assert removed_by(a, link) == "related_links"
    assert all(p in a.body for p in PARAS)


def test_a_footer_row_of_legal_links_takes_the_site_blurb_under_it() -> None:
    footer = [
        "Hier geht es zum IMPRESSUM | DATENSCHUTZ",
        "Stadtblatt - Verein für Nachrichten aus der Nachbarschaft",
        "Der Verein berichtet seit zwanzig Jahren ehrenamtlich aus allen Vierteln der Stadt.",
    ]
    a = clean([*HEAD, *PARAS, *footer])
    assert all(removed_by(a, t) == "article_tail" for t in footer)
    assert all(p in a.body for p in PARAS)
    assert footer[2] in clean([*HEAD, *PARAS, *footer], skip=("article_tail",)).body


def test_a_sentence_about_privacy_and_cookies_stays() -> None:
    line = "Die Behörde prüft nun, ob die App gegen den Datenschutz und die Cookie-Regeln verstößt."
    a = clean([*HEAD, *PARAS, line])
    assert line in a.body


#: A longer article (the sparse-tail rule weighs what follows the run against the text before).
MORE = [
    "Die Verwaltung rechnet damit, dass der Verkehr auf den beiden anderen Brücken zunimmt.",
    "Die Polizei will in den ersten Wochen an den Zufahrten Beamte einsetzen.",
    "Der Verkehrsverbund verlängert auf zwei Linien den Takt am Abend um eine halbe Stunde.",
    "Anwohner hatten schon vor Jahren gefordert, die Brücke gründlich untersuchen zu lassen.",
    "Der Bürgermeister sagte, die Sicherheit der Menschen gehe jedem Zeitplan vor.",
    "Ein Gutachten soll im Herbst klären, ob ein Neubau billiger wäre als die Sanierung.",
    "Bis dahin bleiben die Pfeiler mit Sensoren versehen, die jede Bewegung melden.",
    "Die Handwerkskammer bietet den betroffenen Betrieben eine kostenlose Beratung an.",
    "Für Schüler, die bisher zu Fuß über die Brücke gingen, richtet die Stadt Busse ein.",
    "Die Opposition im Rat verlangt, dass die Stadt jeden Monat über den Stand berichtet.",
]
#: A sidebar: three short lines and a lone teaser, worth crossing for the run at their first
#: price (the teaser's words outweigh three short lines), not at GAP_WEIGHT times it.
SIDEBAR = [
    "Termine",
    "26. Januar",
    "Messe am Hafen",
    "Auf der Messe stellen mehr als sechzig Betriebe aus der Region ihre Lehrstellen und "
    "offenen Stellen für das kommende Jahr vor.",
]


def test_lone_lines_after_the_article_across_short_lines_go() -> None:
    lines = [*HEAD, *PARAS, *MORE, *SIDEBAR]
    a = clean(lines)
    assert removed_by(a, SIDEBAR[-1]) == "article_tail"
    assert all(p in a.body for p in PARAS + MORE)
    assert SIDEBAR[-1] in clean(lines, skip=("article_tail",)).body


def test_a_last_section_after_short_lines_stays_when_it_is_no_small_tail() -> None:
    # a list of short items and a closing paragraph: the text after the list is a good share
    # of the article, so the run's second look keeps it
    items = ["Brückenstraße", "Hafenweg", "Alter Markt", "Kirchplatz"]
    last = (
        "Die Stadt will die Anwohner in einer Versammlung im Rathaus über die Umleitungen, die "
        "Zeiten der Bauarbeiten, die Ersatzhaltestellen der Busse, die Parkplätze für Anwohner "
        "und die Zufahrt für Lieferwagen an allen drei Straßen ausführlich informieren; die "
        "Pläne liegen ab Montag auch im Bürgerbüro aus."
    )
    a = clean([*HEAD, *PARAS, *MORE, *items, last])
    assert last in a.body
