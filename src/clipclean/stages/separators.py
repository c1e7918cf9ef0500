"""Separator rows and category bars ("Olahraga Sehat| | | |", "News | Sport | Weather").

A line that is mostly separators, or a row of a few short labels between separators, is
navigation or a footer, never a sentence of the article.
"""

from __future__ import annotations

import re

from ..model import Draft
from ..pipeline import stage
from ..shape import ends_like_sentence, separator_ratio, word_count

_SPLIT = re.compile(r"(?:(?<!\s)\s*)?[|•·»/]\s*")


def is_separator_row(text: str) -> bool:
    """Mostly separators, or short labels (≤ 3 words each) joined by two or more separators."""
    if not text.strip():
        return True
    if separator_ratio(text) >= 0.5:
        return True
    pipes = sum(text.count(c) for c in "|•·")
    if pipes < 2 or ends_like_sentence(text):
        return False
    labels = [p for p in _SPLIT.split(text) if p.strip()]
    return all(word_count(p) <= 3 for p in labels)


@stage("separators")
def separator_rows(draft: Draft) -> None:
    """Lines made mostly of separators, and rows of short labels between separators."""
    drops = []
    for block in draft.blocks:
        if len(block.text) <= 300 and is_separator_row(block.text):
            drops.append((block, "separator or category row"))
    draft.remove_many(drops)
