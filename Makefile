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

demo: $(STAMP)
	$(BIN)/dyad code examples/ankara-mediation.txt --date 2022-01-25 --format table
	$(BIN)/dyad code tests/data/wikinews-2019.csv --text-col text --id-col url --date-col date \
		--format jsonl > examples/wikinews-2019.events.jsonl
	$(BIN)/python -c "import json,collections; \
		docs=[json.loads(l) for l in open('examples/wikinews-2019.events.jsonl')]; \
		c=collections.Counter(e['root'] for d in docs for e in d['events']); \
		print(f'wikinews-2019: {len(docs)} documents, {sum(c.values())} events, by root:', dict(sorted(c.items())))"

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
