# Two commands for a fresh machine: `make chat` (set up + local chat harness) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install chat test run sync bench lint clean

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

run: $(STAMP)
	$(BIN)/article-bot run

sync: $(STAMP)
	$(BIN)/article-bot sync

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache
