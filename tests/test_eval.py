"""rewriter eval: dev-set loading, metrics, baseline comparison and the reports."""
import json
import subprocess
import sys

import pytest

from rewriter.errors import RewriterError
from rewriter.evaluation.devset import load_items
from rewriter.evaluation.html_report import diff_html, render_html
from rewriter.evaluation.run import compare, evaluate

ITEMS = [
    {"id": "t1", "lang": "en", "text": "Hello {{name}}, the Aurora lamp is sold out.", "keep": ["{{name}}", "Aurora"],
     "reference": "Hello {{name}}, I can let you know as soon as the Aurora lamp is back in stock.", "situation": "out_of_stock"},
    {"id": "t2", "lang": "en", "text": "The form is not signed.", "reference": "Could you sign the form?", "keep": []},
    {"id": "t3", "lang": "en", "text": "Thanks, I'll send it today.", "expect_unchanged": True, "keep": []},
]


@pytest.fixture
def devset(tmp_path):
    path = tmp_path / "dev_en.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in ITEMS) + "\n", encoding="utf-8")
    return path


def test_metrics_per_item_and_language(devset):
    run = evaluate(load_items([str(devset)]), ("template",))
    items = {i["id"]: i for i in run["items"]}
    assert items["t1"]["joint"] == 1 and items["t1"]["engine"] == "template" and items["t1"]["preserved"]
    assert items["t2"]["joint"] == 0 and not items["t2"]["negation_free"] and items["t2"]["engine"] == "none"
    assert items["t3"]["unchanged"]
    en = run["languages"]["en"]
    assert en["J"] == 0.5 and en["unchanged_kept"] == 1.0 and en["rewrite_items"] == 2
    assert en["engines"] == {"model": 0, "template": 1, "none": 2}
    assert 0 < en["chrf"] < 100


def test_baseline_comparison_names_better_and_worse_items(devset):
    run = evaluate(load_items([str(devset)]), ("template",))
    worse = json.loads(json.dumps(run))
    for item in worse["items"]:
        item["joint"] = 0
    worse["languages"]["en"]["J"] = 0.0
    comparison = compare(run, worse)
    assert comparison["better"] == ["t1"] and comparison["worse"] == []
    assert comparison["deltas"]["en"]["J"] == 0.5


def test_html_report_shows_every_item_with_marked_changes(devset):
    run = evaluate(load_items([str(devset)]), ("template",))
    page = render_html(run)
    assert all(f">{i['id']}" in page for i in ITEMS) and "<svg" in page and "<ins>" in page


def test_word_diff_marks_removed_and_added_words():
    assert diff_html("the lamp is sold out", "the lamp is back") == "the lamp is <del>sold out</del><ins>back</ins>"


@pytest.mark.parametrize("line, message", [
    ("{not json", "dev.jsonl:1: not JSON"),
    ('{"id": "a", "lang": "en"}', "dev.jsonl:1: item a: missing or empty text"),
    ('{"id": "a", "lang": "en", "text": "x", "keep": "no"}', "keep must be a list"),
])
def test_bad_dev_set_lines_are_clear_errors(tmp_path, line, message):
    path = tmp_path / "dev.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(RewriterError, match=message):
        load_items([str(path)])


def test_cli_writes_table_json_and_html(devset, tmp_path):
    out, page = tmp_path / "run.json", tmp_path / "report.html"
    proc = subprocess.run([sys.executable, "-m", "rewriter", "eval", str(devset), "--engine", "template",
                           "--json", str(out), "--html", str(page)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].startswith("lang  items")
    assert json.loads(out.read_text())["languages"]["en"]["items"] == 3
    again = subprocess.run([sys.executable, "-m", "rewriter", "eval", str(devset), "--engine", "template",
                            "--baseline", str(out)], capture_output=True, text=True)
    assert again.returncode == 0 and "better: 0 item(s)" in again.stdout


def test_grammar_findings_are_reported_where_the_language_has_a_checker(tmp_path):
    from rewriter.verification import grammar

    items = [{"id": "f1", "lang": "fi", "text": "Kiitos viestistä. Tuote on valitettavasti loppu.", "keep": []}]
    path = tmp_path / "dev_fi.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    run = evaluate(load_items([str(path)]), ("template",))
    item = run["items"][0]
    if grammar.why_unavailable("fi"):
        assert item["grammar_out"] is None and run["languages"]["fi"]["grammar_flagged"] is None
    else:
        # "Kiitos viestistä." has no main verb, but the agent wrote it: not the rewrite's finding.
        assert item["grammar_out"] == [] and run["languages"]["fi"]["grammar_flagged"] == 0.0


def test_no_grammar_checker_for_english_items(devset):
    run = evaluate(load_items([str(devset)]), ("template",))
    assert run["languages"]["en"]["grammar_flagged"] is None
    assert all(i["grammar_out"] is None for i in run["items"])
