"""Article text one te-text rendering's body keeps and another's loses, page by page.

The snippet metric has a few snippets a page, so a scraper-style mechanism that loses a
paragraph (soup's drop cap "D" / "ie …", a linked compound "Gnome" / "-Tops …") seldom shows
in it. The page rendering (innerText) keeps the article's paragraphs whole; each of its body's
lines of ``--words`` words or more whose opening words are missing from the other rendering's
body is listed (one half only: ``tune`` by default, where failures are analysed), the pages
with the most words lost first.

    python -m bench.rendering_gap soup [--against page] [--half tune] [--top 40]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import clipclean
from clipclean.read import InputError

from . import data, te
from .split import load_splits


def _body(text: str) -> str:
    try:
        return clipclean.clean(text, kind="text").body or ""
    except InputError:
        return ""


def gaps(variant: str, against: str, half: str, words: int) -> list[tuple[int, str, list[str]]]:
    """(words lost, page id, the lines lost) for each page of ``half`` that loses any."""
    root = data.resolve_bench_dir()
    split = load_splits()["trafilatura-eval"]
    norm = te.norm_ws
    out: list[tuple[int, str, list[str]]] = []
    for pid in sorted(te.load_annotations(root)):
        if split.get(pid) != half:
            continue
        kept = _body(te.load_text(root, against, pid))
        other = norm(_body(te.load_text(root, variant, pid)))
        lost = [
            line
            for line in kept.split("\n")
            if len(line.split()) >= words and " ".join(line.split()[:6]) not in other
        ]
        if lost:
            out.append((sum(len(line.split()) for line in lost), pid, lost))
    out.sort(key=lambda row: (-row[0], row[1]))
    return out


def report(variant: str, against: str, half: str, words: int, top: int) -> Iterator[str]:
    rows = gaps(variant, against, half, words)
    for n, pid, lost in rows[:top]:
        yield f"=== {variant} {pid}: {n} words {against} keeps"
        for line in lost[:5]:
            yield f"    {line[:120]!r}"
    yield f"{len(rows)} pages of {half} lose text {against} keeps"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variant", choices=("page", "soup", "lynx"))
    parser.add_argument("--against", default="page", choices=("page", "soup", "lynx"))
    parser.add_argument("--half", default="tune", choices=("tune", "check"))
    parser.add_argument("--words", type=int, default=8)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    for line in report(args.variant, args.against, args.half, args.words, args.top):
        print(line)


if __name__ == "__main__":
    main()
