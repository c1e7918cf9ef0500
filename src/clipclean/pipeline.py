"""Named cleaning stages, their one fixed order, and running them over a draft.

A stage is a plain function ``(draft) -> None`` wrapped by :func:`stage`, which gives it a name
and a one-line description (the first line of its docstring). The order lives in one place,
:data:`clipclean.stages.ORDER`, so ``clipclean stages`` prints exactly what runs.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from .model import Draft

StageFn = Callable[[Draft], None]


def docstring(fn: Callable[..., object]) -> str:
    """``fn``'s docstring. The compiled build (mypyc, see setup.py) keeps none on its functions,
    so there it is read from the module's source, which the build installs beside it."""
    if fn.__doc__:
        return fn.__doc__
    where = getattr(sys.modules.get(fn.__module__), "__file__", None)
    if not where:
        return ""
    source = Path(where).with_name(fn.__module__.rpartition(".")[2] + ".py")
    return _source_docstrings(source).get(fn.__name__, "")


@cache
def _source_docstrings(source: Path) -> dict[str, str]:
    """Name -> docstring of the module-level functions in ``source`` (parsed once: a module
    holds several stages)."""
    try:
        tree = ast.parse(source.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return {}
    return {
        node.name: ast.get_docstring(node) or ""
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
    }


@dataclass(frozen=True)
class Stage:
    """A named, documented step of the pipeline."""

    name: str
    fn: StageFn
    #: "text", "html" or "both": which kind of input the stage applies to.
    applies_to: str = "both"

    @property
    def description(self) -> str:
        """The docstring's first paragraph on one line, without RST double-backquote literals."""
        paragraph = docstring(self.fn).strip().split("\n\n", 1)[0]
        return " ".join(paragraph.split()).replace("``", "")

    def __call__(self, draft: Draft) -> None:
        if self.applies_to not in ("both", draft.kind):
            return
        draft.current_stage = self.name
        self.fn(draft)
        draft.current_stage = ""


def stage(name: str, applies_to: str = "both") -> Callable[[StageFn], Stage]:
    """Decorator: turn a function into a :class:`Stage` called ``name``."""

    def wrap(fn: StageFn) -> Stage:
        return Stage(name=name, fn=fn, applies_to=applies_to)

    return wrap


class UnknownStageError(ValueError):
    """A stage name that is not in the pipeline (the message lists the valid ones)."""


def stage_names() -> list[str]:
    from .stages import ORDER

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
MAX_BLOCK_CHARS = 10_000


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
    if max(map(len, [b.text for b in draft.blocks]), default=0) <= limit:
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
    from .stages import ORDER

    skip = set(skip)
    check_stage_names(skip)
    cap_blocks(draft)
    for s in ORDER:
        if s.name not in skip:
            s(draft)
    return draft
