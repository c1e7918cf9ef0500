"""The author box and the comment form after the article, in scraped text (issue 13)."""

from __future__ import annotations

import clipclean
from clipclean.model import Block, Draft
from clipclean.stages.comments import comments

PARAS = [
    "The council voted on Tuesday to close the old bridge to cars for two years of repairs.",
    "Engineers found cracks in three of the supports during an inspection in the spring.",
    "Buses will use a temporary lane, and cyclists will keep a path on the eastern side.",
    "Shop owners on both banks said they feared losing customers during the busiest months.",
]
HEAD = ["Bridge to close for two years", "By Jane Doe", "March 4, 2024"]


def clean(after: tuple[str, ...]) -> clipclean.Article:
    return clipclean.clean("\n".join([*HEAD, *PARAS, *after]) + "\n", kind="text")


def body(a: clipclean.Article) -> list[str]:
    return [b.text for b in a.blocks]


def test_an_author_heading_and_name_line_lift_the_paragraph_about_that_person() -> None:
    bio = "Jake is the co-founder of a consultancy and organises a yearly conference on tools."
    a = clean(("Author", "Jake Goulding", bio))
    assert a.author_bio == bio and body(a) == PARAS


def test_a_self_introduction_under_an_author_heading_is_the_bio() -> None:
    bio = "Ich bin Eleonore, Betreiberin dieses Blogs. Ich schreibe hier über Mode und Reisen."
    a = clean(("Blog Autorin", bio))
    assert a.author_bio == bio and body(a) == PARAS


def test_a_closing_section_headed_authors_that_names_no_one_first_stays() -> None:
    closing = "The study was funded by the city and reviewed by two outside engineering firms."
    a = clean(("Authors", closing))
    assert a.author_bio is None and closing in body(a)


def test_an_about_heading_with_a_post_count_takes_a_lone_first_name() -> None:
    bio = "Ich bin Steffi, bekennende Tiernärrin, und schreibe seit Jahren über Hunde und Katzen."
    a = clean(("Über Steffi 1009 Artikel", bio))
    assert a.author_bio == bio and body(a) == PARAS


def test_comment_form_headings_labels_and_notices_in_several_languages_go() -> None:
    form = (
        "Hinterlassen Sie eine Antwort",
        "E-Mail Adresse wird nicht veröffentlicht.",
        "Name (wird benötigt)",
        "E-mail (required, hidden to public)",
        "Webseite (beachte den Hinweis)",
        "Laisser un commentaire",
        "Écrire un commentaire",
        "Votre adresse e-mail ne sera pas publiée.",
        "Deja un comentario",
        "No Response so far »",
        "Comment by Mirko Lange — 17.07, 2011 @ 13:04",
    )
    a = clean(form)
    assert body(a) == PARAS
    # The stage itself (the article run may cut some of them first in the whole pipeline).
    draft = Draft([Block(text=t, line=i + 1, origin="") for i, t in enumerate([*PARAS, *form])])
    comments.fn(draft)
    assert [b.text for b in draft.blocks] == PARAS


def test_a_sentence_about_email_in_the_story_stays() -> None:
    said = (
        "She said her e-mail address was not published anywhere, and she wanted to know how "
        "the sender had found it in the first place."
    )
    a = clean((said, PARAS[0].replace("Tuesday", "Friday")))
    assert said in body(a)


def test_short_lines_after_a_comment_widget_at_the_end_are_the_form() -> None:
    form = ("Schreibe einen Kommentar Antworten abbrechen", "Say your words", "Spam-Schutz: 2 + 8")
    a = clean(form)
    assert body(a) == PARAS
    assert [r.stage for r in a.removed if r.text == "Say your words"] == ["comments"]


def test_a_sentence_after_a_comment_widget_stays() -> None:
    closing = "The next council meeting is on Friday."
    a = clean(("Leave a Reply", closing))
    assert all(r.stage != "comments" for r in a.removed if r.text == closing)


def test_the_byline_authors_name_opening_the_last_paragraph_makes_it_the_bio() -> None:
    bio = "JANE DOE has covered city hall for a decade. She lives on the east bank with two cats."
    a = clean((bio,))
    assert a.author_bio == bio and body(a) == PARAS


def test_someone_else_opening_the_last_paragraph_is_not_the_bio() -> None:
    closing = (
        "Maria Lopez has lived by the bridge for forty years and says she will miss the noise."
    )
    a = clean((closing,))
    assert a.author_bio is None and closing in body(a)


def test_about_heading_with_the_post_count_on_its_own_line() -> None:
    bio = "Ich bin Steffi, bekennende Tiernärrin, und schreibe seit Jahren über Hunde und Katzen."
    a = clean(("Über Steffi", "1009 Artikel", bio))
    assert a.author_bio == bio and body(a) == PARAS


def test_a_closing_call_to_the_comments_goes_but_a_sentence_about_them_stays() -> None:
    ask = "Verraten Sie gerne in den Kommentaren: Was halten Sie von der Sperrung?"
    a = clean((ask,))
    assert ask not in body(a) and body(a) == PARAS
    said = "Readers said in the comments that the detour adds twenty minutes to the trip."
    a = clean((said,))
    assert all(r.stage != "comments" for r in a.removed if r.text == said)


def test_a_call_to_the_comments_before_prose_stays_with_the_article() -> None:
    ask = "Tell us in the comments: would you take the bus?"
    a = clean((ask, PARAS[0].replace("Tuesday", "Friday")))
    assert all(r.stage != "comments" for r in a.removed if r.text == ask)
