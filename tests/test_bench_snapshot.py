"""bench.snapshot: the diff names each changed document and field, and only those."""

from __future__ import annotations

from bench.snapshot import diff


def test_identical_snapshots_have_no_difference() -> None:
    doc = {"title": "A", "body": "b", "removed": [{"stage": "tags", "text": "x"}]}
    assert diff({"text:1": doc}, {"text:1": dict(doc)}) == []


def test_changed_fields_and_documents_are_named() -> None:
    old = {"text:1": {"title": "A", "body": "b"}, "html:2": {"title": "C"}}
    new = {"text:1": {"title": "A", "body": "B"}, "html:3": {"title": "C"}}
    assert diff(old, new) == ["html:2: gone", "html:3: added", "text:1: body"]


def test_long_lists_are_cut_with_a_count() -> None:
    old = {f"page:{i}": {"body": "a"} for i in range(12)}
    new = {f"page:{i}": {"body": "b"} for i in range(12)}
    lines = diff(old, new, show=3)
    assert lines[-1] == "... and 9 more" and len(lines) == 4
