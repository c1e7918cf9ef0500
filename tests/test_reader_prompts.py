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


#: A prompt's box in the article's middle: the prompt, and beside it its blurb, a form's check
#: box or an appeal with no address of its own (en, de, fr, es, it, pt, nl, pl). Each pair's
#: second line stayed before the box was read as one.
BOXES = [
    ("PC Gamer Newsletter", "Sign up to get the best content of the week, and great gaming"
     " deals, as picked by the editors."),
    ("Subscribe to my free statistics newsletter", "Get regular updates on the latest"
     " tutorials, offers & news at Statistics Globe."),
    ("Sign Up for the Intelligencer Newsletter", "Daily news about the politics, business,"
     " and technology shaping our world."),
    ("Subscribe to journal", "Immediate online access to all issues from 2019. Subscription"
     " will auto renew annually."),
    ("Receive new posts directly delivered to your inbox", "Send me email every new post."),
    ("Jede kleine Spende hilft den notleidenden Menschen dieser Welt!", "Jetzt spenden!"),
    ("Votre don aide les familles sinistrées !", "Faites un don maintenant !"),
    ("¡Cada pequeña donación ayuda a las familias afectadas!", "¡Dona ahora!"),
    ("Ogni piccola donazione aiuta le famiglie colpite!", "Dona ora!"),
    ("Cada pequena doação ajuda as famílias atingidas!", "Doe agora!"),
    ("Elke kleine donatie helpt de getroffen gezinnen!", "Doneer nu!"),
    ("Każda darowizna pomaga poszkodowanym rodzinom!", "Wesprzyj nas teraz!"),
]  # fmt: skip

#: Appeals on a line of their own: the site's shop, a paywall, a button (de, en, fr, es).
APPEALS = [
    "Jetzt neu! Besuchen Sie unseren Fan-Shop!",
    "Visit our shop!",
    "Wählen Sie Ihren Zugang und lesen Sie weiter:",
    "HIER KOSTENLOS ANMELDEN »",
    "Abonnez-vous pour lire la suite",
    "Suscríbete para seguir leyendo",
]

#: Sentences of the article that name a subscription, a donation, a shop, a newsletter.
KEEP_BESIDE = [
    "Subscribers to the service will pay more from March, the company told investors.",
    "Sie bat um eine Spende für die Opfer.",
    "Die Spende ging an das Rote Kreuz, sagte der Bürgermeister am Montag.",
    "The shop on Main Street closed its doors after forty years in business.",
    "Le don a été remis à la mairie mardi.",
    "La donación llegó a la ciudad el martes.",
]


@pytest.mark.parametrize(("prompt", "beside"), BOXES)
def test_a_prompts_box_goes_whole(prompt: str, beside: str) -> None:
    a = _clean(article(prompt, beside))
    assert prompt not in a.body and beside not in a.body
    assert {r.stage for r in a.removed if r.text in (prompt, beside)} == {"prompts"}


@pytest.mark.parametrize("line", APPEALS)
def test_an_appeal_in_the_article_goes(line: str) -> None:
    a = _clean(article(line))
    assert line not in a.body
    assert {r.stage for r in a.removed if r.text == line} == {"prompts"}


@pytest.mark.parametrize("sentence", KEEP_BESIDE)
def test_article_sentences_naming_subscriptions_or_donations_stay(sentence: str) -> None:
    assert sentence in _clean(article(sentence)).body
    # next to a prompt too: the box takes lines that speak as the site, not the article's
    assert sentence in _clean(article("Sign up for our newsletter", sentence)).body
    assert sentence in _clean(article(sentence, "Jetzt spenden!")).body


#: A blog's share and like rows in other languages, the heading a line of its own.
BUTTON_ROWS = [
    "Teilen mit:",
    "Gefällt mir:",
    "Gefällt mir Wird geladen...",
    "Me gusta Cargando...",
    "Mi piace Caricamento...",
    "Curtir Carregando...",
    "Compartilhe isso:",
    "Podziel się",
    "Empfiehl dies deinen Freunden.",
    "Ihr Warenkorb ist leer",
]


@pytest.mark.parametrize("line", BUTTON_ROWS)
def test_share_and_like_rows_in_other_languages_go(line: str) -> None:
    a = _clean(article(after=(line,)))
    assert line not in a.body
    assert {r.stage for r in a.removed if r.text == line} == {"calls_to_action"}


def test_a_long_appeal_that_asks_about_the_magazine_goes() -> None:
    line = (
        "Gefällt dir unser Klettermagazin? Bei der Lancierung haben wir entschieden, keine"
        " Bezahlschranke (Paywall) einzuführen. Das wird auch so bleiben, denn wir möchten"
        " möglichst viele Gleichgesinnte mit News versorgen."
    )
    a = _clean(article(after=(line,)))
    assert line not in a.body
    assert {r.stage for r in a.removed if r.text == line} == {"prompts"}


def test_a_row_of_links_after_a_prompt_is_no_blurb_of_it() -> None:
    # the footer's links speak "us" too; the trace must say what they are, not "its blurb"
    row = "Privacy | Terms | Contact us"
    a = _clean(article("Sign up for our newsletter", row))
    assert not any(r.stage == "prompts" and r.text == row for r in a.removed)
