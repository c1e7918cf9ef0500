"""The cleaning stages' one fixed order, and running them over a draft.

The order lives in one place, :data:`clipclean.stages.ORDER`, so ``clipclean stages`` prints
exactly what runs; the stage type is :class:`clipclean.stage.Stage`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Final

from .model import Draft
from .stages import ORDER


class UnknownStageError(ValueError):
    """A stage name that is not in the pipeline (the message lists the valid ones)."""


def stage_names() -> list[str]:
    return [s.name for s in ORDER]


def check_stage_names(names: Iterable[str]) -> None:
    """Raise :class:`UnknownStageError` for any name not in the pipeline."""
    valid = stage_names()
    unknown = [n for n in names if n not in valid]
    if unknown:
        raise UnknownStageError(
            f"unknown stage {', '.join(repr(n) for n in unknown)}; valid: {', '.join(valid)}"
        )


#: Longest block a stage sees. Real paragraphs stay far below; a 1M-character "line" (a
#: minified blob, a run of dots) is split, at whitespace where it can be, never cut short.
MAX_BLOCK_CHARS: Final = 10_000


def _pieces(text: str, limit: int) -> list[str]:
    out = []
    while len(text) > limit:
        cut = text.rfind(" ", limit // 2, limit + 1)
        cut = cut if cut > 0 else limit
        out.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        out.append(text)
    return out


def cap_blocks(draft: Draft, limit: int = MAX_BLOCK_CHARS) -> None:
    """Split blocks longer than ``limit`` into several of the same kind and origin, so that no
    pattern stage ever runs over an unbounded line (and none of the text is dropped)."""
    if all(len(b.text) <= limit for b in draft.blocks):  # (compiled: a loop, no call a block)
        return
    blocks = []
    for b in draft.blocks:
        if len(b.text) <= limit:
            blocks.append(b)
            continue
        blocks += [replace(b, text=piece) for piece in _pieces(b.text, limit)]
    for seq, b in enumerate(blocks):
        b.seq = seq
    draft.blocks = blocks


def run(draft: Draft, skip: Iterable[str] = ()) -> Draft:
    """Run every stage of the pipeline in order, except those named in ``skip``."""
    skip = set(skip)
    check_stage_names(skip)
    cap_blocks(draft)
    for s in ORDER:
        if s.name not in skip:
            s(draft)
    return draft
