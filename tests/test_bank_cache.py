"""The on-disk bank cache: used when nothing changed, never when a file did."""
import pytest

from rewriter.banks import bank_cache
from rewriter.banks.loader import _build_bank


def test_cache_is_reused_and_invalidated_by_any_edit(scratch_root, tmp_path, monkeypatch):
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(tmp_path / "cache"))
    builds = []

    def build():
        builds.append(1)
        return _build_bank(scratch_root, "en", str(scratch_root))

    first = bank_cache.load_or_build(scratch_root, "en", build)
    second = bank_cache.load_or_build(scratch_root, "en", build)
    assert len(builds) == 1 and [r.id for r in second.rules] == [r.id for r in first.rules]

    situation = next((scratch_root / "en" / "situations").glob("*.yaml"))
    situation.write_text(situation.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    bank_cache.load_or_build(scratch_root, "en", build)
    assert len(builds) == 2


def test_no_cache_env_always_builds(scratch_root, tmp_path, monkeypatch):
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("REWRITER_NO_CACHE", "1")
    builds = []
    for _ in range(2):
        bank_cache.load_or_build(scratch_root, "en", lambda: builds.append(1) or _build_bank(scratch_root, "en", None))
    assert len(builds) == 2 and not (tmp_path / "cache").exists()


def test_unwritable_cache_is_skipped(scratch_root, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(blocker / "cache"))
    bank = bank_cache.load_or_build(scratch_root, "en", lambda: _build_bank(scratch_root, "en", None))
    assert bank.rules


def _cache_file(folder):
    [path] = [p for p in folder.iterdir() if p.name.startswith("bank-")]
    return path


def _counting_build(root, builds):
    def build():
        builds.append(1)
        return _build_bank(root, "en", str(root))
    return build


def test_a_crafted_cache_file_is_never_unpickled(scratch_root, tmp_path, monkeypatch):
    import pickle

    cache = tmp_path / "cache"
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(cache))
    builds = []
    bank_cache.load_or_build(scratch_root, "en", _counting_build(scratch_root, builds))
    path = _cache_file(cache)
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (eval, (f"open({str(marker)!r}, 'w').write('x')",))

    blob = path.read_bytes()
    head = len(bank_cache.MAGIC) + 32            # magic and signature, then the fingerprint the loader compares
    fingerprint = blob[head:head + 32]
    payload = fingerprint + pickle.dumps(Evil())
    for forged in (pickle.dumps((bank_cache.fingerprint(scratch_root, "en"), Evil())),     # the old format
                   blob[:head] + payload,                                                  # a stolen signature
                   bank_cache.MAGIC + b"\0" * 32 + payload):                               # no signature
        path.write_bytes(forged)
        bank = bank_cache.load_or_build(scratch_root, "en", _counting_build(scratch_root, builds))
        assert not marker.exists() and bank.rules
    assert len(builds) == 4                       # each bad file was ignored and rebuilt
    assert bank_cache.load_or_build(scratch_root, "en", _counting_build(scratch_root, builds)) and len(builds) == 4


def test_even_a_signed_cache_builds_only_bank_classes(scratch_root, tmp_path, monkeypatch):
    import hashlib
    import hmac
    import pickle

    cache = tmp_path / "cache"
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(cache))
    builds = []
    bank_cache.load_or_build(scratch_root, "en", _counting_build(scratch_root, builds))
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (eval, (f"open({str(marker)!r}, 'w').write('x')",))

    key = (cache / "key").read_bytes()
    body = bank_cache.fingerprint(scratch_root, "en") + pickle.dumps(Evil())
    mac = hmac.new(key, bank_cache.MAGIC + body, hashlib.sha256).digest()
    _cache_file(cache).write_bytes(bank_cache.MAGIC + mac + body)
    assert bank_cache.load_or_build(scratch_root, "en", _counting_build(scratch_root, builds)).rules
    assert not marker.exists() and len(builds) == 2


def test_a_changed_byte_is_not_served(scratch_root, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(cache))
    builds = []
    bank_cache.load_or_build(scratch_root, "en", _counting_build(scratch_root, builds))
    path = _cache_file(cache)
    blob = bytearray(path.read_bytes())
    blob[len(blob) // 2] ^= 0x01
    path.write_bytes(bytes(blob))
    bank_cache.load_or_build(scratch_root, "en", _counting_build(scratch_root, builds))
    assert len(builds) == 2 and path.read_bytes() != bytes(blob)        # rebuilt and rewritten


def test_key_and_cache_are_private(scratch_root, tmp_path, monkeypatch):
    import stat

    cache = tmp_path / "cache"
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(cache))
    bank_cache.load_or_build(scratch_root, "en", lambda: _build_bank(scratch_root, "en", None))
    assert stat.S_IMODE((cache / "key").stat().st_mode) == 0o600
    assert stat.S_IMODE(_cache_file(cache).stat().st_mode) == 0o600
    # A key anyone may read is no key: the cache is not trusted, the bank is built.
    (cache / "key").chmod(0o644)
    builds = []
    bank_cache.load_or_build(scratch_root, "en", _counting_build(scratch_root, builds))
    assert builds == [1]


def test_an_edit_that_keeps_size_and_time_is_seen(scratch_root, tmp_path, monkeypatch):
    import os

    monkeypatch.setenv("REWRITER_CACHE_DIR", str(tmp_path / "cache"))
    builds = []
    bank_cache.load_or_build(scratch_root, "en", _counting_build(scratch_root, builds))
    situation = scratch_root / "en" / "situations" / "out_of_stock.yaml"
    st = situation.stat()
    text = situation.read_text(encoding="utf-8")
    edited = text.replace("sold out", "all gone", 1)
    assert edited != text and len(edited.encode()) == len(text.encode())
    situation.write_text(edited, encoding="utf-8")
    os.utime(situation, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert situation.stat().st_mtime_ns == st.st_mtime_ns and situation.stat().st_size == st.st_size
    bank_cache.load_or_build(scratch_root, "en", _counting_build(scratch_root, builds))
    assert len(builds) == 2


def test_a_failed_cache_write_leaves_no_temporary_file(scratch_root, tmp_path, monkeypatch):
    import os
    import pickle

    cache = tmp_path / "cache"
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(cache))

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    def unpicklable(*args, **kwargs):
        raise pickle.PicklingError("cannot pickle")

    for name, failure in (("replace", full_disk), ("fdopen", full_disk)):
        with monkeypatch.context() as m:
            m.setattr(bank_cache.os, name, failure)
            assert bank_cache.load_or_build(scratch_root, "en", lambda: _build_bank(scratch_root, "en", None)).rules
        assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")], name
    with monkeypatch.context() as m:
        m.setattr(bank_cache.pickle, "dumps", unpicklable)
        assert bank_cache.load_or_build(scratch_root, "en", lambda: _build_bank(scratch_root, "en", None)).rules
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")] and os.listdir(cache) == ["key"]


def test_writing_a_bank_removes_the_files_of_banks_long_unused(scratch_root, tmp_path, monkeypatch):
    import os
    import time

    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(cache))
    old = time.time() - (bank_cache.STALE_DAYS + 1) * 86400
    for tag in ("en-00000001", "fi-00000002"):
        for kind in ("bank", "programs"):
            path = cache / f"{kind}-{tag}.cache"
            path.write_bytes(b"x")
            os.utime(path, (old, old))
    recent = cache / "bank-nb-00000003.cache"
    recent.write_bytes(b"x")
    unrelated = cache / "notes.txt"
    unrelated.write_bytes(b"x")
    os.utime(unrelated, (old, old))

    bank_cache.load_or_build(scratch_root, "en", lambda: _build_bank(scratch_root, "en", None))

    names = {p.name for p in cache.iterdir()}
    assert "bank-en-00000001.cache" not in names and "programs-en-00000001.cache" not in names
    assert "bank-fi-00000002.cache" not in names and "programs-fi-00000002.cache" not in names
    assert "bank-nb-00000003.cache" in names and "notes.txt" in names
    assert _cache_file_for(cache, scratch_root).exists()


def test_only_the_most_recently_used_banks_are_kept(scratch_root, tmp_path, monkeypatch):
    import os
    import time

    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(cache))
    now = time.time()
    for i in range(bank_cache.KEEP + 5):
        path = cache / f"bank-is-{i:08x}.cache"
        path.write_bytes(b"x")
        os.utime(path, (now - 60 * i, now - 60 * i))      # 0 is the most recently used

    bank_cache.load_or_build(scratch_root, "en", lambda: _build_bank(scratch_root, "en", None))

    kept = {p.name for p in cache.glob("bank-is-*.cache")}
    # the new file counts among the most recent, so the oldest six go
    assert kept == {f"bank-is-{i:08x}.cache" for i in range(bank_cache.KEEP - 1)}


def test_a_bank_in_use_is_marked_used(scratch_root, tmp_path, monkeypatch):
    import os
    import time

    cache = tmp_path / "cache"
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(cache))
    build = lambda: _build_bank(scratch_root, "en", None)  # noqa: E731
    bank_cache.load_or_build(scratch_root, "en", build)
    path = _cache_file_for(cache, scratch_root)
    old = time.time() - 10 * 86400
    os.utime(path, (old, old))
    bank_cache.load_or_build(scratch_root, "en", build)
    assert path.stat().st_mtime > time.time() - 3600


def _cache_file_for(folder, root):
    import zlib
    return folder / f"bank-en-{zlib.crc32(str(root.resolve()).encode()):08x}.cache"


def test_every_language_bank_is_served_from_the_cache_the_second_time(tmp_path, monkeypatch):
    # A bank holding a class or a compiled regex the safe unpickler refuses is rebuilt
    # on every run (a second of start-up each time): each bank must round-trip.
    from rewriter.banks.loader import bank_root

    monkeypatch.setenv("REWRITER_CACHE_DIR", str(tmp_path / "cache"))
    root = bank_root()
    for lang in ("en", "fi", "is", "nb"):
        builds = []

        def build():
            builds.append(1)
            return _build_bank(root, lang, str(root))

        bank_cache.load_or_build(root, lang, build)
        again = bank_cache.load_or_build(root, lang, build)
        if len(builds) != 1:
            pytest.fail(f"{lang}: the cached bank was not served")
        assert again.language.code == lang
