"""The command line as a user meets it: outputs, the line protocol and error paths."""
import json
import os
import subprocess
import sys

import pytest

from rewriter.cli.main import main


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rewriter", *args], input=stdin, capture_output=True)


def test_rewrite_argument_prints_the_rewrite(capsys):
    assert main(["rewrite", "--lang", "en", "The red dress is sold out."]) == 0
    out = capsys.readouterr().out
    assert "red dress" in out and "sold out" not in out


def test_json_has_the_documented_fields(capsys):
    main(["rewrite", "--json", "--lang", "en", "--engine", "template", "The red dress is sold out.", "All good here."])
    first, second = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {"input", "output", "lang", "changed", "engine", "findings"} <= set(first)
    assert first["changed"] is True and first["engine"] == "template" and first["lang"] == "en"
    assert first["findings"][0]["rule"].startswith("out_of_stock.")
    assert second["changed"] is False and second["engine"] == "none" and second["output"] == "All good here."


def test_stdin_gives_one_output_line_per_input_line():
    proc = cli("rewrite", "--lang", "en", stdin="The red dress is sold out.\n\nAll good here.\n".encode())
    lines = proc.stdout.decode().split("\n")
    assert proc.returncode == 0 and len(lines) == 4 and lines[1] == "" and lines[2] == "All good here."


def test_stdin_by_paragraph_takes_a_macro_of_several_lines_as_one_message():
    macro = "Hi Anna,\nThe red dress is sold out.\nBest, Tom"
    proc = cli("rewrite", "--lang", "en", "--by", "paragraph", stdin=f"{macro}\n\n \nAll good here.\n".encode())
    out = proc.stdout.decode()
    first, second = out.split("\n\n\n")
    assert proc.returncode == 0 and second == "All good here.\n"
    assert first.startswith("Hi Anna,\n") and first.endswith("\nBest, Tom") and "sold out" not in first
    lines = cli("rewrite", "--lang", "en", "--by", "paragraph", "--json", stdin=f"{macro}\n\nAll good here.".encode())
    answers = [json.loads(line) for line in lines.stdout.decode().splitlines()]
    assert [a["input"] for a in answers] == [macro, "All good here."] and answers[0]["changed"] is True


def test_stdin_by_all_is_one_message_and_by_line_splits_it():
    text = "Hi Anna,\nThe red dress is sold out.\nBest, Tom\n"
    whole = cli("rewrite", "--lang", "en", "--by", "all", "--json", stdin=text.encode())
    (answer,) = [json.loads(line) for line in whole.stdout.decode().splitlines()]
    assert answer["input"] == text.rstrip("\n") and answer["changed"] is True
    by_line = cli("rewrite", "--lang", "en", "--json", stdin=text.encode())
    assert len(by_line.stdout.decode().splitlines()) == 3


def test_explain_names_the_rule_and_the_template(capsys):
    main(["rewrite", "--explain", "--lang", "en", "--engine", "template", "The red dress is sold out."])
    out = capsys.readouterr().out
    assert "finding: out_of_stock." in out and "out_of_stock.yaml:" in out


def test_explain_says_why_a_sentence_with_an_ok_clause_candidate_stays(capsys):
    # the first clause has a verified rewrite, the second none: the sentence stays, and --explain says why
    sentence = "The 9am slot is already full, so you won't be able to launch before 11:30."
    main(["rewrite", "--explain", "--lang", "en", sentence])
    out = capsys.readouterr().out
    assert out.splitlines()[0] == sentence
    assert "    ok   " in out and "kept as it is: the candidates marked ok cover one clause only" in out


@pytest.mark.parametrize("args, stdin, message", [
    (["rewrite", "--lang", "xx", "hello"], None, "unknown language 'xx'"),
    (["rewrite", "--lang", "en", ""], None, "empty input"),
    (["rewrite", "--lang", "en"], b"", "empty input"),
    (["rewrite", "--lang", "en"], b"caf\xe9 is sold out\n", "<stdin>:1:4: not UTF-8"),
    (["check", "--lang", "en", "no/such/file.txt"], None, "no/such/file.txt: no such file"),
    (["rewrite", "--lang", "en", "--engine", "magic", "x"], None, "unknown engine"),
])
def test_errors_are_one_line_and_exit_2(args, stdin, message):
    proc = cli(*args, stdin=stdin if stdin is not None else b"")
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_usage_error_exits_2():
    assert cli("rewrite", "--tone", "rude", "x").returncode == 2


def test_check_lists_findings_with_position_and_exits_1(tmp_path):
    f = tmp_path / "macro.txt"
    f.write_text("Hello!\nThe red dress is sold out.\n", encoding="utf-8")
    proc = cli("check", "--lang", "en", str(f))
    assert proc.returncode == 1
    [line] = proc.stdout.decode().splitlines()
    assert line.startswith(f"{f}:2:1: warning out_of_stock.") and len(line) > len(f"{f}:2:1: warning out_of_stock.x ")


def test_check_sees_a_hard_wrapped_sentence_whole_and_reports_where_it_starts():
    proc = cli("check", "--lang", "en", "--format", "json", "-",
               stdin=b"Hello Anna,\nwe can't deliver the grey\nsofa on Saturday.\n- Order today\n- pay later\n")
    findings = json.loads(proc.stdout)
    assert [f["rule"].split(".")[0] for f in findings] == ["delivery_limits"]
    assert (findings[0]["line"], findings[0]["end_line"]) == (2, 3)
    assert "grey sofa" in findings[0]["suggestion"]


def test_check_walks_a_folder_for_text_files(tmp_path):
    (tmp_path / "a.md").write_text("The red dress is sold out.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Please calm down.\n", encoding="utf-8")
    (tmp_path / "data.json").write_text('{"x": "It is not here."}', encoding="utf-8")
    proc = cli("check", "--lang", "en", "--format", "line", str(tmp_path))
    paths = [line.split(":")[0] for line in proc.stdout.decode().splitlines()]
    assert proc.returncode == 1 and list(dict.fromkeys(paths)) == [str(tmp_path / "a.md"), str(tmp_path / "sub" / "b.txt")]
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = cli("check", "--lang", "en", str(empty))
    assert proc.returncode == 2 and b"no text files" in proc.stderr and len(proc.stderr.splitlines()) == 1


def test_check_clean_input_exits_0_and_min_level_filters():
    assert cli("check", "--lang", "en", "-", stdin=b"Thanks, I'll send it today.\n").returncode == 0
    assert cli("check", "--lang", "en", "--min-level", "warning", "-", stdin=b"It is not signed.\n").returncode == 0
    assert cli("check", "--lang", "en", "-", stdin=b"It is not signed.\n").returncode == 1


def test_help_detection_and_templates_never_import_torch():
    code = ("import sys; from rewriter.cli.main import main; main(['rewrite', '--lang', 'en', 'The lamp is sold out.']);"
            "import rewriter; rewriter.detect('It is not here.', lang='en');"
            "assert not [m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers')], 'heavy import'")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    assert cli("--help").returncode == 0 and b"rewrite" in cli("--help").stdout


def test_bank_test_command_reports_counts():
    proc = cli("bank", "test", "--lang", "en")
    assert proc.returncode == 0 and b"passed, 0 failed" in proc.stdout


def _check(fmt: str) -> subprocess.CompletedProcess:
    return cli("check", "--lang", "en", "--format", fmt, "-", stdin=b"Hello!\nThe red dress is sold out.\n")


def test_check_line_format():
    proc = _check("line")
    assert proc.returncode == 1
    [line] = proc.stdout.decode().splitlines()
    path, row, col, rule, message = line.split(":", 4)
    assert (path, row, col) == ("<stdin>", "2", "1") and rule.startswith("out_of_stock.") and message


def test_check_json_format_has_positions_and_suggestion():
    [finding] = json.loads(_check("json").stdout)
    assert (finding["line"], finding["column"], finding["end_column"]) == (2, 1, 26)  # end is exclusive, as in SARIF
    assert finding["rule"].startswith("out_of_stock.") and finding["suggestion"]


def test_check_sarif_is_2_1_0_with_stable_rule_ids():
    sarif = json.loads(_check("sarif").stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    [rule] = run["tool"]["driver"]["rules"]
    [result] = run["results"]
    assert result["ruleId"] == rule["id"] and rule["id"].startswith("out_of_stock.") and result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 2


def test_check_github_annotations():
    out = _check("github").stdout.decode()
    assert out.startswith("::warning file=<stdin>,line=2,col=1,endColumn=26,title=out_of_stock.")


def test_check_sarif_clean_input_has_no_results_and_exits_0():
    proc = cli("check", "--lang", "en", "--format", "sarif", "-", stdin=b"All good.\n")
    assert proc.returncode == 0 and json.loads(proc.stdout)["runs"][0]["results"] == []


def test_help_lists_every_command_with_its_own_one_line_help():
    # `rewriter --help` is built from main.COMMANDS without importing the command
    # modules; the lines must be the ones each module registers.
    import argparse

    from rewriter.cli.main import COMMANDS, build_parser

    def summaries(parser: argparse.ArgumentParser) -> dict[str, str]:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        return {c.dest: c.help for c in sub._choices_actions}

    full, lazy = summaries(build_parser()), summaries(build_parser(None))
    assert full == lazy == {name: summary for name, _, summary in COMMANDS}
    out = cli("--help").stdout.decode()
    for name, _, summary in COMMANDS:
        assert f"{name}" in out and summary in out
    assert build_parser().format_help() == build_parser(None).format_help() == build_parser("check").format_help()


def test_building_the_parser_finds_the_width_without_shutil():
    code = ("import sys\nfrom rewriter.cli.main import build_parser\nbuild_parser('rewrite')\n"
            "print('shutil' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert proc.stdout.decode().split() == ["False"], proc.stderr.decode()
    # the help is wrapped to $COLUMNS, as argparse's own lookup does
    def usage_lines(columns: str) -> int:
        out = subprocess.run([sys.executable, "-m", "rewriter", "rewrite", "--help"], capture_output=True,
                             env={**os.environ, "COLUMNS": columns}).stdout.decode()
        return len(out.split("\n\n")[0].splitlines())

    assert usage_lines("50") > usage_lines("200") >= 1


def test_a_command_builds_only_its_own_options():
    code = ("import sys\nfrom rewriter.cli.main import main\nmain(['check', '--lang', 'en', '-'])\n"
            "print(sorted(m for m in sys.modules if m.startswith('rewriter.cli.')))")
    proc = subprocess.run([sys.executable, "-c", code], input=b"All good here.\n", capture_output=True)
    loaded = proc.stdout.decode().strip().splitlines()[-1]
    assert "rewriter.cli.check_cmd" in loaded and "rewriter.cli.serve_cmd" not in loaded and "polish_cmd" not in loaded
    # Each command's own help still comes out whole.
    assert "--min-level" in cli("check", "--help").stdout.decode()
    assert "invalid choice: 'bogus'" in cli("bogus").stderr.decode()


@pytest.mark.parametrize("args", [
    ["rewrite", "--lang", "en", "The red dress is sold out."],
    ["rewrite", "--lang", "en", "--json"],
    ["check", "--lang", "en", "-"],
])
def test_a_closed_pipe_ends_quietly_with_141(args):
    # `rewriter ... | head -1`: the reader is gone before rewriter writes.
    import os

    read, write = os.pipe()
    os.close(read)
    proc = subprocess.Popen([sys.executable, "-m", "rewriter", *args], stdin=subprocess.PIPE, stdout=write,
                            stderr=subprocess.PIPE)
    os.close(write)
    _, err = proc.communicate(b"The red dress is sold out.\n" * 50)
    assert proc.returncode == 141 and err == b""


def _many_lines(n: int) -> bytes:
    lines = ["Hello!", "The red dress is sold out.", "We can't deliver on Sunday, sorry.", "Thanks for waiting.",
             "You must call us first.", "It is not signed.", "Please calm down."]
    return "".join(f"{lines[i % len(lines)]} Order {i}.\n" for i in range(n)).encode()


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_check_jobs_give_the_output_of_one_process_in_input_order(tmp_path, fmt):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(_many_lines(300))
    b.write_bytes(b"All good.\n" * 50 + _many_lines(90))
    one = cli("check", "--lang", "en", "--format", fmt, "--jobs", "1", str(a), str(b))
    assert one.returncode == 1 and one.stdout
    for jobs in ("2", "3", "auto"):
        many = cli("check", "--lang", "en", "--format", fmt, "--jobs", jobs, str(a), str(b))
        assert (many.returncode, many.stdout, many.stderr) == (one.returncode, one.stdout, one.stderr)


def test_check_jobs_clean_input_exits_0_and_bad_values_exit_2():
    assert cli("check", "--lang", "en", "--jobs", "2", "-", stdin=b"All good.\n" * 40).returncode == 0
    assert cli("check", "--lang", "en", "--jobs", "4", "-", stdin=b"").returncode == 0
    for bad in ("0", "-1", "two"):
        proc = cli("check", "--lang", "en", "--jobs", bad, "-", stdin=b"All good.\n")
        assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1 and b"--jobs" in proc.stderr


def test_check_jobs_report_the_first_error_in_input_order(tmp_path):
    # A line over the size limit fails the run the same way with any number of processes.
    f = tmp_path / "big.txt"
    f.write_text("It is not signed.\n" * 30 + "word " * 50 + "\n" + "It is not here.\n" * 30, encoding="utf-8")
    env_one = cli_env({"REWRITER_MAX_CHARS": "100"}, "check", "--lang", "en", "--jobs", "1", str(f))
    env_many = cli_env({"REWRITER_MAX_CHARS": "100"}, "check", "--lang", "en", "--jobs", "3", str(f))
    assert env_one.returncode == 2 and (env_many.returncode, env_many.stdout, env_many.stderr) == (
        env_one.returncode, env_one.stdout, env_one.stderr)


def cli_env(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    import os
    return subprocess.run([sys.executable, "-m", "rewriter", *args], capture_output=True, env={**os.environ, **env})


def test_check_auto_jobs_only_for_long_input_and_more_than_one_cpu(monkeypatch):
    from rewriter.cli import check_cmd
    monkeypatch.setattr(check_cmd, "_cpus", lambda: 2)
    assert check_cmd.job_count(None, 500) == 1 and check_cmd.job_count(None, 10_000) == 2
    assert check_cmd.job_count(3, 2) == 2 and check_cmd.job_count(1, 10_000) == 1
    monkeypatch.setattr(check_cmd, "_cpus", lambda: 1)
    assert check_cmd.job_count(None, 10_000) == 1


def test_check_auto_jobs_leave_cpus_busy_with_other_work_alone(monkeypatch):
    import os
    from rewriter.cli import check_cmd
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    for load, cpus in ((0.0, 2), (0.8, 2), (1.5, 1), (3.0, 1)):
        monkeypatch.setattr(os, "getloadavg", lambda load=load: (load, load, load))
        assert check_cmd._cpus() == cpus


def test_check_many_jobs_on_few_lines_keep_order(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(_many_lines(600))
    one = cli("check", "--lang", "en", "--jobs", "1", str(f))
    many = cli("check", "--lang", "en", "--jobs", "40", str(f))
    assert one.returncode == many.returncode == 1 and one.stdout == many.stdout


def test_whole_keeps_a_message_with_a_sentence_left_as_it_is_and_the_default_rewrites_the_rest(capsys, tmp_path,
                                                                                               monkeypatch):
    monkeypatch.chdir(tmp_path)          # no rewriter.toml of the project's around
    (tmp_path / "rewriter.toml").write_text("drafts = \"none\"\n", encoding="utf-8")
    monkeypatch.delenv("REWRITER_CONFIG")   # the settings file here is the one read
    text = "The red dress is sold out. Tickets are non-refundable once the match has started."
    assert main(["rewrite", "--lang", "en", text]) == 0
    out = capsys.readouterr().out.strip()
    assert "red dress" in out and "sold out" not in out and out.endswith("once the match has started.")
    assert main(["rewrite", "--lang", "en", "--whole", text]) == 0
    assert capsys.readouterr().out.strip() == text
    (tmp_path / "rewriter.toml").write_text("partial_messages = false\ndrafts = \"none\"\n", encoding="utf-8")
    assert main(["rewrite", "--lang", "en", text]) == 0
    assert capsys.readouterr().out.strip() == text, "the settings' whole-message mode"
    assert main(["rewrite", "--lang", "en", "--partial", text]) == 0
    assert capsys.readouterr().out.strip() != text, "--partial overrides the settings"
    assert main(["rewrite", "--lang", "en", "--whole", "--explain", text]) == 0
    assert "held back" in capsys.readouterr().out
