"""An on-disk cache of checked banks, so a command starts in milliseconds.

Building a bank means parsing YAML, validating it against the JSON Schemas
and compiling its patterns. The result is pickled under the user's cache
folder, keyed by a hash of every file of the bank, the schemas, the
bank-building code and the rewriter version: any edit makes a new key, so a
stale bank is never used.
A cache that cannot be read or written is simply skipped.

    REWRITER_CACHE_DIR   where to keep it (default: $XDG_CACHE_HOME/rewriter or ~/.cache/rewriter)
    REWRITER_NO_CACHE=1  always build from the files
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

from .. import __version__
from .model import Bank

FORMAT = 1


def cache_dir() -> Path | None:
    """Where cached banks live; None when there is no home folder to put them in."""
    env = os.environ.get("REWRITER_CACHE_DIR")
    if env:
        return Path(env)
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except (RuntimeError, KeyError):
        return None
    return Path(base) / "rewriter"


def bank_key(base: Path, lang: str) -> str:
    """A hash of everything a built bank depends on."""
    digest = hashlib.sha256(f"{__version__}:{FORMAT}:{lang}".encode())
    digest.update(_code_fingerprint())
    for folder in (base / "schema", base / lang):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file():
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


_CODE: bytes | None = None


def _code_fingerprint() -> bytes:
    """The bank-building code itself: an edit to the loader or the pattern compiler invalidates the cache."""
    global _CODE
    if _CODE is None:
        here = Path(__file__).resolve().parent
        digest = hashlib.sha256()
        for path in sorted(here.glob("*.py")):
            digest.update(path.read_bytes())
        _CODE = digest.digest()
    return _CODE


def load_or_build(base: Path, lang: str, build: Callable[[], Bank]) -> Bank:
    folder = cache_dir()
    if os.environ.get("REWRITER_NO_CACHE") or folder is None:
        return build()
    try:
        path = folder / f"bank-{lang}-{bank_key(base, lang)}.pickle"
        with path.open("rb") as handle:
            bank = pickle.load(handle)
        if isinstance(bank, Bank):
            bank.root = str(base)
            return bank
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    bank = build()
    _store(path if "path" in locals() else None, bank)
    return bank


def _store(path: Path | None, bank: Bank) -> None:
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".bank-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(bank, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
