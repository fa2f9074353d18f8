"""An on-disk cache of checked banks, so a command starts in milliseconds.

Building a bank means parsing YAML, validating it against the JSON Schemas
and compiling its patterns. The result is pickled under the user's cache
folder together with the fingerprint of everything it was built from: the
name, size and modification time of every file of the bank and of the
schemas, the same for the bank-building code, the rewriter version and the
Python version. A cached bank is used only when the fingerprint is exactly
today's, so a stale bank is never used; reading file metadata instead of
hashing contents keeps the check to a few hundred ``stat`` calls.
A cache that cannot be read or written is simply skipped.

    REWRITER_CACHE_DIR   where to keep it (default: $XDG_CACHE_HOME/rewriter or ~/.cache/rewriter)
    REWRITER_NO_CACHE=1  always build from the files
"""
from __future__ import annotations

import os
import pickle
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from .. import __version__
from .model import Bank

FORMAT = 2
Fingerprint = tuple


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


def fingerprint(base: Path, lang: str) -> Fingerprint:
    """Everything a built bank depends on, as comparable data."""
    code = Path(__file__).resolve().parent
    return (FORMAT, __version__, sys.version_info[:3], lang,
            _files(code, "*.py"), _files(base / "schema", "*"), _files(base / lang, "*"))


def _files(folder: Path, glob: str) -> tuple[tuple[str, int, int], ...]:
    if not folder.is_dir():
        return ()
    out = []
    for path in sorted(folder.rglob(glob)):
        try:
            st = path.stat()
        except OSError:
            continue
        if path.is_file():
            out.append((str(path.relative_to(folder)), st.st_size, st.st_mtime_ns))
    return tuple(out)


def load_or_build(base: Path, lang: str, build: Callable[[], Bank]) -> Bank:
    folder = cache_dir()
    if os.environ.get("REWRITER_NO_CACHE") or folder is None:
        return build()
    # One file per bank folder and language; the fingerprint inside decides.
    path = folder / f"bank-{lang}-{zlib.crc32(str(base.resolve()).encode()):08x}.pickle"
    current = fingerprint(base, lang)
    try:
        with path.open("rb") as handle:
            stored, bank = pickle.load(handle)
        if stored == current and isinstance(bank, Bank):
            bank.root = str(base)
            return bank
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    bank = build()
    _store(path, current, bank)
    return bank


def _store(path: Path, current: Fingerprint, bank: Bank) -> None:
    import tempfile  # noqa: PLC0415 - only when a bank was built

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".bank-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((current, bank), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
