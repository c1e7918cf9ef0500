"""The cleaning stages' one fixed order, and running them over a draft.

The order lives in one place, :data:`clipclean.stages.ORDER`, so ``clipclean stages`` prints
exactly what runs; the stage type is :class:`clipclean.stage.Stage`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Final

from .model import Draft
from .shape import facts
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


#: The stages that choose the article's run of lines on scraped text (and drop what is outside
#: it): :func:`run_text` leaves them out when the run they chose holds no article.
RUN_STAGES: Final = ("article_span", "outside_article")
#: A text result under this many characters with no line of :data:`NO_ARTICLE_WORDS` words
#: holds no article (see :func:`found_no_article`).
NO_ARTICLE_CHARS: Final = 250
NO_ARTICLE_WORDS: Final = 8


def found_no_article(draft: Draft) -> bool:
    """The run of lines chosen as the article is a label or two, not prose: under
    NO_ARTICLE_CHARS characters, and no line of NO_ARTICLE_WORDS words (a page of short lines
    only, a photo post's captions or a data sheet's fields, where the run went to the one line
    that scored). A short article of one sentence or more is not this. (Words as the stages
    count them: a character each in Chinese or Japanese.)"""
    size = 0
    for b in draft.blocks:
        size += len(b.text) + 2
        if size > NO_ARTICLE_CHARS or facts(b).units >= NO_ARTICLE_WORDS:
            return False
    return True


def run_text(make: Callable[[], Draft], skip: Iterable[str] = ()) -> Draft:
    """Run the pipeline over the scraped-text draft ``make`` gives; when the article's run it
    chose holds no article (:func:`found_no_article`), run it again on a fresh draft without
    the run's stages (:data:`RUN_STAGES`), as trafilatura falls back to another extractor when
    its own result is short: the other stages still take the menus, buttons and notices, and
    the result is kept if it holds more text. Either way every removal is in the trace (the
    second run's), and the provenance says when it fell back (field ``article_run``)."""
    skip = tuple(skip)
    draft = run(make(), skip)
    # (a result with no line at all is a page the stages read as junk from end to end, a
    # run of tokens or a menu: there is no label a run went to, and nothing to widen)
    if not draft.blocks or any(n in skip for n in RUN_STAGES) or not found_no_article(draft):
        return draft
    wide = run(make(), (*skip, *RUN_STAGES))
    if sum(len(b.text) for b in wide.blocks) <= sum(len(b.text) for b in draft.blocks):
        return draft
    wide.propose(
        "article_run",
        "the page's lines, less the other stages' removals",
        1.0,
        f"fallback: the article run ({RUN_STAGES[0]}) held no line of {NO_ARTICLE_WORDS} words,"
        f" so {' and '.join(RUN_STAGES)} did not run",
    )
    return wide


def run(draft: Draft, skip: Iterable[str] = ()) -> Draft:
    """Run every stage of the pipeline in order, except those named in ``skip``."""
    skip = set(skip)
    check_stage_names(skip)
    cap_blocks(draft)
    for s in ORDER:
        if s.name not in skip:
            s(draft)
    return draft
