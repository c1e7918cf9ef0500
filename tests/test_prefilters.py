"""The cheap pre-checks in front of the stages' patterns never turn away a line the pattern
would take: each is meant to change speed only. Lines are generated from the patterns
themselves (hypothesis ``from_regex``), so a new alternative that the pre-check does not know
fails here rather than silently on some page."""

from __future__ import annotations

import re
from importlib import import_module

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clipclean.scan import ASCII_FOLDS, starts_like

# (the modules, not the stage functions ``clipclean.stages`` exports under the same names)
bylines, contributors, placeholders, related, tags = (
    import_module(f"clipclean.stages.{name}")
    for name in ("bylines", "contributors", "placeholders", "related", "tags")
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


def matches(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Single-line strings the pattern matches from their start."""
    return st.from_regex(pattern).filter(lambda s: "\n" not in s and pattern.match(s) is not None)


@SETTINGS
@given(matches(related.RELATED_HEAD) | matches(related.LINK_MARKED))
def test_related_pre_check_passes_every_related_line(text: str) -> None:
    assert starts_like(text, related._HEADS) or text[:1] in related._BRACKETS


@SETTINGS
@given(matches(tags.TAGS_HEAD) | matches(tags.TAGS_INLINE))
def test_tags_pre_check_passes_every_tags_line(text: str) -> None:
    assert starts_like(text, tags._HEADS)


@SETTINGS
@given(matches(placeholders.PLACEHOLDER))
def test_placeholder_pre_check_passes_every_placeholder(text: str) -> None:
    assert placeholders._may_be_placeholder(text)


@SETTINGS
@given(matches(bylines.BY_PREFIX))
def test_by_prefix_pre_check_passes_every_byline(text: str) -> None:
    assert bylines.by_prefix(text) is not None


def test_ascii_folds_are_what_re_ignorecase_folds_to_ascii_letters() -> None:
    """``starts_like`` lets a line through when it opens with one of these: that is only
    right while they are exactly the non-ASCII characters ``re.I`` matches to a-z."""
    letter = re.compile(r"[a-z]", re.I).fullmatch
    folded = {chr(c) for c in range(128, 0x110000) if letter(chr(c))}
    assert folded == set(ASCII_FOLDS)


@SETTINGS
@given(
    matches(contributors.REPORTING_BY)
    | matches(contributors.EDITING_BY)
    | matches(contributors.OTHER_CREDIT)
)
def test_contributor_pre_check_passes_every_credit(text: str) -> None:
    assert text[:2] in contributors._OPENERS or text[:1] == "("
