"""Counting words in scripts written without spaces between words.

``word_count`` splits at whitespace, which counts a paragraph of Chinese, Japanese or Thai as a
handful of "words". Here each Han or kana character counts as one word (what word processors
report for Chinese and Japanese), and a run of Thai, Lao, Khmer or Myanmar letters as one word
per four characters (about their mean word length: Python ships no segmenter for them, and
this is an estimate, not a segmentation). Korean writes spaces between words and is split there.
"""

from __future__ import annotations

import re
from typing import Final

#: Han and kana characters, one word each.
_HAN_KANA_CLASS: Final = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]"
_HAN_KANA: Final = re.compile(_HAN_KANA_CLASS)
#: Runs of them, written so that the pattern opens with the class: a search then skips to a
#: candidate in C (a pattern that opens with a repeat is tried at every position).
_HAN_KANA_RUNS: Final = re.compile(_HAN_KANA_CLASS + _HAN_KANA_CLASS + "*")
#: Thai, Lao, Myanmar and Khmer script; runs of it.
_SEA_CLASS: Final = r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
_SEA_CHAR: Final = re.compile(_SEA_CLASS)
_SEA: Final = re.compile(_SEA_CLASS + "+")
#: Either: a text without any is counted by its spaces alone.
UNSPACED: Final = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
#: Characters of a Thai-like run that make one word, on average.
SEA_WORD_CHARS: Final = 4


def _has_alnum(word: str) -> bool:
    """``any(map(str.isalnum, word))`` (compiled, ``any`` of a generator is a loop of direct
    tests, where ``map`` would call a method wrapper a character)."""
    return any(c.isalnum() for c in word)


def count_words(text: str) -> int:
    """Whitespace-separated words, with Han/kana characters and Thai-like runs counted as the
    module says."""
    if text.isascii() or UNSPACED.search(text) is None:
        return len(text.split())
    # Each run of Han/kana becomes one space: the characters it had are the length it lost
    # and one (one substitution a run, not one a character).
    rest, runs = _HAN_KANA_RUNS.subn(" ", text)
    han = len(text) - len(rest) + runs
    sea = 0
    if _SEA_CHAR.search(rest) is not None:
        for run in _SEA.findall(rest):
            sea += -(-len(run) // SEA_WORD_CHARS)
        rest = _SEA.sub(" ", rest)
    # (the punctuation left between the characters is not a word)
    n = 0
    for w in rest.split():
        if w.isalnum() or _has_alnum(w):
            n += 1
    return han + sea + n
