"""Compiled regex programs kept between runs: same regexes, never a file someone else wrote."""
import pickle
import re

import pytest

from rewriter.banks import bank_cache, regex_programs
from rewriter.banks.loader import _build_bank, load_bank

pytestmark = pytest.mark.skipif(not regex_programs._AVAILABLE, reason="needs CPython's regex internals")


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("REWRITER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REWRITER_NO_CACHE", raising=False)
    regex_programs.reset()
    yield tmp_path / "cache"
    regex_programs.reset()


def _load(root):
    return bank_cache.load_or_build(root, "en", lambda: _build_bank(root, "en", str(root)))


def _programs_file(folder):
    [path] = [p for p in folder.iterdir() if p.name.startswith("programs-")]
    return path


def test_every_bank_regex_compiles_to_what_re_compile_gives():
    bank = load_bank("en")
    matched = 0
    for rule in bank.rules[:150]:
        inputs = [example.input for example in rule.examples] or ["We can't ship to Norway."]
        for m in rule.matchers:
            ours = regex_programs._sre.compile(m._source, *regex_programs._program(m._source, re.IGNORECASE))
            theirs = re.compile(m._source, re.IGNORECASE)
            assert (ours.pattern, ours.flags, ours.groups, ours.groupindex) == (
                theirs.pattern, theirs.flags, theirs.groups, theirs.groupindex)
            for text in inputs:
                a, b = ours.search(text), theirs.search(text)
                assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
                matched += a is not None
    assert matched > 50


def test_a_program_compiled_in_one_run_serves_the_next(scratch_root, fresh, monkeypatch):
    _load(scratch_root)
    pattern = r"(?P<item>\w+) (?:is|are) not in stock"
    first = regex_programs.compile(pattern, re.IGNORECASE)
    regex_programs.save()
    assert _programs_file(fresh).stat().st_size > 0

    regex_programs.reset()                      # as a new process
    _load(scratch_root)
    assert regex_programs.kept(pattern, re.IGNORECASE)
    monkeypatch.setattr(regex_programs, "_program", lambda *a: pytest.fail("compiled again"))
    second = regex_programs.compile(pattern, re.IGNORECASE)
    assert second.match("Shoes are NOT in stock").group("item") == "Shoes"
    assert (second.pattern, second.flags, second.groupindex) == (first.pattern, first.flags, first.groupindex)


def test_a_changed_byte_makes_the_file_ignored(scratch_root, fresh):
    _load(scratch_root)
    regex_programs.compile(r"abc(?P<x>d)")
    regex_programs.save()
    path = _programs_file(fresh)
    blob = bytearray(path.read_bytes())
    blob[-5] ^= 1
    path.write_bytes(bytes(blob))
    regex_programs.reset()
    _load(scratch_root)
    assert not regex_programs.kept(r"abc(?P<x>d)")
    assert regex_programs.compile(r"abc(?P<x>d)").match("abcd").group("x") == "d"


def test_a_signed_program_that_names_a_class_is_refused(scratch_root, fresh):
    _load(scratch_root)
    regex_programs.save()
    path = fresh / "programs-crafted.cache"
    key = (fresh / "key").read_bytes()
    digest = regex_programs._key("x(?P<y>z)", 0)
    crafted = pickle.dumps(re.compile("x"))          # signed with the right key, but pickles a call to re._compile
    regex_programs._write(path, key, b"", {digest: crafted})
    assert regex_programs._read(path, key) == {digest: crafted}
    with pytest.raises(pickle.UnpicklingError):
        regex_programs._unpack(crafted)
    regex_programs.reset()
    regex_programs.attach(path, key, b"")
    compiled = regex_programs.compile("x(?P<y>z)")   # served from the file, refused, compiled afresh
    assert compiled.match("xz").group("y") == "z"


def test_a_run_reads_only_the_programs_it_uses(scratch_root, fresh, monkeypatch):
    """The index is checked when the file is attached; each program only when a pattern asks for it."""
    _load(scratch_root)
    patterns = [rf"word{n}(?P<x>\d+)" for n in range(50)]
    for pattern in patterns:
        regex_programs.compile(pattern)
    regex_programs.save()
    regex_programs.reset()
    checked = []
    real = regex_programs._entry_mac
    monkeypatch.setattr(regex_programs, "_entry_mac", lambda *a: checked.append(a[2]) or real(*a))
    _load(scratch_root)
    assert checked == []
    assert regex_programs.compile(patterns[7]).match("word742").group("x") == "42"
    assert checked == [regex_programs._key(patterns[7], 0)]


def test_no_cache_compiles_as_re_does_and_writes_nothing(scratch_root, fresh, monkeypatch):
    monkeypatch.setenv("REWRITER_NO_CACHE", "1")
    _load(scratch_root)
    assert regex_programs.compile("a+b").match("aab")
    regex_programs.save()
    assert not fresh.exists() or not [p for p in fresh.iterdir() if p.name.startswith("programs-")]


def test_a_bad_pattern_raises_re_error(scratch_root, fresh):
    _load(scratch_root)
    with pytest.raises(re.error):
        regex_programs.compile("a(b")


def test_an_edited_bank_starts_its_programs_afresh(scratch_root, fresh):
    _load(scratch_root)
    regex_programs.compile(r"old(?P<x>pattern)")
    regex_programs.save()
    situation = next((scratch_root / "en" / "situations").glob("*.yaml"))
    situation.write_text(situation.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    regex_programs.reset()
    _load(scratch_root)                         # the bank is built again: its fingerprint changed
    assert not regex_programs.kept(r"old(?P<x>pattern)")
