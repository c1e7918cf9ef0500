# Set-up and everyday commands. Everything runs from .venv, which `make` creates.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
FIXTURE ?= fixtures/text/seed_nyt.txt

.PHONY: run test lint bench install install-test install-bench clean

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

test: install-test
	$(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: install-bench
	$(BIN)/python -m bench $(BENCH_ARGS)
	$(BIN)/python -m bench.batch_bench

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
