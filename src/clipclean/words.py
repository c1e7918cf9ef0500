"""Counting words in scripts written without spaces between words.

``word_count`` splits at whitespace, which counts a paragraph of Chinese, Japanese or Thai as a
handful of "words". Here each Han or kana character counts as one word (what word processors
report for Chinese and Japanese), and a run of Thai, Lao, Khmer or Myanmar letters as one word
per four characters (about their mean word length: Python ships no segmenter for them, and
this is an estimate, not a segmentation). Korean writes spaces between words and is split there.
"""

from __future__ import annotations

import re

#: Han and kana characters, one word each.
_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
#: Runs of Thai, Lao, Myanmar and Khmer script.
_SEA = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]+")
#: Either: a text without any is counted by its spaces alone.
UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    r"\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
#: Characters of a Thai-like run that make one word, on average.
SEA_WORD_CHARS = 4


def count_words(text: str) -> int:
    """Whitespace-separated words, with Han/kana characters and Thai-like runs counted as the
    module says."""
    if text.isascii() or UNSPACED.search(text) is None:
        return len(text.split())
    han = len(_HAN_KANA.findall(text))
    sea = sum(-(-len(run) // SEA_WORD_CHARS) for run in _SEA.findall(text))
    rest = _SEA.sub(" ", _HAN_KANA.sub(" ", text))
    # (the punctuation left between the characters is not a word)
    return han + sea + sum(1 for w in rest.split() if any(map(str.isalnum, w)))
