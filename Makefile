# Two commands on a fresh machine with python3 (3.11+) and make: `make demo`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint lock reference bench clean

install: $(STAMP)

# Reinstall when the lock or the project metadata changes.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("csi needs Python 3.11+, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --compile -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: install
	$(BIN)/csi demo

# Two worker processes, a module's tests on one worker (its server and warehouse fixtures start once).
test: install
	$(BIN)/python -m pytest -q -n 2 --dist loadscope

# ruff, then import-linter's layer contracts (pyproject.toml, [tool.importlinter]).
lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

# Re-resolve the pinned dependency set (needs the package index).
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install --quiet --upgrade pip
	.lockenv/bin/pip install --quiet -e '.[dev,dask]'
	.lockenv/bin/pip freeze --exclude-editable | grep -v '^csi' > requirements.lock
	rm -rf .lockenv

# Rebuild csi/reference/*.csv from ../shared/data/la-reference (see csi/reference/NOTICE.md).
reference: install
	$(BIN)/python scripts/build_reference.py

# Each benchmark prints a table (docs/performance.md records them). The report PDFs are the real ones
# in ../shared/data when present; everything else is generated and served on 127.0.0.1.
bench: install
	$(BIN)/python benchmarks/parse.py --repeat 10
	$(BIN)/python benchmarks/fetch.py --pages 300
	$(BIN)/python benchmarks/pipeline.py
	$(BIN)/python benchmarks/hostile.py
	$(BIN)/python benchmarks/maintenance_memory.py --flow import-warc
	if [ -d ../shared/data/ofsted-reports/pdf ]; then $(BIN)/python benchmarks/reports.py; fi

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
