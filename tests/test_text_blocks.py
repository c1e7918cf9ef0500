"""Plain text -> blocks: input styles, and rejoining only the sentences a scraper split."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from clipclean.read import read
from clipclean.text import blocks
from clipclean.text.blocks import text_to_blocks
from clipclean.text.typography import french_spacing

#: Bytes around the odd characters' UTF-8: their lead bytes, every byte that may follow them
#: and a few others, alone and in pairs, so that random joins make and cut the sequences.
_ODD_BYTE_PIECES = [
    bytes([b])
    for b in (0x20, 0x61, 0x80, 0x81, 0x8D, 0x8E, 0x9F, 0xA0, 0xA4, 0xA5, 0xAD, 0xAF, 0xBB, 0xBF)
] + [b"\xc2", b"\xe2", b"\xe3", b"\xef", b"\xe2\x80", b"\xe2\x81", b"\xe3\x80", b"\xef\xbb"]


def texts(text: str) -> list[str]:
    return [b.text for b in text_to_blocks(text)]


def test_crlf_nbsp_and_tabs_are_folded() -> None:
    assert texts("One\u00a0two\tthree.\r\n\r\nFour  five.\r\n") == ["One two three.", "Four five."]


def test_blank_lines_number_groups_and_lines_are_kept() -> None:
    blocks = text_to_blocks("Title\n\nAlt text\nCaption. Credit: X\n")
    assert [b.group for b in blocks] == [0, 1, 1]
    assert [b.line for b in blocks] == [1, 3, 4]


def test_sentence_split_at_inline_links_is_rejoined() -> None:
    text = (
        "Investors led by \nNorthwind Capital\n to expand the plant.\n"
        "It sells them back to\ncell makers, the chief said.\n"
    )
    assert texts(text) == [
        "Investors led by Northwind Capital to expand the plant.",
        "It sells them back to cell makers, the chief said.",
    ]


def test_join_across_blank_lines_only_inside_a_sentence() -> None:
    assert texts("according to \n\na report\n\n published last year.\n") == [
        "according to a report published last year."
    ]
    assert texts("A headline without a stop\n\nThe first paragraph.\n") == [
        "A headline without a stop",
        "The first paragraph.",
    ]


def test_labels_menus_and_list_items_are_not_joined() -> None:
    assert texts("Tags\nrelated stories\nhome\nnews\n") == [
        "Tags",
        "related stories",
        "home",
        "news",
    ]
    assert texts("Shopping list\n- apples\n- pears\n") == ["Shopping list", "- apples", "- pears"]
    assert texts("Read the report at\nhttps://example.org/r\n") == [
        "Read the report at",
        "https://example.org/r",
    ]


def test_cjk_line_ending_with_a_comma_continues() -> None:
    assert texts("また、その他にも、\n商標権侵害と判断される場合があります。\n") == [
        "また、その他にも、商標権侵害と判断される場合があります。"
    ]


def test_a_lower_case_dateline_is_not_joined_to_the_headline() -> None:
    blocks = text_to_blocks(
        "Calendário da Stock Car 2018\nsegunda-feira, 22 de janeiro de 2018 às 0:13\n"
    )
    assert [b.text for b in blocks] == [
        "Calendário da Stock Car 2018",
        "segunda-feira, 22 de janeiro de 2018 às 0:13",
    ]


def _wrapped(paragraphs: list[str], width: int = 74, indent: str = "   ") -> list[str]:
    import textwrap

    out: list[str] = []
    for p in paragraphs:
        out += textwrap.wrap(
            p, width - len(indent), initial_indent=indent, subsequent_indent=indent
        )
        out.append("")
    return out


LONG = [
    "The ferry between the old harbour and Skerry Island will carry passengers again from next "
    "Monday, the port authority said on Tuesday, ending a two-year break caused by storm damage.",
    "Engineers replaced the timber supports of both piers with steel and concrete, and the "
    "authority says the new structures should last at least fifty years, at a cost of millions.",
    "The timetable has twelve crossings a day on weekdays, up from eight before the closure, and "
    "in summer the first boat leaves at six so that island workers reach the town in time.",
]


def test_a_hard_wrapped_dump_is_rejoined_and_the_origin_says_so() -> None:
    blocks = text_to_blocks("\n".join(_wrapped(LONG)))
    assert [b.text for b in blocks] == LONG
    assert blocks[0].origin.startswith("lines 1-") and "rewrapped" in blocks[0].origin


def test_lines_the_page_broke_itself_stay_apart_in_a_dump() -> None:
    lines = [
        *_wrapped(LONG[:2]),
        "   Fares until the end of the year:",
        "     * Adults: 4.50 pounds a single crossing",
        "     * Children under 16: 2 pounds",
        "   Roses are red,",
        "   violets are blue.",
        "",
        *_wrapped(LONG[2:]),
    ]
    got = texts("\n".join(lines))
    assert got[:2] == LONG[:2] and got[-1] == LONG[2]
    assert "* Adults: 4.50 pounds a single crossing" in got
    assert "Roses are red," in got and "violets are blue." in got  # verse: not full lines


def test_a_heading_at_another_indentation_is_not_joined_to_the_paragraph() -> None:
    lines = [*_wrapped(LONG[:1])[:-1], "More crossings in summer and in winter, the authority says"]
    lines += _wrapped(LONG[1:])
    assert "More crossings in summer and in winter, the authority says" in texts("\n".join(lines))


def test_one_sentence_per_line_is_not_taken_for_a_wrapped_dump() -> None:
    sentences = [
        "The council voted on Tuesday to close the old bridge to cars for two years of repairs.",
        "Engineers found cracks in three of the supports during an inspection in the spring.",
        "Buses will use a temporary lane, and cyclists will keep a path on the eastern side.",
        "Shop owners on both banks said they feared losing customers during the busiest months.",
        "The work is expected to cost about 30 million euros and to finish before the summer.",
        "A public meeting about the plans will be held at the town hall on the first of April.",
    ]
    assert texts("\n".join(sentences)) == sentences


def test_markdown_links_emphasis_and_headings_are_read_as_text() -> None:
    text = (
        "# Ferry to resume\n\n"
        "The ferry will carry passengers again, the [port authority](/tags/port) said on\n"
        "Tuesday, ending a break caused by damage to the [piers](/piers) during the storms\n"
        "of 2022, said _Tom Haraldsen_\n, who runs a store.\n\n"
        "\\-- Additional reporting by [Peter Quinn](/authors/pq).\n"
    )
    blocks = text_to_blocks(text)
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "Ferry to resume"),
        (
            "paragraph",
            "The ferry will carry passengers again, the port authority said on Tuesday, ending "
            "a break caused by damage to the piers during the storms of 2022, said Tom "
            "Haraldsen, who runs a store.",
        ),
        ("paragraph", "-- Additional reporting by Peter Quinn."),
    ]


def test_lynx_link_numbers_go_when_the_references_list_is_there() -> None:
    text = "By [7]Maria Lindqvist\n\nReferences\n\n   7. https://example.org/maria\n   8. https://x.org\n"
    assert texts(text)[0] == "By Maria Lindqvist"
    assert texts("See note [7] below.\n")[0] == "See note [7] below."


def test_a_phrase_cut_out_by_inline_links_on_both_sides_is_rejoined() -> None:
    text = "Menu\nDer\n@tarzun\nwürde sagen, dass wir mal wieder reden müssen.\n"
    assert texts(text) == ["Menu", "Der @tarzun würde sagen, dass wir mal wieder reden müssen."]
    quote = "“We waited a long time for this,” said\nTom Haraldsen\n, who runs the store.\n"
    assert texts(quote) == [
        "“We waited a long time for this,” said Tom Haraldsen, who runs the store."
    ]


def test_a_line_ending_on_a_function_word_goes_on_in_the_next() -> None:
    text = "Der Wein hat die Stadt reich gemacht. Die Hänge des\nRuster Hügellands\nsind mild.\n"
    assert texts(text) == [
        "Der Wein hat die Stadt reich gemacht. Die Hänge des Ruster Hügellands sind mild."
    ]
    menu = "Most read in world news\nMayor says bridge will reopen on time\n"
    assert texts(menu) == ["Most read in world news", "Mayor says bridge will reopen on time"]


def test_utf8_read_as_latin1_is_repaired_and_a_lone_pair_is_not() -> None:
    broken = "Die MaÃŸnahmen kÃ¶nnen Ã¼ber die GrÃ¶ÃŸe â€“ so die Studie.\n"
    source = read(broken, kind="text")  # (decoding, so the source says so)
    assert source.text == "Die Maßnahmen können über die Größe – so die Studie.\n"
    assert "repaired" in source.encoding
    lone = read("Preis: 5Â°C am Morgen.\n", kind="text")
    assert lone.text == "Preis: 5Â°C am Morgen.\n" and lone.encoding == "utf-8"


def test_a_dump_that_indents_its_text_prints_headings_at_the_margin() -> None:
    lines = ["Harbour ferry to resume after repair", "", *_wrapped(LONG)]
    blocks = text_to_blocks("\n".join(lines))
    assert [b.kind for b in blocks] == ["heading", "paragraph", "paragraph", "paragraph"]


def test_a_page_wrapped_in_its_source_and_split_at_inline_code_is_rejoined() -> None:
    # one text node a line (soup), the page's own text hard-wrapped in its source: both breaks
    lines = [*_wrapped(LONG[1:] * 2, indent=""), "It ends where the old", "quay", "stood, near the"]
    lines += ["station and the market, and", "crews say it is the best they have had.", ""]
    got = texts("\n".join(lines))
    assert got[:4] == LONG[1:] * 2
    assert got[4] == (
        "It ends where the old quay stood, near the station and the market, and crews say it "
        "is the best they have had."
    )


def test_a_dump_that_indents_its_text_is_only_rewrapped() -> None:
    lines = [*_wrapped(LONG), "   Roses are red,", "   violets are blue.", ""]
    assert texts("\n".join(lines))[-2:] == ["Roses are red,", "violets are blue."]


def test_a_linked_name_with_its_bracket_note_is_rejoined() -> None:
    text = (
        "Eleven days after his defeat against\nDenis Shapovalov\n(Canada) won the top seed"
        " against the American\nand then meets\nAdrian Mannarino\n(France).\n"
    )
    assert texts(text) == [
        "Eleven days after his defeat against Denis Shapovalov (Canada) won the top seed against"
        " the American and then meets Adrian Mannarino (France)."
    ]


def test_a_bracket_note_before_a_capital_is_not_taken_for_the_rest_of_a_sentence() -> None:
    assert texts("Photos of the day\n(Reuters) The council voted on Tuesday.\n") == [
        "Photos of the day",
        "(Reuters) The council voted on Tuesday.",
    ]


def test_a_linked_phrase_that_ends_the_sentence_is_rejoined() -> None:
    text = "It has been a while since Henry was born –\nNumber One\n. Now Leo made it too.\n"
    assert texts(text) == [
        "It has been a while since Henry was born – Number One. Now Leo made it too."
    ]


def test_a_german_verb_particle_ends_a_headline_it_opens_nothing() -> None:
    text = "Zverev zieht ins Viertelfinale von Montpellier ein\nRedaktion\n"
    assert texts(text) == ["Zverev zieht ins Viertelfinale von Montpellier ein", "Redaktion"]


def test_a_dated_heading_wrapped_at_the_margin_is_rejoined_a_numbered_item_still_hangs() -> None:
    heading = "1. Februar 2022 Bundesministerin Raab: Mit Ländern und Unternehmen frauen-"
    item = "    6. The minister met the heads of the nine regions and the largest firms and"
    lines = [heading, "und familienfreundliche Rahmenbedingungen gestalten", ""]
    lines += [*_wrapped(LONG * 3), item, "       agreed on the plan.", ""]
    got = texts("\n".join(lines))
    assert got[0] == heading + " und familienfreundliche Rahmenbedingungen gestalten"
    assert got[-1] == (
        "6. The minister met the heads of the nine regions and the largest firms and agreed on"
        " the plan."
    )


def test_invisible_separators_do_not_hide_a_sentence_end() -> None:
    # U+2063 (invisible separator), as recipe plugins print after each line
    blocks = text_to_blocks("Add the noodles and the sauce.\u2063\nStir to mix well.\u2063\n")
    assert [b.text for b in blocks] == ["Add the noodles and the sauce.", "Stir to mix well."]


def test_a_sentence_cut_after_its_first_word_joins_the_link_after_it() -> None:
    # soup style: a sentence's first word, then a link: "… warfen. Die" / "Klimaaktivisten …"
    text = (
        "Touristen waren überrascht, als sich Gestalten auf das Pflaster warfen. Die\n"
        "Klimaaktivisten der Gruppe Extinction Rebellion\n"
        "wollten damit, wie sie sagten, die Verbindung zwischen Banken und Öl zeigen, vor der\n"
        "Börse\n"
    )
    blocks = text_to_blocks(text)
    assert len(blocks) == 1 and "warfen. Die Klimaaktivisten der Gruppe" in blocks[0].text


def test_a_last_word_before_a_colon_line_is_the_end_of_the_sentence() -> None:
    # soup style: "… mit geschlossenen Augen" / "beschnupperte" / ":"
    text = "So it looked when Henry first saw the newcomer and sniffed him with closed eyes\nsniffing\n:\n"
    blocks = text_to_blocks(text)
    assert len(blocks) == 1 and blocks[0].text.endswith("closed eyes sniffing:")


def test_a_linked_name_joins_the_sentence_it_is_the_subject_of() -> None:
    # soup style: the linked subject alone on its line, then "is a" / link / the rest
    text = "Penny\nis a\nvillager\nwho lives in Pelican Town. She tends the trailer by the river.\n"
    blocks = text_to_blocks(text)
    assert [b.text for b in blocks] == [
        "Penny is a villager who lives in Pelican Town. She tends the trailer by the river."
    ]


def test_has_odd_finds_exactly_the_odd_characters_outside_ascii() -> None:
    """The byte test for odd spaces and invisible characters agrees with their list."""
    odd = set(blocks._ODD_CHARS) - {"\t"}
    for code in [*range(0x80, 0x3100), *range(0xFE00, 0x10000)]:
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        for text in (f"a{c}b’", f"“{c}"):
            assert blocks._has_odd(text.encode()) is (c in odd), hex(code)


#: ``_has_odd`` by its definition: the patterns of the odd characters' UTF-8.
_ODD_UTF8 = re.compile(
    rb"\xc2[\xa0\xad]|\xe2(?:\x80[\x80-\x8d\xaf]|\x81[\x9f-\xa4])|\xe3\x80\x80|\xef\xbb\xbf"
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_ODD_BYTE_PIECES), max_size=12))
def test_has_odd_is_a_search_of_the_odd_bytes(pieces: list[bytes]) -> None:
    """The byte loop of ``_has_odd`` finds what the pattern finds, on any bytes (lead bytes
    at the end, cut sequences, leads after leads)."""
    data = b"".join(pieces)
    assert blocks._has_odd(data) is (_ODD_UTF8.search(data) is not None), data


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=blocks._ODD_CHARS + " ab’—\u2010\u200e\u2065\u3001\ufefe\u00a1\ud800"))
def test_normalise_line_is_its_definition(line: str) -> None:
    """The shortcut for lines with nothing to fold gives what folding gives."""
    expected = blocks._SPACES.sub(" ", blocks._INVISIBLE.sub("", line)).strip()
    assert blocks.normalise_line(line) == expected


def test_a_short_piece_that_a_later_link_carries_to_a_sentence_mark_is_rejoined() -> None:
    # "in" alone looks like a label, but the links after it run on to the sentence's stop
    assert texts("I explain how to\nincrease the font sizes of plots\nin\nR\n.\nNext line.\n") == [
        "I explain how to increase the font sizes of plots in R.",
        "Next line.",
    ]
    text = "Am 14. Juni 2005 hielt\nSteve Jobs\neine vielbeachtete\nRede vor Absolventen\n. Den\n"
    assert [b.origin for b in text_to_blocks(text)] == ["lines 1-5"]
    assert texts(text) == [
        "Am 14. Juni 2005 hielt Steve Jobs eine vielbeachtete Rede vor Absolventen. Den"
    ]


def test_a_menu_of_lower_case_items_reaching_no_sentence_mark_stays_apart() -> None:
    menu = (
        "Newsletter\nSITEMAP\nnachtkritiken\nmeldungen\ntop-themen\nmedienschau\ndebatte\n"
        "porträt & reportage\nnachtkritik.plus\nkolumnen\nkolumnen michael wolf\nvideos\n"
    )
    assert texts(menu)[:5] == ["Newsletter", "SITEMAP", "nachtkritiken", "meldungen", "top-themen"]
    # a list of one-word items ending in a sentence: only its last items join, as before
    items = "Список продуктов\nкапуста\nкабачок\nгорох\nпомидоры\nлук\nсметана\n(аналог) и др.\n"
    assert texts(items)[:5] == ["Список продуктов", "капуста", "кабачок", "горох", "помидоры"]
    # a date line opens no sentence for a byline's "von" to go on
    dated = "Donnerstag, 4. November 2021\nvon\nauto-motor.at Redaktion\nin Rubrik:\n"
    assert texts(dated)[0] == "Donnerstag, 4. November 2021"


def test_a_quoted_or_bracketed_link_is_rejoined_inside_its_marks() -> None:
    text = 'Das liest du in unserem Artikel "\nWarum wird das Erdöl knapp?\n".\nGuido Santner\n'
    blocks = text_to_blocks(text)
    assert [b.text for b in blocks] == [
        'Das liest du in unserem Artikel "Warum wird das Erdöl knapp?".',
        "Guido Santner",
    ]
    assert blocks[0].origin == "lines 1-3"
    # a closing mark is told by its place (before a comma), whatever its glyph
    assert texts("Die „\nToilet Map Vienna\n„, die erste App.\n") == [
        "Die „Toilet Map Vienna„, die erste App."
    ]
    assert texts("Die Nebenstelle „\nHoesch-Haus\n“ an der Straße.\n") == [
        "Die Nebenstelle „Hoesch-Haus“ an der Straße."
    ]
    assert texts('[Source]\n"\nThe spell conjures water.\n"\n') == [
        "[Source]",
        '"The spell conjures water."',
    ]
    assert texts("Kommentare (\n0\n)\n") == ["Kommentare (0)"]


def test_lone_marks_without_their_pair_are_left_alone() -> None:
    assert texts("Home\n»\nNews\n»\nArticle\n") == ["Home", "»", "News", "»", "Article"]
    assert texts("Mehr lesen »\nWeitere Meldungen\nDie Zahl steigt.\n") == [
        "Mehr lesen »",
        "Weitere Meldungen",
        "Die Zahl steigt.",
    ]


def test_french_text_keeps_its_spaces_inside_guillemets_and_before_colons() -> None:
    text = (
        "Il a dit : « non » ; elle a ri ! Pourquoi ? Personne ne le sait.\n"
        "Le roman traduit, «\nAu soleil couchant\n», entrecroise les récits\n: un succès.\n"
    )
    assert texts(text) == [
        "Il a dit : « non » ; elle a ri ! Pourquoi ? Personne ne le sait.",
        "Le roman traduit, « Au soleil couchant », entrecroise les récits : un succès.",
    ]
    # other text closes up: "Au soleil couchant»" / "récits:" is what it writes
    assert texts("He said: yes; it was\n: a success.\n") == ["He said: yes; it was: a success."]


def test_french_spacing_is_told_by_the_marks_that_end_clauses() -> None:
    assert french_spacing("Il dit : non ; oui !\nPourquoi ?\n")
    # URLs, clock times and a mark alone on its line (a node's break) are no evidence
    english = "See https://a.org at 12:30. Why?\nWe ask: why not!\n:\n?\n:\nHe said : yes\n"
    assert not french_spacing(english)


def test_a_caption_ending_in_its_credit_is_not_glued_to_the_next_paragraph() -> None:
    """A credit after a copyright sign ends its caption: the capitalised line after it opens
    a paragraph, though nothing ends the caption's line (one text node a line, or a dump that
    prints the caption right above the paragraph, full to the wrap width)."""
    caption = "Elder war mit Talent gesegnet. | © Augusta National/Getty Images"
    soup = [*LONG[:1], caption, "Diese konnten meist nicht glauben,", "dass sie verlieren."]
    assert texts("\n".join(soup)) == [
        LONG[0],
        caption,
        "Diese konnten meist nicht glauben, dass sie verlieren.",
    ]
    credit = "   The rebuilt pier at Skerry Island seen from a ferry. © PORT / J. SMITH"
    dump = [*_wrapped(LONG)[:-1], credit, *_wrapped(LONG)]
    assert texts("\n".join(dump)) == [*LONG, credit.strip(), *LONG]
    # a copyright sign inside a sentence leaves the sentence whole
    said = ["The photographs are © 2019 by the", "port authority", "and may not be copied."]
    assert texts("\n".join(said)) == [" ".join(said)]
