# Two commands matter: `make demo` and `make test`. Both create .venv on a fresh
# machine (only python3 and make needed) and install the project into it.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench data docs clean system-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The main job on a bundled example: eligibility (Art. 9-11), then who decides and where to
# file (Art. 12), then a deadline explained day by day across the 2026 New Year swap.
demo: $(STAMP)
	@$(BIN)/sandbox-rules assess examples/org-hanoi-one-source.yaml
	@echo
	@$(BIN)/sandbox-rules route examples/org-hanoi-one-source.yaml
	@echo
	@$(BIN)/sandbox-rules dossier examples/org-hanoi-one-source.yaml
	@echo
	@$(BIN)/sandbox-rules deadline 2026-01-01 --working-days 3 --explain

lint: $(STAMP)
	$(BIN)/ruff check sandbox_rules tests benchmarks scripts
	$(BIN)/ruff format --check sandbox_rules tests benchmarks scripts

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

pytest: $(STAMP) system-deps
	$(BIN)/python -m pytest

test: lint typecheck pytest

# durable-rules comes with the dev extra (Python <= 3.12); without it its comparison is skipped.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Regenerate the shipped package data from its sources (law text, official calendar table).
data: $(STAMP)
	$(BIN)/python -m sandbox_rules.law.build
	$(BIN)/python -m sandbox_rules.calendar.build

docs: $(STAMP)
	$(BIN)/python scripts/gen_docs.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .pytest_cache .ruff_cache .hypothesis
