# The README's two commands: `make run` (demo site on SQLite) and `make test` (the whole suite).
# Both create .venv with the pinned requirements on first use; nothing else needs installing.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers for `make test`: one per core (tests/scheduling.py says how they share).
TEST_WORKERS ?= auto

.PHONY: run serve bench-stack test lint format check install install-dev bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s)" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run
install-dev: $(VENV)/.installed-dev

## run: install, migrate, load the demo content, create the demo admin and serve on http://127.0.0.1:8000
run: export DEBUG = 1
run: export SITE_URL = http://$(HOST):$(PORT)
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) create_demo_admin
	$(MANAGE) runserver $(HOST):$(PORT)

## serve: the production stack on http://127.0.0.1:8080: nginx in front of gunicorn, DEBUG off,
## demo content (deploy/serve; README § Deploying). Needs Debian's nginx.
serve: install
	deploy/serve

## test: install, then lint, Django checks, migration check and the whole pytest suite
test: install-dev lint check
	$(BIN)/pytest -n $(TEST_WORKERS)

lint: install-dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

check: export DEBUG = 1
check: install-dev
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: export DEBUG = 1
bench: install-dev
	bash bench/run

## bench-stack: wrk against the make serve stack on PostgreSQL + Redis, 1,000 and 10,000 articles
bench-stack: install-dev
	$(BIN)/python bench/stack.py 1000 10000

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
