"""More help-desk exports (Zammad YAML and CSV, osTicket, Zendesk API CSV) and exports that must not stop a run."""
import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from rewriter import Rewriter
from rewriter.errors import RewriterError
from rewriter.formats.document import LANGUAGE_UNKNOWN, detect_format, polish
from rewriter.formats.helpdesk import YAML_BY_NAME
from rewriter.formats.tabular import parse_csv

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
REWRITER = Rewriter("en", engines=("template",))
NEW = {  # file -> (format, --column, a sentence that must change)
    "zammad_text_modules.yaml": ("zammad-yaml", None, "red dress is sold out"),
    "osticket_canned.yaml": ("osticket", None, "Aurora lamp is out of stock"),
    "zammad_text_modules.csv": ("csv", None, "red dress is sold out"),
    "zendesk_api_macros.csv": ("csv", "actions_json", "Aurora lamp is out of stock"),
}
EVERY_FIXTURE = sorted(p.name for p in FIXTURES.iterdir())


def text_of(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8")


def positive(text: str) -> str:
    """The fixture with every negative sentence turned positive: nothing left to rewrite."""
    text = re.sub(r"is (sold out|out of stock)", "is ready to ship", text)
    for negative, fine in (("Unfortunately the", "Good news: the"), ("We can't refund", "We refund"),
                           ("is not signed, so we can't process it", "is signed, so we can process it")):
        text = text.replace(negative, fine)
    return text


@pytest.mark.parametrize("name", NEW)
def test_new_formats_are_recognised(name):
    assert detect_format(name, text_of(name)) == NEW[name][0]


@pytest.mark.parametrize("name", EVERY_FIXTURE)
def test_nothing_to_rewrite_comes_back_byte_for_byte(name):
    text = positive(text_of(name))
    column = NEW.get(name, (None, None))[1]
    polished = polish(name, text, "auto", REWRITER, column)
    assert polished.summary()["rewritten"] == 0
    assert polished.output == text


@pytest.mark.parametrize("name", [n for n in NEW if n.endswith(".yaml")])
def test_yaml_exports_change_only_their_reply_texts(name):
    text = text_of(name)
    fmt = YAML_BY_NAME[NEW[name][0]]
    polished = polish(name, text, "auto", REWRITER)
    assert NEW[name][2] in text and NEW[name][2] not in polished.output
    before, after = yaml.safe_load(text), yaml.safe_load(polished.output)
    paths = [f.path for f in fmt.fields(before)]
    for path in paths:
        _set(before, path, None)
        _set(after, path, None)
    assert before == after
    # Lines outside the rewritten texts are the very same bytes: comments, quoting, order.
    changed = [a for a, b in zip(text.splitlines(), polished.output.splitlines()) if a != b]
    assert len(text.splitlines()) == len(polished.output.splitlines())
    assert changed and all("content:" in line or "response" in line or line.startswith("    ") for line in changed)


def test_zammad_yaml_keeps_placeholders_and_block_style():
    polished = polish("z.yaml", text_of("zammad_text_modules.yaml"), "auto", REWRITER)
    out = polished.output
    assert "  content: |-\n    <div>Hello #{ticket.customer.firstname},</div>\n    <div>We can let you know" in out
    assert "#{ticket.customer.firstname}" in yaml.safe_load(out)[0]["content"]
    counts = polished.summary()
    assert (counts["macros"], counts["rewritten"], counts["unchanged"]) == (4, 2, 2)


def test_osticket_keeps_variables_and_empty_notes():
    polished = polish("o.yaml", text_of("osticket_canned.yaml"), "auto", REWRITER)
    data = yaml.safe_load(polished.output)
    assert "%{ticket.name.first}" in data[2]["response"] and "%{signature}" in data[2]["response"]
    assert data[0]["notes"] == "" and data[0]["attachments"][0]["data"] == "Canned Attachments Rock!"
    assert polished.summary()["rewritten"] == 1


@pytest.mark.parametrize("snippet", [
    "- name: a\n  content: The red dress is sold out.\n",                      # plain
    "- name: a\n  content: 'It''s here: the red dress is sold out.'\n",        # single-quoted
    "- name: a\n  content: >\n    Hello there.\n    The red dress is sold out.\n\n    Bye.\n",   # folded
    "- {name: a, keywords: k, content: The red dress is sold out.}\n",         # flow mapping
    "- name: a\r\n  content: |\r\n    Hi,\r\n    the red dress is sold out.\r\n  note: x\r\n",   # CRLF block
])
def test_every_yaml_scalar_style_is_written_back_readably(snippet):
    polished = polish("z.yaml", snippet, "zammad-yaml", REWRITER)
    value = yaml.safe_load(snippet)[0]["content"]
    assert yaml.safe_load(polished.output)[0]["content"] == REWRITER.rewrite(value).output != value


def test_yaml_alias_bomb_is_refused_with_its_line():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b]\n"
    with pytest.raises(RewriterError, match=r"bomb.yaml:1: YAML anchor &a is not allowed"):
        polish("bomb.yaml", bomb, "auto", REWRITER)


def test_semicolon_csv_with_multiline_cells_keeps_its_dialect():
    text = text_of("zammad_text_modules.csv")
    polished = polish("z.csv", text, "auto", REWRITER)
    assert "red dress is sold out" not in polished.output
    before = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    after = list(csv.reader(io.StringIO(polished.output, newline=""), delimiter=";"))
    assert len(before) == len(after) == 5 and all(len(r) == 7 for r in after)
    assert [r[:3] + r[4:] for r in before] == [r[:3] + r[4:] for r in after]
    assert "\r\n<div>We can let you know" in after[1][3]             # the cell's own line breaks stay
    assert polished.output.count("\r\n") == text.count("\r\n")
    assert polished.summary() == {"macros": 4, "rewritten": 1, "unchanged": 3, "needs review": 0, "no reply text": 0}


def test_zendesk_api_csv_rewrites_inside_the_actions_json_column():
    text = text_of("zendesk_api_macros.csv")
    for column in ("actions_json", None):          # named, or found by its name
        polished = polish("m.csv", text, "csv", REWRITER, column)
        assert polished.summary() == {"macros": 4, "rewritten": 2, "unchanged": 1, "needs review": 0, "no reply text": 1}
        before = list(csv.reader(io.StringIO(text, newline="")))
        after = list(csv.reader(io.StringIO(polished.output, newline="")))
        assert [r[:4] for r in before] == [r[:4] for r in after]
        for old, new in zip(before[1:], after[1:]):
            old_actions, new_actions = json.loads(old[4]), json.loads(new[4])
            assert [a["field"] for a in old_actions] == [a["field"] for a in new_actions]
            assert ", " not in new[4].split("value")[0] and '": ' not in new[4]      # still compact
            for a, b in zip(old_actions, new_actions):
                if a["field"] not in ("comment_value", "comment_value_html"):
                    assert a == b
        assert "Aurora lamp back in stock" in after[1][4] and "Åsa will follow up" in after[4][4]
        assert "{{ticket.requester.first_name | capitalize}}" in after[1][4]


def test_csv_cell_over_128_kib_is_read():
    # An inline image makes a macro's HTML large without giving the pipeline much prose to read.
    big = '<p>The red dress is sold out.</p><img alt="" src="data:image/png;base64,' + "iVBORw0KGgo" * 13000 + '">'
    assert len(big) > 128 * 1024
    text = "id,title,body\r\n1,Long,\"" + big.replace('"', '""') + "\"\r\n2,Short,Thanks!\r\n"
    polished = polish("m.csv", text, "auto", REWRITER)
    rows = [[cell.value for cell in row] for row in parse_csv(polished.output, "m.csv", None).rows]
    assert len(rows) == 3 and "red dress back in stock" in rows[1][2] and rows[2] == ["2", "Short", "Thanks!"]


@pytest.mark.parametrize("text, message", [
    ('id;body\r\n1;"open\r\n', "m.csv:2:3: malformed CSV: a quoted cell is never closed"),
    ('id,body\n1,"a"b\n', "m.csv:2:6: malformed CSV"),
    ("id,body,x\n1,a\n", "m.csv:2: row has 2 fields, the header 3"),
])
def test_bad_csv_names_line_and_column(text, message):
    with pytest.raises(RewriterError, match=re.escape(message)):
        polish("m.csv", text, "csv", REWRITER)


# --- 12: a macro whose language cannot be told is accounted for; the rest goes on

def _zendesk(*texts: str) -> str:
    return json.dumps({"macros": [{"id": i, "title": f"m{i}", "actions": [{"field": "comment_value", "value": t}]}
                                  for i, t in enumerate(texts)]}, ensure_ascii=False)


def test_macros_without_identifiable_language_do_not_stop_the_export():
    text = _zendesk("👍", "{{ticket.id}}", "12345", "https://example.com/returns", "The red dress is sold out.")
    polished = polish("m.json", text, "auto", Rewriter("auto", engines=("template",)))
    assert polished.summary() == {"macros": 5, "rewritten": 1, "unchanged": 4, "needs review": 0, "no reply text": 0}
    assert "red dress back in stock" in polished.output


def test_words_in_an_unknown_language_need_review(monkeypatch):
    from rewriter.formats import document

    class Unsure(Rewriter):
        def rewrite(self, text, rewrite=True):
            if "zzyzx" in text:
                raise RewriterError("cannot tell the language of the input; pass --lang")
            return super().rewrite(text, rewrite)

    monkeypatch.setattr(document, "_language_known", lambda text: False)
    polished = polish("m.json", _zendesk("zzyzx qwv", "The red dress is sold out."), "auto", Unsure("auto", engines=("template",)))
    assert [m.status for m in polished.macros] == ["needs review", "rewritten"]
    assert polished.macros[0].fields[0].unresolved == [LANGUAGE_UNKNOWN]


def test_a_failing_macro_is_marked_for_review_not_fatal(monkeypatch):
    class Broken(Rewriter):
        def rewrite(self, text, rewrite=True):
            if "boom" in text:
                raise RecursionError("maximum recursion depth exceeded")
            return super().rewrite(text, rewrite)

    polished = polish("m.json", _zendesk("boom", "The red dress is sold out."), "auto", Broken("en", engines=("template",)))
    assert [m.status for m in polished.macros] == ["needs review", "rewritten"]


def test_cli_polishes_an_export_with_emoji_only_macros(tmp_path):
    src = tmp_path / "m.json"
    src.write_text(_zendesk("👍", "The red dress is sold out."), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "rewriter", "polish", str(src), "-o", str(tmp_path / "o.json"),
                           "--engine", "template"], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert b"2 macros: 1 rewritten, 1 unchanged" in proc.stdout
    assert "👍" in (tmp_path / "o.json").read_text(encoding="utf-8")


def test_cli_polish_yaml_in_place(tmp_path):
    src = tmp_path / "text_modules.yml"
    shutil.copy(FIXTURES / "zammad_text_modules.yaml", src)
    proc = subprocess.run([sys.executable, "-m", "rewriter", "polish", str(src), "--in-place", "--lang", "en",
                           "--engine", "template"], capture_output=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(b"zammad-yaml: 4 macros: 2 rewritten")
    assert "red dress back in stock" in src.read_text(encoding="utf-8")


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value
