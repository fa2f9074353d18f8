"""Compiled regex programs kept between runs, so a command does not compile its banks' regexes again.

A run touches a few hundred of the banks' regexes, and compiling them (parsing
the pattern and generating the matcher's program) costs 25-40 ms of a
one-sentence command and about 7 % of a 10,000-line run. The program CPython
builds for a pattern is a pure function of the pattern, its flags and the
interpreter, so it is kept: next to the bank cache (`bank_cache`), one file
per bank, holding the programs that bank's runs compiled, signed with the same
per-user key and read back by an unpickler that builds nothing but plain
containers. ``_sre.compile`` checks every program it is given, so a program
that is not one never runs.

A batch run compiles most of a bank's patterns, and the file then holds
thousands of programs, while a one-sentence run needs a hundred or two. The
file is an index (pattern digest -> where its program lies), signed as a
whole, followed by the programs, each signed on its own: a run maps the file,
checks the index (~0.1 MB) and reads and checks only the programs it uses.
Read whole, a 7 MB file had cost 60 ms and 20 MB of a one-sentence command.

Only CPython with the ``re`` internals of 3.11-3.13 is served from the files;
elsewhere, and whenever anything here fails, a pattern is compiled by
``re.compile`` as usual. ``REWRITER_NO_CACHE=1`` turns the files off as it
does the bank cache.
"""
from __future__ import annotations

import array
import atexit
import hashlib
import hmac
import io
import os
import mmap
import pickle
import re
import struct
import sys
from pathlib import Path

try:  # the interpreter's own regex compiler; absent or different elsewhere
    import _sre
    from re import _compiler as _re_compiler
    from re import _parser as _re_parser
    _AVAILABLE = sys.implementation.name == "cpython" and hasattr(_sre, "compile") and hasattr(_re_compiler, "_code")
except ImportError:  # pragma: no cover - not CPython
    _AVAILABLE = False

# Programs depend on the interpreter build and the engine's format: both are in the header.
_HEADER = b"rewriter-regex-programs\x00" + repr(
    (2, sys.version, getattr(_sre, "MAGIC", None) if _AVAILABLE else None,
     getattr(_sre, "CODESIZE", None) if _AVAILABLE else None)).encode()
_MAC = hashlib.sha256().digest_size
_BANK = 16                  # bytes of the bank's fingerprint a file is tagged with
# A file is tied to one state of its bank; past this many programs (patterns built from
# input, say) it starts afresh rather than grow without end.
MAX_PROGRAMS = 20_000

Program = tuple  # (flags, code, groups, groupindex, indexgroup): what _sre.compile takes after the pattern
# A program is kept packed (its code as machine words) under a digest of its
# pattern and flags: a file of a few thousand long patterns then loads in a
# millisecond or two, and only the programs a run needs are unpacked.
_CODE_TYPE = next((t for t in "IL" if _AVAILABLE and array.array(t).itemsize == _sre.CODESIZE), None)

_ENTRY = struct.Struct("<16sII")     # index row: pattern digest, offset of its program after the index, length
_COUNT = struct.Struct("<I")

_programs: dict[bytes, bytes] = {}      # digest -> packed program, checked (read from a file, or compiled here)
_files: list["_File"] = []              # the files attached, read from on demand
_stores: dict[Path, "_Store"] = {}
_current: "_Store | None" = None
_registered: list[bool] = []


def _key(pattern: str, flags: int) -> bytes:
    return hashlib.blake2b(f"{flags}\x00{pattern}".encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _pack(program: Program) -> bytes:
    flags, code, groups, groupindex, indexgroup = program
    return pickle.dumps((flags, array.array(_CODE_TYPE, code).tobytes(), groups, groupindex, indexgroup),
                        protocol=pickle.HIGHEST_PROTOCOL)


def _unpack(packed: bytes) -> Program:
    flags, words, groups, groupindex, indexgroup = _PlainUnpickler(io.BytesIO(packed)).load()
    code = array.array(_CODE_TYPE)
    code.frombytes(words)
    return flags, code.tolist(), groups, groupindex, indexgroup


class _Store:
    """One bank's file: the programs read from it, and those this process added."""

    def __init__(self, path: Path, key: bytes, bank: bytes):
        self.path = path
        self.key = key
        self.bank = bank
        self.added: dict[bytes, bytes] = {}


def attach(path: Path, key: bytes, bank: bytes = b"") -> None:
    """Serve programs from ``path`` and keep those compiled from now on there (called once a bank is loaded).

    ``bank``: the fingerprint of the bank as loaded. A file written for
    another state of the bank is started afresh, so it holds the programs of
    today's patterns only and does not grow with every edit.
    """
    global _current
    if not _AVAILABLE or _CODE_TYPE is None or os.environ.get("REWRITER_NO_CACHE"):
        return
    store = _stores.get(path)
    if store is None:
        store = _stores[path] = _Store(path, key, bank)
        opened = _open(path, key, bank)
        if opened is not None:
            _files.append(opened)
        if not _registered:
            atexit.register(save)
            _registered.append(True)
    _current = store


def reset() -> None:
    """Forget the programs in memory and the files attached, without saving (a fresh start, as in a new process)."""
    global _current
    _programs.clear()
    _files.clear()
    _stores.clear()
    _current = None


def kept(pattern: str, flags: int = 0) -> bool:
    """Whether a program for this pattern is at hand, so compiling it costs no parse."""
    return _packed(_key(pattern, int(flags))) is not None


def _packed(key: bytes) -> bytes | None:
    """The packed program for a digest: compiled or read before, else read (and checked) from a file."""
    packed = _programs.get(key)
    if packed is None:
        for opened in _files:
            packed = opened.get(key)
            if packed is not None:
                _programs[key] = packed
                break
    return packed


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - the name says what it does
    """``re.compile(pattern, flags)``, from a kept program when there is one."""
    flags = int(flags)
    if _current is None or isinstance(pattern, bytes):
        return re.compile(pattern, flags)
    key = _key(pattern, flags)
    packed = _packed(key)
    if packed is not None:
        try:
            return _sre.compile(pattern, *_unpack(packed))
        except Exception:  # noqa: BLE001 - a program this interpreter refuses is compiled again
            _programs.pop(key, None)
    try:
        program = _program(pattern, flags)
        compiled = _sre.compile(pattern, *program)
        packed = _pack(program)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - internals that differ: the public way
        return re.compile(pattern, flags)
    _programs[key] = packed
    _current.added[key] = packed
    return compiled


def _program(pattern: str, flags: int) -> Program:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, in plain types."""
    parsed = _re_parser.parse(pattern, flags)
    code = [int(op) for op in _re_compiler._code(parsed, flags)]
    state = parsed.state
    groupindex = dict(state.groupdict)
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | state.flags, code, state.groups - 1, groupindex, tuple(indexgroup))


def save() -> None:
    """Write the programs this process added, merged with what the files hold now (at exit)."""
    for store in _stores.values():
        if not store.added:
            continue
        merged = _read(store.path, store.key, store.bank)
        if len(merged) + len(store.added) > MAX_PROGRAMS:
            merged = {}
        merged.update(store.added)
        _write(store.path, store.key, store.bank, merged)
        store.added = {}


class _File:
    """A programs file opened for reading: its checked index, and each program checked when it is read."""

    __slots__ = ("_data", "_start", "_index", "_key", "_prefix")

    def __init__(self, data, start: int, index: dict[bytes, tuple[int, int]], key: bytes, prefix: bytes):
        self._data, self._start, self._index, self._key, self._prefix = data, start, index, key, prefix

    def keys(self) -> list[bytes]:
        return list(self._index)

    def get(self, digest: bytes) -> bytes | None:
        where = self._index.get(digest)
        if where is None:
            return None
        offset, length = where
        entry = bytes(self._data[self._start + offset:self._start + offset + length])
        mac, packed = entry[:_MAC], entry[_MAC:]
        if len(entry) < _MAC or not hmac.compare_digest(mac, _entry_mac(self._key, self._prefix, digest, packed)):
            del self._index[digest]                 # a changed byte: that program is compiled again
            return None
        return packed


def _entry_mac(key: bytes, prefix: bytes, digest: bytes, packed: bytes) -> bytes:
    return hmac.new(key, prefix + digest + packed, hashlib.sha256).digest()


def _open(path: Path, key: bytes, bank: bytes = b"") -> _File | None:
    """The file's index, checked; None when the file is missing, another's, for another bank state, or changed."""
    try:
        with open(path, "rb") as handle:
            try:
                data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) if os.name == "posix" else handle.read()
            except (OSError, ValueError):           # an empty file cannot be mapped
                data = handle.read()
    except OSError:
        return None
    head = len(_HEADER)
    fixed = head + _MAC + _BANK + _COUNT.size
    if len(data) < fixed or data[:head] != _HEADER:
        return None                                 # another interpreter's, or not ours
    mac, tag = data[head:head + _MAC], data[head + _MAC:head + _MAC + _BANK]
    if tag != _bank_tag(bank):
        return None                                 # written for another state of the bank
    (count,) = _COUNT.unpack_from(data, head + _MAC + _BANK)
    start = fixed + count * _ENTRY.size
    if start > len(data):
        return None
    signed = data[head + _MAC:start]
    if not hmac.compare_digest(mac, hmac.new(key, _HEADER + signed, hashlib.sha256).digest()):
        return None
    index = {digest: (offset, length) for digest, offset, length in _ENTRY.iter_unpack(signed[_BANK + _COUNT.size:])}
    return _File(data, start, index, key, _HEADER + tag)


def _read(path: Path, key: bytes, bank: bytes = b"") -> dict[bytes, bytes]:
    """Every program of the file whose signature holds (digest -> packed program); {} for a file not to be read."""
    opened = _open(path, key, bank)
    if opened is None:
        return {}
    found = {}
    for digest in opened.keys():
        packed = opened.get(digest)
        if packed is not None:
            found[digest] = packed
    return found


def _bank_tag(bank: bytes) -> bytes:
    return hashlib.blake2b(bank, digest_size=_BANK).digest()


def _write(path: Path, key: bytes, bank: bytes, programs: dict[bytes, bytes]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tag = _bank_tag(bank)
        prefix = _HEADER + tag
        rows, entries, offset = [], [], 0
        for digest, packed in programs.items():
            entry = _entry_mac(key, prefix, digest, packed) + packed
            rows.append(_ENTRY.pack(digest, offset, len(entry)))
            entries.append(entry)
            offset += len(entry)
        signed = tag + _COUNT.pack(len(rows)) + b"".join(rows)
        mac = hmac.new(key, _HEADER + signed, hashlib.sha256).digest()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(_HEADER + mac + signed)
            for entry in entries:
                handle.write(entry)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a file that cannot be written is skipped
        try:
            os.unlink(tmp)
        except OSError:
            pass


class _PlainUnpickler(pickle.Unpickler):
    """Programs are dicts, tuples, bytes, strings and ints: any class at all is refused."""

    def find_class(self, module: str, name: str):
        raise pickle.UnpicklingError(f"a regex program file never refers to {module}.{name}")
