# Two commands: `make demo` and `make test`. Both build .venv from scratch when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

DEMO_DB := examples/wikinews-2019.duckdb

demo: $(STAMP)
	$(BIN)/dyad code examples/ankara-mediation.txt --date 2022-01-25 --format table
	rm -f $(DEMO_DB)
	$(BIN)/dyad ingest tests/data/wikinews-2019.csv --db $(DEMO_DB) \
		--text-col text --id-col url --date-col date
	$(BIN)/dyad export --db $(DEMO_DB) --format jsonl -o examples/wikinews-2019.events.jsonl
	$(BIN)/dyad export --db $(DEMO_DB) --format gdelt -o examples/wikinews-2019.gdelt.tsv
	$(BIN)/dyad dyads --db $(DEMO_DB) --by month --level country --undirected --from 2019-01-01 \
		--format table --plot examples/wikinews-2019.dyads.png | head -15
	$(BIN)/dyad alerts --db $(DEMO_DB) --by week --min-events 2 | head -20
	@echo "store: $(DEMO_DB)  events: examples/wikinews-2019.events.jsonl  GDELT: examples/wikinews-2019.gdelt.tsv  chart: examples/wikinews-2019.dyads.png"

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts eval
	$(BIN)/ruff format --check src tests bench scripts

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts eval
	$(BIN)/python -m pytest -q

eval: $(STAMP)
	$(BIN)/dyad eval eval/dev.jsonl

BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/quotes_baseline.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache
