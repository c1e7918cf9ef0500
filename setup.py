"""Build hook: a regular install (a wheel, ``pip install .``) compiles the text path with mypyc.

The cleaning stages spend most of their time in Python's own overhead (a call, an attribute,
a loop step per line and stage); compiled, the same code is about a quarter faster, with the
same output. Everything else is in ``pyproject.toml``.

- An editable install (``pip install -e .``, what ``make test`` and development use) stays pure
  Python, so that an edit takes effect at once.
- ``CLIPCLEAN_PURE=1`` builds pure Python anywhere.
- Where the compiler is missing or fails, the build goes on without the extensions: the package
  is the same Python code, only slower (``clipclean --version`` says which build it is).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup

#: The modules compiled: the text path, which the shared stages also run for HTML, and the
#: HTML path's tree walks (blocks, marks, prune, markup). Their ``.py`` sources are installed
#: beside them (``clipclean stages`` reads the docstrings there).
COMPILED = sorted(
    [
        *(
            f"src/clipclean/{name}.py"
            for name in (
                "shape", "scan", "model", "dates", "lang", "read", "stage", "pipeline", "assemble",
                "controls", "words"
            )
        ),
        "src/clipclean/text/blocks.py",
        *(f"src/clipclean/html/{name}.py" for name in ("blocks", "marks", "prune", "markup")),
        "src/clipclean/text/wrap.py",
        "src/clipclean/text/typography.py",
        *(str(p) for p in Path("src/clipclean/stages").glob("*.py") if p.name != "__init__.py"),
    ]
)


def _wanted() -> bool:
    if os.environ.get("CLIPCLEAN_PURE", "") not in ("", "0"):
        return False
    return not any(arg.startswith("editable") for arg in sys.argv[1:])


def _extensions() -> list:
    if not _wanted():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        print(f"clipclean: building pure Python (mypyc not available: {exc})", file=sys.stderr)
        return []
    extensions = mypycify(COMPILED, opt_level="3", debug_level="0")
    for ext in extensions:
        ext.optional = True  # no compiler: pure Python, not a failed install
    return extensions


setup(ext_modules=_extensions())
