"""Drafts: rewrites kept as suggestions by default (verification/drafts.py)."""
from __future__ import annotations

import pytest

from rewriter.cli.main import main
from rewriter.config import OrgConfig, load_config
from rewriter.errors import RewriterError
from rewriter.formats.document import polish
from rewriter.pipeline import Rewriter
from rewriter.verification.drafts import MAX_NEW_WORDS, draft_reasons, new_words

OFFER = "The red dress is sold out."          # its rewrite adds an offer: a draft
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


def test_by_default_a_draft_stays_a_suggestion_and_a_restatement_is_applied(defaults):
    rewriter = Rewriter("en", config=OrgConfig())
    kept = rewriter.rewrite(OFFER)
    assert kept.output == OFFER and not kept.changed and kept.edits == []
    assert kept.trace[0].held_back and kept.trace[0].held_because == "draft" and kept.trace[0].draft
    assert any(f.suggestion and "red dress" in f.suggestion for f in kept.findings)
    applied = rewriter.rewrite(RESTATED)
    assert applied.changed and applied.trace[0].draft == [] and not applied.trace[0].held_back


def test_apply_drafts_from_the_settings_or_the_argument_applies_them(defaults, tmp_path):
    assert Rewriter("en", config=OrgConfig(apply_drafts=True)).rewrite(OFFER).changed
    assert Rewriter("en", config=OrgConfig(), apply_drafts=True).rewrite(OFFER).changed
    assert not Rewriter("en", config=OrgConfig(apply_drafts=True), apply_drafts=False).rewrite(OFFER).changed
    (tmp_path / "rewriter.toml").write_text("apply_drafts = true\n", encoding="utf-8")
    assert load_config().apply_drafts and Rewriter("en").rewrite(OFFER).changed


def test_apply_drafts_must_be_true_or_false(tmp_path):
    path = tmp_path / "rewriter.toml"
    path.write_text('apply_drafts = "yes"\n', encoding="utf-8")
    with pytest.raises(RewriterError, match="apply_drafts must be true or false"):
        load_config(path)


def test_the_settings_file_named_in_the_environment_is_read(monkeypatch, tmp_path):
    path = tmp_path / "team.toml"
    path.write_text("apply_drafts = true\n", encoding="utf-8")
    monkeypatch.setenv("REWRITER_CONFIG", str(path))
    monkeypatch.chdir(tmp_path)
    assert load_config().apply_drafts and load_config().source == str(path)


def test_the_cli_prints_the_original_and_shows_the_draft_on_stderr(defaults, capsys):
    assert main(["rewrite", "--lang", "en", OFFER]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == OFFER
    assert "draft, not applied" in err and "red dress" in err and "--apply-drafts" in err
    assert main(["rewrite", "--lang", "en", "--apply-drafts", OFFER]) == 0
    out, err = capsys.readouterr()
    assert out.strip() != OFFER and "red dress" in out and err == ""


def test_explain_says_why_a_draft_was_held_back(defaults, capsys):
    assert main(["rewrite", "--lang", "en", "--explain", OFFER]) == 0
    assert "held back: a draft (it adds" in capsys.readouterr().out


def test_polish_marks_a_macro_with_a_draft_for_review_and_names_the_draft(defaults):
    polished = polish("macros.txt", OFFER + "\n", "text", Rewriter("en", config=OrgConfig()))
    field = polished.macros[0].fields[0]
    assert field.after == field.before and polished.summary()["needs review"] == 1
    assert any(u.startswith("suggested, not applied: ") and "red dress" in u for u in field.unresolved)


def test_a_draft_kept_in_a_message_leaves_the_restatement_beside_it_applied(defaults):
    result = Rewriter("en", config=OrgConfig()).rewrite(f"{RESTATED} {OFFER}")
    assert result.output.startswith("As soon as you send us the receipt") and result.output.endswith(OFFER)
    assert [s.held_because for s in result.trace] == ["", "draft"]
