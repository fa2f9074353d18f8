"""Never crash, never corrupt: every failure is one line on stderr and exit code 2 (issue #13)."""
import errno
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rewriter.errors import RewriterError

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, stdin: bytes = b"", env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rewriter", *args], input=stdin, capture_output=True,
                          env={**os.environ, **(env or {})}, cwd=cwd)


def shell(command: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """A command line with shell redirections (closed stdin, /dev/full)."""
    python = f"{sys.executable} -m rewriter"
    return subprocess.run(["bash", "-c", command.replace("rewriter ", python + " ", 1)], capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})


def one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, (proc.returncode, err)
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    for needle in needles:
        assert needle in err, err
    return err


# --- 14: argparse errors are one line too

@pytest.mark.parametrize("args, needle", [
    (["polish"], "rewriter polish: error: the following arguments are required: INPUT (see rewriter polish --help)"),
    (["rewrite", "--tone", "rude", "x"], "rewriter rewrite: error: argument --tone"),
    (["nosuch"], "rewriter: error: argument COMMAND: invalid choice"),
    (["bank", "validate", "--nope"], "rewriter: error: unrecognized arguments: --nope"),
    (["bank"], "rewriter bank: error:"),
])
def test_usage_errors_are_one_line_naming_help(args, needle):
    err = one_line_error(cli(*args), needle)
    assert "--help)" in err


# --- 13: a byte that is not UTF-8 in an argument

def test_non_utf8_argument_is_one_line_error():
    proc = subprocess.run([os.fsencode(sys.executable), b"-m", b"rewriter", b"rewrite", b"--lang", b"en", b"caf\xe9 \xff"],
                          capture_output=True)
    one_line_error(proc, "argument 4", "not UTF-8 (byte 0xe9)")
    assert proc.stdout == b""


# --- 13: closed stdin, closed or full stdout

def test_closed_stdin_is_one_line_error():
    one_line_error(shell("rewriter rewrite --lang en <&-"), "<stdin>: closed")
    one_line_error(shell("rewriter check --lang en - <&-"), "<stdin>: closed")
    one_line_error(shell("rewriter polish - -o - --format text --lang en <&-"), "<stdin>: closed")


def test_full_stdout_is_exit_2_not_findings():
    # check would exit 1 (findings); a lost report must not look like that.
    proc = shell("echo 'The red dress is sold out.' | rewriter check --lang en - > /dev/full")
    one_line_error(proc, "No space left on device")
    proc = shell("echo 'All good.' | rewriter rewrite --lang en --engine template > /dev/full")
    one_line_error(proc, "No space left on device")


def test_closed_stdout_is_one_line_error():
    one_line_error(shell("rewriter rewrite --lang en --engine template 'The lamp is sold out.' >&-"), "stdout is closed")


# --- 11: stdin has the same 100 MB limit as a file

def test_polish_from_stdin_is_size_limited(monkeypatch):
    from rewriter.cli import inputs
    from rewriter.formats import document

    monkeypatch.setattr(document, "MAX_BYTES", 1000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 5000)))
    with pytest.raises(RewriterError, match=r"<stdin>: too large \(the limit is 1000 bytes\)"):
        document.read_source("-")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"x" * 1000)))
    assert len(document.read_source("-")) == 1000
    assert inputs.MAX_BYTES == 100 * 1024 * 1024


def test_file_over_the_limit_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    from rewriter.formats import document

    big = tmp_path / "big.txt"
    big.write_bytes(b"y" * 3000)
    monkeypatch.setattr(document, "MAX_BYTES", 1000)
    with pytest.raises(RewriterError, match="big.txt: too large"):
        document.read_source(str(big))


# --- 13: malformed exports

@pytest.mark.parametrize("content, needles", [
    ('{"macros": [{"id": 1, "title": "t", "actions": [{"field": "comment_value", "value": "Hi"}], "score": NaN}]}',
     ("m.json:1:102: malformed JSON: NaN is not a JSON value",)),
    ('{"macros":\n [1, -Infinity]}', ("m.json:2:6: malformed JSON: -Infinity",)),
    ("[" * 5000 + "]" * 5000, ("m.json:1:501: JSON nested too deeply",)),
])
def test_malformed_json_is_one_line_with_line_and_column(tmp_path, content, needles):
    src = tmp_path / "m.json"
    src.write_text(content, encoding="utf-8")
    proc = cli("polish", "m.json", "-o", "out.json", "--lang", "en", cwd=tmp_path)
    one_line_error(proc, *needles)
    assert not (tmp_path / "out.json").exists()


def test_unwritable_folder_or_read_only_file_system_is_one_line(tmp_path, monkeypatch):
    from rewriter.cli import atomic

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", read_only)
    with pytest.raises(RewriterError, match="out.json: cannot write \\(Read-only file system\\)"):
        atomic.write_text_atomic(tmp_path / "out.json", "x")
    assert list(tmp_path.iterdir()) == []


def test_output_in_a_folder_where_nothing_can_be_created(tmp_path):
    shutil.copy(FIXTURES / "zendesk.json", tmp_path / "m.json")
    one_line_error(cli("polish", str(tmp_path / "m.json"), "-o", "/proc/out.json", "--lang", "en"), "/proc/out.json")
    one_line_error(cli("polish", str(tmp_path / "m.json"), "-o", str(tmp_path / "no" / "out.json")), "does not exist")


# --- 15: outputs never overwrite inputs; output and report are written together or not at all

def test_report_may_not_overwrite_the_input_or_the_output(tmp_path):
    src = tmp_path / "m.json"
    shutil.copy(FIXTURES / "zendesk.json", src)
    before = src.read_bytes()
    one_line_error(cli("polish", str(src), "-o", str(tmp_path / "o.json"), "--report", str(src)), "is the input file")
    one_line_error(cli("polish", str(src), "-o", str(tmp_path / "o.json"), "--report", str(tmp_path / "o.json")),
                   "is the output file")
    one_line_error(cli("polish", str(src), "--in-place", "--report", str(tmp_path / ".." / tmp_path.name / "m.json")),
                   "is the input file")
    assert src.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["m.json"]


def test_failing_report_leaves_no_output(tmp_path, monkeypatch):
    from rewriter.cli import atomic

    # The report's folder is there when checked, but its write fails: the output must not be left behind.
    real_mkstemp = atomic.tempfile.mkstemp

    def mkstemp(prefix="", suffix="", dir=None):
        if ".r.html." in prefix:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_mkstemp(prefix=prefix, suffix=suffix, dir=dir)

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)
    with pytest.raises(RewriterError, match="r.html: cannot write"):
        atomic.write_all_atomic([(tmp_path / "out.json", b"{}"), (tmp_path / "r.html", b"<p>")])
    assert list(tmp_path.iterdir()) == []


def test_report_in_a_missing_folder_fails_before_anything_is_written(tmp_path):
    src = tmp_path / "m.json"
    shutil.copy(FIXTURES / "zendesk.json", src)
    proc = cli("polish", str(src), "-o", str(tmp_path / "out.json"), "--report", str(tmp_path / "nope" / "r.html"))
    one_line_error(proc, "r.html: folder")
    assert not (tmp_path / "out.json").exists()


def test_eval_refuses_to_overwrite_its_input(tmp_path):
    dev = tmp_path / "dev_en.jsonl"
    dev.write_text(json.dumps({"id": "a", "lang": "en", "text": "The lamp is sold out."}) + "\n", encoding="utf-8")
    before = dev.read_bytes()
    one_line_error(cli("eval", str(dev), "--json", str(dev)), "is an input of this run")
    one_line_error(cli("eval", str(dev), "--html", str(dev)), "is an input of this run")
    one_line_error(cli("eval", str(dev), "--json", str(tmp_path / "r.json"), "--html", str(tmp_path / "r.json")),
                   "given to both")
    assert dev.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["dev_en.jsonl"]


# --- 16: --in-place through a symbolic link keeps the link and the file's mode; new files get the umask's mode

def test_in_place_writes_through_a_symlink_and_keeps_the_mode(tmp_path):
    real = tmp_path / "exports" / "macros.json"
    real.parent.mkdir()
    shutil.copy(FIXTURES / "zendesk.json", real)
    real.chmod(0o640)
    link = tmp_path / "current.json"
    link.symlink_to(real)
    proc = cli("polish", str(link), "--in-place", "--lang", "en", "--engine", "template")
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "lamp back in stock" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["macros.json"]


def test_new_output_gets_the_usual_mode(tmp_path):
    src = tmp_path / "m.json"
    shutil.copy(FIXTURES / "zendesk.json", src)
    proc = subprocess.run(["bash", "-c", f"umask 022; {sys.executable} -m rewriter polish {src} -o {tmp_path / 'o.json'} "
                                         f"--report {tmp_path / 'r.html'} --lang en --engine template"],
                          capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE((tmp_path / "o.json").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "r.html").stat().st_mode) == 0o644


# --- 17: no banks is an error, not "0 passed"

@pytest.mark.parametrize("action", ["validate", "test", "coverage"])
def test_bank_commands_without_banks_fail(tmp_path, action):
    missing = tmp_path / "nowhere"
    one_line_error(cli("bank", action, env={"REWRITER_BANKS": str(missing)}), str(missing), "no such folder")
    a_file = tmp_path / "banks.txt"
    a_file.write_text("x")
    one_line_error(cli("bank", action, env={"REWRITER_BANKS": str(a_file)}), "not a folder")
    empty = tmp_path / "empty"
    empty.mkdir()
    one_line_error(cli("bank", action, env={"REWRITER_BANKS": str(empty)}), "no phrase banks")


# --- 13 and 18: settings files

@pytest.mark.parametrize("name, content, message", [
    ("pyproject.toml", 'tool = "x"\n', "'tool' must be a table"),
    ("pyproject.toml", "[tool]\nrewriter = 5\n", "[tool.rewriter] must be a table"),
    ("rewriter.toml", "deny_actions = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
    ("rewriter.toml", "deny_actions = [[\"x\"]]\n", "deny_actions must be a list of action names"),
    ("rewriter.toml", "partial_messages = \"yes\"\n", "partial_messages must be true or false"),
])
def test_bad_settings_are_one_line(tmp_path, name, content, message):
    from rewriter.config import load_config

    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(RewriterError) as err:
        load_config(start=tmp_path)
    assert message in str(err.value) and name in str(err.value)


def test_bad_settings_file_from_the_cli(tmp_path):
    (tmp_path / "pyproject.toml").write_text('tool = "x"\n', encoding="utf-8")
    one_line_error(cli("rewrite", "--lang", "en", "hello", cwd=tmp_path, env={"REWRITER_CONFIG": ""}),
                   "'tool' must be a table")


def test_config_option_reads_tool_rewriter_of_a_pyproject(tmp_path):
    from rewriter.config import load_config

    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n\n[tool.rewriter]\ndeny_actions = ["call_back"]\nfollow_up_days = 3\n',
                         encoding="utf-8")
    config = load_config(pyproject)
    assert config.follow_up_days == 3 and "call_back" not in config.allowed_actions
    pyproject.write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(RewriterError, match=r"no \[tool.rewriter\] table"):
        load_config(pyproject)


# --- 13: a wrong-shaped --baseline

@pytest.mark.parametrize("baseline", [
    {"languages": [], "items": []},
    {"languages": {"en": 1}, "items": []},
    {"languages": {}, "items": {}},
    {"languages": {}, "items": [{"id": "t1", "joint": "high", "unchanged": 1, "expect_unchanged": False}]},
    {"languages": {}, "items": [["t1"]]},
])
def test_wrong_shaped_baseline_is_one_line(tmp_path, baseline):
    from rewriter.evaluation.run import load_run

    path = tmp_path / "old.json"
    path.write_text(json.dumps(baseline), encoding="utf-8")
    with pytest.raises(RewriterError, match="old.json: not an eval JSON file"):
        load_run(str(path))


def test_wrong_shaped_baseline_from_the_cli(tmp_path):
    dev = tmp_path / "dev_en.jsonl"
    dev.write_text(json.dumps({"id": "a", "lang": "en", "text": "The lamp is sold out."}) + "\n", encoding="utf-8")
    old = tmp_path / "old.json"
    old.write_text('{"languages": {"en": []}, "items": [{"id": "a"}]}', encoding="utf-8")
    one_line_error(cli("eval", str(dev), "--engine", "template", "--baseline", str(old)), "not an eval JSON file")


# --- 9: loading the dev set is linear

def test_forty_thousand_items_load_in_well_under_a_second(tmp_path):
    from rewriter.evaluation.devset import load_items

    path = tmp_path / "dev_en.jsonl"
    path.write_text("".join(json.dumps({"id": f"i{n}", "lang": "en", "text": "The lamp is sold out."}) + "\n"
                            for n in range(40_000)), encoding="utf-8")
    start = time.perf_counter()
    items = load_items([str(path)])
    assert len(items) == 40_000 and time.perf_counter() - start < 1.0


def test_duplicate_ids_name_both_lines(tmp_path):
    from rewriter.evaluation.devset import load_items

    path = tmp_path / "dev.jsonl"
    path.write_text("".join(json.dumps({"id": i, "lang": "en", "text": "x"}) + "\n" for i in ("a", "b", "a")), encoding="utf-8")
    with pytest.raises(RewriterError, match=r"duplicate item id\(s\): a \(.*dev.jsonl:1 and .*dev.jsonl:3\)"):
        load_items([str(path)])
