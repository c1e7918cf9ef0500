"""Tags and topics: "Tags: a, b, c", a "Topics" heading with its labels, "Filed under: …".

The labels go to ``tags``; the lines leave the body. A heading takes the short label lines
under it (never a sentence), so an article that goes on after a tag row keeps its text.
"""

from __future__ import annotations

import re
from typing import Final

from ..model import Block, Draft
from ..scan import heads, starts_like
from ..shape import ends_like_sentence, word_count
from ..stage import stage
from .related import RELATED_HEAD

_NAMES: Final = (
    r"tags?|topics?|related tags|related topics|keywords|filed under|in this article|tagged"
    r"|more about|schlagwörter|schlagworte|themen|stichwörter|étiquettes|mots-clés|sujets"
    r"|etiquetas|temas|palabras clave|タグ|キーワード|関連キーワード"
)
TAGS_HEAD: Final = re.compile(r"^(?:" + _NAMES + r")\s{0,2}:?$", re.I)
TAGS_INLINE: Final = re.compile(
    r"^(?:" + _NAMES + r")\s{0,2}[:：]\s{0,3}(?P<list>\S.{0,600})$", re.I
)
#: How a line either pattern matches starts: the first words of ``_NAMES``.
_HEADS: Final = heads(
    *"tags topics related keywords filed in tagged more schlagwörter themen stichwörter"
    " étiquettes mots-clés sujets etiquetas temas palabras タグ キーワード 関連キーワード".split()
)
_SPLIT: Final = re.compile(r"\s{0,3}[,;|•·#、，]\s{0,3}")
#: Most label lines a heading takes, and the most words a label line may have.
MAX_LABELS: Final = 30
MAX_LABEL_WORDS: Final = 6


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
    # Only a line that starts like a name can be a row or a heading: those are found first
    # (one comprehension), then walked in order; a heading's labels are skipped over.
    named = [i for i, b in enumerate(blocks) if len(b.text) <= 700 and starts_like(b.text, _HEADS)]
    resume = 0
    for i in named:
        if i < resume:
            continue
        text = blocks[i].text
        m = TAGS_INLINE.match(text) if ":" in text or "：" in text else None
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
            resume = j
    if found:
        draft.propose("tags", list(dict.fromkeys(found)), 0.5)
    draft.remove_many(drops)
