"""The compiled build (mypyc, see setup.py) is the same program as the pure Python code.

``make test`` builds it into ``build/compiled`` and runs the whole suite twice: on the pure
code (the editable install), where the test below compares the two builds' whole output, and
on the compiled one (``CLIPCLEAN_EXPECT_COMPILED=1``), where the first test makes sure it is.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from bench import data as bench_data
from bench.snapshot import diff, snapshot

import clipclean
from clipclean.stages import ORDER
from conftest import ROOT, bench_dir

COMPILED_DIR = bench_data.COMPILED_DIR


def test_the_compiled_run_runs_compiled_code() -> None:
    if os.environ.get("CLIPCLEAN_EXPECT_COMPILED", "") in ("", "0"):
        pytest.skip("not the compiled run (CLIPCLEAN_EXPECT_COMPILED is not set)")
    assert clipclean.COMPILED, f"expected the compiled build, imported {clipclean.__file__}"


def test_stage_descriptions_survive_compilation() -> None:
    # mypyc keeps no docstrings: the compiled build reads them from the installed sources
    assert all(s.description for s in ORDER), [s.name for s in ORDER if not s.description]


def _compiled_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(COMPILED_DIR), str(ROOT)])
    return env


def test_compiled_build_gives_the_same_output() -> None:
    if clipclean.COMPILED:
        pytest.skip("this run is the compiled build: the pure run compares the two")
    state = bench_data.compiled_build_state()
    if state != "fresh":
        pytest.skip(f"compiled build at {COMPILED_DIR}: {state} (`make compiled` makes it)")
    env = _compiled_env()
    probe = "import clipclean, json; print(json.dumps([clipclean.COMPILED, clipclean.__file__]))"
    compiled, where = json.loads(
        subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        ).stdout
    )
    assert compiled, f"the build at {COMPILED_DIR} is not compiled (imported {where})"

    bench = bench_dir()
    suites = (
        "fixtures",
        *(("html", "page", "container") if bench_data.bench_available(bench) else ()),
    )
    out = COMPILED_DIR.parent / "compiled-snapshot.json"
    save = ["save", str(out), "--suite", ",".join(suites), "--bench-dir", str(bench)]
    subprocess.run(
        [sys.executable, "-m", "bench.snapshot", *save],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    theirs = json.loads(out.read_text("utf-8"))
    ours = snapshot(bench, suites)
    assert len(ours) >= 12 and theirs.keys() == ours.keys()
    assert diff(ours, theirs) == []


def test_stages_read_the_same_in_both_builds() -> None:
    if clipclean.COMPILED or bench_data.compiled_build_state() != "fresh":
        pytest.skip("needs the pure run and an up-to-date compiled build")
    code = (
        "import json; from clipclean.stages import ORDER; "
        "print(json.dumps([[s.name, s.description] for s in ORDER]))"
    )
    theirs = subprocess.run(
        [sys.executable, "-c", code],
        env=_compiled_env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(theirs) == [[s.name, s.description] for s in ORDER]
