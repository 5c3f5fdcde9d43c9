# orgkg's two commands: `make run` (set up, build the bundled documents and the
# example position register, print the positions) and `make test` (set up,
# lint, run every test). CI calls `make test` through .ci/run.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: run test lint system-deps bench clean bench-chart bench-validate bench-store bench-organisation bench-corpus

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/orgkg build data/documents data/register --out $(OUT)
	$(BIN)/orgkg positions --graph $(OUT) --format table

system-deps:
	bash tools/system-deps.sh

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests tools bench
	$(BIN)/mypy src

test: $(BIN)/.installed system-deps lint
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache

bench-chart: $(BIN)/.installed system-deps
	$(BIN)/python -m bench.chart

bench-organisation: $(BIN)/.installed
	$(BIN)/python -m bench.organisation

bench-corpus: $(BIN)/.installed
	$(BIN)/python -m bench.corpus

bench-validate: $(BIN)/.installed
	$(BIN)/python -m bench.validate

bench-store: $(BIN)/.installed
	$(BIN)/pip install --quiet 'oxrdflib>=0.5'
	$(BIN)/python -m bench.store
