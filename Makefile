# Two commands for a fresh machine: `make chat` (set up + local chat harness) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install chat test test-fast golden run sync bench lint clean reader calibrate

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

chat: $(STAMP)
	$(BIN)/article-bot chat

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Everything but the tiers that need the model, PostgreSQL, the Discord emulator or subprocesses (~30 s).
test-fast: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -m "not (model or postgres or e2e or slow)"

# Rewrite tests/golden/ after a change meant to change answers (say which and why in the commit).
golden: $(STAMP)
	$(BIN)/python -m bench.golden --write

run: $(STAMP)
	$(BIN)/article-bot run

sync: $(STAMP)
	$(BIN)/article-bot sync

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench

# Train the reading model from ../shared/data/squad-reader (about an hour on 2 cores; resumes if killed),
# export it to models/reader/ as int8 ONNX with its manifest; then choose its thresholds on held-out titles.
reader: $(STAMP)
	nice $(BIN)/python -m training all

calibrate: $(STAMP)
	$(BIN)/python -m bench.reader_calibration

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache
