# The README's two commands: `make build` and `make test`. Each creates .venv and installs kg
# with everything it needs (the spaCy model package included) on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT ?= out

.PHONY: build test lint clean bench-speed bench-extraction bench-view bench-sparql train docs

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/kg build seeds --out $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest

# Throughput, peak memory and stage shares of a 2,000-document build against bare spaCy.
bench-speed: $(STAMP)
	$(BIN)/python -m benchmarks.speed --docs 2000 --jobs 1,2 --json $(OUT)/bench-speed.json

# Entity and relation P/R/F1 on the benchmark data (../shared/bench), tuned-on and held-out
# parts, and kg's extraction speed against bare spaCy nlp.pipe in the same run.
bench-extraction: $(STAMP)
	$(BIN)/python -m benchmarks.extraction --json $(OUT)/bench-extraction.json

# Retrain the shipped relation and entity-type models (kg/data/*.npz) from the training parts.
train: $(STAMP)
	$(BIN)/python -m kg.train

# The HTML view of a 5,000-node graph in headless chromium: time until it is drawn and ready,
# and until the first click is answered, for the default cut and for the whole graph.
bench-view: $(STAMP)
	$(BIN)/python -m benchmarks.view --nodes 5000

# The query library on a synthetic graph of over a million triples: the on-disk store
# (Oxigraph) against rdflib in memory, load time and p50 latency of each query.
bench-sparql: $(STAMP)
	$(BIN)/python -m benchmarks.sparql

# The CLI reference, docs/cli.md, from the --help of kg and each subcommand (tests/test_docs.py
# fails when a command or option is missing from it).
docs: $(STAMP)
	$(BIN)/python docs/gen_cli.py > docs/cli.md.tmp && mv docs/cli.md.tmp docs/cli.md

lint: $(STAMP)
	$(BIN)/ruff check kg tests benchmarks docs/gen_cli.py
	$(BIN)/ruff format --check kg tests benchmarks docs/gen_cli.py
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
