# Passend: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install migrate demo bench lint format clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py demo_data

## make run: install, migrate, load the demo SWV, serve on http://$(HOST):$(PORT) with a Celery
## worker and beat. Without DATABASE_URL / CELERY_BROKER_URL: SQLite and Celery's filesystem
## broker in var/. Ctrl-C stops all three within seconds (config/dev_run.py supervises them).
run: demo
	@echo "Passend draait op http://$(HOST):$(PORT)/  (demo-accounts: zie de inlogpagina, wachtwoord 'demo')"
	@$(BIN)/python -m config.dev_run --host $(HOST) --port $(PORT)

## make test: install and run the whole suite (config.settings.ci). DATABASE_URL selects
## PostgreSQL; unset, the suite runs on SQLite. E2E journeys need Debian's chromium.
test: install
	$(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf var/ .pytest_cache .ruff_cache
