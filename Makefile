# Two commands matter: `make demo` and `make test`. Both create .venv on a fresh
# machine (only python3 and make needed) and install the project into it.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The extras every test needs (the same for make test, test-pythons and sdist-test).
EXTRAS := dev,docs,server

.PHONY: bytecode demo test lint typecheck pytest bench bench-server fuzz seeds data docs clean test-pythons sdist sdist-test system-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $(STAMP)

# The main job on a bundled example: eligibility (Art. 9-11), then who decides and where to
# file (Art. 12), then a deadline explained day by day across the 2026 New Year swap.
demo: $(STAMP) bytecode
	@$(BIN)/sandbox-rules assess examples/org-hanoi-one-source.yaml
	@echo
	@$(BIN)/sandbox-rules route examples/org-hanoi-one-source.yaml
	@echo
	@$(BIN)/sandbox-rules dossier examples/org-hanoi-one-source.yaml
	@echo
	@$(BIN)/sandbox-rules deadline 2026-01-01 --working-days 3 --explain

lint: $(STAMP)
	$(BIN)/ruff check sandbox_rules tests benchmarks scripts fuzz
	$(BIN)/ruff format --check sandbox_rules tests benchmarks scripts fuzz

typecheck: $(STAMP)
	$(BIN)/mypy sandbox_rules

# The report's browser and PDF checks use the system's Chromium and pdftotext, and WeasyPrint
# needs Pango: installed with apt-get when root (a no-op when present); otherwise those tests
# are skipped and say why.
SYSTEM_PKGS := chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
system-deps:
	@if dpkg -s $(SYSTEM_PKGS) >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing $(SYSTEM_PKGS) with apt-get"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends $(SYSTEM_PKGS) >/dev/null; \
	else echo "note: not root, $(SYSTEM_PKGS) not installed: browser/PDF checks will skip"; fi

# Bytecode for the package, written even where PYTHONDONTWRITEBYTECODE is set (as on this
# project's machines): without it every `sandbox-rules` process the tests start compiles the
# whole package again (about twice the cost of the run). Only changed modules are recompiled.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q -j 0 sandbox_rules

# Every test, the slow ones too (plain `pytest` leaves out those marked slow: see pyproject).
pytest: $(STAMP) system-deps bytecode
	$(BIN)/python -m pytest -m "slow or not slow"

test: lint typecheck pytest

# durable-rules comes with the dev extra (Python <= 3.12); without it its comparison is skipped.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/records.py

# Every Hypothesis test under SEEDS different seeds (issue 9: the suite passes for any seed).
SEEDS ?= 20
seeds: $(STAMP)
	@for s in $$(seq 1 $(SEEDS)); do \
	  out=$$(PYTHONPATH=scripts $(BIN)/python -m pytest -p no:cacheprovider -p hypothesis_only -o addopts="" -q tests/ --hypothesis-seed=$$s 2>&1) || { echo "$$out"; echo "seed $$s FAILED"; exit 1; }; \
	  echo "seed $$s: $$(echo "$$out" | tail -1)"; \
	done

# Fuzzing: malformed inputs over the public API (100,000 by default; FUZZ_INPUTS=n) and the
# table of bad CLI invocations (fuzz/cli_table.py); prints counts, fails on any problem.
fuzz: $(STAMP)
	$(BIN)/python fuzz/run.py
# Load on the HTTP service: 2 workers on 127.0.0.1, wrk for 30 s a run (1 and 8 clients);
# wrk comes from Debian (installed here when root). BENCH_SECONDS=10 for a shorter run.
BENCH_SECONDS ?= 30
bench-server: $(STAMP)
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq wrk >/dev/null; } || { echo "bench-server needs wrk (apt-get install wrk)"; exit 1; }
	$(BIN)/python benchmarks/server.py --seconds $(BENCH_SECONDS)

# Regenerate the shipped package data from its sources (law text, official calendar table,
# the JSON mirrors of the TOML tables).
data: $(STAMP)
	$(BIN)/python -m sandbox_rules.mirrors
	$(BIN)/python -m sandbox_rules.law.build
	$(BIN)/python -m sandbox_rules.calendar.build

# Regenerate the pages derived from the code, then build the site strictly into build/site.
docs: $(STAMP)
	$(BIN)/python scripts/gen_docs.py
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

# The suite on other supported Pythons, each in its own venv (skipped with a notice if absent).
test-pythons:
	EXTRAS=$(EXTRAS) sh scripts/test_pythons.sh 3.12 3.13

# The source distribution, and its own tests run from an unpacked copy in a fresh venv.
sdist: $(STAMP)
	$(BIN)/python -m build --sdist --no-isolation --outdir dist .

sdist-test: sdist
	rm -rf build/sdist-test && mkdir -p build/sdist-test
	tar -xzf dist/sandbox_rules-$$($(BIN)/python -c 'import sandbox_rules; print(sandbox_rules.__version__)').tar.gz -C build/sdist-test
	cd build/sdist-test/sandbox_rules-* && $(PY) -m venv .venv && .venv/bin/python -m pip install --quiet '.[$(EXTRAS)]' && .venv/bin/python -m pytest -q -p no:cacheprovider -m "slow or not slow"

clean:
	rm -rf $(VENV) .venv-3.* build dist *.egg-info .mypy_cache .pytest_cache .ruff_cache .hypothesis
