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
        "Las opiniones de los colaboradores no reflejan necesariamente la línea editorial.",
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


def test_every_disclosure_phrase_holds_a_cue_the_legal_scan_finds() -> None:
    # (a branch without one is never read: Spanish "necesariamente" has one "s")
    from clipclean.scan import branches
    from clipclean.stages.legal import _DISCLOSURE_CUES, _WORDS, AFFILIATE, OPINION_DISCLAIMER

    for pattern in (AFFILIATE, OPINION_DISCLAIMER):
        for branch in branches(pattern.pattern):
            assert any(cue in branch for cue in _DISCLOSURE_CUES), branch
    for cue in ("fili", "necessar", "necesar", "engagent"):
        assert cue in _WORDS or any(cue.startswith(w) for w in _WORDS), cue


def test_an_e_mail_form_for_the_blog_goes_but_a_how_to_step_stays() -> None:
    form = (
        "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen und per E-Mail "
        "Benachrichtigungen über neue Beiträge zu erhalten.",
        "You have entered an incorrect email address!",
        "Please enter your email address here",
    )
    spaced = [x for line in form for x in (line, "")]
    a = clean(article(*spaced))
    assert all(removed_by(a, line) == "prompts" for line in form)
    step = "Enter your email address and the password the council sent you to log in."
    a = clean(article(step))
    assert step in a.body


def test_comment_form_notices_in_other_languages_go() -> None:
    notices = (
        "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.",
        "Du musst angemeldet sein, um einen Kommentar abzugeben.",
        "Antworten abbrechen",
        "Save my name, email, and website in this browser for the next time I comment.",
    )
    for line in notices:  # (where a comment form's notice stands: after the article)
        a = clean(article(after=("", line)))
        assert removed_by(a, line) == "comments", line
        assert all(p in a.body for p in PARAS)


def test_reading_times_in_polish_italian_and_dutch_go() -> None:
    lines = (
        "Ten tekst przeczytasz w mniej niż minutę",
        "Tempo di lettura: 3 minuti",
        "Leestijd: 4 min",
    )
    spaced = [x for line in lines for x in (line, "")]
    a = clean(article(*spaced))
    assert all(removed_by(a, line) == "timestamps" for line in lines)
    assert all(p in a.body for p in PARAS)


def test_a_release_date_label_alone_goes() -> None:
    for label in ("Release Date:", "Erscheinungsdatum:", "Data publikacji:"):
        a = clean(article(label, ""))
        assert removed_by(a, label) == "timestamps", label
        assert all(p in a.body for p in PARAS)


def test_datelines_with_inflected_months_go_but_a_sentence_with_a_date_stays() -> None:
    """Month names as Polish, Finnish, Hungarian or Russian print them after a day ("16 marca
    2021": a genitive), and an Italian line of two dates under their labels, are datelines."""
    lines = (
        "16 marca 2021",
        "3. maaliskuuta 2021",
        "2021. március 3.",
        "Pubblicato il 19 Febbraio 2020 Ultima modifica 19 Febbraio 2020 12:02",
    )
    days = ("2021-03-16", "2021-03-03", "2021-03-03", "2020-02-19")
    for line, day in zip(lines, days, strict=True):
        a = clean(["Bridge to close for two years", "By Jane Doe", line, *PARAS])
        assert removed_by(a, line) == "datelines", line
        assert a.published is not None and a.published.startswith(day)
        assert [b.text for b in a.blocks] == PARAS
    said = "Il 19 febbraio 2020 è morto."
    a = clean(article(said))
    assert said in a.body


def test_a_lone_published_or_updated_label_goes_but_a_heading_naming_an_update_stays() -> None:
    """A scraper prints the label and its date on two lines; the date goes to ``published``
    and the label, alone, is junk in any language."""
    labels = ("Ultima modifica", "Geändert am:", "Opublikowano:", "Julkaistu:", "Frissítve")
    for label in labels:
        a = clean(["Bridge to close for two years", label, "March 4, 2024", *PARAS])
        assert removed_by(a, label) == "timestamps", label
        assert [b.text for b in a.blocks] == PARAS
    heading = "Ultima modifica del regolamento"
    a = clean(article(heading))
    assert heading in a.body


def test_a_caption_naming_positions_goes_with_a_credit_alone_under_it() -> None:
    caption = "Jane Doe (l.) und John Roe haben einen guten Draht."
    a = clean(article(caption, "WITTERS"))
    assert removed_by(a, caption) == "captions" and removed_by(a, "WITTERS") == "captions"
    assert a.images and a.images[0].credit == "WITTERS"
    # alone, the caption goes too; a sentence that names no one before the bracket stays
    a = clean(article(caption))
    assert removed_by(a, caption) == "captions"
    line = "The council put the plans and the maps online (links) for the residents to see."
    a = clean(article(line))
    assert line in a.body


def test_a_caption_after_an_enlarge_button_goes_but_a_paragraph_after_one_stays() -> None:
    glued = "Vergrößern Eine kleine runde Aussparung für die Kamera im Display."
    a = clean(article(glued))
    assert removed_by(a, glued) == "captions"
    caption = "A small round cut-out for the camera in the display."
    a = clean(article("Enlarge", caption))
    assert removed_by(a, "Enlarge") == "captions" and removed_by(a, caption) == "captions"
    assert all(p in a.body for p in PARAS)
    prose = " ".join(PARAS[2:])  # two sentences and more: prose, not a caption
    a = clean(article("Enlarge", prose))
    assert prose in a.body


def test_a_skip_link_is_page_chrome_never_the_title() -> None:
    links = ("Skip to content", "Zum Inhalt springen", "Aller au contenu", "Przejdź do treści")
    a = clean(["Menu", *links, *article()])
    assert all(removed_by(a, link) == "calls_to_action" for link in links)
    assert a.title == "Bridge to close for two years"
    sentence = "Skip to content you trust, the editor told the new reporters on their first day."
    assert sentence in clean(article(sentence)).body
