"""The shared junk stages and the text path's article run, one concern per test."""

from __future__ import annotations

import clipclean
from clipclean.model import Block, Draft
from clipclean.stages.dek import dek
from clipclean.stages.span import best_run, block_score

PARAS = [
    "The council voted on Tuesday to close the old bridge to cars for two years of repairs.",
    "Engineers found cracks in three of the supports during an inspection in the spring.",
    "Buses will use a temporary lane, and cyclists will keep a path on the eastern side.",
    "Shop owners on both banks said they feared losing customers during the busiest months.",
    "The work is expected to cost about 30 million euros and to finish before the summer.",
]


def clean(lines: list[str], **kw: object) -> clipclean.Article:
    return clipclean.clean("\n".join(lines) + "\n", kind="text", **kw)  # type: ignore[arg-type]


def article(*inside: str, before: tuple[str, ...] = (), after: tuple[str, ...] = ()) -> list[str]:
    """Headline, byline, date, then the paragraphs with ``inside`` lines after the second."""
    head = ["Bridge to close for two years", "By Jane Doe", "March 4, 2024"]
    return [*before, *head, *PARAS[:2], *inside, *PARAS[2:], *after]


def removed_by(a: clipclean.Article, text: str) -> str | None:
    return next((r.stage for r in a.removed if r.text == text), None)


def test_clean_article_keeps_every_paragraph_and_the_header() -> None:
    a = clean(article())
    assert [b.text for b in a.blocks] == PARAS
    assert a.title == "Bridge to close for two years"
    assert a.authors == ("Jane Doe",) and a.published == "2024-03-04"


def test_share_rows_go_but_a_sentence_naming_facebook_stays() -> None:
    mention = "The council also posted the plans on Facebook and Twitter for comment."
    a = clean(article("Share on Facebook", "Facebook Twitter Email", "197 Shares", mention))
    assert removed_by(a, "Facebook Twitter Email") == "share_rows"
    assert removed_by(a, "197 Shares") == "share_rows"
    assert mention in a.body


def test_prompts_go_but_sentences_about_newsletters_and_logins_stay() -> None:
    keep = [
        "The company said in a newsletter to investors that sales rose by a tenth.",
        "Residents can sign in to the city portal to see the detour maps.",
    ]
    a = clean(
        article(
            "Sign up for our newsletter", "Get the best stories delivered to your inbox.", *keep
        )
    )
    assert removed_by(a, "Sign up for our newsletter") == "prompts"
    assert removed_by(a, "Get the best stories delivered to your inbox.") == "prompts"
    assert all(k in a.body for k in keep)


def test_consent_and_copyright_go_and_name_the_site() -> None:
    report = "The regulator said the firm's privacy policy broke the law, and fined it."
    a = clean(
        article(
            report,
            before=("We use cookies to improve your experience. By continuing you agree.",),
            after=("© 2024 Riverside Post. All rights reserved.", "Privacy Policy"),
        )
    )
    assert report in a.body
    assert a.site_name == "Riverside Post"
    assert "cookies" not in a.body and "Privacy Policy" not in a.body


def test_related_box_inside_goes_and_the_article_goes_on() -> None:
    box = ("Related", "Ferry fares rise again", "New tram line opens in May")
    a = clean(article(*box))
    assert [b.text for b in a.blocks] == PARAS
    assert {removed_by(a, t) for t in box} == {"related_links"}


def test_tags_are_lifted_and_comment_widgets_removed() -> None:
    a = clean(
        article(after=("Tags: bridges, transport, city council", "12 Comments", "Leave a Reply"))
    )
    assert a.tags == ("bridges", "transport", "city council")
    assert [b.text for b in a.blocks] == PARAS


def test_menus_before_and_link_lists_after_the_article_are_dropped() -> None:
    menu = ("Home", "News", "Sport", "Weather", "Opinion", "Sign in")
    links = tuple(f"Story number {i} about something else entirely" for i in range(8))
    a = clean(article(before=menu, after=("Most Read", *links, "About Us", "Contact")))
    assert [b.text for b in a.blocks] == PARAS
    assert a.title == "Bridge to close for two years"


def test_subheads_and_one_line_quotes_inside_the_article_stay() -> None:
    a = clean(article("What happens next", "“We had no choice.”"))
    assert "What happens next" in a.body and "“We had no choice.”" in a.body


def test_comment_thread_after_the_article_is_cut() -> None:
    thread = (
        "3 Comments",
        "Bob Smith on March 4, 2024 at 4:47 pm said:",
        "I drive over this bridge every day and I think the repairs are long overdue, honestly.",
        "Ann Lee on March 5, 2024 at 9:12 am said:",
        "The buses will be packed, mark my words, this plan has not been thought through at all.",
    )
    a = clean(article(after=thread))
    assert [b.text for b in a.blocks] == PARAS


def test_stages_can_be_skipped_by_name() -> None:
    a = clean(article(before=("Home", "News")), skip_stages=["article_span", "outside_article"])
    assert "Home" in a.body


def test_prose_scores_and_the_densest_run() -> None:
    assert block_score(PARAS[0]) > 0 > block_score("Most Read")
    assert (
        block_score(
            "地方の鉄道会社は４日、老朽化した車両を置き換えるため、新型車両を導入すると発表しました。"
        )
        > 0
    )
    assert best_run([-3, 10, -3, 12, -4, -4, -4, 2]) == (1, 3)
    assert best_run([-1, -2]) is None


def test_gallery_caption_printed_twice_goes_with_every_copy() -> None:
    cap = (
        "The mayor, left, and the city engineer walk along the closed bridge in the town centre,"
        " Tuesday, March 5, 2024."
    )
    gallery = (cap, cap[:60] + " ... more", "Photo: Jane Doe, AP", "Image 1 of 5", cap)
    a = clean(article(*gallery))
    assert [b.text for b in a.blocks] == PARAS
    assert any(i.caption == cap and i.credit == "Jane Doe, AP" for i in a.images)


def test_a_paragraph_above_a_credit_line_stays_when_printed_once() -> None:
    a = clean(article("Photo: Jane Doe, AP"))
    assert [b.text for b in a.blocks] == PARAS


def test_captions_that_describe_the_picture_or_end_with_an_agency_go() -> None:
    shows = "This illustration shows the planned footbridge beside the old one."
    agency = "A barge carries steel beams under the bridge on Monday. (AP)"
    told = "The picture was clear, the engineer said: the cracks had grown over the winter."
    a = clean(article(shows, agency, told))
    assert removed_by(a, shows) == "captions" and removed_by(a, agency) == "captions"
    assert told in a.body
    assert any(i.credit == "AP" for i in a.images)


def test_the_sites_pitch_at_the_articles_edge_goes_but_not_in_the_middle() -> None:
    pitch = "Get the morning briefing delivered to your door every day. Click here for details."
    inside = "Get there early, the council advised, because the detour adds twenty minutes."
    a = clean(article(inside, after=(pitch,)))
    assert removed_by(a, pitch) == "prompts"
    assert inside in a.body


def test_a_label_over_the_dateline_is_not_an_author() -> None:
    a = clean(
        [
            "Bridge to close for two years",
            "Breaking News Emails",
            "March 4, 2024",
            "By Jane Doe",
            *PARAS,
        ]
    )
    assert a.authors == ("Jane Doe",)


def test_an_author_named_again_in_the_reporting_credit_is_not_a_contributor() -> None:
    credit = (
        "(Reporting by Jane Doe, Koh Gui Qing, with reporting by John Roe and Ann Lee,"
        " editing by Sam Poe.)"
    )
    a = clean(article(after=(credit,)))
    assert a.authors == ("Jane Doe",)
    assert a.contributors == ("Koh Gui Qing", "John Roe", "Ann Lee")
    assert removed_by(a, credit) == "contributors"


def test_an_agency_after_the_names_is_the_organisation_not_an_author() -> None:
    a = clean(
        [
            "Bridge to close for two years",
            "By Jane Doe and John Roe, Associated Press",
            "March 4, 2024",
            *PARAS,
        ]
    )
    assert a.authors == ("Jane Doe", "John Roe")
    a = clean(["Bridge to close for two years", "Associated Press", "March 4, 2024", *PARAS])
    assert a.authors == ()


def test_a_bare_list_before_the_tags_beats_a_teaser_sidebar_after_the_comment_form() -> None:
    rows = [f"{n}a etapa: {n + 3} de março – Interlagos" for n in range(1, 11)]
    teasers = []
    for n in range(5):
        teasers += [
            f"» Coluna número {n}",
            f"Clique na imagem acima e veja como está o ranking dos pilotos nesta temporada {n}.",
        ]
    lines = [
        "Calendário da Stock Car",
        *rows,
        "Tags",
        "stock car, calendário, interlagos",
        "ATENÇÃO: Comentários com textos ininteligíveis não serão aprovados pelo moderador.",
        *teasers,
    ]
    a = clean(lines)
    assert [b.text for b in a.blocks] == rows
    assert a.tags == ("stock car", "calendário", "interlagos")


def test_an_interview_after_its_tags_is_still_the_article() -> None:
    """Only a teaser run loses to what stands before the closer, not paragraphs in a row."""
    lines = ["Tags: bridges, transport", *PARAS]
    a = clean(lines)
    assert [b.text for b in a.blocks] == PARAS


def test_a_closing_sentence_about_someone_with_a_staff_title_is_not_a_bio() -> None:
    last = (
        "US President Donald Trump has been eager to leave, but General Mark Milley, chairman"
        " of the Joint Chiefs of Staff, said the works were likely to go on for years."
    )
    bio = "Jane Doe is a transport correspondent for the Riverside Post, based in Lyon."
    a = clean(article(after=(last,)))
    assert a.author_bio is None and last in a.body
    a = clean(article(after=(bio,)))
    assert a.author_bio == bio


def test_shortcodes_and_citation_notes_go() -> None:
    code = '[button link="https://example.com/review" type="big"] Send us your review[/button]'
    cite = (
        "Citation: Bridge to close (2024, March 4) retrieved 5 March 2024 from"
        " https://example.com/news/bridge.html"
    )
    a = clean(article(after=(code, cite)))
    assert [b.text for b in a.blocks] == PARAS
    assert removed_by(a, code) == "image_placeholders" and removed_by(a, cite) == "legal"


def test_a_related_headline_ending_with_a_quotation_is_still_a_link() -> None:
    box = (
        "Most read in world news",
        "Mayor says bridge 'will reopen on time despite the cracks'",
        "Ferry fares rise again",
    )
    a = clean(article(*box))
    assert [b.text for b in a.blocks] == PARAS


def test_teasers_cut_short_after_the_article_do_not_count_as_prose() -> None:
    teasers = tuple(
        f"Story number {i} about the ferry fares and the tram line that opens in May …"
        for i in range(6)
    )
    a = clean(article(after=("Tags: bridges, transport", *teasers)))
    assert [b.text for b in a.blocks] == PARAS


def test_an_article_opening_with_an_imperative_keeps_its_first_paragraph() -> None:
    first = "Get ready for a long detour: the old bridge closes to cars on Monday for two years."
    a = clean(["Bridge to close for two years", "By Jane Doe", "March 4, 2024", first, *PARAS])
    assert a.blocks[0].text == first


def test_credit_lines_become_image_records() -> None:
    """The older BBC label, a "(Credit: …)" closing a caption, a portrait's "Submitted photo",
    a personal archive, and a photo illustration credit: none stays in the body."""
    lines = [
        "Image copyright EPA",
        "Image caption The minister leaves the court in Stockholm",
        "The mayor at the opening of the bridge (Credit: Getty Images)",
        "Jane P. Doe Submitted photo",
        "",  # (a lower-case line straight after would be read as the rest of a sentence)
        "личный архив Анны Ивановой",
        "",
        "Photo illustration by Staff. Photo by John Roe.",
    ]
    a = clean(article(*lines))
    assert [b.text for b in a.blocks] == PARAS
    images = [(i.caption, i.credit) for i in a.images]
    assert ("The minister leaves the court in Stockholm", "EPA") in images
    assert ("The mayor at the opening of the bridge", "Getty Images") in images
    assert ("Jane P. Doe", "Submitted photo") in images
    assert (None, "Анны Ивановой") in images


def test_a_sentence_that_mentions_credit_stays() -> None:
    said = "The bank said the new rules on consumer credit would take effect in May (see below)."
    a = clean(article(said))
    assert said in [b.text for b in a.blocks]


def test_bio_under_an_about_heading_is_lifted() -> None:
    bio = "Als Redakteurin schreibt Jane Doe seit 2015 über Verkehr und Stadtplanung in Berlin."
    a = clean(article(after=("Über Jane Doe", bio)))
    assert a.author_bio == bio
    assert removed_by(a, "Über Jane Doe") == "author_bio"
    assert [b.text for b in a.blocks] == PARAS


def test_an_about_heading_that_names_no_person_is_not_a_bio() -> None:
    tail = "About Us"
    closing = "Readers can send their views to the council before the end of the month."
    a = clean(article(after=(tail, closing)))
    assert a.author_bio is None
    assert closing in [b.text for b in a.blocks]


def test_bio_by_the_authors_first_name_or_with_an_address() -> None:
    by_first = "Jane joined the paper in 2017. She has covered city hall since 2019."
    a = clean(article(after=(by_first,)))
    assert a.author_bio == by_first
    addressed = "John Roe (john@example.com) is the editor of the Weekly Review and a staff writer."
    a = clean(article(after=(addressed,)))
    assert a.author_bio == addressed


def test_closing_sentence_about_someone_else_is_not_a_bio() -> None:
    other = "Maria joined the protest in 2017 and has not missed a meeting since then."
    a = clean(article(after=(other,)))
    assert a.author_bio is None and other in [b.text for b in a.blocks]


def test_labelled_links_go_even_with_a_dot_inside() -> None:
    links = [
        "Related post: Pickled Brussels Sprouts Recipe",
        "Read more: Retailer poised to launch record $13.4bn listing",
        "SEE MORE: Students under siege in university",
    ]
    a = clean(article(*links))
    assert [b.text for b in a.blocks] == PARAS
    assert {removed_by(a, t) for t in links} == {"related_links"}


def test_credit_and_link_labels_in_other_languages() -> None:
    credits = ["Bildquelle: Getty Images", "Crédits photo : Jean Dupont", "写真：共同通信"]
    link = "À lire aussi : Les nouvelles règles du stationnement"
    a = clean(article(*[x for c in credits for x in (c, "")], link))
    assert [b.text for b in a.blocks] == PARAS
    assert [i.credit for i in a.images] == ["Getty Images", "Jean Dupont", "共同通信"]
    assert removed_by(a, link) == "related_links"


def test_contributor_credits_in_other_languages() -> None:
    for line, names in (
        ("Mitarbeit: Erika Musterfrau", ["Erika Musterfrau"]),
        ("Avec la collaboration de Marie Curie", ["Marie Curie"]),
        ("Con la colaboración de Ana Díaz y Luis Gómez.", ["Ana Díaz", "Luis Gómez"]),
    ):
        a = clean(article(after=(line,)))
        assert list(a.contributors) == names, line
        assert removed_by(a, line) == "contributors"


def test_a_sentence_about_a_collaboration_stays() -> None:
    said = "Con la colaboración de los vecinos, el proyecto se terminó antes de lo previsto."
    a = clean(article(said))
    assert said in [b.text for b in a.blocks] and not a.contributors


def test_japanese_tags_split_at_the_ideographic_comma() -> None:
    a = clean(article(after=("タグ：予算、学校",)))
    assert list(a.tags) == ["予算", "学校"]


def test_the_dated_byline_printed_again_under_the_article_goes() -> None:
    byline = "Written by Jane Doe, MS on March 4, 2024"
    again = [*article(), byline]
    again[1] = byline  # the header's byline is the same dated line
    a = clean(again)
    assert a.authors == ("Jane Doe",)
    assert [b.text for b in a.blocks] == PARAS
    assert [r.reason for r in a.removed if r.text == byline] == ["byline", "byline repeated"]


def test_a_dated_byline_of_someone_else_stays_for_the_other_stages() -> None:
    other = "Written by John Roe on March 5, 2024"
    a = clean(article(after=(other,)))
    assert all(r.reason != "byline repeated" for r in a.removed)


def test_a_credit_after_a_dash_goes_and_an_organisation_is_not_part_of_the_name() -> None:
    line = "-- CNN's Bill Kirkos contributed to this report."
    a = clean(article(after=(line,)))
    assert list(a.contributors) == ["Bill Kirkos"]
    assert removed_by(a, line) == "contributors"


def test_a_byline_signed_off_with_a_dash_at_the_end_is_the_author() -> None:
    a = clean([*article()[:1], *PARAS, "-- By Michael Russell"])
    assert a.authors == ("Michael Russell",)
    assert [b.text for b in a.blocks] == PARAS


def test_a_sentence_opening_with_by_at_the_end_stays() -> None:
    said = "By the end of the year, the bridge will open again to buses and bicycles."
    a = clean(article(after=(said,)))
    assert said in [b.text for b in a.blocks]


def test_cjk_editor_credits_are_contributors_not_the_byline_org() -> None:
    body = [
        "国家统计局1日发布数据显示，今年前两个月，全国规模以上工业增加值同比增长百分之五点三，"
        "增速比去年全年加快零点八个百分点。专家表示，经济运行开局良好。",
        "分析人士认为，随着一系列稳增长政策持续发力，国内需求逐步恢复，市场信心不断增强。",
    ]
    a = clean(["中国经济数据发布", *body, "（编辑：严玉洁 王辉）", "【责任编辑：严玉洁】"])
    assert list(a.contributors) == ["严玉洁", "王辉"]
    assert a.byline_org is None
    assert [b.text for b in a.blocks] == body


def test_word_count_counts_chinese_characters_and_thai_runs() -> None:
    zh = clean(
        ["国家统计局发布数据显示，工业增加值同比增长。经济运行开局良好，为全年目标打下基础。"]
    )
    assert zh.word_count == 37  # one word per Han character (punctuation is not one)
    th = clean(["ภาษาไทยเป็นภาษาที่สวยงามมาก และมีผู้พูดหลายล้านคนทั่วโลกในปัจจุบันนี้แล้วครับ"])
    assert 10 <= th.word_count <= 25  # an estimate: one word per four characters


def test_text_dump_markers_go_with_their_reason() -> None:
    junk = (
        "(BUTTON) Follow",
        "[INS: :INS]",
        "Suche nach: ____________________ Suche",
        "[logo.png]",
        "IFRAME: https://example.org/widget.html",
    )
    a = clean(article(*junk))
    assert [b.text for b in a.blocks] == PARAS
    assert all(removed_by(a, j) == "image_placeholders" for j in junk)


def test_a_markdown_image_becomes_an_image_record() -> None:
    a = clean(article("![The old bridge at dusk](https://example.org/bridge.jpg)"))
    assert [b.text for b in a.blocks] == PARAS
    assert [(i.src, i.alt) for i in a.images] == [
        ("https://example.org/bridge.jpg", "The old bridge at dusk")
    ]


def test_a_link_reference_list_goes() -> None:
    refs = ("References", "1. https://example.org/a", "2. https://example.org/b")
    a = clean(article(after=refs))
    assert [b.text for b in a.blocks] == PARAS
    assert {removed_by(a, r) for r in refs} == {"image_placeholders"}


def test_prev_next_is_not_an_author() -> None:
    a = clean(["Bridge to close for two years", "Prev Next", "March 4, 2024", *PARAS])
    assert "Prev Next" not in a.authors


def test_a_comment_counter_or_a_dated_line_is_never_the_title() -> None:
    for line in ("132 with 73 posters participating", "30. Oktober 2023 Carola Pönisch Kultur"):
        a = clean([line, *PARAS])
        assert a.title != line, line


def test_a_quoted_headline_is_the_title_and_the_line_under_it_the_dek() -> None:
    dek = "Activists call for a rent freeze in the crisis and warn the landlords of the city"
    for headline in ("»No money left to pay the rent«", "“No money left to pay the rent”"):
        a = clean(["Politics", headline, dek, "By Jane Doe", "March 4, 2024", *PARAS])
        assert (a.title, a.subtitle) == (headline, dek), headline
        assert [b.text for b in a.blocks] == PARAS


def test_an_arrow_before_a_link_is_no_quoted_headline() -> None:
    nav = "« Five thoughts on the cup defeat in Dortmund"
    a = clean(["Bridge to close for two years", "By Jane Doe", "March 4, 2024", *PARAS, nav])
    assert a.title == "Bridge to close for two years"


def test_a_headline_after_its_date_is_the_title_without_the_date() -> None:
    dek = "Twice she left empty-handed this winter, but in the last race she struck back"
    line = "23.01.2022 - Dorothea Wierer wins the last race at home"
    a = clean(["News", line, dek, "Share with friends", *PARAS])
    assert a.title == "Dorothea Wierer wins the last race at home"
    assert removed_by(a, line) == "title"  # the date stays in the trace
    assert [b.text for b in a.blocks][-len(PARAS) :] == PARAS


def test_the_rest_of_a_split_sentence_or_a_cut_lead_is_never_the_title() -> None:
    head = "Bridge to close for two years"
    for line in (
        "and Mikael Ymer won two matches on the same day in Pune and Montpellier",
        "The mass of a body is its volume times its density, as the tables in chapter four"
        " show. See chapter",
    ):
        a = clean(
            ["Menu", "", head, "", "Sport", "", line, "", "By Jane Doe", "March 4, 2024", *PARAS]
        )
        assert a.title == head, line
    a = clean(["Menu", "Vessel returns to Puerto Rico from St. Thomas with supplies", *PARAS])
    assert a.title == "Vessel returns to Puerto Rico from St. Thomas with supplies"


def test_dek_takes_its_line_and_the_lead_after_it_stays_in_the_body() -> None:
    dek = "Repairs will keep cars off the old bridge until the spring of 2026"
    a = clean(["Bridge to close for two years", dek, *PARAS[:1], "By Jane Doe", *PARAS[1:]])
    assert a.subtitle == dek
    assert [b.text for b in a.blocks] == PARAS


def test_a_published_on_line_ends_the_dek_slot_and_the_lead_stays() -> None:
    lines = ["Bridge to close for two years", "Published on 13 March 2019 by Jane Doe", *PARAS[:2]]
    draft = Draft([Block(text=t, line=i + 1, origin=f"line {i + 1}") for i, t in enumerate(lines)])
    draft.marks.update(title=0, header_end=3)  # the slot ends at the second paragraph
    dek.fn(draft)
    assert not draft.has("subtitle")
    assert [b.text for b in draft.blocks] == lines


def test_a_dek_slot_of_teasers_cut_short_is_lifted_whole() -> None:
    teasers = [
        "Repairs will keep cars off the old bridge until..",
        "Buses get a lane of their own..",
    ]
    a = clean(["Bridge to close for two years", *teasers, "By Jane Doe", *PARAS])
    assert [b.text for b in a.blocks] == PARAS


DIALOG = [
    "Manage cookie consent",
    "We use technologies like cookies to store and access device information on this website.",
    "Functional",
    "Technical storage or access is necessary for the site to work, and for the cookies you chose.",
    "Statistics",
    "These cookies collect anonymous statistics that help us understand how the website is used.",
    "Marketing",
    "These cookies build profiles to show advertising across several websites and their partners.",
    "Allow all cookies to enable every service on this site, or refuse them in the browser settings.",
    "Manage options",
]


def test_a_cookie_consent_dialog_is_not_the_article() -> None:
    a = clean(article(after=tuple(DIALOG)))
    assert [b.text for b in a.blocks] == PARAS


def test_an_article_about_baking_cookies_stays() -> None:
    bake = [
        "Cream the butter and sugar, then fold in the flour for the cookies slowly by hand.",
        "Shape the cookies into small balls and leave a thumb's width between them on the tray.",
        "Bake the cookies for twelve minutes, until the edges turn a light golden brown colour.",
        "Let the cookies cool on a rack before you move them, or they will break into pieces.",
    ]
    a = clean(["Soft butter cookies", *bake])
    assert [b.text for b in a.blocks] == bake


def test_short_lines_left_after_the_last_paragraph_go_traced() -> None:
    pitch = "Sign up for our newsletter to get the latest news delivered to your inbox every day."
    a = clean(article(after=("Stay in the loop", pitch)))
    assert [b.text for b in a.blocks] == PARAS
    assert removed_by(a, "Stay in the loop") == "outside_article"


def test_a_read_also_box_in_other_languages_goes_and_the_article_goes_on() -> None:
    box = ("Leggi anche:", "La grande sete: due mesi senza pioggia")
    a = clean(article(*box))
    assert [b.text for b in a.blocks] == PARAS
    assert removed_by(a, "Leggi anche:") == "related_links"


def test_a_teaser_list_with_a_read_more_line_each_ends_the_article() -> None:
    teasers: list[str] = []
    for head, teaser in [
        (
            "Climate calculator launched",
            "Farmers can now work out the footprint of their farm online.",
        ),
        (
            "Dairy tops reputation survey",
            "The annual survey ranked the dairy first of a hundred firms.",
        ),
        (
            "New push for healthy habits",
            "The company will fund sports clubs for children in the north.",
        ),
    ]:
        teasers += [head, teaser, "Continue reading"]
    a = clean(article(after=tuple(teasers)))
    assert [b.text for b in a.blocks] == PARAS


def test_a_list_of_dated_entries_stays_and_the_lone_dateline_goes() -> None:
    """Lines that each open with a date and go on with words, three or more in a row, are the
    entries of a list (a press review, a programme); the dateline under the headline is the
    article's date."""
    entries = (
        "02.11.2022 - Placebo - Stadthalle",
        "07.11.2022 - Madness - Arena",
        "19.11.2022 - Kraftklub - Stadthalle",
    )
    a = clean(article(*entries))
    body = [b.text for b in a.blocks]
    assert all(e in body for e in entries)
    assert a.published == "2024-03-04"
    assert removed_by(a, "March 4, 2024") == "datelines"


def test_one_label_over_several_dates_is_a_programme() -> None:
    """ "Termin: 28.02.2020, 18:30 Uhr", each over its place: three dates under one label are
    a programme; one such line alone is a dateline."""
    dates = (
        "Termin: 21.02.2020, 19 Uhr",
        "Termin: 28.02.2020, 18:30 Uhr",
        "Termin: 06.03.2020, 19 Uhr",
    )
    places = (
        "Ort: Rathaus, Marktplatz 1",
        "Ort: Kornhaus, Kornhausstr. 146",
        "Ort: Museum am Fluss",
    )
    inside = [line for pair in zip(dates, places, strict=True) for line in pair]
    a = clean(article(*inside))
    body = [b.text for b in a.blocks]
    assert all(d in body for d in dates)
    assert a.published == "2024-03-04"
    lone = clean(article(dates[0], places[0]))
    assert removed_by(lone, dates[0]) == "datelines"


def test_comment_form_notices_in_every_language_the_pattern_knows_are_removed() -> None:
    """Each notice is found although it holds none of the words ("comment", "mail", ...) the
    stage once pre-searched for: the pre-search now uses a piece of every phrase."""
    from clipclean.stages.comments import comments

    notices = [
        "Log in using one of these methods to post your comment:",
        "Tu dirección de correo electrónico no será publicada.",
        "Votre adresse de messagerie ne sera pas publiée.",
        "I campi obbligatori sono contrassegnati *",
        "Campos obrigatórios são marcados com *",
        "Please enter your name here",
    ]
    lines = [*PARAS, *notices]
    draft = Draft([Block(text=t, line=i + 1, origin=f"line {i + 1}") for i, t in enumerate(lines)])
    comments.fn(draft)
    assert [b.text for b in draft.blocks] == PARAS
