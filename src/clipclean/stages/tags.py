"""Tags and topics: "Tags: a, b, c", a "Topics" heading with its labels, "Filed under: …".

The labels go to ``tags``; the lines leave the body. A heading takes the short label lines
under it (never a sentence), so an article that goes on after a tag row keeps its text.
"""

from __future__ import annotations

import re

from ..model import Block, Draft
from ..pipeline import stage
from ..shape import ends_like_sentence, word_count
from .related import RELATED_HEAD

_NAMES = (
    r"tags?|topics?|related tags|related topics|keywords|filed under|in this article|tagged"
    r"|more about|schlagwörter|schlagworte|themen|stichwörter|étiquettes|mots-clés|sujets"
    r"|etiquetas|temas|palabras clave|タグ|キーワード|関連キーワード"
)
TAGS_HEAD = re.compile(r"^(?:" + _NAMES + r")\s{0,2}:?$", re.I)
TAGS_INLINE = re.compile(r"^(?:" + _NAMES + r")\s{0,2}[:：]\s{0,3}(?P<list>\S.{0,600})$", re.I)
_SPLIT = re.compile(r"\s{0,3}[,;|•·#]\s{0,3}")
#: Most label lines a heading takes, and the most words a label line may have.
MAX_LABELS = 30
MAX_LABEL_WORDS = 6


def _labels(text: str) -> list[str]:
    return [t.strip() for t in _SPLIT.split(text) if t.strip() and len(t.strip()) <= 60]


def _is_label(text: str) -> bool:
    return not ends_like_sentence(text) and (
        word_count(text) <= MAX_LABEL_WORDS or ("," in text and len(_labels(text)) >= 3)
    )


@stage("tags")
def tags(draft: Draft) -> None:
    """Tag and topic rows -> tags; a tags heading takes the label lines under it."""
    blocks = draft.blocks
    drops: list[tuple[Block, str]] = []
    found: list[str] = []
    i = 0
    while i < len(blocks):
        text = blocks[i].text
        if len(text) <= 700:
            m = TAGS_INLINE.match(text)
            if m and not ends_like_sentence(text):
                found += _labels(m.group("list"))
                drops.append((blocks[i], "tags"))
            elif len(text) <= 40 and TAGS_HEAD.match(text):
                drops.append((blocks[i], "tags heading"))
                j = i + 1
                while (
                    j < len(blocks)
                    and j - i <= MAX_LABELS
                    and _is_label(blocks[j].text)
                    and not RELATED_HEAD.match(blocks[j].text)
                ):
                    found += _labels(blocks[j].text)
                    drops.append((blocks[j], "tags"))
                    j += 1
                i = j
                continue
        i += 1
    if found:
        draft.propose("tags", list(dict.fromkeys(found)), 0.5)
    draft.remove_many(drops)
