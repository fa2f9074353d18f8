"""The on-disk bank cache: used when nothing changed, never when a file did."""
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
