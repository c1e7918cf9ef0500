"""Which files are inputs, what their outputs are called, and how names are shown.

Kept apart from the walk so the naming rules (suffix mapping, collisions) can be tested and
documented on their own: they decide where every output lands.
"""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from collections.abc import Callable, Iterable

from ..warc import ARCHIVE_SUFFIXES, is_archive_name

#: The input kinds clipclean knows, each also gzipped, and web archives (WARC/ARC). Names
#: without an extension are not among them: a folder of pages also holds READMEs, logs and lock
#: files, and a file the walk passes over is counted in the summary ("N other files not
#: selected; see --include").
KNOWN_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text")
DEFAULT_INCLUDE = (
    *(f"*{s}{gz}" for gz in ("", ".gz") for s in KNOWN_SUFFIXES),
    *(f"*{suffix}" for suffix in ARCHIVE_SUFFIXES),
)

#: Input suffixes replaced by the output suffix, longest first so ".html.gz" wins over ".gz".
INPUT_SUFFIXES = tuple(sorted((p[1:] for p in DEFAULT_INCLUDE), key=len, reverse=True))

OUTPUT_SUFFIXES = {"json": ".json", "markdown": ".md", "text": ".txt"}
#: An archive's pages all go to one output: JSON Lines for JSON; Markdown documents one after
#: another (each opens with its front matter); texts separated by a form-feed line.
ARCHIVE_OUTPUT_SUFFIXES = {"json": ".jsonl", "markdown": ".md", "text": ".txt"}


def output_suffix(rel: str, fmt: str) -> str:
    """The suffix of ``rel``'s output in format ``fmt``."""
    table = ARCHIVE_OUTPUT_SUFFIXES if is_archive_name(rel) else OUTPUT_SUFFIXES
    return table[fmt]


def selected(rel: str, include: Iterable[str], exclude: Iterable[str]) -> bool:
    """True when ``rel`` matches an include glob and no exclude glob.

    A glob without "/" matches the file name, one with "/" the whole relative path; matching
    ignores case (scraped pages arrive as .HTML too).
    """
    return matches(rel, include) and not matches(rel, exclude)


def matches(rel: str, patterns: Iterable[str]) -> bool:
    """True when ``rel`` matches one of the globs (the rules of :func:`selected`)."""
    name = rel.rsplit("/", 1)[-1].lower()
    low = rel.lower()
    return any(fnmatch.fnmatchcase(low if "/" in p else name, p.lower()) for p in patterns)


def output_name(rel: str, suffix: str) -> str:
    """``a/b.html.gz`` -> ``a/b.json``; an unknown or bare suffix keeps the full name."""
    head, _, name = rel.rpartition("/")
    low = name.lower()
    stem = name
    for known in INPUT_SUFFIXES:
        if low.endswith(known):
            stem = name[: -len(known)]
            break
    if not stem or stem == name:
        stem = name
    return f"{head}/{stem}{suffix}" if head else f"{stem}{suffix}"


def plan_outputs(rels: Iterable[str], suffix: str | Callable[[str], str]) -> dict[str, str]:
    """Output path for every input, with no two inputs sharing one.

    ``suffix`` may depend on the input (archives get their own). Inputs that would collide (``a.html`` and ``a.htm`` -> ``a.json``) all keep their full
    name instead (``a.html.json``, ``a.htm.json``); should that still collide, the later ones
    in sorted order get ``~2``, ``~3`` before the suffix. Deterministic for a given set of
    inputs.
    """
    rels = sorted(rels)
    suffix_of = suffix if callable(suffix) else lambda _rel: suffix
    groups: dict[str, list[str]] = defaultdict(list)
    for rel in rels:
        groups[output_name(rel, suffix_of(rel)).lower()].append(rel)
    plan = {}
    for members in groups.values():
        for rel in members:
            sfx = suffix_of(rel)
            plan[rel] = output_name(rel, sfx) if len(members) == 1 else f"{rel}{sfx}"
    taken: set[str] = set()
    for rel in rels:
        out, n, sfx = plan[rel], 1, suffix_of(rel)
        while out.lower() in taken:
            n += 1
            out = f"{plan[rel][: -len(sfx)]}~{n}{sfx}"
        taken.add(out.lower())
        plan[rel] = out
    return plan
