#!/usr/bin/env bash
# The Icegrams trigram model GreynirCorrect's spelling step needs, offline.
#
# icegrams 2.x wheels no longer carry the model (they download it from GitHub
# at set-up); the icegrams 1.1.7 wheel still does, as
# icegrams/resources/trigrams.bin (43 MB). This downloads that wheel with pip
# (no dependencies, nothing installed) into a cache folder under the venv and
# takes the file out. Point ICEGRAMS_MODEL_FILE at the printed path; the tests
# and `rewriter eval` find it there on their own (rewriter/verification/grammar.py).
#
# Idempotent: a model file already in place (with the trigrams.bin header) is
# kept, and nothing is downloaded. Never fails the build: without network or
# pip it says so and exits 0, and the Icelandic grammar checks are skipped.
#
#   usage: scripts/fetch-icegrams-model.sh [VENV]      (default: .venv)
set -u
venv="${1:-${VENV:-.venv}}"
python="$venv/bin/python"
[ -x "$python" ] || python="$(command -v python3)"
cache="$venv/cache/icegrams"
model="$cache/trigrams.bin"

is_model() { [ -f "$1" ] && [ "$(head -c 16 "$1" 2>/dev/null)" = "Reynir 001.00.00" ]; }

if is_model "$model"; then
  echo "$model"
  exit 0
fi
mkdir -p "$cache/wheel" || { echo "note: cannot create $cache; Icelandic grammar checks will be skipped" >&2; exit 0; }
if ! ls "$cache"/wheel/icegrams-1.1.7-*.whl >/dev/null 2>&1; then
  "$python" -m pip download --quiet --no-deps --only-binary=:all: icegrams==1.1.7 -d "$cache/wheel" >&2 \
    || { echo "note: could not download icegrams==1.1.7; Icelandic grammar checks will be skipped" >&2; exit 0; }
fi
wheel="$(ls "$cache"/wheel/icegrams-1.1.7-*.whl | head -n 1)"
"$python" - "$wheel" "$model" <<'EOF' || { echo "note: could not extract trigrams.bin from $wheel" >&2; exit 0; }
import os, shutil, sys, zipfile
wheel, model = sys.argv[1], sys.argv[2]
tmp = model + ".part"
with zipfile.ZipFile(wheel) as z, z.open("icegrams/resources/trigrams.bin") as src, open(tmp, "wb") as dst:
    shutil.copyfileobj(src, dst, 1 << 20)
os.replace(tmp, model)          # atomic: a half-written model is never taken for a whole one
EOF
rm -f "$cache"/wheel/icegrams-1.1.7-*.whl     # the model is what we keep; the wheel is 38 MB more
echo "$model"
