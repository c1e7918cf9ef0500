"""Plain text -> blocks: input styles, and rejoining only the sentences a scraper split."""

from __future__ import annotations

from clipclean.text.blocks import text_to_blocks


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
