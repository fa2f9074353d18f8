"""Advice by the sentence's shape (advice.yaml) for sentences left as they are."""
import pytest

from rewriter.banks.examples import advice_examples, run_advice_example
from rewriter.banks.loader import available_languages, load_bank
from rewriter.pipeline import Rewriter


def _cases():
    for lang in available_languages():
        for example in advice_examples(load_bank(lang)):
            yield pytest.param(lang, example, id=f"{lang}:{example.source.rsplit('/', 1)[-1]}")


@pytest.mark.parametrize("lang, example", list(_cases()))
def test_each_advice_example_is_left_as_it_is_and_gets_its_advice(lang, example):
    outcome = run_advice_example(load_bank(lang), example)
    assert outcome.ok, outcome.describe()


def test_every_language_gives_advice_by_shape():
    for lang in available_languages():
        advice = load_bank(lang).advice
        assert advice is not None and len(advice.entries) >= 5, lang
        assert {e.id for e in advice.entries} <= {ex.advice for ex in advice.examples}, f"{lang}: an entry without an example"


def test_a_refused_channel_gets_the_channel_advice_instead_of_the_general_one():
    bank = load_bank("en")
    channel = next(e for e in bank.advice.entries if e.id == "channel")
    result = Rewriter("en").rewrite("Passwords can't be reset over the phone.")
    assert not result.changed
    message = result.findings[0].message
    assert channel.says in message
    assert bank.language.guidance["no_rewrite"] not in message


def test_a_sentence_no_entry_fits_gets_the_general_guidance():
    bank = load_bank("en")
    message = Rewriter("en").rewrite("We cannot print your badge in a second colour.").findings[0].message
    assert message.endswith(bank.language.guidance["no_rewrite"])


def test_a_situation_rule_keeps_its_own_message_without_shape_advice():
    # "expired" and "failed" would pick the failed advice; the situation's finding says it better.
    bank = load_bank("en")
    result = Rewriter("en").rewrite("Password reset failed: the link has expired.")
    assert not result.changed and result.findings
    situation = [f for f in result.findings if f.category not in ("negation", "discouraged")]
    assert situation, [f.rule for f in result.findings]
    assert not any(e.says in f.message for f in situation for e in bank.advice.entries)


def test_the_linter_without_suggestions_does_not_claim_that_no_rewrite_was_found():
    bank = load_bank("en")
    looked = Rewriter("en").rewrite("The red dress is out of stock.", rewrite=False).findings
    assert looked and not any(bank.language.guidance["no_rewrite"] in f.message for f in looked)
    rewritten = Rewriter("en").rewrite("The red dress is out of stock.")
    assert rewritten.changed


ADVICE_OK = """format: 1
advice:
  - id: channel
    when: "over the phone"
    says: "Say which way works."
examples:
  - in: "Passwords can't be reset over the phone."
    advice: channel
"""



def test_a_bad_regex_names_file_line_and_entry(load_error):
    error = load_error("advice.yaml", ADVICE_OK.replace('"over the phone"', '"over the (phone"'))
    assert "advice.yaml:3: channel: when is not a valid regex" in error


def test_an_example_naming_no_entry_names_file_and_line(load_error):
    error = load_error("advice.yaml", ADVICE_OK.replace("advice: channel", "advice: chanel"))
    assert "advice.yaml:7: examples[0]: example names advice 'chanel'" in error


def test_an_entry_without_its_text_is_a_schema_error(load_error):
    error = load_error("advice.yaml", ADVICE_OK.replace('    says: "Say which way works."\n', ""))
    assert "advice.yaml:3" in error and "says" in error


def test_a_bank_without_advice_loads_and_uses_the_general_guidance(scratch_root, monkeypatch):
    (scratch_root / "en" / "advice.yaml").unlink()
    assert load_bank("en", str(scratch_root)).advice is None
    monkeypatch.setenv("REWRITER_BANKS", str(scratch_root))
    load_bank.cache_clear()
    bank = load_bank("en")
    message = Rewriter("en").rewrite("Passwords can't be reset over the phone.").findings[0].message
    assert message.endswith(bank.language.guidance["no_rewrite"])


def test_shapes_that_cannot_be_searched_together_name_the_file(load_error):
    clash = ADVICE_OK.replace('"over the phone"', '"over the (?P<w>phone)"').replace(
        "examples:", '  - id: chat\n    when: "(?P<w>chat)"\n    says: "Say which way works."\nexamples:')
    error = load_error("advice.yaml", clash)
    assert "advice.yaml:3: advice: the when regexes cannot be searched together" in error
