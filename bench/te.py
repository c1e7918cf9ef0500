"""The trafilatura-eval suites: 481 pages from 480 sites, scored by snippets and labels.

``te`` runs the HTML tools (body and metadata from the same pass); ``te-text`` runs the text
tools on the ``page``, ``soup`` and ``lynx`` renderings. Every figure is reported for all pages
and for the ``tune`` and ``check`` halves of the site split (bench/split.py), side by side with
the anchors from the same run. The metric is the corpus README's, written from its description:

- body: each ``with`` snippet present in the whitespace-normalised text is a tp (absent: fn),
  each ``without`` snippet present is a fp (absent: tn); counts are summed over pages (micro).
- metadata, on the pages that carry the label: title equal after whitespace normalisation (also
  ignoring case); author the same set of names (a label split at ``;`` and ``,``, names compared
  ignoring case); date the same day; description equal after whitespace normalisation.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.split import HALVES, load_splits

CORPUS = "trafilatura-eval"
TEXT_VARIANTS = ("page", "soup", "lynx")
_WS = re.compile(r"\s+")


# --------------------------------------------------------------------------- data


def available(bench_dir: Path) -> bool:
    """True when the corpus's annotations are there."""
    return (bench_dir / CORPUS / "annotations.json").is_file()


def load_annotations(bench_dir: Path) -> dict[str, dict[str, object]]:
    """Page id -> annotation record, sorted by id."""
    raw = json.loads((bench_dir / CORPUS / "annotations.json").read_text("utf-8"))
    return dict(sorted(raw.items()))


def load_html(bench_dir: Path, page_id: str) -> bytes:
    """The page's raw bytes (tools decode them themselves)."""
    with gzip.open(bench_dir / CORPUS / "html" / f"{page_id}.html.gz", "rb") as fh:
        return fh.read()


def load_text(bench_dir: Path, variant: str, page_id: str) -> str:
    """One plain-text rendering of the page (``page``, ``soup`` or ``lynx``)."""
    if variant not in TEXT_VARIANTS:
        raise ValueError(f"unknown rendering {variant!r}, expected one of {TEXT_VARIANTS}")
    return (bench_dir / CORPUS / "text" / variant / f"{page_id}.txt").read_text("utf-8")


# --------------------------------------------------------------------------- body metric


def norm_ws(text: object) -> str:
    """Every run of whitespace one space, ends trimmed; non-strings are empty."""
    return _WS.sub(" ", text).strip() if isinstance(text, str) else ""


def snippet_counts(body: str, ann: Mapping[str, object]) -> dict[str, int]:
    """tp/fn/fp/tn of one page's snippets against *body*."""
    text = norm_ws(body)
    with_ = [norm_ws(s) for s in ann.get("with") or []]  # type: ignore[attr-defined]
    without = [norm_ws(s) for s in ann.get("without") or []]  # type: ignore[attr-defined]
    tp = sum(1 for s in with_ if s and s in text)
    fp = sum(1 for s in without if s and s in text)
    return {"tp": tp, "fn": len(with_) - tp, "fp": fp, "tn": len(without) - fp}


def aggregate_snippets(per_page: Sequence[Mapping[str, int]]) -> dict[str, float]:
    """Micro-averaged precision, recall, F1 and accuracy over pages."""
    tp, fn, fp, tn = (sum(p[k] for p in per_page) for k in ("tp", "fn", "fp", "tn"))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    total = tp + fn + fp + tn
    return {"f1": f1, "precision": precision, "recall": recall,
            "accuracy": (tp + tn) / total if total else 0.0, "n": len(per_page)}  # fmt: skip


# --------------------------------------------------------------------------- metadata


def _names(value: object) -> set[str]:
    if isinstance(value, str):
        parts: list[object] = re.split(r"[;,]", value)
    elif isinstance(value, (list, tuple)):
        parts = list(value)
    else:
        return set()
    return {norm_ws(p).casefold() for p in parts if norm_ws(p)}


def title_ok(pred: object, label: object) -> bool:
    """Equal after whitespace normalisation."""
    return bool(norm_ws(pred)) and norm_ws(pred) == norm_ws(label)


def title_nocase_ok(pred: object, label: object) -> bool:
    """Equal after whitespace normalisation, ignoring case."""
    return bool(norm_ws(pred)) and norm_ws(pred).casefold() == norm_ws(label).casefold()


def author_ok(pred: object, label: object) -> bool:
    """The same set of names. A predicted list is taken element by element (a name with a
    comma in it stays one name); a label string is split at ``;`` and ``,``."""
    got = (
        {norm_ws(p).casefold() for p in pred if norm_ws(p)}
        if isinstance(pred, (list, tuple))
        else _names(pred)
    )
    return bool(got) and got == _names(label)


def date_ok(pred: object, label: object) -> bool:
    """The same day (the first ten characters)."""
    return isinstance(pred, str) and len(pred) >= 10 and pred[:10] == str(label)[:10]


def description_ok(pred: object, label: object) -> bool:
    """Equal after whitespace normalisation."""
    return bool(norm_ws(pred)) and norm_ws(pred) == norm_ws(label)


#: field -> (label key, prediction key, comparator)
META = {
    "title": ("title", "title", title_ok),
    "title_nocase": ("title", "title", title_nocase_ok),
    "author": ("author", "authors", author_ok),
    "date": ("date", "published", date_ok),
    "description": ("description", "page_description", description_ok),
}


def score_meta(pred: Mapping[str, object], ann: Mapping[str, object]) -> dict[str, bool]:
    """Field -> right? for the labelled fields of one page that the tool provides."""
    out: dict[str, bool] = {}
    for field, (label_key, pred_key, check) in META.items():
        label = ann.get(label_key)
        if label in (None, "", []):
            continue
        key = pred_key if pred_key in pred else ("description" if field == "description" else "")
        if key not in pred:
            continue
        out[field] = check(pred.get(key), label)
    return out


def aggregate_meta(per_page: Sequence[Mapping[str, bool]]) -> dict[str, float]:
    """Field -> share right over the pages scored on it."""
    out: dict[str, float] = {}
    for field in META:
        got = [p[field] for p in per_page if field in p]
        if got:
            out[field] = sum(got) / len(got)
    return out


# --------------------------------------------------------------------------- halves


def halves(page_ids: Sequence[str]) -> dict[str, list[int]]:
    """``all``/``tune``/``check`` -> positions in *page_ids*."""
    split = load_splits().get(CORPUS, {})
    out: dict[str, list[int]] = {"all": list(range(len(page_ids)))}
    for half in HALVES:
        out[half] = [i for i, pid in enumerate(page_ids) if split.get(pid) == half]
    return out


def score_run(
    page_ids: Sequence[str],
    preds: Sequence[Mapping[str, object]],
    anns: Mapping[str, Mapping[str, object]],
    with_meta: bool,
) -> dict[str, dict[str, object]]:
    """Half -> {"body": snippet figures, "meta": field accuracies, "empty": pages with no text}."""
    body = [snippet_counts(str(p.get("body") or ""), anns[pid])
            for pid, p in zip(page_ids, preds, strict=True)]  # fmt: skip
    meta = [score_meta(p, anns[pid]) if with_meta else {}
            for pid, p in zip(page_ids, preds, strict=True)]  # fmt: skip
    out: dict[str, dict[str, object]] = {}
    for half, idx in halves(page_ids).items():
        out[half] = {
            "body": aggregate_snippets([body[i] for i in idx]),
            "meta": aggregate_meta([meta[i] for i in idx]),
            "empty": sum(1 for i in idx if not str(preds[i].get("body") or "").strip()),
        }
    return out
