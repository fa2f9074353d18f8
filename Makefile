# The two set-up commands of the README: `make demo` and `make test`.
# Both create .venv on first use. `demo` installs the run-time dependencies
# only; `test` adds the test and training extras (torch among them).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
ICEGRAMS_MODEL := $(VENV)/cache/icegrams/trigrams.bin

.PHONY: demo test install system-deps eval-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

system-deps:
	@bash scripts/system-deps.sh

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	@bash scripts/system-deps.sh
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q rewriter   # an editable install compiles nothing; start-up needs .pyc files
	touch $(RUN_STAMP)

$(TEST_STAMP): pyproject.toml $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,train]'
	touch $(TEST_STAMP)

install: $(RUN_STAMP)

demo: $(RUN_STAMP)
	@$(BIN)/python scripts/demo.py

# GreynirCorrect's trigram model, out of the icegrams 1.1.7 wheel (idempotent;
# without network the Icelandic grammar tests skip and say why).
$(ICEGRAMS_MODEL): | $(TEST_STAMP)
	@bash scripts/fetch-icegrams-model.sh $(VENV) >/dev/null

test: $(TEST_STAMP) $(ICEGRAMS_MODEL)
	$(BIN)/rewriter bank validate
	$(BIN)/python -m pytest -q

# Spell-check dictionaries for eval's fluency proxy (Debian; needs root).
eval-deps: $(TEST_STAMP)
	bash scripts/system-deps.sh
	$(BIN)/python -m pip install --quiet -e '.[test,eval]'

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
