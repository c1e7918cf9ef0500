"""The site's short asides to the reader around the article: "Did you like this article?",
rating widgets, "Back to overview", newsletter pitches in other languages. They go at the
article's end; the article's own questions (quoted, or inside a paragraph) stay.
"""

from __future__ import annotations

import pytest

import clipclean
from test_stages_text import article

#: Lines the site adds after the article, in several languages.
AFTER = [
    "Did you like this article? Share it with your friends!",
    "Hat Ihnen dieser Artikel gefallen? Dann teilen Sie ihn doch mit anderen",
    "Artikel gefallen? Vergiss nicht zu teilen!",
    "War der Artikel nützlich?",
    "Vous avez aimé cet article ? Partagez-le !",
    "¿Te ha gustado este artículo? ¡Compártelo!",
    "Ti è piaciuto questo articolo? Condividilo!",
    "Gostou deste artigo? Compartilhe!",
    "Vond je dit artikel nuttig? Deel het!",
    "(Noch keine Bewertungen)",
    "Rate this article:",
    "Zurück zur Übersicht",
    "Retour à la liste",
    "Bleiben Sie auf dem Laufenden mit unserem kostenlosen Newsletter – fünf Mal die Woche von"
    " Dienstag bis Samstag!",
    "Aktuelle Stories und die wichtigsten News für Marketeers direkt in dein Postfach!",
    "Die besten Rezepte jede Woche per E-Mail für dich",
    "Wenn du per E-Mail über Neuigkeiten informiert werden willst, kannst du unseren Newsletter"
    " hier abonnieren.",
]

#: Sentences of the article that ask about an article or a story.
KEEP = [
    "„Hat Ihnen der Artikel gefallen?“, fragte der Chefredakteur in einer Umfrage, und die"
    " meisten Leser antworteten mit Ja.",
    "Did you like the story the mayor told? Most residents did not, and the turnout at"
    " Tuesday's meeting showed it plainly.",
    "¿Le gustó el artículo? La pregunta aparecía al pie de cada nota del diario, y el equipo"
    " estudió durante meses las respuestas.",
    "Die Polizei bittet Zeugen, sich per E-Mail bei ihr zu melden; mehr als hundert Hinweise seien"
    " bislang eingegangen, sagte ein Sprecher.",
    "Readers who liked the article wrote to the editor in their hundreds, asking the council to"
    " reopen the bridge before the summer.",
]


def _clean(lines: list[str]) -> clipclean.Article:
    return clipclean.clean("\n".join(lines) + "\n", kind="text")


@pytest.mark.parametrize("line", AFTER)
def test_the_sites_aside_after_the_article_goes(line: str) -> None:
    a = _clean(article(after=(line,)))
    assert line not in a.body
    assert {r.stage for r in a.removed if r.text == line} <= {"prompts", "calls_to_action"}


@pytest.mark.parametrize("sentence", KEEP)
def test_the_articles_question_stays(sentence: str) -> None:
    assert sentence in _clean(article(sentence)).body
    assert sentence in _clean(article(after=(sentence,))).body
