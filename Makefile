# The two set-up commands of the README: `make demo` and `make test`.
# Both create .venv on first use and install the package into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install eval-deps browser-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,train,serve]'
	$(BIN)/python -m compileall -q rewriter   # an editable install compiles nothing; start-up needs .pyc files
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@$(BIN)/python scripts/demo.py

test: $(STAMP) browser-deps
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
eval-deps: $(STAMP)
	apt-get install -y libenchant-2-2 libenchant-2-voikko voikko-fi hunspell-is hunspell-no hunspell-en-us
	$(BIN)/python -m pip install --quiet -e '.[test,eval]'

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
