"""A frame (a rule and the words of the sentence that fill its slots) realised by the templates."""
import pytest

from rewriter.banks import load_bank
from rewriter.config import OrgConfig
from rewriter.plan.message import MessagePlan
from rewriter.stages import frames, templates
from rewriter.text import sentences
from rewriter.text.protect import mask


def test_the_linear_form_reads_back():
    frame = frames.Frame.parse("blame.not_received_from_you | thing = the signed form")
    assert frame == frames.Frame("blame.not_received_from_you", (("thing", "the signed form"),))
    assert frames.Frame.parse(frame.linear()) == frame


@pytest.mark.parametrize("linear", ["", "two words | x = y", "rule | = value", "rule | slot value", "rule | Slot = v"])
def test_what_is_not_a_frame_is_refused(linear):
    assert frames.Frame.parse(linear) is None


def test_a_frame_must_name_a_rule_and_its_own_slots_with_words_of_the_sentence():
    bank = load_bank("en")
    sentence = "Sadly we still have not had the signed form back from you."
    assert "no rule" in frames.problems(frames.Frame("blame.nothing_like_it"), sentence, bank)[0]
    wrong_slot = frames.Frame("blame.not_received_from_you", (("item", "the signed form"),))
    assert "has no slot 'item'" in frames.problems(wrong_slot, sentence, bank)[0]
    elsewhere = frames.Frame("blame.not_received_from_you", (("thing", "the passport copy"),))
    assert "is not in the sentence" in frames.problems(elsewhere, sentence, bank)[0]
    assert list(frames.candidates(elsewhere, sentence, bank, MessagePlan(None, OrgConfig()), {})) == []


def test_a_phrasing_no_pattern_holds_is_realised_by_the_rules_templates():
    bank = load_bank("en")
    sentence = "As far as I can see the signed form has not reached us from you."
    assert not templates.fitting_rules(sentence, bank)
    frame = frames.Frame("blame.not_received_from_you", (("thing", "the signed form"),))
    assert frames.problems(frame, sentence, bank) == []
    # the rule only states now (its offers were empty): beside another sentence's offer
    plan = MessagePlan(None, OrgConfig(), owed=True)
    texts = [c.text for c in frames.candidates(frame, sentence, bank, plan, {})]
    assert texts and all("the signed form" in t for t in texts)


def test_a_value_of_the_wrong_type_is_refused_as_a_patterns_capture_is():
    bank = load_bank("en")
    sentence = "Unfortunately we can't ship the lamp to Sweden until 5 March."
    rule = next(r for r in bank.rules if "item" in r.slots and "item" in bank.language.slot_types)
    frame = frames.Frame(rule.id, (("item", "to Sweden"),))
    assert "does not fit" in frames.problems(frame, sentence, bank)[0]
    assert frames.problems(frame, sentence, bank, check_types=False) == []


def test_a_lead_must_open_the_sentence_and_end_with_a_comma():
    bank = load_bank("en")
    sentence = "Hi {{name}}, we have not had the signed form back from you."
    good = frames.Frame("blame.not_received_from_you", (("lead", "Hi {{name}},"), ("thing", "the signed form")))
    assert frames.problems(good, sentence, bank) == []
    bad = frames.Frame("blame.not_received_from_you", (("lead", "we have not had"), ("thing", "the signed form")))
    assert "a lead must open the sentence" in frames.problems(bad, sentence, bank)[0]


@pytest.mark.parametrize("lang", ["en", "fi", "is", "nb"])
def test_the_frame_of_a_bank_example_realises_what_its_pattern_match_does(lang):
    """For every bank example a rule matches whole (no lead, no softener), the frame built from the
    match gives the same first rewrite as the template engine: the realisation is the engine's own."""
    bank = load_bank(lang)
    compared = 0
    for rule in bank.rules:
        for example in rule.examples:
            if example.unchanged:
                continue
            masked = mask(example.input, bank.language.unmasked, bank.language.titles)
            spans = sentences.split(masked.text, bank.language.abbreviations, masked.is_block)
            if len(spans) != 1:
                continue
            sentence = masked.text[spans[0][0]:spans[0][1]]
            fit = templates.first_fitting(sentence, bank)
            if not fit or fit[0].id != rule.id or fit[1].group("lead") or fit[2].text != sentence:
                continue
            m = fit[1]
            slots = tuple((n, m.group(n)) for n in m.re.groupindex
                          if n not in ("lead", "clause") and (m.group(n) or "").strip())
            engine = [c.text for c in templates.candidates(sentence, bank, MessagePlan(example.tone, OrgConfig()), {})
                      if c.rule == rule.id]
            realised = [c.text for c in frames.candidates(frames.Frame(rule.id, slots), sentence, bank,
                                                          MessagePlan(example.tone, OrgConfig()), {})]
            assert realised[:1] == engine[:1], (rule.id, example.input)
            compared += 1
    assert compared >= 100
