"""Help-desk exports round-trip losslessly through `rewriter polish`."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rewriter import Rewriter
from rewriter.errors import RewriterError
from rewriter.formats.document import detect_format, polish
from rewriter.formats.helpdesk import BY_NAME

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
CASES = {  # file -> (format, the sentence that must change)
    "zendesk.json": ("zendesk", "lamp is out of stock"),
    "freshdesk.json": ("freshdesk", "red dress is out of stock"),
    "helpscout.json": ("helpscout", "blue mug is sold out"),
    "intercom.json": ("intercom", "Nordic jacket is sold out"),
    "front.json": ("front", "walnut table is out of stock"),
    "gorgias.json": ("gorgias", "Aurora lamp is sold out"),
    "zammad.json": ("zammad", "red dress is sold out"),
    "macros.csv": ("csv", "red dress is out of stock"),
    "reply.txt": ("text", "blue mug is sold out"),
    "reply.md": ("markdown", "blue mug is sold out"),
}
REWRITER = Rewriter("en", engines=("template",))


def run_polish(name: str):
    text = (FIXTURES / name).read_bytes().decode("utf-8")
    return text, polish(name, text, "auto", REWRITER)


@pytest.mark.parametrize("name", CASES)
def test_format_is_recognised(name):
    text = (FIXTURES / name).read_bytes().decode("utf-8")
    assert detect_format(name, text) == CASES[name][0]


@pytest.mark.parametrize("name", CASES)
def test_negative_reply_is_rewritten_and_everything_else_kept(name):
    text, polished = run_polish(name)
    sentence = CASES[name][1]
    assert sentence in text and sentence not in polished.output
    assert len(text.splitlines()) == len(polished.output.splitlines())
    if name.endswith(".json"):
        fmt = BY_NAME[CASES[name][0]]
        before, after = json.loads(text), json.loads(polished.output)
        assert _shape(before) == _shape(after)       # same keys, order and types everywhere
        paths = [f.path for f in fmt.fields(before)]
        assert _without(before, paths) == _without(after, paths)   # only reply texts differ


@pytest.mark.parametrize("name", CASES)
def test_polishing_twice_changes_nothing_more(name):
    _, first = run_polish(name)
    second = polish(name, first.output, "auto", REWRITER)
    assert second.output == first.output


def test_nothing_to_change_is_byte_identical():
    text = '{\n  "macros":[{"id":1,"title":"t","actions":[{"field":"comment_value","value":"Thanks, I\\u2019ll send it \\/ today."}]}]\n}'
    assert polish("m.json", text, "auto", REWRITER).output == text


def test_placeholders_and_attribute_tags_survive():
    _, polished = run_polish("intercom.json")
    data = json.loads(polished.output)["data"][0]
    assert '<attribute key="user.name" default="there"/>' in data["body"]
    assert '{{user.name|fallback:"there"}}' in data["body_text"]


def test_plain_twin_gets_the_same_rewrite_as_its_html():
    _, polished = run_polish("freshdesk.json")
    record = json.loads(polished.output)[1]
    assert record["content"] in record["content_html"]


def test_summary_accounts_for_every_macro():
    _, polished = run_polish("zendesk.json")
    counts = polished.summary()
    assert counts["macros"] == 4
    assert counts["rewritten"] + counts["unchanged"] + counts["needs review"] + counts["no reply text"] == 4
    assert counts["rewritten"] == 1 and counts["no reply text"] == 1 and counts["needs review"] == 1


def test_markdown_code_is_left_alone():
    _, polished = run_polish("reply.md")
    assert "```\nThe code is not sold out.\n```" in polished.output and "`not`" in polished.output


def test_csv_keeps_quoting_of_untouched_rows():
    text, polished = run_polish("macros.csv")
    assert '3,Quote,"He said ""hi"", thanks.",misc\r\n' in polished.output
    assert polished.output.count("\r\n") == text.count("\r\n")


@pytest.mark.parametrize("text, fmt, message", [
    ('{"macros": [1,', "auto", "m.json:1:15: malformed JSON"),
    ('{"hello": "world"}', "auto", "unknown format"),
    ("id,body\n1,\"open", "csv", "malformed CSV"),
    ("id,title\n1,x\n", "csv", "which column holds the reply"),
])
def test_bad_input_is_one_clear_error(text, fmt, message):
    with pytest.raises(RewriterError, match=message):
        polish("m.json" if fmt == "auto" else "m.csv", text, fmt, REWRITER)


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "rewriter", *args], capture_output=True, cwd=cwd)


def test_cli_writes_output_and_report_and_never_the_input(tmp_path):
    src = tmp_path / "macros.json"
    shutil.copy(FIXTURES / "zendesk.json", src)
    before = src.read_bytes()
    proc = cli("polish", str(src), "-o", str(tmp_path / "out.json"), "--report", str(tmp_path / "r.html"), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert b"4 macros: 1 rewritten, 1 unchanged, 1 need review, 1 without reply text" in proc.stdout
    assert src.read_bytes() == before
    assert "lamp back in stock" in (tmp_path / "out.json").read_text(encoding="utf-8")
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<ins>" in report and "needs review" in report


def test_cli_bad_input_leaves_no_output_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"macros": [', encoding="utf-8")
    proc = cli("polish", str(bad), "-o", str(tmp_path / "out.json"))
    assert proc.returncode == 2 and b"malformed JSON" in proc.stderr and b"Traceback" not in proc.stderr
    assert not (tmp_path / "out.json").exists() and list(tmp_path.iterdir()) == [bad]


def test_cli_refuses_to_overwrite_the_input_without_in_place(tmp_path):
    src = tmp_path / "m.json"
    shutil.copy(FIXTURES / "zendesk.json", src)
    proc = cli("polish", str(src), "-o", str(src))
    assert proc.returncode == 2 and b"--in-place" in proc.stderr
    assert cli("polish", str(src), "--in-place", "--lang", "en").returncode == 0
    assert "lamp back in stock" in src.read_text(encoding="utf-8")


def _shape(node):
    if isinstance(node, dict):
        return [(k, _shape(v)) for k, v in node.items()]
    if isinstance(node, list):
        return [_shape(v) for v in node]
    return type(node).__name__


def _without(data, paths):
    data = json.loads(json.dumps(data))
    for path in paths:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = None
    return data


def _zendesk_export(count: int) -> tuple[str, list[str]]:
    """A Zendesk macro export of ``count`` macros in mixed languages, from the bank examples."""
    from rewriter.banks import load_bank

    pools = {lang: [ex.input for _, ex in load_bank(lang).examples() if "\n" not in ex.input][:80]
             for lang in ("en", "fi", "is", "nb")}
    macros, langs = [], []
    for i in range(count):
        lang = ("en", "fi", "is", "nb")[i % 4]
        text = pools[lang][(i // 4) % len(pools[lang])]
        action = ({"field": "comment_value_html", "value": f"<p>{text}</p>"} if i % 2 else
                  {"field": "comment_value", "value": ["channel:all", text]})
        macros.append({"id": 9000 + i, "title": f"Macro {i}", "actions": [action, {"field": "status", "value": "open"}]})
        langs.append(lang)
    return json.dumps({"macros": macros, "count": count}, ensure_ascii=False, indent=2), langs


def test_two_hundred_mixed_language_macros_polish_end_to_end(tmp_path):
    text, langs = _zendesk_export(200)
    polished = polish("macros.json", text, "auto", Rewriter("auto", engines=("template",)))
    counts = polished.summary()
    assert counts["macros"] == 200
    assert counts["rewritten"] + counts["unchanged"] + counts["needs review"] + counts["no reply text"] == 200
    assert counts["rewritten"] >= 120
    identified = [m.fields[0].lang for m in polished.macros]
    assert sum(a == b for a, b in zip(identified, langs)) >= 190      # each text identified on its own
    before, after = json.loads(text), json.loads(polished.output)
    assert _shape(before) == _shape(after) and after["count"] == 200
    from rewriter.formats.review_report import render_review

    page = render_review(polished, "macros.json")
    assert page.count("<tr><td>Macro ") >= counts["rewritten"]
