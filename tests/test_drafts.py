"""Drafts: rewrites kept as suggestions by default (verification/drafts.py)."""
from __future__ import annotations

import pytest

from rewriter.cli.main import main
from rewriter.config import OrgConfig, load_config
from rewriter.errors import RewriterError
from rewriter.formats.document import polish
from rewriter.pipeline import Rewriter
from rewriter.verification.drafts import MAX_NEW_WORDS, draft_reasons, new_words

OFFER = "The red dress is sold out."          # its rewrite adds an offer: a draft only with "strict"
CLAUSES = "Sorry, the red dress is sold out."  # two clauses: a draft by default
RESTATED = "You need to send us the receipt before we can process your warranty claim."


@pytest.fixture
def defaults(monkeypatch, tmp_path):
    """The settings a user gets: no settings file (the suite's own applies drafts)."""
    monkeypatch.delenv("REWRITER_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)


def test_a_comma_between_clauses_makes_a_draft_and_one_inside_a_number_does_not():
    assert draft_reasons("Sorry, we can't ship to Iceland.", "We ship to Iceland.") == [
        "the sentence has more than one clause"]
    assert draft_reasons("We can't refund the 12,50 € fee.", "We refund the 12,50 € fee.") == []


def test_words_the_sentence_did_not_have_are_counted_whatever_their_case():
    assert new_words("The lamp is sold out.", "The Lamp is back soon.") == ["back", "soon"]
    many = "We can let you know as soon as it is back."
    assert len(new_words("It is sold out.", many)) > MAX_NEW_WORDS
    assert draft_reasons("It is sold out.", many) == [f"it adds {len(new_words('It is sold out.', many))} words "
                                                     "the sentence did not have"]
    assert draft_reasons("It is sold out.", "It is back soon.") == []


def test_by_default_a_sentence_of_two_clauses_is_a_draft_and_one_clause_with_an_offer_is_applied(defaults):
    rewriter = Rewriter("en", config=OrgConfig())
    kept = rewriter.rewrite(CLAUSES)
    assert kept.output == CLAUSES and not kept.changed and kept.edits == []
    assert kept.trace[0].held_back and kept.trace[0].held_because == "draft"
    assert kept.trace[0].draft == ["the sentence has more than one clause"]
    assert any(f.suggestion and "red dress" in f.suggestion for f in kept.findings)
    offered = rewriter.rewrite(OFFER)
    assert offered.changed and "red dress" in offered.output and offered.trace[0].draft == []
    assert rewriter.rewrite("Hi Anna, the red dress is sold out.").changed, "a greeting is no clause"


def test_strict_keeps_also_a_rewrite_that_adds_an_offer_and_applies_a_restatement(defaults):
    rewriter = Rewriter("en", config=OrgConfig(drafts="strict"))
    kept = rewriter.rewrite(OFFER)
    assert not kept.changed and kept.trace[0].held_because == "draft"
    assert kept.trace[0].draft[0].startswith("it adds ")
    applied = rewriter.rewrite(RESTATED)
    assert applied.changed and applied.trace[0].draft == [] and not applied.trace[0].held_back


def test_the_level_comes_from_the_settings_or_the_argument(defaults, tmp_path):
    assert Rewriter("en", config=OrgConfig(drafts="none")).rewrite(CLAUSES).changed
    assert Rewriter("en", config=OrgConfig(), drafts="none").rewrite(CLAUSES).changed
    assert not Rewriter("en", config=OrgConfig(drafts="none"), drafts="clauses").rewrite(CLAUSES).changed
    (tmp_path / "rewriter.toml").write_text('drafts = "strict"\n', encoding="utf-8")
    assert load_config().drafts == "strict" and not Rewriter("en").rewrite(OFFER).changed
    with pytest.raises(RewriterError, match="unknown drafts level"):
        Rewriter("en", drafts="some")


def test_drafts_must_be_a_known_level(tmp_path):
    path = tmp_path / "rewriter.toml"
    path.write_text("drafts = true\n", encoding="utf-8")
    with pytest.raises(RewriterError, match="drafts must be one of clauses, strict, none"):
        load_config(path)


def test_the_settings_file_named_in_the_environment_is_read(monkeypatch, tmp_path):
    path = tmp_path / "team.toml"
    path.write_text('drafts = "none"\n', encoding="utf-8")
    monkeypatch.setenv("REWRITER_CONFIG", str(path))
    monkeypatch.chdir(tmp_path)
    assert load_config().drafts == "none" and load_config().source == str(path)


def test_the_cli_prints_the_original_and_shows_the_draft_on_stderr(defaults, capsys):
    assert main(["rewrite", "--lang", "en", CLAUSES]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == CLAUSES
    assert "draft, not applied" in err and "red dress" in err and "--apply-drafts" in err
    assert main(["rewrite", "--lang", "en", "--apply-drafts", CLAUSES]) == 0
    out, err = capsys.readouterr()
    assert out.strip() != CLAUSES and "red dress" in out and err == ""
    assert main(["rewrite", "--lang", "en", "--drafts", "strict", OFFER]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == OFFER and "it adds" in err


def test_explain_says_why_a_draft_was_held_back(defaults, capsys):
    assert main(["rewrite", "--lang", "en", "--explain", CLAUSES]) == 0
    assert "held back: a draft (the sentence has more than one clause)" in capsys.readouterr().out


def test_polish_marks_a_macro_with_a_draft_for_review_and_names_the_draft(defaults):
    polished = polish("macros.txt", CLAUSES + "\n", "text", Rewriter("en", config=OrgConfig()))
    field = polished.macros[0].fields[0]
    assert field.after == field.before and polished.summary()["needs review"] == 1
    assert any(u.startswith("suggested, not applied: ") and "red dress" in u for u in field.unresolved)


def test_a_draft_kept_in_a_message_leaves_the_rewrite_beside_it_applied(defaults):
    result = Rewriter("en", config=OrgConfig()).rewrite(f"{RESTATED} {CLAUSES}")
    assert result.output.startswith("As soon as you send us the receipt") and result.output.endswith(CLAUSES)
    assert [s.held_because for s in result.trace] == ["", "draft"]
