"""Where the article run loses te-text snippets: a diagnosis aid for the text path's run choice.

For each page of one half (``tune`` by default: analyse failures there only) and one rendering,
every ``with`` snippet missing from the body whose text a chosen stage removed is listed with
the run's bounds (``body_start``/``body_end`` as block indices), the blocks around the loss with
their run scores (``R``: inside the run, ``>>``: holds the snippet) and the removal's reason
from the trace (``to_dict(explain=True)["removed"]``); a count by stage and reason closes the
report.

    python -m bench.run_losses soup [--half tune] [--stages article_span,outside_article]
"""

from __future__ import annotations

import argparse
import collections
from collections.abc import Iterator

from clipclean import pipeline
from clipclean.assemble import build_article
from clipclean.model import Block, Draft
from clipclean.read import InputError, read
from clipclean.shape import facts
from clipclean.stages import ORDER
from clipclean.stages.span import scores
from clipclean.text import text_to_blocks

from . import data, te
from .split import load_splits

#: Blocks shown on each side of a loss.
AROUND = 6


def _run(text: str) -> tuple[list[Block], list[float], Draft, dict[str, object]] | None:
    """The blocks and their scores as ``article_span`` reads them, the draft after all
    stages, and the article with its trace."""
    try:
        source = read(text, kind="text")
    except InputError:
        return None
    draft = Draft(text_to_blocks(source.text, []), kind="text")
    pipeline.cap_blocks(draft)
    snap: list[Block] = []
    for s in ORDER:
        if s.name == "article_span":
            snap = list(draft.blocks)
        s(draft)
    return snap, scores(snap), draft, build_article(draft, source, None).to_dict(explain=True)


def losses(variant: str, half: str, stages: set[str]) -> Iterator[str]:
    """The report's lines, page by page, then the count by stage and reason."""
    root = data.resolve_bench_dir()
    split = load_splits()["trafilatura-eval"]
    norm = te.norm_ws
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    for pid, ann in sorted(te.load_annotations(root).items()):
        if split.get(pid) != half:
            continue
        got = _run(te.load_text(root, variant, pid))
        if got is None:
            continue
        snap, sc, draft, art = got
        body = norm(art.get("body") or "")
        removed = [(r["stage"], r["reason"], norm(r["text"])) for r in art.get("removed", [])]  # type: ignore[attr-defined]
        seqs = [b.seq for b in snap]
        first, last = (
            seqs.index(s) if s in seqs else -1
            for s in (draft.marks.get("body_start"), draft.marks.get("body_end"))
        )
        texts = [norm(b.text) for b in snap]
        for snippet in ann.get("with", []):  # type: ignore[attr-defined]
            s = norm(snippet)
            if s in body:
                continue
            hit = next(
                ((st, why) for st, why, t in removed if s in t or (len(t) > 20 and t in s)), None
            )
            if hit is None or hit[0] not in stages:
                continue
            counts[hit] += 1
            at = [i for i, t in enumerate(texts) if s[:40] in t or (len(t) > 20 and t in s)]
            yield f"=== {variant} {pid} [{hit[0]}: {hit[1]}] run {first}..{last} of {len(snap)}"
            yield f"    snippet: {s[:120]!r}"
            if not at:
                continue
            for k in range(max(0, at[0] - AROUND), min(len(snap), at[0] + AROUND)):
                mark = ">>" if k in at else "  "
                inside = "R" if first <= k <= last else " "
                line = f"{mark}{inside}{k:5d} {sc[k]:7.1f} u{facts(snap[k]).units:<3d}"
                yield f"    {line} | {snap[k].text[:100]!r}"
    for (stage, reason), n in counts.most_common():
        yield f"{n:4d}  {stage}: {reason}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variant", choices=("page", "soup", "lynx"))
    parser.add_argument("--half", default="tune", choices=("tune", "check"))
    parser.add_argument("--stages", default="article_span,outside_article")
    args = parser.parse_args()
    for line in losses(args.variant, args.half, set(args.stages.split(","))):
        print(line)


if __name__ == "__main__":
    main()
