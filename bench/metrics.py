"""Scoring for the clipclean benchmark: the body shingle metric and metadata field comparators.

Pure functions only (no I/O, no dataset paths) so that unit tests and quality-gate tests can
import them without the benchmark data being present.

Body metric (same definition as the public article-extraction benchmark, written from its
description): tokens are the ``\\w+`` matches (case kept), shingles are 4-token windows. Per
page, tp/fp/fn are counted over shingle multisets and normalised by their sum so every page
weighs the same. Corpus precision/recall are means over pages; F1 is the harmonic mean of the
two means (not the mean of per-page F1s).
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

SHINGLE_SIZE = 4
_TOKEN_RE = re.compile(r"\w+")
_WS_RE = re.compile(r"\s+")


# --------------------------------------------------------------------------- body metric


def tokens(text: str | None) -> list[str]:
    """Return the ``\\w+`` tokens of *text*, case kept; ``None`` counts as empty text."""
    return _TOKEN_RE.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of *size*-token windows of *text*.

    A text shorter than *size* tokens is a single shingle (its whole token tuple), so very short
    bodies still count; an empty text has no shingles at all.
    """
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < size:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + size]) for i in range(len(toks) - size + 1))


def precision_recall(tp: float, fp: float, fn: float) -> tuple[float, float]:
    """Precision and recall of one page, with the 0/0 cases decided explicitly.

    - fp == fn == 0 (identical, including both empty): (1, 1) -- nothing wrong was done.
    - tp == 0 otherwise (empty prediction for a non-empty truth, non-empty prediction for an
      empty truth, or no overlap): (0, 0). An empty prediction is not "perfectly precise":
      giving it precision 1 would reward tools that return nothing.
    """
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0
    return tp / (tp + fp), tp / (tp + fn)


def score_page(pred: str | None, truth: str | None) -> tuple[float, float, float, float, float]:
    """Score one page: ``(precision, recall, tp, fp, fn)`` with tp/fp/fn normalised to sum 1.

    Normalising keeps long pages from dominating any micro-average built from the counts; the
    per-page precision/recall do not depend on it.
    """
    p_sh = shingles(pred)
    t_sh = shingles(truth)
    tp = sum((p_sh & t_sh).values())
    fp = sum(p_sh.values()) - tp
    fn = sum(t_sh.values()) - tp
    total = tp + fp + fn
    precision, recall = precision_recall(tp, fp, fn)
    if total == 0:
        return precision, recall, 0.0, 0.0, 0.0
    return precision, recall, tp / total, fp / total, fn / total


def exact_match(pred: str | None, truth: str | None) -> bool:
    """True when both texts have the same token sequence (the benchmark's "accuracy")."""
    return tokens(pred) == tokens(truth)


@dataclass(frozen=True)
class PageScore:
    """One page's body score, kept per page so results can be inspected and resampled."""

    page_id: str
    precision: float
    recall: float
    tp: float
    fp: float
    fn: float
    exact: bool

    @classmethod
    def of(cls, page_id: str, pred: str | None, truth: str | None) -> PageScore:
        """Score *pred* against *truth* for page *page_id*."""
        p, r, tp, fp, fn = score_page(pred, truth)
        return cls(page_id, p, r, tp, fp, fn, exact_match(pred, truth))


def f1(precision: float, recall: float) -> float:
    """Harmonic mean, 0 when both are 0."""
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def aggregate(scores: Sequence[PageScore], bootstrap: int = 0, seed: int = 0) -> dict[str, float]:
    """Corpus figures from per-page scores: mean precision, mean recall, their F1, accuracy.

    With ``bootstrap > 0`` also returns ``f1_std``, the standard deviation of F1 over that many
    page resamples, so small differences between tools can be judged against noise.
    """
    n = len(scores)
    if n == 0:
        return {"n": 0, "f1": 0.0, "precision": 0.0, "recall": 0.0, "accuracy": 0.0, "n_empty": 0}
    precision = sum(s.precision for s in scores) / n
    recall = sum(s.recall for s in scores) / n
    out: dict[str, float] = {
        "n": n,
        "f1": f1(precision, recall),
        "precision": precision,
        "recall": recall,
        "accuracy": sum(s.exact for s in scores) / n,
        # pages where the tool returned no text at all but the truth has some: each scores 0/0
        "n_empty": sum(1 for s in scores if s.tp == 0 and s.fp == 0 and s.fn > 0),
    }
    if bootstrap > 0:
        rng = random.Random(seed)
        values = []
        for _ in range(bootstrap):
            sample = [scores[rng.randrange(n)] for _ in range(n)]
            p = sum(s.precision for s in sample) / n
            r = sum(s.recall for s in sample) / n
            values.append(f1(p, r))
        mean = sum(values) / len(values)
        out["f1_std"] = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))
    return out


# --------------------------------------------------------------------------- metadata fields


def norm_text(value: object) -> str:
    """Normalise a string for comparison: NFKC, case-folded, whitespace collapsed and trimmed.

    Non-strings (None, lists) normalise to "" so a missing value never equals a real one.
    """
    if not isinstance(value, str):
        return ""
    return _WS_RE.sub(" ", unicodedata.normalize("NFKC", value)).strip().casefold()


def is_empty(value: object) -> bool:
    """True for None, empty or whitespace-only strings and empty lists."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, set)):
        return len(value) == 0
    return False


def title_ok(pred: object, gold: Mapping[str, object]) -> bool:
    """Title equals the gold headline after whitespace/case normalisation."""
    return bool(norm_text(pred)) and norm_text(pred) == norm_text(gold.get("title"))


def _author_set(value: object) -> set[str]:
    if value is None:
        return set()
    if isinstance(value, str):  # tolerate a single "A; B" string (trafilatura's format)
        value = value.split(";")
    if not isinstance(value, (list, tuple, set)):
        return {"<not a list>"}
    names = {norm_text(v) for v in value if isinstance(v, str)}
    names.discard("")
    return names


def authors_ok(pred: object, gold: Mapping[str, object]) -> bool:
    """Author names equal the gold set exactly (case/whitespace normalised, order ignored).

    Pages whose byline names no person have gold ``[]``, so any predicted name fails them.
    """
    return _author_set(pred) == _author_set(gold.get("authors") or [])


def gold_has_no_person_byline(gold: Mapping[str, object]) -> bool:
    """Pages where the correct authors list is empty (agency/desk bylines or none at all)."""
    return not gold.get("authors")


def published_ok(pred: object, gold: Mapping[str, object]) -> bool:
    """The prediction's YYYY-MM-DD prefix is the gold day or one of the accepted alt days.

    When the page shows no date (gold ``published_date`` null) the right answer is no date.
    """
    gold_day = gold.get("published_date")
    if not gold_day:
        return is_empty(pred)
    if not isinstance(pred, str) or len(pred.strip()) < 10:
        return False
    day = pred.strip()[:10]
    accepted = {str(gold_day)[:10]} | {str(d)[:10] for d in gold.get("published_alt_dates") or []}
    return day in accepted


def site_name_ok(pred: object, gold: Mapping[str, object]) -> bool:
    """Site name equals the gold name or one of its aliases, normalised."""
    p = norm_text(pred)
    if not p:
        return False
    names = [gold.get("site_name"), *(gold.get("site_name_aliases") or [])]
    return p in {norm_text(n) for n in names if n}


def gold_has_dek(gold: Mapping[str, object]) -> bool:
    """Pages that display a dek/standfirst (gold description non-null)."""
    return not is_empty(gold.get("description"))


def dek_ok(pred: object, gold: Mapping[str, object]) -> bool:
    """On pages with a displayed dek: exact match after normalisation. Elsewhere: prediction
    must be null/empty ("dek correctly null"), since a meta description is not a shown dek."""
    if gold_has_dek(gold):
        return bool(norm_text(pred)) and norm_text(pred) == norm_text(gold.get("description"))
    return is_empty(pred)


def language_ok(pred: object, gold: Mapping[str, object]) -> bool:
    """ISO 639-1 equality; a region suffix ("en-US", "en_GB") is ignored, case-insensitive."""
    if not isinstance(pred, str) or not pred.strip():
        return False
    code = re.split(r"[-_]", pred.strip().casefold(), maxsplit=1)[0]
    return code == str(gold.get("language") or "").casefold()


Check = Callable[[object, Mapping[str, object]], bool]
PageFilter = Callable[[Mapping[str, object]], bool]

# Field name -> (prediction key, comparator, page filter). The filter selects which gold pages
# the field is scored on; None means all pages. Order is the report's column order.
META_FIELDS: dict[str, tuple[str, Check, PageFilter | None]] = {
    "title": ("title", title_ok, None),
    "authors": ("authors", authors_ok, None),
    "authors_none": ("authors", authors_ok, gold_has_no_person_byline),
    "published": ("published", published_ok, None),
    "site_name": ("site_name", site_name_ok, None),
    "dek": ("description", dek_ok, gold_has_dek),
    "dek_null": ("description", dek_ok, lambda g: not gold_has_dek(g)),
    "language": ("language", language_ok, None),
}

META_FIELD_LABELS: dict[str, str] = {
    "title": "title exact (whitespace/case normalised)",
    "authors": "authors exact set",
    "authors_none": "authors, pages with no person byline -> []",
    "published": "published, exact day (or accepted alt day)",
    "site_name": "site name (name or alias)",
    "dek": "description exact, pages showing a dek",
    "dek_null": "description null where no dek is shown",
    "language": "language (ISO 639-1)",
}


def score_meta_page(pred: Mapping[str, object], gold: Mapping[str, object]) -> dict[str, bool]:
    """Per-field correctness for one page. Fields whose page filter excludes this page, or whose
    prediction key the tool does not provide at all, are left out (not counted as wrong)."""
    out: dict[str, bool] = {}
    for field, (key, check, page_filter) in META_FIELDS.items():
        if page_filter is not None and not page_filter(gold):
            continue
        if key not in pred:
            continue
        out[field] = bool(check(pred.get(key), gold))
    return out


def aggregate_meta(per_page: Iterable[Mapping[str, bool]]) -> dict[str, dict[str, float]]:
    """Field -> {accuracy, n}: share of scored pages where the field was right."""
    hits: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    for page in per_page:
        for field, ok in page.items():
            counts[field] += 1
            hits[field] += int(ok)
    return {
        field: {"accuracy": hits[field] / counts[field], "n": counts[field]}
        for field in META_FIELDS
        if counts[field]
    }
