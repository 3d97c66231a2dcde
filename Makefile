# Everyday commands. `make run` and `make test` are all a newcomer needs (see README).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/foreignaffairs
# `make run` is a local demo: DEBUG on, the SQLite file in the project folder.
DEMO_ENV := DJANGO_DEBUG=1
FIXTURES := $(wildcard fixtures/*.json)

.PHONY: install install-dev run serve test test-postgres lint format migrate demo-data bench clean \
	messages fuzz

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	@test -f .env || printf '# Local development only (git-ignored): see README, Configuration.\nDJANGO_DEBUG=1\n' > .env

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PIP) install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(DEMO_ENV) $(MANAGE) migrate --noinput

# Real records first (fixed small primary keys, reloading updates them), then the demo
# calibrated on top of them; seed_demo does nothing when demo data already exists. Its bulk
# writes derive no deadlines: sync_deadlines works them out (quick at demo size).
demo-data: migrate
	@if [ -n "$(FIXTURES)" ]; then $(DEMO_ENV) $(MANAGE) loaddata $(FIXTURES); fi
	$(DEMO_ENV) $(MANAGE) seed_demo
	$(DEMO_ENV) $(MANAGE) sync_deadlines
	$(DEMO_ENV) $(MANAGE) recount
	$(DEMO_ENV) $(MANAGE) setup_roles
	$(DEMO_ENV) $(MANAGE) ensure_demo_admin

run: demo-data
	@echo "Serving on http://127.0.0.1:8000/  (admin: http://127.0.0.1:8000/admin/)"
	$(DEMO_ENV) $(MANAGE) runserver 127.0.0.1:8000

# Production-like: DEBUG off, hashed static files, gunicorn with its timeout and the database's
# statement timeout as deployed (gunicorn.conf.py, settings). Plain HTTP on localhost, so the
# HTTPS-only settings a real deployment keeps on are switched off here.
SERVE_ENV := DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-local-serve-not-secret} \
	DJANGO_ALLOWED_HOSTS=$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost} \
	DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_HSTS_SECONDS=0
serve: install
	$(SERVE_ENV) $(MANAGE) collectstatic --noinput --verbosity 0
	$(SERVE_ENV) $(MANAGE) migrate --noinput
	$(SERVE_ENV) $(MANAGE) recount
	WEB_CONCURRENCY=$${WEB_CONCURRENCY:-2} $(SERVE_ENV) $(VENV)/bin/gunicorn -c gunicorn.conf.py \
		foreignaffairs.wsgi

test: install-dev
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres: install-dev
	DATABASE_URL=$${DATABASE_URL:-$(POSTGRES_URL)} $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Translation catalogs (needs GNU gettext): our Vietnamese strings -> locale/en, the English
# strings of third-party packages staff see -> locale/vi; then compile. The .mo files are
# committed, so `make run` and `make test` need no gettext.
messages: install-dev
	$(DEMO_ENV) $(MANAGE) makemessages -l en --no-location --no-obsolete \
		$(foreach dir,.venv staticfiles static media tests,--ignore=$(dir))
	$(DEMO_ENV) $(MANAGE) vendor_messages
	$(DEMO_ENV) $(MANAGE) compilemessages --ignore=.venv

# Performance at 10,000, 100,000 and 1,000,000 delegations (README, "Performance"): builds
# <name>_template, <name>_10k, <name>_100k and <name>_1m next to the database named in
# DATABASE_URL, prints one table and writes it as JSON under bench/results/.
BENCH_URL ?= postgres://postgres@127.0.0.1:5432/foreignaffairs_bench
bench: install
	DATABASE_URL=$${DATABASE_URL:-$(BENCH_URL)} $(PY) -m bench

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

# Fuzz the API against its OpenAPI schema (schemathesis, every check, a department key and a
# staff session) on a live gunicorn and a fresh PostgreSQL database at $(POSTGRES_URL)'s
# server; FUZZ_EXAMPLES per operation (default 110: more than 5,000 requests). See .ci/fuzz.
fuzz: install-dev
	PY=$(PY) FUZZ_POSTGRES=$(patsubst %/,%,$(dir $(POSTGRES_URL))) .ci/fuzz
