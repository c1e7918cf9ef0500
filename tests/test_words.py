"""``words.count_words`` takes shortcuts (a run of Han/kana replaced at once, a loop for the
punctuation tokens): it must count as the module's definition, written out here, does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from clipclean.words import _HAN_KANA, _SEA, SEA_WORD_CHARS, UNSPACED, count_words


def _by_definition(text: str) -> int:
    if text.isascii() or UNSPACED.search(text) is None:
        return len(text.split())
    han = len(_HAN_KANA.findall(text))
    sea = sum(-(-len(run) // SEA_WORD_CHARS) for run in _SEA.findall(text))
    rest = _SEA.sub(" ", _HAN_KANA.sub(" ", text))
    return han + sea + sum(1 for w in rest.split() if any(map(str.isalnum, w)))


#: Han, kana, Thai, Khmer, Myanmar, Hangul, CJK and Latin punctuation, digits, spaces of
#: several kinds, letters, "_" and characters next to the ranges' edges.
_ALPHABET = (
    "中文字日本語かなカタカナｱｶﾞ一丁龥\u3040\u30ff\u3400\u4dbf\uf900\ufaff\uff66\uff9f"
    "\u303f\u3100\u4dc0\ua000\uff65\uffa0ภาษาไทยລາວខ្មែរမြန်မာ\u0dff\u0f00\u0fff\u10a0"
    "한국어。、，「」！？・（）…—-_.,;:!?()[]\"' \t\n\u3000\u00a0abcXYZ0123²½éß"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_count_words_is_the_definition(text: str) -> None:
    assert count_words(text) == _by_definition(text)


def test_count_words_on_unspaced_bench_texts() -> None:
    from conftest import bench_dir

    root = bench_dir() / "scraped-text"
    if not root.is_dir():
        return
    seen = 0
    for path in sorted(root.rglob("*.txt"))[:3000]:
        text = path.read_text("utf-8", "replace")
        if UNSPACED.search(text) is None:
            continue
        seen += 1
        assert count_words(text) == _by_definition(text), path
        for line in re.split(r"\n+", text)[:200]:
            assert count_words(line) == _by_definition(line), (path, line)
    assert seen
