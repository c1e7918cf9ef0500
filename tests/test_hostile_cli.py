"""Hostile input and hostile streams through the real command: one-line errors, exit codes,
no traceback, input files never changed."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from clipclean.cli import Environment, Exit, clean_files, main

PROSE = "The council voted on Tuesday to approve the new budget for the coming year.\n\n"
CMD = [sys.executable, "-m", "clipclean"]


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CMD, *args], capture_output=True, timeout=120, **kwargs)  # type: ignore[call-overload]


def test_binary_named_html_is_one_line_error_exit_1(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    before = hashlib.sha256(page.read_bytes()).hexdigest()
    result = run([str(page)])
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode() == f"clipclean: {page}: binary input (PNG image)\n"
    assert hashlib.sha256(page.read_bytes()).hexdigest() == before


def test_binary_stdin_is_an_error() -> None:
    result = run([], input=os.urandom(10_000))
    assert result.returncode == 1
    assert result.stderr.decode().startswith("clipclean: <stdin>: binary input")


def test_empty_stdin() -> None:
    result = run(["-"], input=b"")
    assert (result.returncode, result.stderr) == (
        1,
        b"clipclean: <stdin>: no text (input is empty)\n",
    )


def test_max_bytes_option(tmp_path: Path) -> None:
    page = tmp_path / "a.txt"
    page.write_bytes(PROSE.encode() * 100)
    runner = CliRunner()
    ok = runner.invoke(main, [str(page), "--max-bytes", "1M", "-f", "text"])
    assert ok.exit_code == 0
    small = runner.invoke(main, [str(page), "--max-bytes", "1K"])
    assert small.exit_code == 1 and "input over 1 KB (see --max-bytes)" in small.output
    bad = runner.invoke(main, [str(page), "--max-bytes", "lots"])
    assert bad.exit_code == 2


def test_closed_pipe_ends_quietly() -> None:
    """`clipclean big.html | head -1`: the reader is gone before the write; no message."""
    proc = subprocess.Popen(
        [*CMD, "-f", "text"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdout.close()  # no reader left: the write must fail with EPIPE
    _, err = proc.communicate((PROSE * 2000).encode(), timeout=120)
    assert (proc.returncode, err) == (141, b"")


def test_closed_pipe_in_process() -> None:
    class Closed(io.StringIO):
        def write(self, s: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    err = io.StringIO()
    env = Environment(stdin=io.BytesIO(PROSE.encode()), stdout=Closed(), stderr=err)
    code = clean_files(
        (), fmt="text", output=None, explain=False, skip=(), kind=None, url=None, env=env
    )
    assert code == Exit.BROKEN_PIPE and err.getvalue() == ""


def test_dev_full_is_a_one_line_error(tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    page = tmp_path / "a.txt"
    page.write_text(PROSE * 10)
    with open("/dev/full", "w") as full:
        result = subprocess.run([*CMD, str(page)], stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert result.returncode == 1
    assert result.stderr.decode() == "clipclean: <stdout>: No space left on device\n"


def test_strange_file_names_are_escaped(tmp_path: Path) -> None:
    odd = os.fsdecode(b"new\nline-\xff-\x1b[31m.html")
    (tmp_path / odd).write_bytes(b"")
    result = run([odd], cwd=tmp_path)
    assert result.returncode == 1
    err = result.stderr.decode()
    assert err.count("\n") == 1 and "\x1b" not in err
    assert err == "clipclean: new\\nline-\\xff-\\x1b[31m.html: no text (input is empty)\n"


def test_strange_file_name_in_json_output(tmp_path: Path) -> None:
    odd = os.fsdecode(b"caf\xe9-\x01.txt")
    (tmp_path / odd).write_text(PROSE)
    result = run([odd, "-f", "jsonl"], cwd=tmp_path)
    assert result.returncode == 0
    assert b'"path":"caf\\\\xe9-\\\\x01.txt"' in result.stdout


def test_names_that_look_like_options(tmp_path: Path) -> None:
    (tmp_path / "--help").write_text(PROSE)
    (tmp_path / "-f").write_text(PROSE)
    result = run(["-f", "text", "--", "--help", "-f"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().count("The council voted") == 2


def test_no_traceback_for_a_mix_of_bad_inputs(tmp_path: Path) -> None:
    files = {
        "empty.html": b"",
        "nul.txt": b"\x00" * 100,
        "elf.html": b"\x7fELF" + bytes(100),
        "bomb.gz": b"\x1f\x8b\x08\x00" + os.urandom(100),
        "good.txt": PROSE.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    names = [*sorted(files), "missing.txt", "."]
    result = run(names, cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err
    assert len(err.splitlines()) == len(names) - 1
    assert b"The council voted" in result.stdout
