"""An on-disk cache of checked banks, so a command starts in milliseconds.

Building a bank means parsing YAML, validating it against the JSON Schemas
and compiling its patterns. The result is pickled under the user's cache
folder together with the fingerprint of everything it was built from: a
BLAKE2b hash of the bytes of every file of the bank, of the schemas and of
the bank-building code, with the rewriter and Python versions. A cached bank
is used only when the fingerprint is exactly today's, so an edited bank is
never served stale, even when the edit kept the file's size and time (a few
MB of banks hash in a few milliseconds).

A cache file is trusted only if it carries a valid HMAC-SHA256 signature made
with a per-user random key (``key``, 0600, next to the cache files), and is
then unpickled by an unpickler that builds nothing but the bank's own classes
and plain containers. A file someone else wrote, a flipped byte or a
truncated write is therefore never unpickled: it is ignored and rebuilt.
A cache that cannot be read or written is simply skipped.

Each bank folder a user runs (a clone, a checkout, an installed version) gets
its own file. So that the folder does not grow with every clone ever used,
writing a new file removes the files of banks not used for ``STALE_DAYS``
days and all but the ``KEEP`` most recently used; a file in use is marked
used at most once a day.

    REWRITER_CACHE_DIR   where to keep it (default: $XDG_CACHE_HOME/rewriter or ~/.cache/rewriter)
    REWRITER_NO_CACHE=1  always build from the files
"""
from __future__ import annotations

import hashlib
import hmac
import io
import os
import pickle
import stat
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

from .. import __version__
from . import regex_programs
from .model import Bank

FORMAT = 6
MAGIC = b"rewriter-bank-cache\x00" + bytes([FORMAT])
KEY_NAME = "key"
KEY_BYTES = 32
_MAC = hashlib.sha256().digest_size
_DIGEST = 32                              # blake2b digest size of the fingerprint
KEEP = 24                                 # bank files kept, most recently used first
STALE_DAYS = 30                           # a bank file unused this long is removed
_DAY = 86400.0


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


def fingerprint(base: Path, lang: str) -> bytes:
    """A digest of everything a built bank depends on: versions, and the bytes of every file."""
    h = hashlib.blake2b(digest_size=_DIGEST)
    h.update(repr((FORMAT, __version__, tuple(sys.version_info[:3]), lang)).encode())
    # Slot types compile the sentinel pools of text.protect into their regexes.
    h.update((Path(__file__).resolve().parent.parent / "text" / "protect.py").read_bytes())
    code = Path(__file__).resolve().parent
    for label, folder, glob in (("code", code, "*.py"), ("schema", base / "schema", "*"), ("bank", base / lang, "*")):
        h.update(b"\x00" + label.encode() + b"\x00")
        _hash_files(h, folder, glob)
    return h.digest()


def _hash_files(h, folder: Path, glob: str) -> None:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob(glob)):
        try:
            if not path.is_file():
                continue
            data = path.read_bytes()
        except OSError:
            data = b"\xff<unreadable>"
        name = str(path.relative_to(folder)).encode("utf-8", "surrogateescape")
        h.update(len(name).to_bytes(4, "little") + name + len(data).to_bytes(8, "little"))
        h.update(data)


def load_or_build(base: Path, lang: str, build: Callable[[], Bank]) -> Bank:
    folder = cache_dir()
    if os.environ.get("REWRITER_NO_CACHE") or folder is None:
        return build()
    # One file per bank folder and language; the fingerprint inside decides.
    tag = f"{lang}-{zlib.crc32(str(base.resolve()).encode()):08x}"
    path = folder / f"bank-{tag}.cache"
    current = fingerprint(base, lang)
    key = _read_key(folder)
    bank = _load(path, key, current) if key is not None else None
    if bank is not None:
        bank.root = str(base)
        _mark_used(path)
    else:
        bank = build()
        _store(folder, path, current, bank)
        _prune(folder, keep=path)
        key = _read_key(folder)
    if key is not None:
        # The regexes this bank's runs compile are kept next to it, signed with the same key.
        regex_programs.attach(folder / f"programs-{tag}.cache", key, current)
    return bank


def _mark_used(path: Path) -> None:
    """Move the file's time to now, at most once a day, so pruning sees it as in use."""
    try:
        if time.time() - path.stat().st_mtime > _DAY:
            os.utime(path)
    except OSError:
        pass


def _prune(folder: Path, keep: Path) -> None:
    """Remove the bank files (and their regex programs) of banks no longer used.

    Kept: ``keep``, and the ``KEEP`` most recently used files not older than
    ``STALE_DAYS`` days. Only files this module names are touched.
    """
    try:
        banks = []
        for path in folder.glob("bank-*.cache"):
            try:
                banks.append((path.stat().st_mtime, path))
            except OSError:
                continue
    except OSError:
        return
    banks.sort(reverse=True)
    cutoff = time.time() - STALE_DAYS * _DAY
    for rank, (mtime, path) in enumerate(banks):
        if path == keep or (rank < KEEP and mtime >= cutoff):
            continue
        tag = path.name[len("bank-"):-len(".cache")]
        for stale in (path, folder / f"programs-{tag}.cache"):
            try:
                stale.unlink()
            except OSError:
                pass


def _load(path: Path, key: bytes, current: bytes) -> Bank | None:
    """The cached bank, or None when there is none, it is stale, or it is not exactly what we wrote."""
    try:
        with path.open("rb") as handle:
            blob = handle.read()
    except OSError:
        return None
    head = len(MAGIC)
    if not blob.startswith(MAGIC) or len(blob) < head + _MAC + _DIGEST:
        return None
    mac, stored = blob[head:head + _MAC], blob[head + _MAC:head + _MAC + _DIGEST]
    if not hmac.compare_digest(stored, current):
        return None                                             # stale: built from other files
    body = blob[head + _MAC:]
    if not hmac.compare_digest(mac, hmac.new(key, MAGIC + body, hashlib.sha256).digest()):
        return None                                             # not ours, or damaged
    try:
        bank = _BankUnpickler(io.BytesIO(body[_DIGEST:])).load()
    except Exception:  # noqa: BLE001 - any unreadable cache is rebuilt
        return None
    return bank if isinstance(bank, Bank) else None


class _BankUnpickler(pickle.Unpickler):
    """Builds only the project's own classes and a few harmless built-in types: never a function."""

    SAFE = {("re", "RegexFlag"), ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "dict"),
            ("builtins", "list"), ("builtins", "tuple"), ("builtins", "bytearray"), ("builtins", "complex")}

    def find_class(self, module: str, name: str):
        if (module, name) in self.SAFE or module.startswith("rewriter.banks."):
            found = super().find_class(module, name)
            if isinstance(found, type) and not issubclass(found, BaseException):
                return found
        raise pickle.UnpicklingError(f"cache refers to {module}.{name}, which a bank never holds")


def _read_key(folder: Path) -> bytes | None:
    """This user's signing key; None when there is none or it could have been written by someone else."""
    try:
        fd = os.open(folder / KEY_NAME, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_mode & 0o077 or st.st_size != KEY_BYTES:
            return None
        if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
            return None
        key = os.read(fd, KEY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return key if len(key) == KEY_BYTES else None


def _make_key(folder: Path) -> bytes | None:
    key = _read_key(folder)
    if key is not None:
        return key
    path = folder / KEY_NAME
    tmp = folder / f".key-{os.getpid()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        try:
            os.write(fd, os.urandom(KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, path)      # never replaces a key another process made meanwhile
        except FileExistsError:
            pass
    except OSError:
        return None
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    return _read_key(folder)


def _store(folder: Path, path: Path, current: bytes, bank: Bank) -> None:
    import tempfile  # noqa: PLC0415 - only when a bank was built

    tmp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = _make_key(folder)
        if key is None:
            return
        body = current + pickle.dumps(bank, protocol=pickle.HIGHEST_PROTOCOL)
        mac = hmac.new(key, MAGIC + body, hashlib.sha256).digest()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".bank-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC + mac + body)
        os.replace(tmp, path)
        tmp = None
    except Exception:  # noqa: BLE001 - a cache that cannot be written is skipped, whatever the reason
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
