"""clipclean batch through the CLI (CliRunner) on real folders and the real SQLite state."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import clipclean
from clipclean.batch import BatchConfig, run_batch
from clipclean.batch.report import ConsoleReporter
from clipclean.cli import main
from clipclean.sizes import human_size
from clipclean.stages import ORDER
from conftest import FIXTURES

SEED = (FIXTURES / "text" / "seed_nyt.txt").read_bytes()
HTML = (
    b"<!doctype html><html><head><title>A page</title></head><body><article>"
    + (b"<p>Paragraph of the article, long enough to be kept as body text.</p>" * 5)
    + b"</article></body></html>"
)


def make_tree(root: Path, n: int = 3) -> Path:
    """n distinct text pages, one HTML page and one gzipped HTML page, in nested folders."""
    for i in range(n):
        f = root / "in" / f"d{i % 2}" / f"page{i}.txt"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(SEED + f"\n\nDistinct line {i}.\n".encode())
    (root / "in" / "web.html").write_bytes(HTML)
    (root / "in" / "d1" / "zipped.html.gz").write_bytes(gzip.compress(HTML))
    return root / "in"


def batch(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["batch", *map(str, args)])


def rows(out: Path) -> dict[str, tuple]:
    with sqlite3.connect(out / ".clipclean" / "state.sqlite") as db:
        cur = db.execute("SELECT path, size, mtime_ns, sha256, output, status, error FROM inputs")
        return {os.fsdecode(r[0]): r[1:] for r in cur}


def unstamped(stderr: str) -> list[str]:
    """The lines of a log without their ISO 8601 time (stderr is not a terminal here)."""
    return [
        re.sub(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d ", "", x) for x in stderr.splitlines()
    ]


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime_ns) of every output: a rewrite (atomic rename) changes the inode."""
    return {
        str(p.relative_to(out)): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in out.rglob("*")
        if p.is_file() and ".clipclean" not in p.parts
    }


def test_first_run_writes_every_output_and_records_it(tmp_path: Path) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    r = batch(src, "-o", out, "-j", "2")
    assert r.exit_code == 0, r.output
    assert "5 processed, 0 unchanged, 0 failed" in r.stderr
    assert sorted(stamps(out)) == [
        "d0/page0.json", "d0/page2.json", "d1/page1.json", "d1/zipped.json", "web.json",
    ]  # fmt: skip
    doc = json.loads((out / "d0" / "page0.json").read_text())
    assert (
        doc
        == clipclean.clean((src / "d0" / "page0.txt").read_bytes(), path="d0/page0.txt").to_dict()
    )
    state = rows(out)
    size, _mtime, sha, output, status, error = state["d1/zipped.html.gz"]
    assert (status, error, os.fsdecode(output)) == ("done", None, "d1/zipped.json")
    assert size == (src / "d1" / "zipped.html.gz").stat().st_size
    assert sha == doc_sha(src / "d1" / "zipped.html.gz")
    with sqlite3.connect(out / ".clipclean" / "state.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert not list(out.rglob("*.tmp")), "a temp file was left behind"
    assert doc["source"]["sha256"] == doc_sha(src / "d0" / "page0.txt")  # inputs untouched


def doc_sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_rerun_redoes_nothing(tmp_path: Path) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    assert batch(src, "-o", out).exit_code == 0
    before, state = stamps(out), rows(out)
    r = batch(src, "-o", out)
    assert r.exit_code == 0
    assert "0 processed, 5 unchanged, 0 failed" in r.stderr
    assert stamps(out) == before
    assert rows(out) == state


def test_only_the_changed_input_is_redone(tmp_path: Path) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    assert batch(src, "-o", out).exit_code == 0
    before = stamps(out)
    changed = src / "d1" / "page1.txt"
    changed.write_bytes(SEED.replace(b"Lily Kuo", b"Someone Else"))
    r = batch(src, "-o", out)
    assert r.exit_code == 0
    assert "1 processed, 4 unchanged" in r.stderr
    after = stamps(out)
    assert [k for k in before if before[k] != after[k]] == ["d1/page1.json"]
    assert "Someone Else" in (out / "d1" / "page1.json").read_text()
    assert rows(out)["d1/page1.txt"][2] == doc_sha(changed)


def test_touched_but_identical_input_is_hashed_not_redone(tmp_path: Path) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    assert batch(src, "-o", out).exit_code == 0
    before = stamps(out)
    touched = src / "web.html"
    os.utime(touched, ns=(1_000_000_000, 1_000_000_000))
    r = batch(src, "-o", out)
    assert "0 processed, 5 unchanged" in r.stderr
    assert stamps(out) == before
    assert rows(out)["web.html"][1] == 1_000_000_000  # the new mtime is recorded


def test_new_options_redo_all_and_replace_old_outputs(tmp_path: Path) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    assert batch(src, "-o", out).exit_code == 0
    r = batch(src, "-o", out, "--format", "markdown")
    assert "5 processed, 0 unchanged" in r.stderr
    assert sorted(Path(p).suffix for p in stamps(out)) == [".md"] * 5  # the .json ones went
    stage = ORDER[0].name
    r = batch(src, "-o", out, "--format", "markdown", "--skip-stage", stage)
    assert "5 processed" in r.stderr
    r = batch(src, "-o", out, "--format", "markdown", "--skip-stage", stage)
    assert "0 processed" in r.stderr
    r = batch(src, "-o", out, "--format", "markdown", "--skip-stage", stage, "--force")
    assert "5 processed" in r.stderr


def test_output_deleted_by_hand_is_made_again(tmp_path: Path) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    assert batch(src, "-o", out).exit_code == 0
    (out / "web.json").unlink()
    r = batch(src, "-o", out)
    assert "1 processed, 4 unchanged" in r.stderr
    assert (out / "web.json").is_file()


def test_deleted_input_keeps_its_output_unless_pruned(tmp_path: Path) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    assert batch(src, "-o", out).exit_code == 0
    (src / "web.html").unlink()
    r = batch(src, "-o", out)
    assert r.exit_code == 0
    assert "1 deleted inputs (outputs kept" in r.stderr
    assert (out / "web.json").is_file()
    r = batch(src, "-o", out, "--prune")
    assert "1 outputs of deleted inputs removed" in r.stderr
    assert not (out / "web.json").exists()
    assert "web.html" not in rows(out)


def test_colliding_names_both_survive(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.html").write_bytes(HTML)
    (src / "a.txt").write_bytes(SEED)
    assert batch(src, "-o", out).exit_code == 0
    assert sorted(stamps(out)) == ["a.html.json", "a.txt.json"]
    assert json.loads((out / "a.txt.json").read_text())["authors"] == ["Lily Kuo"]


def test_failures_are_reported_one_line_each_and_the_rest_goes_on(tmp_path: Path) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    (src / "empty.html").write_bytes(b"")
    bad = os.fsencode(src / "d0") + b"/bad\xe9\nname.html.gz"
    with open(bad, "wb") as f:
        f.write(b"\x1f\x8b not really gzip")
    r = batch(src, "-o", out)
    assert r.exit_code == 1
    lines = unstamped(r.stderr)
    assert "clipclean: empty.html: no text (input is empty)" in lines
    assert any(
        line.startswith("clipclean: d0/bad\\xe9\\nname.html.gz: corrupt gzip") for line in lines
    )
    assert "5 processed, 0 unchanged, 2 failed" in r.stderr
    assert rows(out)["empty.html"][4:] == ("rejected", "no text (input is empty)")
    # Unchanged since it failed: not retried, but still reported, and still exit 1.
    r = batch(src, "-o", out)
    assert r.exit_code == 1
    assert "0 processed, 5 unchanged, 2 failed" in r.stderr
    assert "clipclean: empty.html: no text (input is empty) (as before" in r.stderr
    (src / "empty.html").write_bytes(HTML)
    assert "1 processed" in batch(src, "-o", out).stderr


def test_walk_skips_links_fifos_and_the_output_folder(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    out = src / "out"  # inside the input folder: must not be walked
    (src / "link.html").symlink_to(src / "web.html")
    (src / "dangling.html").symlink_to(src / "nowhere.html")
    (src / "loop.html").symlink_to(src / "loop.html")
    (src / "up").symlink_to(src)
    os.mkfifo(src / "pipe.html")
    (src / "folder.html").mkdir()
    (src / "folder.html" / "inner.txt").write_bytes(SEED)
    r = batch(src, "-o", out)
    assert r.exit_code == 0, r.stderr
    notes = r.stderr
    assert "link.html: symbolic link, not followed" in notes
    assert "dangling.html: dangling symbolic link" in notes
    assert "loop.html: symbolic link loop" in notes
    assert "up: symbolic link to a folder, not followed" in notes
    assert "pipe.html: a FIFO, not a regular file" in notes
    assert "folder.html: a folder named like an input" in notes
    assert (out / "folder.html" / "inner.json").is_file()
    assert "6 processed" in r.stderr
    r = batch(src, "-o", out)
    assert "0 processed, 6 unchanged" in r.stderr  # its own outputs were not taken as inputs


def test_include_and_exclude(tmp_path: Path) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    (src / "page.php").write_bytes(HTML)
    r = batch(src, "-o", out, "--include", "*.php", "--include", "*.txt", "--exclude", "d1/*")
    assert r.exit_code == 0
    assert sorted(stamps(out)) == ["d0/page0.json", "d0/page2.json", "page.php.json"]


def test_jsonl_to_stdout_without_an_output_folder(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    r = batch(src, "--jsonl", "-", "-q")
    assert r.exit_code == 0
    assert r.stderr == ""
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert sorted(d["source"]["path"] for d in docs) == [
        "d0/page0.txt", "d0/page2.txt", "d1/page1.txt", "d1/zipped.html.gz", "web.html",
    ]  # fmt: skip
    assert not (src / ".clipclean").exists()


def test_jsonl_file_holds_the_documents_of_this_run(tmp_path: Path) -> None:
    src, out, lines = make_tree(tmp_path), tmp_path / "out", tmp_path / "new.jsonl"
    assert batch(src, "-o", out, "--jsonl", lines).exit_code == 0
    assert len(lines.read_text().splitlines()) == 5
    (src / "web.html").write_bytes(HTML.replace(b"A page", b"Another page"))
    assert batch(src, "-o", out, "--jsonl", lines).exit_code == 0
    [doc] = [json.loads(line) for line in lines.read_text().splitlines()]
    assert doc["title"] == "Another page"


@pytest.mark.parametrize(
    "args",
    [
        ["{src}"],  # neither -o nor --jsonl
        ["{src}", "-o", "{src}"],  # output folder is the input folder
        ["{src}/d0", "-o", "{src}"],  # input inside the output
        ["{src}", "-o", "{out}", "--jobs", "0"],
        ["{src}", "-o", "{out}", "--skip-stage", "nope"],
        ["{missing}", "-o", "{out}"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    src = make_tree(tmp_path)
    names = {"src": src, "out": tmp_path / "out", "missing": tmp_path / "missing"}
    r = batch(*(a.format(**names) for a in args))
    assert r.exit_code == 2, r.output
    assert not (tmp_path / "out" / ".clipclean").exists()


def test_help_documents_exit_codes_and_cron() -> None:
    r = CliRunner().invoke(main, ["batch", "--help"])
    assert r.exit_code == 0
    for text in ("75", "130", "143", "*/10 * * * *", "OnCalendar", "--jsonl", "--timeout"):
        assert text in r.output
    assert "batch" in CliRunner().invoke(main, ["--help"]).output


@pytest.mark.parametrize("no_color", [False, True])
def test_progress_bar_on_a_terminal_and_no_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    src = make_tree(tmp_path)
    (src / "empty.html").write_bytes(b"")
    stream = io.StringIO()
    summary = run_batch(
        BatchConfig(str(src), str(tmp_path / "out"), jobs=1),
        reporter=ConsoleReporter(stream, tty=True),
    )
    shown = stream.getvalue()
    assert summary.processed == 5
    assert "docs/s" in shown and "1 failed" in shown  # the bar, with failures so far
    summary_line = r"clipclean: done in [0-9.]+ s: 5 processed, 0 unchanged, 1 failed, 0 empty\n$"
    assert re.search(summary_line, shown)
    colour = re.search(r"\x1b\[[0-9;]*3[0-9](;[0-9]+)*m", shown)
    assert (colour is None) == no_color


def test_quiet_prints_only_failures(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    (src / "empty.html").write_bytes(b"")
    (src / "link.html").symlink_to(src / "web.html")
    r = batch(src, "-o", tmp_path / "out", "--quiet")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == ["clipclean: empty.html: no text (input is empty)"]


def test_unreadable_folder_is_an_error_and_prunes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    assert batch(src, "-o", out).exit_code == 0
    real_scandir = os.scandir

    def scandir(path: str):  # d1 unreadable, as after chmod 0 (which root ignores)
        if Path(path) == src / "d1":
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr("clipclean.batch.walk.os.scandir", scandir)
    r = batch(src, "-o", out, "--prune")
    assert r.exit_code == 1
    assert "clipclean: d1: cannot read folder: permission denied" in r.stderr
    assert (out / "d1" / "page1.json").is_file()  # its inputs are not taken for deleted


def test_rejected_input_is_not_read_again_until_it_changes(tmp_path: Path) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    big = src / "big.txt"
    big.write_bytes(SEED * 2)
    config = BatchConfig(str(src), str(out), jobs=1, max_bytes=len(SEED) + 100)
    first = run_batch(config)
    limit = human_size(len(SEED) + 100)
    assert first.failed == [("big.txt", f"input over {limit} (see --max-bytes)")]
    size, mtime_ns, _sha, _out, status, _err = rows(out)["big.txt"]
    assert (size, mtime_ns, status) == (big.stat().st_size, big.stat().st_mtime_ns, "rejected")
    again = run_batch(config)
    assert (again.processed, again.unchanged, len(again.failed)) == (0, 5, 1)
    assert again.failed == first.failed and again.as_before == {"big.txt"}  # not re-read
    big.write_bytes(SEED)
    third = run_batch(config)
    assert (third.processed, third.failed) == (1, [])


def test_a_new_collision_renames_the_earlier_output(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "a.html").write_bytes(HTML)
    assert batch(src, "-o", out).exit_code == 0
    assert sorted(stamps(out)) == ["a.json"]
    (src / "a.txt").write_bytes(SEED)
    r = batch(src, "-o", out)
    assert "2 processed" in r.stderr
    assert sorted(stamps(out)) == ["a.html.json", "a.txt.json"]  # a.json is not left stale


def test_changed_clipclean_code_redoes_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, out = make_tree(tmp_path), tmp_path / "out"
    assert batch(src, "-o", out).exit_code == 0
    import clipclean.batch.run as batch_run

    monkeypatch.setattr(batch_run, "code_digest", lambda: "another-code")
    assert "5 processed, 0 unchanged" in batch(src, "-o", out).stderr
    assert "0 processed, 5 unchanged" in batch(src, "-o", out).stderr


def test_code_digest_follows_the_source_files(tmp_path: Path) -> None:
    from clipclean.batch.state import code_digest

    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "a.py").write_text("x = 1\n")
    (pkg / "sub" / "b.json").write_text("{}")
    (pkg / "notes.txt").write_text("not code")
    first = code_digest(pkg)
    assert code_digest(pkg) == first
    (pkg / "notes.txt").write_text("still not code")
    assert code_digest(pkg) == first
    (pkg / "sub" / "b.json").write_text('{"a": 1}')
    assert code_digest(pkg) != first
    assert len(code_digest()) == 16  # the installed package
