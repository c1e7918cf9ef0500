"""The command line, driven through CliRunner (and a few real subprocesses of the installed tool)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner

from clipclean.cli import main
from clipclean.stages import ORDER

SEED_TITLE = "How Xi Is Using a TikTok Tradeoff to Court Trump"
SCHEMA = json.loads(resources.files("clipclean").joinpath("schema.json").read_text("utf-8"))


@pytest.fixture
def seed_file(tmp_path: Path, seed_bytes: bytes) -> Path:
    p = tmp_path / "seed.txt"
    p.write_bytes(seed_bytes)
    return p


def invoke(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_stdin_to_json_matches_the_schema(seed_bytes: bytes) -> None:
    result = invoke(stdin=seed_bytes)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, SCHEMA)
    assert doc["title"] == SEED_TITLE
    assert "removed" not in doc
    assert doc["source"]["path"] is None and doc["source"]["kind"] == "text"


def test_file_argument_and_explain(seed_file: Path) -> None:
    result = invoke("--explain", str(seed_file))
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    jsonschema.validate(doc, SCHEMA)
    assert doc["source"]["path"] == str(seed_file)
    stages = {r["stage"] for r in doc["removed"]}
    assert {"timestamps", "captions", "bylines", "separators"} <= stages


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown", "text"])
def test_every_format_carries_the_body(seed_file: Path, fmt: str) -> None:
    result = invoke("-f", fmt, str(seed_file))
    assert result.exit_code == 0
    out = result.stdout
    assert "For years, Chinese officials denounced" in out
    assert "Olahraga" not in out and "Read Entire Article" not in out
    if fmt == "jsonl":
        assert out.count("\n") == 1
    if fmt == "markdown":
        assert out.startswith("---\n") and f"# {SEED_TITLE}" in out


def test_several_inputs_give_one_output_each(seed_file: Path) -> None:
    lines = invoke("-f", "jsonl", str(seed_file), str(seed_file)).stdout.splitlines()
    assert [json.loads(x)["title"] for x in lines] == [SEED_TITLE, SEED_TITLE]
    text = invoke("-f", "text", str(seed_file), str(seed_file)).stdout
    assert text.count("\f\n") == 1
    stream = invoke(str(seed_file), str(seed_file)).stdout
    docs = list(json.JSONDecoder().raw_decode(stream, i)[0] for i in (0, stream.index("\n{") + 1))
    assert [d["title"] for d in docs] == [SEED_TITLE, SEED_TITLE]


def test_output_file_is_written_whole(seed_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "article.md"
    out.parent.mkdir()
    out.write_text("old")
    result = invoke("-f", "markdown", "-o", str(out), str(seed_file))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text("utf-8").startswith("---\n")
    assert sorted(p.name for p in out.parent.iterdir()) == ["article.md"]  # no temp file left


def test_skip_stage_turns_a_rule_off(seed_file: Path) -> None:
    # the footer row is also outside the article run and after its last prose, so those
    # rules are turned off too
    skip = ("--skip-stage", "separators", "--skip-stage", "outside_article")
    skip += ("--skip-stage", "article_tail")
    doc = json.loads(invoke(*skip, str(seed_file)).stdout)
    assert doc["blocks"][-1]["text"] == "Olahraga Sehat| | | |"
    doc = json.loads(invoke("--skip-stage", "title", str(seed_file)).stdout)
    assert doc["title"] is None


def test_unknown_stage_is_a_usage_error_listing_the_valid_ones(seed_file: Path) -> None:
    result = invoke("--skip-stage", "nonsense", str(seed_file))
    assert result.exit_code == 2
    assert "nonsense" in result.stderr and "timestamps" in result.stderr


def test_bad_inputs_get_one_line_each_and_the_rest_goes_on(seed_file: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    result = invoke("-f", "jsonl", str(missing), str(empty), str(seed_file))
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"clipclean: {missing}: no such file",
        f"clipclean: {empty}: no text (input is empty)",
    ]
    assert json.loads(result.stdout)["title"] == SEED_TITLE
    assert "Traceback" not in result.output


def test_directory_argument_is_an_input_error(tmp_path: Path) -> None:
    result = invoke(str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"clipclean: {tmp_path}: is a directory; for a folder: clipclean batch {tmp_path} -o OUT_DIR"
    )


def test_stages_lists_every_stage_in_order() -> None:
    result = invoke("stages")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == [s.name for s in ORDER]
    assert all(s.description for s in ORDER)


def test_every_command_is_documented() -> None:
    top = invoke("--help")
    assert top.exit_code == 0 and "Exit codes" in top.stdout
    for name, command in main.commands.items():
        assert name in top.stdout
        assert command.help, f"{name} has no help text"
        sub = invoke(name, "--help")
        assert sub.exit_code == 0
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts} has no help"


def test_readme_documents_every_command_and_format() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    for name in main.commands:
        assert f"clipclean {name}" in readme or name == "clean"
    for word in ("make run", "make test", "--explain", "-f markdown", "Exit codes"):
        assert word in readme


# -- real subprocesses of the installed command ---------------------------------------------
def _installed() -> list[str]:
    exe = shutil.which("clipclean", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "clipclean"]


def test_installed_command_in_a_pipe(seed_bytes: bytes) -> None:
    proc = subprocess.run(
        [*_installed(), "-f", "text"], input=seed_bytes, capture_output=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode("utf-8").startswith("For years, Chinese officials denounced")
    assert proc.stderr == b""


def test_python_dash_m_reports_errors_without_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "clipclean", str(tmp_path / "nope.html")],
        capture_output=True,
        timeout=60,
        env=env,
    )
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == f"clipclean: {tmp_path / 'nope.html'}: no such file"
    proc = subprocess.run(
        [*_installed(), "--format", "yaml"], input=b"x", capture_output=True, timeout=60
    )
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
