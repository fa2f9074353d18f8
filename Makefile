# The two set-up commands of the README: `make demo` and `make test`.
# Both create .venv on first use. `demo` installs the run-time dependencies
# (with the web server's); `test` adds the test and training extras (torch among them).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test install system-deps eval-deps browser-deps clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

system-deps:
	@bash scripts/system-deps.sh

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	@bash scripts/system-deps.sh
	$(BIN)/python -m pip install --quiet -e '.[serve]'
	$(BIN)/python -m compileall -q rewriter   # an editable install compiles nothing; start-up needs .pyc files
	touch $(RUN_STAMP)

$(TEST_STAMP): pyproject.toml $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,train,serve]'
	touch $(TEST_STAMP)

install: $(RUN_STAMP)

demo: $(RUN_STAMP)
	@$(BIN)/python scripts/demo.py

test: $(TEST_STAMP) browser-deps
	$(BIN)/rewriter bank validate
	$(BIN)/python -m pytest -q

# Headless Chromium for the page's browser tests (Debian's chromium + chromium-driver).
# Installs only when they are missing, apt-get is there and we are root; otherwise
# it does nothing and those tests skip, saying why.
browser-deps:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "browser-deps: installing chromium and chromium-driver (Debian)"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  { apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 || \
	    { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1; }; } || \
	  echo "browser-deps: could not install chromium; the browser tests will be skipped"; \
	fi

# Spell-check dictionaries for eval's fluency proxy (Debian; needs root).
eval-deps: $(TEST_STAMP)
	bash scripts/system-deps.sh
	$(BIN)/python -m pip install --quiet -e '.[test,eval]'

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
