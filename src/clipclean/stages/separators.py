"""Separator rows and category bars ("Olahraga Sehat| | | |", "News | Sport | Weather").

A line that is mostly separators, or a row of a few short labels between separators, is
navigation or a footer, never a sentence of the article.
"""

from __future__ import annotations

import re
from typing import Final

from ..dates import find_date
from ..model import Draft
from ..shape import ends_like_sentence, separator_count, separator_ratio, word_count
from ..stage import stage

_SPLIT: Final = re.compile(r"(?:(?<!\s)\s*)?[|•·»/]\s*")
#: Breadcrumbs: "Home » News » Politics", "Start > Sport > Fußball".
_CRUMB: Final = re.compile(r"\s(?:»|›|>|→|/)\s")
MAX_CRUMB_WORDS: Final = 6


def is_separator_row(text: str) -> bool:
    """Mostly separators, or short labels (≤ 3 words each) joined by two or more separators."""
    if not text.strip():
        return True
    pipes = text.count("|") + text.count("•") + text.count("·")
    if len(text) <= 200 and (not ends_like_sentence(text) or text.endswith("…")):
        # (the last crumb, the page's own title, may be cut: "…"; a line without a crumb
        # mark is one crumb, not split)
        crumbs = _CRUMB.split(text) if _has_crumb_mark(text) else [text]
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


def _has_crumb_mark(text: str) -> bool:
    """Whether ``text`` holds a mark :data:`_CRUMB` cuts at: five ``in`` tests cost a tenth
    of the split that tests each character for a space."""
    return "/" in text or ">" in text or "»" in text or "›" in text or "→" in text


#: What a long line that starts with a word needs to be a row: a pipe or bullet (two make a
#: row), or a mark that :data:`_CRUMB` cuts at (a trail). Looked for with an ``in`` test per
#: mark (see :func:`_has_row_mark`).
ROW_MARKS: Final = "|•·»›>/→"


def _has_row_mark(text: str) -> bool:
    """Whether ``text`` holds one of :data:`ROW_MARKS`: eight ``in`` tests (a fast search for
    one character each) cost a third of a search for the class of them."""
    return (
        "|" in text
        or "/" in text
        or ">" in text
        or "•" in text
        or "·" in text
        or "»" in text
        or "›" in text
        or "→" in text
    )


#: A smiley alone on its line (":)", "=)", ";-)", ":-("): a writer's closing words, made of
#: the same marks as a rule.
_SMILEY: Final = re.compile(r"^[:;=]['-]?[()DPp]$")


@stage("separators")
def separator_rows(draft: Draft) -> None:
    """Lines made mostly of separators, and rows of short labels between separators."""
    # Most lines are ruled out by one count before is_separator_row's dozen tests: a line
    # with no separator at all is a row only when blank, and a long line that starts with a
    # word only with a pipe, a bullet or a trail's mark.
    drops = []
    for block in draft.blocks:
        text = block.text
        n = len(text)
        if n > 300:
            continue
        if n > 40 and text[0].isalnum():
            if not _has_row_mark(text):
                continue
        elif not separator_count(text) and text.strip():
            continue
        if is_separator_row(text) and not (n <= 4 and _SMILEY.match(text)):
            drops.append((block, "separator or category row"))
    draft.remove_many(drops)
