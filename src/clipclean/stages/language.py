"""The language of a plain-text article, read from its body.

Scraped text carries no ``lang`` attribute; the body's function words (or its script) say
which language it is in. The HTML path reads the markup first and detects on its own.
"""

from __future__ import annotations

from typing import Final

from .. import lang
from ..model import Draft
from ..stage import stage

#: Blocks enough for a confident guess; more costs time and changes nothing.
SAMPLE_BLOCKS: Final = 40


@stage("language", applies_to="text")
def language(draft: Draft) -> None:
    """Detect the body's language (ISO 639-1) from its function words or script."""
    if not draft.has("language"):
        # (the blocks up to the characters detection reads: the join of them all would only
        # be cut there)
        texts: list[str] = []
        size = -1
        for b in draft.blocks[:SAMPLE_BLOCKS]:
            if size >= lang.SAMPLE:
                break
            texts.append(b.text)
            size += 1 + len(b.text)
        draft.propose("language", lang.detect(" ".join(texts)), 0.5, "detected from the text")
