"""Language checks: engine-made word forms (rewrite time) and the grammar checkers (tests, eval)."""
from __future__ import annotations

import pytest

from rewriter.analyse import dictionaries
from rewriter.text.protect import SENTINEL_FIRST
from rewriter.verification import grammar
from rewriter.verification.wordforms import unknown_forms

needs_voikko = pytest.mark.skipif(dictionaries.tool_for("fi") != "voikko",
                                  reason="Voikko (Debian libvoikko1 + voikko-fi, PyPI libvoikko) is not installed")
needs_hunspell_nb = pytest.mark.skipif(dictionaries.tool_for("nb") is None,
                                       reason="no Bokmål dictionary (Debian hunspell-no + libenchant-2-2, PyPI pyenchant)")


@needs_voikko
def test_an_inflected_form_voikko_cannot_analyse_is_reported():
    out = unknown_forms("Ilmoitan, kun puhelintä on taas saatavilla.", "Meillä ei ole puhelinta.",
                        "Ilmoitan, kun {item|partitive} on taas saatavilla.", "fi")
    assert out == ["puhelintä"]


@needs_voikko
def test_words_of_the_sentence_and_of_the_template_are_not_looked_up():
    # "lampuu" is the agent's typo and "kivaaa" the bank's word: neither is the engine's doing.
    assert unknown_forms("Kivaaa, lampuu tulee.", "Lampuu ei tule.", "Kivaaa, {item} tulee.", "fi") == []


@needs_voikko
def test_words_the_bank_writes_elsewhere_are_not_looked_up():
    # an inflection's output the bank also writes in a template or example ("fylt") needs no dictionary
    assert unknown_forms("Ilmoitan, kun puhelintä on taas saatavilla.", "Meillä ei ole puhelinta.",
                         "Ilmoitan, kun {item|partitive} on taas saatavilla.", "fi", frozenset({"puhelintä"})) == []


def test_the_bank_lists_the_words_of_its_templates_and_example_outputs():
    from rewriter.banks import load_bank

    bank = load_bank("nb")
    assert "fylt" in bank.written_words           # must.you_must_before: "Så snart du har fylt ut skjemaet ..."
    assert "dessverre" not in bank.written_words  # only in example inputs


@needs_voikko
def test_a_model_candidate_has_every_new_word_looked_up_once_in_order():
    assert unknown_forms("Xyzzy tulee, xyzzy ja qwqw.", "Tuote ei tule.", None, "fi") == ["Xyzzy", "xyzzy", "qwqw"]
    assert unknown_forms("qwqw qwqw tulee", "", None, "fi") == ["qwqw"]


@needs_voikko
def test_slot_markers_are_not_template_words_and_sentinels_are_dropped():
    sentinel = chr(SENTINEL_FIRST)
    assert unknown_forms(f"{sentinel} partitivee tulee.", "", "{item|partitivee} tulee.", "fi") == ["partitivee"]
    assert unknown_forms(f"Tuote{sentinel} tulee{sentinel}.", "", None, "fi") == []


@needs_hunspell_nb
def test_hunspell_judges_bokmal_and_hyphenated_compounds_by_their_parts():
    assert unknown_forms("Lampne er tilbake på lager.", "Lampen er utsolgt.", None, "nb") == ["Lampne"]
    assert unknown_forms("Send meg e-postadressen din.", "", None, "nb") == []


def test_nothing_to_say_without_a_dictionary(monkeypatch):
    assert unknown_forms("Qwqw zxzx.", "", None, "xx") == []
    monkeypatch.setattr(dictionaries, "tool_for", lambda lang: None)
    assert unknown_forms("Qwqw zxzx.", "", None, "fi") == []


@needs_voikko
def test_answers_are_memoised_per_word():
    dictionaries.knows("tuote", "fi")
    before = dictionaries.knows.cache_info().hits
    unknown_forms("tuote tuote", "", None, "fi")
    assert dictionaries.knows.cache_info().hits >= before + 1


# --- grammar ---------------------------------------------------------------------------------

def test_readable_parts_drop_placeholders_and_tags_and_split_at_blocks():
    parts = grammar.readable_parts("Hei {{ticket.requester.first_name}},<br>kiitos <b>Aurora</b>-lampusta, tilaus 123 on matkalla.</p><p>Terveisin")
    assert parts == ["Hei,", "kiitos Aurora-lampusta, tilaus 123 on matkalla.", "Terveisin"]


@needs_voikko
def test_voikko_reports_a_repeated_word_with_its_code_but_not_punctuation():
    found = grammar.finnish_errors("Lähetämme sen huomenna huomenna.  Kiitos.")
    assert [(f.code, f.word) for f in found] == [("fi:8", "huomenna huomenna")]
    assert "fi:9" in {f.code for f in grammar.finnish_errors("Voimme auttaa", gated_only=False)}
    assert grammar.finnish_errors("Voimme auttaa") == []
    assert grammar.finnish_errors("Voimme  auttaa , kiitos.", gated_only=False) == []   # spaces tidied first


@needs_voikko
def test_findings_about_sentences_copied_from_the_input_are_the_agents():
    found = grammar.finnish_errors("Kiitos viestistä. Lähetämme sen huomenna.")
    assert [f.code for f in found] == ["fi:17"]
    assert grammar.not_in_input(found, "Kiitos viestistä. Emme voi lähettää sitä.") == []
    assert grammar.not_in_input(found, "Emme voi lähettää sitä.") == found


def test_the_icegrams_model_is_found_through_the_environment(tmp_path, monkeypatch):
    model = tmp_path / "trigrams.bin"
    model.write_bytes(b"Reynir 001.00.00" + b"\0" * 16)
    monkeypatch.setenv(grammar.ICEGRAMS_ENV, str(model))
    assert grammar.icegrams_model() == model
    model.write_bytes(b"not a model")
    assert grammar.icegrams_model() != model        # a file without the header is no model


def test_no_grammar_checker_for_english():
    assert grammar.grammar_errors("This are wrong.", "en") is None
    assert "no grammar checker" in grammar.why_unavailable("en")


@pytest.mark.skipif(grammar.why_unavailable("is") is not None, reason=grammar.why_unavailable("is") or "")
def test_greynir_reports_specific_codes_and_unknown_words_but_never_e001():
    found = grammar.icelandic_errors("Sæl {{name}}, mér langar að aðstoða þig. Ég fór til Akureyrar með nordlys.")
    codes = {f.code: f for f in found}
    assert any(code.startswith("P_") for code in codes) and "E001" not in codes
    assert codes["U001"].word == "nordlys" and not codes["U001"].gated
    assert grammar.icelandic_errors("Við sendum vöruna á morgun.") == []
