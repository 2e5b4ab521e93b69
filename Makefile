# The two set-up commands: `make run` and `make test`. Needs only python3 (3.11+).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# The suite runs in parallel: one pytest-xdist process per core, each with its own test database,
# cache key prefix and task queue (orion/settings/test.py). `make test PYTEST_PARALLEL=` runs it in one.
PYTEST_PARALLEL ?= -n auto
# Keep bytecode: every xdist process would otherwise compile Django and rewrite every test module again.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run test test-fast install check lint bench screenshots clean

$(STAMP): requirements/base.txt requirements/dev.txt requirements/prod.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements/dev.txt -r requirements/prod.txt
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py runserver 127.0.0.1:8000

test: install
	$(PY) manage.py check --fail-level ERROR
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_PARALLEL)

test-fast: install  # the edit-and-test loop: the suite less the tests marked slow (fuzzing, subprocesses, browser, benchmarks)
	$(PY) -m pytest $(PYTEST_PARALLEL) -m "not slow"

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

screenshots: install  # refresh docs/screenshots/ (needs scripts/install-browser)
	ORION_SCREENSHOTS_DIR=docs/screenshots $(PY) -m pytest tests/e2e -p no:cacheprovider

bench: install
	$(PY) bench/middleware_overhead.py

.PHONY: bench-catalog
bench-catalog: install  # PostgreSQL at DATABASE_URL (its database is dropped and re-created) and wrk
	$(PY) bench/catalog_seed.py
	$(PY) bench/catalog_http.py

clean:
	rm -rf $(VENV) db.sqlite3 var
