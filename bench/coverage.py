"""Conservation: the share of the words a reader sees in the input that are anywhere in the
output (body, a metadata field, or the ``removed`` trace under ``explain``).

clipclean promises that nothing it drops is lost silently; this measures the promise. Words are
case-folded ``\\w+`` tokens counted as a multiset, so a word seen twice must be found twice.
For HTML, "what a reader sees" is the body's rendered text as a browser's innerText gives it:
no script, style, noscript, template, svg, iframe, form controls, nor elements hidden by the
``hidden`` attribute or an inline ``display:none``/``visibility:hidden``; block elements break
words apart, inline ones do not. Pure functions: the benchmark and the tests both use them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import Any

import lxml.html

from clipclean.words import UNSPACED

_WORD = re.compile(r"\w+")
#: Elements whose content a reader never sees.
INVISIBLE = frozenset(
    "script style noscript template svg iframe input select textarea head title meta link"
    " object embed canvas".split()
)
#: Elements that start a new line (innerText puts a break or a tab around them), and buttons:
#: their own box, so a reader sees their label apart from the words around it.
BLOCK = frozenset(
    "address article aside blockquote br center dd details dialog dir div dl dt fieldset"
    " figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main menu nav"
    " ol p pre section summary table tbody td tfoot th thead tr ul caption button".split()
)
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)


#: Characters that show nothing inside a word (soft hyphen, zero-width joiners): a word that
#: holds one is still one word.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


#: A character of an unspaced script, or a run of other word characters.
_PIECES = re.compile(UNSPACED.pattern + r"|(?:(?!" + UNSPACED.pattern + r")\w)+")


def _words(text: str) -> list[str]:
    """Case-folded word tokens of ``text`` in order. In scripts written without spaces (Han,
    kana, Thai, Lao, Khmer, Myanmar) each character is a token: a ``\\w+`` run there is a
    whole line, and a line joined to the next (a hard-wrapped paragraph) is no word lost."""
    words = _WORD.findall(text.translate(_INVISIBLE).casefold())
    if text.isascii() or UNSPACED.search(text) is None:
        return words
    out: list[str] = []
    for word in words:
        if UNSPACED.search(word) is None:
            out.append(word)
        else:
            out += _PIECES.findall(word)
    return out


def tokens(text: str) -> Counter[str]:
    """:func:`_words` as a multiset."""
    return Counter(_words(text))


def _hidden(el: lxml.html.HtmlElement) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _visible_parts(el: lxml.html.HtmlElement) -> Iterator[str]:
    """innerText-like pieces of ``el`` (an iterative walk: pages nest deeply)."""
    stack: list[tuple[Any, bool]] = [(el, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            if isinstance(node.tag, str) and node.tag in BLOCK:
                yield " "
            if node.tail and node is not el:
                yield node.tail
            continue
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is None or tag in INVISIBLE or _hidden(node):  # comments, PIs, hidden subtrees
            if node.tail and node is not el:
                yield node.tail
            continue
        if tag in BLOCK:
            yield " "
        if node.text:
            yield node.text
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))


def visible_text(source_text: str, kind: str) -> str:
    """The text a reader sees: the body's rendered text for HTML, the text itself otherwise."""
    if kind != "html":
        return source_text
    from clipclean.html.parse import parse  # the same parser (and limits) clipclean uses
    from clipclean.read import InputError

    try:
        tree = parse(source_text)
    except InputError:
        return ""
    body = tree.find("body")
    return "".join(_visible_parts(body if body is not None else tree))


def output_strings(value: Any) -> Iterator[str]:
    """Every string in a JSON-like value (keys excluded)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from output_strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from output_strings(v)


def output_tokens(doc: dict[str, Any]) -> Counter[str]:
    """Tokens of every string in ``doc`` (each string on its own: no words invented at joins)."""
    out: Counter[str] = Counter()
    for s in _strings(doc):
        out.update(tokens(s))
    return out


def _strings(doc: dict[str, Any]) -> Iterator[str]:
    return output_strings({k: v for k, v in doc.items() if k not in ("blocks", "source")})


def spaced(doc: dict[str, Any], lost: Counter[str]) -> Counter[str]:
    """The ``lost`` tokens that the output holds with breaks inside: a run of neighbouring
    tokens of one string ("home weather traffic" for the menu "Home<a>Weather</a><a>Traffic"
    whose links sit apart only by CSS), or the last token of one string or line and the first
    of another (a word split by an unknown inline tag, half of it left in a byline the trace
    holds and half opening the next paragraph). The words are not lost, only spaced."""
    streams: list[tuple[str, set[int]]] = []
    finals: set[str] = set()
    initials: set[str] = set()
    for s in _strings(doc):
        words = _words(s)  # (split as the seen tokens are: "㐀0" is two)
        if len(words) > 1:
            edges = {0, *accumulate(map(len, words))}
            streams.append(("".join(words), edges))
        for line in s.split("\n"):  # (the body's paragraphs are strings of their own)
            line_words = _words(line)
            if line_words:
                finals.add(line_words[-1])
                initials.add(line_words[0])

    def inside(t: str) -> bool:
        for joined, edges in streams:
            at = joined.find(t)
            while at >= 0:
                if at in edges and at + len(t) in edges:
                    return True
                at = joined.find(t, at + 1)
        return False

    return Counter(
        {
            t: n
            for t, n in lost.items()
            if any(t[:k] in finals and t[k:] in initials for k in range(1, len(t))) or inside(t)
        }
    )


def coverage(seen: Counter[str], found: Counter[str]) -> float:
    """Share of ``seen`` tokens (as a multiset) that are in ``found``; 1.0 when nothing is seen."""
    total = sum(seen.values())
    if not total:
        return 1.0
    return sum(min(n, found[t]) for t, n in seen.items()) / total


def missing(seen: Counter[str], found: Counter[str]) -> Counter[str]:
    """The tokens of ``seen`` not accounted for in ``found`` (to explain a low coverage)."""
    return seen - found


def of_article(article: Any) -> float:
    """Coverage of one :class:`clipclean.Article` against its own source."""
    seen = tokens(visible_text(article.source.text, article.source.kind))
    doc = article.to_dict(explain=True)
    found = output_tokens(doc)
    lost = missing(seen, found)
    if lost:  # (rare: the pairs are made only then)
        found.update(spaced(doc, lost))
    return coverage(seen, found)


def summary(values: Iterable[float]) -> dict[str, float | int]:
    """``n``, ``min``, ``mean`` and the count under 0.99 of per-input coverages."""
    vals = list(values)
    if not vals:
        return {"n": 0, "min": 1.0, "mean": 1.0, "under_99": 0}
    return {
        "n": len(vals),
        "min": min(vals),
        "mean": sum(vals) / len(vals),
        "under_99": sum(v < 0.99 for v in vals),
    }


#: The dev sets coverage is reported on: (bench suite, clipclean kind).
SETS = (
    ("html", "html"),
    ("text:page", "text"),
    ("text:container", "text"),
    ("te", "html"),
    ("te-text:page", "text"),
    ("te-text:soup", "text"),
    ("te-text:lynx", "text"),
)


def of_inputs(inputs: Iterable[bytes | str], kind: str) -> list[float]:
    """Per-input coverage of clipclean on ``inputs`` (an input it refuses counts as 1.0: an
    error says what happened to every word)."""
    import clipclean

    out = []
    for data in inputs:
        try:
            article = clipclean.clean(data, kind=kind)
        except clipclean.InputError:
            out.append(1.0)
            continue
        out.append(of_article(article))
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.coverage [SUITE ...]``: min/mean coverage per dev set."""
    import sys

    from bench import data as bench_data
    from bench import te

    names = (argv if argv is not None else sys.argv[1:]) or [s for s, _ in SETS]
    bench_dir = bench_data.resolve_bench_dir(None)
    if not bench_data.bench_available(bench_dir):
        print(f"skipped: bench data not found at {bench_dir}")
        return 0
    for suite, kind in SETS:
        if suite not in names:
            continue
        te_set = suite == "te" or suite.startswith("te-text:")
        ids = list(te.load_annotations(bench_dir) if te_set else
                   bench_data.load_ground_truth(bench_dir))  # fmt: skip
        s = summary(of_inputs(bench_data.load_inputs(bench_dir, suite, ids), kind))
        print(f"{suite:16} n={s['n']:4} min {s['min']:.3f} mean {s['mean']:.4f}"
              f" under .99: {s['under_99']}", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
