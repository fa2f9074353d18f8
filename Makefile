# The two set-up commands of the README: `make demo` and `make test`.
# Both create .venv on first use and install the package into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install eval-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,train]'
	$(BIN)/python -m compileall -q rewriter   # an editable install compiles nothing; start-up needs .pyc files
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@$(BIN)/python scripts/demo.py

test: $(STAMP)
	$(BIN)/rewriter bank validate
	$(BIN)/python -m pytest -q

# Spell-check dictionaries for eval's fluency proxy (Debian; needs root).
eval-deps: $(STAMP)
	apt-get install -y libenchant-2-2 libenchant-2-voikko voikko-fi hunspell-is hunspell-no hunspell-en-us
	$(BIN)/python -m pip install --quiet -e '.[test,eval]'

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
