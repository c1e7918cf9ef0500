"""A keyword is not enough to drop a sentence of the article: the word-matching stages (legal,
prompts, comments, …) need the line's shape and place to agree. Sentences like the ones that
were lost on real pages, in English, German and French; and the junk they exist for still goes.
"""

from __future__ import annotations

import pytest

import clipclean
from test_stages_text import PARAS, article

#: Article sentences that hold a consent, prompt or comment keyword and the reader's "you"/"we".
KEEP = [
    "Preheat the oven and line two cookie sheets with parchment paper; you will need both of"
    " them for the second batch.",
    "It was a true privilege to spend the afternoon in their kitchen, and we left with a tin of"
    " their famous holiday cookies.",
    "Critics say internet providers privilege certain websites over others, and that your"
    " personal data can be sold without your knowledge.",
    "Security researchers say the app has been hijacking your personal data for months, sending"
    " contacts and locations to servers abroad.",
    "The hospital told members in its newsletter that you should expect longer waiting times"
    " at the emergency department this winter.",
    "The mayor said comments are closed until the council has read every one of the"
    " four thousand letters it received.",
    "Das Gericht entschied, dass Ihre personenbezogenen Daten aus den öffentlichen Akten"
    " entfernt werden müssen, wenn Sie das beantragen.",
    "Wir haben in der Backstube die Cookies probiert, die seit drei Generationen nach dem"
    " Rezept der Großmutter gebacken werden.",
    "Selon l'enquête, l'application aurait transmis vos données personnelles à des annonceurs"
    " pendant plus de deux ans sans le dire.",
    "Nous avons goûté les cookies de la boulangerie du quartier, une vraie institution depuis"
    " que la famille l'a ouverte en 1962.",
]
#: A lead paragraph that names personal data (the first block of the text).
LEAD = (
    "A new state law lets you ask a judge to remove certain personal data from court records,"
    " including your home address and your phone number."
)
#: The site's consent and prompt lines: these still go.
JUNK = [
    "We use cookies to improve your experience. By continuing you agree.",
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
    "Nous utilisons des cookies pour améliorer votre expérience sur notre site.",
    "Accept all cookies",
    "Sign up for our newsletter and get the best stories delivered to your inbox every day.",
]


@pytest.mark.parametrize("sentence", KEEP)
def test_a_sentence_with_a_keyword_stays_in_text(sentence: str) -> None:
    a = clipclean.clean("\n".join(article(sentence)) + "\n", kind="text")
    assert sentence in a.body, [(r.stage, r.reason) for r in a.removed if r.text == sentence]


@pytest.mark.parametrize("sentence", KEEP)
def test_a_sentence_with_a_keyword_stays_in_html(sentence: str) -> None:
    paras = "".join(f"<p>{p}</p>" for p in [*PARAS[:2], sentence, *PARAS[2:]])
    a = clipclean.clean(f"<html><body><article><h1>Bridge</h1>{paras}</article></body></html>")
    assert sentence in a.body


def test_a_lead_paragraph_about_personal_data_stays() -> None:
    a = clipclean.clean("\n".join([LEAD, *PARAS]) + "\n", kind="text")
    assert LEAD in a.body
    paras = "".join(f"<p>{p}</p>" for p in [LEAD, *PARAS])
    html = clipclean.clean(f"<html><body><article>{paras}</article></body></html>")
    assert LEAD in html.body


@pytest.mark.parametrize("line", JUNK)
def test_the_sites_consent_and_prompt_lines_still_go(line: str) -> None:
    a = clipclean.clean("\n".join(article(before=(line,), after=(line,))) + "\n", kind="text")
    assert line not in a.body
    assert {r.stage for r in a.removed if r.text == line} <= {"legal", "prompts", "article_span"}
