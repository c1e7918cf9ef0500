"""Separator rows and category bars ("Olahraga Sehat| | | |", "News | Sport | Weather").

A line that is mostly separators, or a row of a few short labels between separators, is
navigation or a footer, never a sentence of the article.
"""

from __future__ import annotations

import re

from ..dates import find_date
from ..model import Draft
from ..pipeline import stage
from ..shape import ends_like_sentence, separator_ratio, word_count

_SPLIT = re.compile(r"(?:(?<!\s)\s*)?[|•·»/]\s*")
#: Breadcrumbs: "Home » News » Politics", "Start > Sport > Fußball".
_CRUMB = re.compile(r"\s(?:»|›|>|→|/)\s")
MAX_CRUMB_WORDS = 6


def is_separator_row(text: str) -> bool:
    """Mostly separators, or short labels (≤ 3 words each) joined by two or more separators."""
    if not text.strip():
        return True
    pipes = text.count("|") + text.count("•") + text.count("·")
    if len(text) <= 200 and (not ends_like_sentence(text) or text.endswith("…")):
        crumbs = _CRUMB.split(text)  # (the last crumb, the page's own title, may be cut: "…")
        strong = len(crumbs) >= 3 or "»" in text or "›" in text
        if (
            strong
            and len(crumbs) >= 2
            and find_date(text) is None
            and all(0 < word_count(c) <= MAX_CRUMB_WORDS for c in crumbs)
        ):
            return True
    if pipes < 2 and len(text) > 40 and text[0].isalnum():
        return False  # a long line that starts with a word needs pipes to be a row
    if separator_ratio(text) >= 0.5:
        return True
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
