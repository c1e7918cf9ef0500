"""``text.wrap`` measures widths with shortcuts: they must give what the definitions give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clipclean.text import wrap

#: Wide characters (CJK, kana, Hangul, full-width forms, the ranges' edges) and others.
_ALPHABET = (
    "中文かなカナ한국어ｱＡ\u1100\u115f\u2e80\u303e\u3041\ua4cf\uac00\ud7a3\uf900\ufe30\uffe6"
    + ("\u1160\u303f\u3040\ua4d0\ud7a4\ufe50\uff61\uffe7 abc.,—’\t")
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, max_size=40), max_size=8))
def test_wide_widths_count_each_wide_character_twice(lines: list[str]) -> None:
    expected = [len(s) + len(wrap._WIDE.findall(s)) for s in map(str.rstrip, lines)]
    assert wrap._widths(lines, True) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 300), max_size=60))
def test_the_lines_near_and_past_the_widths_are_counted(sizes: list[int]) -> None:
    near = sum(map((wrap.MIN_WIDTH - wrap.WINDOW).__lt__, sizes))
    assert wrap._near_and_over(sizes) == (near, sum(map(wrap.MAX_WIDTH.__lt__, sizes)))
