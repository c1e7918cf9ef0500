"""The type of a cleaning stage: a named, documented function over a draft.

A stage is a plain function ``(draft) -> None`` wrapped by :func:`stage`, which gives it a name
and a one-line description (the first line of its docstring). Its own module, imported by the
stages and by :mod:`clipclean.pipeline` (which runs them), so neither imports the other back.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable
from dataclasses import dataclass
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
