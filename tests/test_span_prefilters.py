"""The span stage's look-ups in place (pair tables, a first character read by its code) say
what the tests they stand for say, on every ASCII pair and on lines outside ASCII: they
change speed only."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import clipclean.stages.span as span
from clipclean.shape import Facts

ASCII_PAIRS = [chr(a) + chr(b) for a in range(128) for b in range(128)]
#: Third characters and tails that reach each branch of the tests: ASCII, a space, a letter
#: outside ASCII, a CJK one, the Kelvin sign (re.I takes it for "k").
TAILS = ["", "x", " ", "é", "関", "\u212a", "e more", "ments", "ta"]
TEXT = st.text(alphabet=st.sampled_from("aAbcdeEkKlmnoOrsStTuUvz :,.0123456789éÉİ\u212aコ関"))


def _may_end_before(text: str) -> bool:
    """``span._may_end`` as it was before its pair table."""
    if text[:1].isdigit():
        return True
    head = text[:3]
    if head.isascii():
        return head.lower() in span._END_HEADS3
    return span.starts_like(text, span._END_HEADS)


def _may_head_tags_before(f: Facts) -> bool:
    if f.size > span._TAG_SIZE:
        return False
    if f.text.isascii():
        low = f.low
        return low[:2] in span._TAG_STARTS and low.startswith(span._TAG_OPENINGS)
    return span.starts_like(f.text, span._TAG_HEADS)


def _lines() -> list[str]:
    return [p + t for p in ASCII_PAIRS for t in TAILS] + [
        c + t for c in "éİ\u212aコ" for t in TAILS
    ]


def test_end_pairs_are_may_end() -> None:
    for text in _lines():
        assert span._may_end(text) == _may_end_before(text), text


def test_tag_pairs_are_may_head_tags() -> None:
    for text in [*_lines(), "Tags", "topics:", "TAGGED", "Related Topics", "Filed under"]:
        f = Facts(text)
        assert span._may_head_tags(f) == _may_head_tags_before(f), text


def test_card_pairs_are_card_starts() -> None:
    for text in [*_lines(), "Ingredients", "ZUTATEN", "İngredients", "Składniki"]:
        f = Facts(text)
        assert span._may_open_card(f) == (f.low[:2] in span._CARD_STARTS), text


def test_opens_with_letter_is_isalpha() -> None:
    for c in map(chr, range(0x3000)):
        for text in (c, c + "ab"):
            assert span._opens_with_letter(text) == text[:1].isalpha(), repr(text)
    assert not span._opens_with_letter("")


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_prefilters_on_random_lines(text: str) -> None:
    f = Facts(text)
    assert span._may_end(text) == _may_end_before(text)
    assert span._may_head_tags(f) == _may_head_tags_before(f)
    assert span._may_open_card(f) == (f.low[:2] in span._CARD_STARTS)
    assert span._opens_with_letter(text) == text[:1].isalpha()
