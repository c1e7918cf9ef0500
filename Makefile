# Set-up and everyday commands. Everything runs from .venv, which `make` creates.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
FIXTURE ?= fixtures/text/seed_nyt.txt

#: The compiled build (mypyc, see setup.py): what `pip install .` gives, installed beside the
#: editable one so that the tests and the benchmark can run both.
COMPILED ?= build/compiled
SOURCES := $(shell find src -name '*.py') setup.py pyproject.toml

.PHONY: run test lint bench install install-test install-bench compiled clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'

install-bench: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'

run: install
	$(BIN)/clipclean $(FIXTURE)

# The suite runs on the pure Python sources, then again on the compiled build (skipped, with a
# line saying so, where there is no C compiler; CLIPCLEAN_REQUIRE_COMPILED=1 makes that an error).
# The compiled pass leaves out the orchestration tests (batch, faults, cluster, archives, CLI
# streams: tests/conftest.py ORCHESTRATION), whose code is not compiled and is the same in both.
test: install-test compiled
	$(BIN)/python -m pytest -q
	@if $(IS_COMPILED); then \
		echo "== the tests of the compiled code on the compiled build ($(COMPILED))"; \
		CLIPCLEAN_EXPECT_COMPILED=1 PYTHONPATH=$(COMPILED) $(BIN)/python -m pytest -q -m "not orchestration"; \
	elif [ -n "$$CLIPCLEAN_REQUIRE_COMPILED" ]; then \
		echo "make test: $(COMPILED) is not compiled (no C compiler?)" >&2; exit 1; \
	else \
		echo "== $(COMPILED) is not compiled (no C compiler?): only the pure code was tested"; \
	fi

IS_COMPILED = PYTHONPATH=$(COMPILED) $(BIN)/python -c \
	"import sys, clipclean; sys.exit(not clipclean.COMPILED)"

compiled: $(COMPILED)/.built

# (setuptools' own build/lib and build/bdist go first: a file they kept would be installed.)
$(COMPILED)/.built: $(SOURCES) | $(BIN)/python
	rm -rf $(COMPILED) build/lib.* build/bdist.*
	$(BIN)/python -m pip install --quiet --no-deps --target $(COMPILED) .
	touch $@

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: install-bench compiled
	$(BIN)/python -m bench $(BENCH_ARGS)
	PYTHONPATH=$(COMPILED) $(BIN)/python -m bench.batch_bench

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
