# beslut: two commands on a fresh machine: `make serve` and `make test`.
# Each installs what it needs: a virtualenv with the package, and Debian's chromium for browser tests.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SITE   ?= .
OUT    ?= public
PORT   ?= 8000

.PHONY: install build serve test lint bench browser clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Build the demo site into public/.
build: install
	$(BIN)/beslut build $(SITE) --out $(OUT)

## Build the demo site and serve it on http://127.0.0.1:$(PORT)/ (rebuilds on every save).
serve: install
	$(BIN)/beslut serve $(SITE) --port $(PORT)

## Debian's chromium for the browser tests (the only browser we use; nothing is downloaded by Playwright).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

## Run every test: unit, integration, invalid-content suite, browser.
test: install browser
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy generator
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy generator

bench: install
	$(BIN)/python bench/build_bench.py

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
