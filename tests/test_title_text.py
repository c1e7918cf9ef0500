"""The title on text input: a headline by its shape and its place near the article run.

The stage is run on a draft whose article run is set by hand (``body_start``), as
``article_span`` leaves it on soup-style pages (every text node on its own line)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clipclean.model import Block, Draft
from clipclean.shape import facts
from clipclean.stages.span import content_words, says
from clipclean.stages.title import title

PARAS = [
    "The council voted on Tuesday to close the old bridge to cars for two years of repairs.",
    "Engineers found cracks in three of the supports during an inspection in the spring.",
    "Buses will use a temporary lane, and cyclists will keep a path on the eastern side.",
]
HEADLINE = "Bridge to close for two years"
MENU = ["Home", "News", "Sport", "Politics", "Culture", "Weather"]


def run(lines: list[str], start: str) -> Draft:
    """The title stage on ``lines``, the article run starting at the line ``start``."""
    draft = Draft([Block(text=t, line=i + 1, origin=f"line {i + 1}") for i, t in enumerate(lines)])
    draft.marks["body_start"] = next(b.seq for b in draft.blocks if b.text == start)
    title.fn(draft)
    return draft


def texts(draft: Draft) -> list[str]:
    return [b.text for b in draft.blocks]


def test_a_headline_the_run_opens_on_is_the_title_not_a_button_above_the_run() -> None:
    button = "Follow us on LinkedIn and Facebook"
    draft = run([*MENU[:2], button, *MENU[2:], HEADLINE, *PARAS], HEADLINE)
    assert draft.best("title") == HEADLINE
    assert texts(draft)[-len(PARAS) - 1 :] == [MENU[-1], *PARAS]
    assert "title" not in draft.marks  # in the run: no dek slot under it


def test_a_run_opening_on_two_sentences_keeps_them_in_the_body() -> None:
    lead = "Wie war das nochmal? Hier ein Auszug aus unseren Unterlagen"
    draft = run([*MENU, lead, *PARAS], lead)
    assert draft.best("title") is None
    assert lead in texts(draft)


def test_a_byline_under_the_headline_says_the_runs_first_line_is_the_lead() -> None:
    # the headline, "Von" / name and a date above the run: its first line is no headline
    question = "Wo sind Sie in die Europäische Union eingereist?"
    lines = [*MENU, HEADLINE, "Von", "Jane Doe", question, *PARAS]
    draft = run(lines, question)
    assert draft.best("title") == HEADLINE
    assert question in texts(draft)


def test_a_byline_split_over_two_lines_ends_the_headline_zone() -> None:
    # "Von" / "Jane Doe": every text node on its own line; the caption under it is no title
    caption = "A view of the old bridge over the river from the southern bank at dusk"
    lines = [*MENU, HEADLINE, "Von", "Jane Doe", "March 4, 2024", caption, *PARAS]
    assert run(lines, PARAS[0]).best("title") == HEADLINE


def test_a_line_cut_off_at_an_open_bracket_or_a_function_word_is_never_the_title() -> None:
    for cut in (
        "Die Region D.O.Ca. Rioja in Spanien und ihre besten Lagen (",
        "The council has published its report on the state of the",
    ):
        lines = [*MENU, HEADLINE, "March 4, 2024", cut, *PARAS]
        assert run(lines, PARAS[0]).best("title") == HEADLINE, cut


def test_a_breadcrumb_is_never_the_title() -> None:
    crumbs = "Home › News › City › Council votes on the future of the old bridge"
    lines = [*MENU, HEADLINE, "March 4, 2024", crumbs, *PARAS]
    assert run(lines, PARAS[0]).best("title") == HEADLINE


def test_a_credit_line_under_the_headline_is_not_the_title() -> None:
    # the byline printed with its label or date in one line: the headline stands above it
    for credit in (
        "Post author By Jane Doe",
        "July 24, 2019 by Jane Doe 5 Comments",
        "Veröffentlicht am 15/07/2014 von Anna Schmidt",
        "11.12.2019 - Anna Schmidt",
    ):
        draft = run([*MENU, HEADLINE, credit, *PARAS], PARAS[0])
        assert draft.best("title") == HEADLINE, credit
        assert credit in texts(draft)


def test_a_name_inside_a_headline_does_not_make_it_a_credit() -> None:
    headline = "A portrait painted by Gerhard Richter goes on show in Dresden"
    draft = run([*MENU, headline, *PARAS], PARAS[0])
    assert draft.best("title") == headline


def test_a_date_far_above_the_run_does_not_keep_the_headline_out_of_it() -> None:
    # a menu line, then a date among menu labels, then the run opening on its headline:
    # the date is no byline under that menu line, so the run's head holds the headline
    button = "Follow us on LinkedIn and Facebook"
    lines = [*MENU[:2], button, *MENU[2:5], "Energie 12.12.2022, 08:30 Uhr", HEADLINE, *PARAS]
    draft = run(lines, HEADLINE)
    assert draft.best("title") == HEADLINE
    assert button in texts(draft)


def test_a_dumps_two_word_heading_is_the_title_not_the_caption_under_it() -> None:
    # lynx prints headings at the margin: a two-word headline is marked, and the photo's
    # caption under it (longer, its alt text repeating the headline) is body
    caption = "Bridge closed: the old bridge over the river from the southern bank at dusk"
    lines = [*MENU, "Bridge closed", caption, *PARAS]
    blocks = [Block(text=t, line=i + 1, origin=f"line {i + 1}") for i, t in enumerate(lines)]
    blocks[len(MENU)].kind = "heading"
    draft = Draft(blocks, kind="text")
    draft.marks["body_start"] = blocks[-len(PARAS)].seq
    title.fn(draft)
    assert draft.best("title") == "Bridge closed"
    assert caption in texts(draft)


def test_a_headline_of_compound_nouns_is_no_persons_name() -> None:
    # three capitalised words, one of them 19 letters: a headline, not a byline's name
    headline = "FINA Weltmeisterschaften VERSCHOBEN"
    draft = run([*MENU, headline, "01.02.2022 Allgemein", *PARAS], PARAS[0])
    assert draft.best("title") == headline


def test_a_headline_shares_words_with_the_article_a_prompt_above_the_run_does_not() -> None:
    # the last long line above the run is a prompt: it shares no word with the article
    prompt = "Enter your zip code to find the channel near you"
    draft = run([*MENU, HEADLINE, prompt, *PARAS], PARAS[0])
    assert draft.best("title") == HEADLINE
    assert prompt in texts(draft)


@given(st.text(alphabet="abcdéß1²_ -.\n", max_size=60), st.text("abcdéß", min_size=5, max_size=7))
def test_a_word_is_said_where_content_words_reads_it(text: str, word: str) -> None:
    # the look for a word in C, its ends checked, against the words the pattern reads
    assert says(text, word) == (word in content_words([facts(Block(text=text))]))
