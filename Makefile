# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB ?= demo.duckdb

.PHONY: venv demo serve test test-fast lint bench lock clean

$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock -r requirements-dev.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

demo: venv
	$(BIN)/flashpoint run examples/articles --db $(DEMO_DB)
	$(BIN)/flashpoint stats --db $(DEMO_DB)
	$(BIN)/flashpoint dyads --db $(DEMO_DB) --limit 5
	$(BIN)/flashpoint timeline --db $(DEMO_DB) --dyad CHN:PHL --freq week --plot demo-timeline.png
	$(BIN)/flashpoint alerts --db $(DEMO_DB) --sensitivity 1.5

# The REST API and dashboard over the demo store: http://127.0.0.1:8000/
serve: venv
	$(BIN)/flashpoint serve --db $(DEMO_DB)

test: venv
	$(BIN)/pytest

test-fast: venv
	$(BIN)/pytest -m "not slow"

lint: venv
	$(BIN)/ruff check flashpoint tests bench
	$(BIN)/mypy

bench: venv
	$(BIN)/python bench/throughput.py

# Re-pin after editing requirements*.in (needs `uv`, a developer tool; not used by CI).
lock:
	uv pip compile --generate-hashes --python-version 3.11 requirements.in -o requirements.lock
	uv pip compile --generate-hashes --python-version 3.11 requirements-dev.in -o requirements-dev.lock

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB).wal demo-timeline.png .pytest_cache .mypy_cache .ruff_cache
