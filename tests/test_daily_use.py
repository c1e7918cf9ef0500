"""Daily use (issue 16): pipes that stream, cron that stays quiet, a batch you can ask about,
and an article with no text as an error (issue 11).

Timing and terminals are tested on real processes: "the first line arrives before the run
ends" holds the run open on a FIFO that has no writer yet and reads the first line from the
pipe; the terminal cases give the process a pty.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import pty
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from clipclean.batch import BatchConfig, run_batch
from clipclean.batch.pool import run_jobs
from clipclean.batch.report import ConsoleReporter, duration
from clipclean.batch.state import State
from clipclean.batch.stop import Stop
from clipclean.batch.work import Job, process
from clipclean.cli import main
from clipclean.sizes import human_size, parse_size
from clipclean.stages import ORDER
from conftest import FIXTURES

SEED = (FIXTURES / "text" / "seed_nyt.txt").read_bytes()
#: A page where nothing is an article: a title and a menu.
NO_TEXT = (
    b"<html><head><title>T</title></head><body><nav><a href='/a'>Home</a> "
    b"<a href='/b'>World</a></nav></body></html>"
)
STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d clipclean: ")
CLI = [sys.executable, "-m", "clipclean"]


def pages(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"p{i:02d}.txt"
        p.write_bytes(SEED + f"\n\nDistinct closing line number {i}.\n".encode())
        out.append(p)
    return out


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


# --- pipes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_first_line_arrives_before_the_run_ends(tmp_path: Path, jobs: str) -> None:
    files = pages(tmp_path, 2)
    fifo = tmp_path / "last.txt"
    os.mkfifo(fifo)  # the run cannot end before something writes to it
    proc = subprocess.Popen(
        [*CLI, "-f", "jsonl", "--jobs", jobs, *map(str, files), str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )

    def feed() -> None:
        with open(fifo, "wb") as w:
            w.write(SEED)

    # Not a time limit: a safety net that lets a run which holds its output end, so that the
    # test fails (the line came only after the last input was fed) instead of hanging.
    net = threading.Timer(120, feed)
    net.start()
    try:
        first = proc.stdout.readline()  # type: ignore[union-attr]
        assert not net.finished.is_set(), "the first line came only after the last input"
        net.cancel()
        assert json.loads(first)["source"]["path"] == str(files[0])
        assert proc.poll() is None  # still waiting for the last input
        feed()
        rest = proc.stdout.read().splitlines()  # type: ignore[union-attr]
    finally:
        net.cancel()
        proc.kill() if proc.poll() is None else None
    assert proc.wait(30) == 0
    paths = [json.loads(x)["source"]["path"] for x in [first, *rest]]
    assert paths == [str(files[0]), str(files[1]), str(fifo)]  # input order


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_keeps_what_was_written_and_exits_130(tmp_path: Path, jobs: str) -> None:
    files = pages(tmp_path, 1)
    fifo = tmp_path / "never.txt"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [*CLI, "-f", "jsonl", "--jobs", jobs, str(files[0]), str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # (as from a terminal: a suite run in the background of a script inherits SIGINT
        # ignored, and Python then leaves it ignored, as every Unix tool does)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    net = threading.Timer(120, proc.kill)  # a run that holds its output would hang the test
    net.start()
    first = proc.stdout.readline()  # type: ignore[union-attr]
    net.cancel()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert json.loads(first)["title"] and out == b""  # the document written stays whole
    assert b"Aborted" not in err and b"Traceback" not in err


def test_jobs_keep_input_order_and_output(tmp_path: Path) -> None:
    files = pages(tmp_path, 6)
    (tmp_path / "bad.txt").write_bytes(b"")
    names = [*map(str, files[:3]), str(tmp_path / "bad.txt"), *map(str, files[3:])]
    one, three = invoke("-f", "jsonl", *names), invoke("-f", "jsonl", "-j", "3", *names)
    assert one.exit_code == three.exit_code == 1
    assert one.stdout == three.stdout and one.stdout.count("\n") == 6
    assert (
        one.stderr
        == three.stderr
        == f"clipclean: {tmp_path / 'bad.txt'}: no text (input is empty)\n"
    )


def _on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run with stdin on a pty (a person at a terminal); the exit status and stderr."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            args, stdin=follower, capture_output=True, text=True, timeout=60, check=False
        )
    finally:
        os.close(follower)
        os.close(leader)
    return proc.returncode, proc.stderr


@pytest.mark.parametrize("args", [[], ["clean"], ["-f", "text"]])
def test_no_input_on_a_terminal_prints_the_usage(args: list[str]) -> None:
    code, err = _on_a_terminal([*CLI, *args])  # would hang on the terminal without the fix
    assert code == 2
    assert "Usage:" in err and "clipclean page.html" in err


def test_stdin_that_is_a_pipe_still_works() -> None:
    proc = subprocess.run([*CLI, "-f", "text"], input=SEED, capture_output=True, check=False)
    assert proc.returncode == 0 and b"Chinese officials" in proc.stdout


def test_stages_one_clean_line_each() -> None:
    lines = invoke("stages").stdout.splitlines()
    assert len(lines) == len(ORDER)
    for line, stage in zip(lines, ORDER, strict=True):
        assert line.startswith(stage.name) and "``" not in line
        assert line.rstrip().endswith((".", ")")), line  # a whole sentence, not cut off
    contributors = next(x for x in lines if x.startswith("contributors"))
    assert "an author is not also a contributor" in contributors


def test_sizes_are_human() -> None:
    assert [human_size(n) for n in (52428800, 1536, 1024, 100, 2 * 2**30)] == [
        "50 MB",
        "1.5 KB",
        "1 KB",
        "100 bytes",
        "2 GB",
    ]
    assert parse_size("50M") == 52428800 and parse_size("2g") == 2 * 2**30
    with pytest.raises(ValueError):
        parse_size("lots")


def test_default_size_limit_message_is_human(tmp_path: Path) -> None:
    big = tmp_path / "big.txt.gz"
    big.write_bytes(gzip.compress(b"word " * (11 * 2**20)))  # 55 MB once decompressed
    r = invoke(big)
    assert r.exit_code == 1
    assert r.stderr == f"clipclean: {big}: decompressed input over 50 MB (see --max-bytes)\n"


# --- no article text (issue 11) -------------------------------------------------------------


def test_no_article_text_is_an_error_and_the_others_go_on(tmp_path: Path) -> None:
    empty, good = tmp_path / "menu.html", pages(tmp_path, 1)[0]
    empty.write_bytes(NO_TEXT)
    r = invoke("-f", "jsonl", empty, good)
    assert r.exit_code == 1
    assert r.stderr == f"clipclean: {empty}: no article text found\n"
    assert json.loads(r.stdout)["source"]["path"] == str(good)
    allowed = invoke("-f", "jsonl", "--allow-empty", empty)
    assert allowed.exit_code == 0
    doc = json.loads(allowed.stdout)
    assert doc["body"] == "" and doc["title"] == "T"  # metadata only, on request


def test_no_article_text_in_batch_is_counted_as_empty(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    pages(src, 2)
    (src / "menu.html").write_bytes(NO_TEXT)
    r = invoke("batch", src, "-o", out)
    assert r.exit_code == 1  # OUT_DIR is not complete
    assert "clipclean: menu.html: no article text found" in r.stderr
    assert "2 processed, 0 unchanged, 0 failed, 1 empty" in r.stderr
    with sqlite3.connect(out / ".clipclean" / "state.sqlite") as db:
        rows = dict(db.execute("SELECT CAST(path AS TEXT), status FROM inputs"))
    assert rows == {"menu.html": "empty", "p00.txt": "done", "p01.txt": "done"}
    assert not (out / "menu.json").exists()
    again = invoke("batch", src, "-o", out)  # not tried again until it changes
    assert "0 processed, 2 unchanged, 0 failed, 1 empty" in again.stderr
    allowed = invoke("batch", src, "-o", out, "--allow-empty")
    assert allowed.exit_code == 0 and json.loads((out / "menu.json").read_text())["body"] == ""


def test_state_of_schema_1_is_migrated_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite"
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE inputs (path BLOB PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER"
            " NOT NULL, sha256 TEXT, fingerprint TEXT NOT NULL, output BLOB, status TEXT NOT NULL"
            " CHECK (status IN ('done', 'rejected', 'failed')), error TEXT, duration REAL,"
            " updated REAL NOT NULL) WITHOUT ROWID"
        )
        db.execute(
            "INSERT INTO inputs VALUES (?, 1, 2, 'h', 'fp', ?, 'done', NULL, 0.1, 0)",
            (b"a.html", b"a.json"),
        )
        db.execute("PRAGMA user_version=1")
    state = State(path)
    assert state.rows()["a.html"].output == "a.json"
    state.put(state.rows()["a.html"].__class__("b.html", 1, 2, None, "fp", None, "empty", "x"))
    state.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 2
        assert db.execute("SELECT count(*) FROM inputs").fetchone()[0] == 2


# --- cron -----------------------------------------------------------------------------------


def bad_tree(root: Path) -> Path:
    """Two good pages and three bad inputs: empty, corrupt gzip, no article text."""
    src = root / "in"
    pages(src, 2)
    (src / "empty.html").write_bytes(b"")
    (src / "broken.html.gz").write_bytes(b"\x1f\x8b not gzip")
    (src / "menu.html").write_bytes(NO_TEXT)
    return src


def test_quiet_prints_only_what_is_new(tmp_path: Path) -> None:
    src, out = bad_tree(tmp_path), tmp_path / "out"
    first = invoke("batch", src, "-o", out, "--quiet")
    assert first.exit_code == 1
    lines = sorted(first.stderr.splitlines())
    assert lines[0].startswith("clipclean: broken.html.gz: corrupt gzip data")
    assert lines[1:] == [
        "clipclean: empty.html: no text (input is empty)",
        "clipclean: menu.html: no article text found",
    ]
    second = invoke("batch", src, "-o", out, "--quiet")
    assert (second.exit_code, second.stderr) == (1, "")  # nothing new: nothing to mail
    (src / "new.txt").write_bytes(b"")
    third = invoke("batch", src, "-o", out, "--quiet")
    assert third.exit_code == 1
    assert third.stderr.splitlines() == ["clipclean: new.txt: no text (input is empty)"]
    (src / "empty.html").write_bytes(SEED)  # fixed: nothing to say, one failure fewer
    fourth = invoke("batch", src, "-o", out, "--quiet")
    assert (fourth.exit_code, fourth.stderr) == (1, "")


def test_log_lines_carry_the_time_and_the_summary_how_long(tmp_path: Path) -> None:
    src, out, log = bad_tree(tmp_path), tmp_path / "out", tmp_path / "run.log"
    r = invoke("batch", src, "-o", out)  # stderr is not a terminal: a log
    lines = r.stderr.splitlines()
    assert lines and all(STAMP.match(x) for x in lines)
    assert re.search(
        r"clipclean: done in [0-9.]+ s: 2 processed, 0 unchanged, 2 failed, 1 empty$", lines[-1]
    )
    q = invoke("batch", src, "-o", out, "--quiet", "--log", log)
    assert q.stderr == ""
    logged = log.read_text().splitlines()
    assert len(logged) == 4 and all(STAMP.match(x) for x in logged)  # 3 failures + summary
    assert "(as before; the input has not changed)" in logged[0]
    stream = io.StringIO()
    run_batch(BatchConfig(str(src), str(out)), reporter=ConsoleReporter(stream, tty=True))
    assert not STAMP.match(stream.getvalue())  # a person at a terminal: no times
    assert [duration(x) for x in (0.413, 192, 7500)] == ["0.41 s", "3 min 12 s", "2 h 05 min"]


# --- a batch you can ask about --------------------------------------------------------------


def test_status_counts_last_run_and_failed(tmp_path: Path) -> None:
    src, out = bad_tree(tmp_path), tmp_path / "out"
    invoke("batch", src, "-o", out)
    (src / "later.txt").write_bytes(SEED)
    r = invoke("status", out)
    assert r.exit_code == 0
    head, last = r.stdout.splitlines()
    assert head == f"{out}: 2 done, 2 rejected, 1 empty, 0 failed, 1 pending"
    assert last.startswith("last run: ") and "2 processed" in last
    listed = invoke("status", out, "--failed").stdout.splitlines()[2:]
    assert listed[0].startswith("broken.html.gz: rejected: corrupt gzip data")
    assert listed[1:] == [
        "empty.html: rejected: no text (input is empty)",
        "menu.html: empty: no article text found",
    ]
    doc = json.loads(invoke("status", out, "--failed", "-f", "json").stdout)
    assert doc["counts"] == {"done": 2, "rejected": 2, "empty": 1, "failed": 0, "pending": 1}
    assert doc["last_run"]["processed"] == 2 and doc["last_run"]["seconds"] >= 0
    assert [f["path"] for f in doc["failed"]] == ["broken.html.gz", "empty.html", "menu.html"]
    none = invoke("status", tmp_path)
    assert none.exit_code == 1 and "no batch state here" in none.stderr


def test_retry_failed_redoes_only_those(tmp_path: Path) -> None:
    src, out = bad_tree(tmp_path), tmp_path / "out"
    invoke("batch", src, "-o", out)
    (src / "later.txt").write_bytes(SEED)
    (src / "menu.html").touch()  # same content: a plain run would not redo it
    r = invoke("batch", src, "-o", out, "--retry-failed")
    assert "0 processed, 2 unchanged, 2 failed, 1 empty" in r.stderr
    assert "1 new or changed inputs left (--retry-failed)" in r.stderr
    assert "(as before" not in r.stderr  # tried again, not taken from the record
    assert not (out / "later.json").exists()
    assert invoke("batch", src, "--jsonl", "-", "--retry-failed").exit_code == 2  # needs -o


def test_gzip_of_every_kind_and_the_rest_counted_once(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt.gz", "b.htm.gz", "c.xhtml.gz", "d.text.gz", "e.html.gz"):
        (src / name).write_bytes(gzip.compress(SEED + name.encode()))
    for name in ("README", "story-12345", "notes.md"):
        (src / name).write_bytes(SEED)
    r = invoke("batch", src, "-o", tmp_path / "out")
    assert r.exit_code == 0
    assert "5 processed" in r.stderr
    assert r.stderr.count("3 other files not selected; see --include") == 1
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == [
        "a.json",
        "b.json",
        "c.json",
        "d.json",
        "e.json",
    ]
    everything = invoke("batch", src, "-o", tmp_path / "all", "--include", "*")
    assert "8 processed" in everything.stderr and "not selected" not in everything.stderr


def slow_first(job: Job) -> object:
    """The first inputs in name order take longest, so they finish last."""
    if job.rel < "p02":
        time.sleep(0.5)
    return process(job)


def test_jsonl_is_in_input_order(tmp_path: Path) -> None:
    src = tmp_path / "in"
    pages(src, 5)
    lines: list[str] = []
    run_batch(BatchConfig(str(src), None, jobs=2), jsonl=lines.append, process=slow_first)
    paths = [json.loads(x)["source"]["path"] for x in lines]
    assert paths == sorted(paths) and len(paths) == 5


def lxml_out_of_memory(job: object) -> object:
    """What lxml does when malloc fails under the cap: its own error, not MemoryError."""
    from lxml import etree

    held = []
    try:
        while True:
            held.append(bytearray(8 * 2**20))
    except MemoryError:
        pass
    raise etree.XPathEvalError("unknown error")


def lxml_bug(job: object) -> object:
    from lxml import etree

    raise etree.XPathEvalError("unknown error")


@pytest.mark.parametrize(
    ("fn", "error"),
    [
        (lxml_out_of_memory, "memory limit"),
        (lxml_bug, "internal error: XPathEvalError: unknown error"),
    ],
)
def test_a_memory_failure_says_memory_limit(fn: object, error: str) -> None:
    done = list(
        run_jobs(fn, ["doc"], workers=1, timeout=60, memory_bytes=512 * 2**20, stop=Stop())  # type: ignore[arg-type]
    )
    assert [d.error for d in done] == [error]
