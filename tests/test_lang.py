"""Language detection from function words: a short first look, a longer one when it is open."""

from __future__ import annotations

from clipclean import lang

GERMAN = (
    "Die Regierung hat am Montag beschlossen, dass die neuen Regeln für den Verkehr in der "
    "Stadt ab dem nächsten Jahr gelten sollen. Es ist nicht klar, wie sich das auf die "
    "Pendler auswirken wird, die jeden Tag mit dem Auto in die Innenstadt fahren. "
)


def test_a_clear_paragraph_is_told_from_its_start() -> None:
    assert lang.detect(GERMAN * 3) == "de"


def test_thin_evidence_at_the_start_reads_on() -> None:
    """A first 1,000 characters of names and figures say nothing; the text after them does."""
    table = "Bayern München 3:1 Borussia Dortmund 2019 — Hertha BSC 0:0 RB Leipzig 2019 — " * 14
    assert len(table) > lang.FIRST_SAMPLE
    assert lang.detect(table) is None
    assert lang.detect(table + GERMAN * 3) == "de"


def test_too_little_text_is_not_guessed() -> None:
    assert lang.detect("Die Stadt") is None


def test_lower_casing_keeps_letters_letters_and_one_character_long() -> None:
    """``lang._word_counts`` splits the lower-cased text instead of matching words in the
    original: that holds only while lower-casing maps each character to one character that is
    a letter exactly when the original was (but for "İ", which it sends the slow way)."""
    odd = []
    for code in range(0x110000):
        c = chr(code)
        low = c.lower()
        if low == c:
            continue
        if len(low) != 1 or low.isalpha() != c.isalpha():
            odd.append(c)
    assert odd == ["İ"]


def test_script_lead_bytes_cover_every_script_letter() -> None:
    """The UTF-8 look that spares the script pattern must not miss a letter it would find."""
    leads = set(lang._SCRIPT_LEADS)
    for code in range(0x80, 0x10000):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or lang._ANY_SCRIPT.match(char) is None:
            continue
        assert char.encode()[0] in leads, hex(code)
