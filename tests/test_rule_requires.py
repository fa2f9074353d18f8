"""A rule's `requires` sees the sentence as written, softeners included; its `exceptions`, as the rules match it.

Softeners are dropped before rules match ("unfortunately", "í bili"), yet what
some of them say decides whether a rewrite is honest: "X eru búnir í bili" is a
stock gap, "Útsalan er búin" is over. A rule can name them.
"""
from __future__ import annotations

from rewriter.banks.loader import load_bank
from rewriter.stages.templates import match_rules

SITUATION = """\
format: 1
situation: zorbling
rules:
  - id: only_for_now
    requires: ["for now", "at the moment"]
    patterns:
      - "{item} is not zorbled"
    templates:
      - text: "I can tell you when {item} is zorbled."
        actions: [notify]
    examples:
      - in: "The blue zorblax is not zorbled for now."
        out: "I can tell you when the blue zorblax is zorbled."
      - in: "The blue zorblax is not zorbled."
        unchanged: true
  - id: never_unfortunately
    exceptions: ["unfortunately", "unfortunate"]
    patterns:
      - "{item} cannot be zorbled"
    templates:
      - text: "I can zorble {item} for you."
        actions: [help]
    examples:
      - in: "The blue zorblax cannot be zorbled."
        out: "I can zorble the blue zorblax for you."
"""


def _rule_ids(sentence: str, bank) -> list[str]:
    return [rule.id for rule, _m, _view in match_rules(sentence, bank)]


def _bank(scratch_root):
    (scratch_root / "en" / "situations" / "zorbling.yaml").write_text(SITUATION, encoding="utf-8")
    return load_bank("en", str(scratch_root))


def test_requires_lets_a_rule_apply_only_where_its_phrase_is_written(scratch_root):
    bank = _bank(scratch_root)
    assert bank.rule("zorbling.only_for_now").requires is not None
    assert "zorbling.only_for_now" in _rule_ids("The red zorblax is not zorbled for now.", bank)
    assert "zorbling.only_for_now" in _rule_ids("At the moment the red zorblax is not zorbled.", bank)
    assert "zorbling.only_for_now" not in _rule_ids("The red zorblax is not zorbled.", bank)


def test_requires_sees_a_softener_and_exceptions_do_not(scratch_root):
    bank = _bank(scratch_root)
    # "unfortunately" is an English softener: rules and exceptions match the sentence without it
    assert "zorbling.never_unfortunately" in _rule_ids("The red zorblax cannot be zorbled.", bank)
    assert "zorbling.never_unfortunately" in _rule_ids("Unfortunately, the red zorblax cannot be zorbled.", bank)
    assert "zorbling.never_unfortunately" not in _rule_ids("The red zorblax cannot be zorbled, which is unfortunate.", bank)


def test_a_bad_requires_phrase_names_its_file_line_and_rule(load_error):
    message = load_error("situations/zorbling.yaml", SITUATION.replace('["for now", "at the moment"]', '["(for now"]'))
    assert "zorbling.yaml" in message and "requires" in message and "only_for_now" in message


TEMPLATE_EXCEPTIONS = """\
format: 1
situation: zorbling
rules:
  - id: notice_unless_handed_over
    patterns:
      - "{item} is not zorbled yet"
    templates:
      - text: "{item} will be zorbled, and I will tell you when it is done."
        actions: [notify]
        exceptions: ["handed over", "regrettably"]
      - text: "I can explain how {item} gets zorbled."
        actions: [explain]
    examples:
      - in: "The blue zorblax is not zorbled yet."
        out: "The blue zorblax will be zorbled, and I will tell you when it is done."
"""


def test_a_template_s_own_exceptions_rule_out_that_template_only(scratch_root):
    from rewriter.plan.message import MessagePlan
    from rewriter.config import OrgConfig
    from rewriter.stages.templates import candidates, why_no_template

    (scratch_root / "en" / "situations" / "zorbling.yaml").write_text(TEMPLATE_EXCEPTIONS, encoding="utf-8")
    bank = load_bank("en", str(scratch_root))

    def texts(sentence):
        return [c.text for c in candidates(sentence, bank, MessagePlan(None, OrgConfig()), {})
                if c.rule == "zorbling.notice_unless_handed_over"]

    assert texts("The red zorblax is not zorbled yet.")[0].endswith("I will tell you when it is done.")
    handed = "The red zorblax you handed over is not zorbled yet."
    assert texts(handed) and not any("when it is done" in t for t in texts(handed))
    assert any("its exceptions rule out" in why for why in
               why_no_template(handed, bank, MessagePlan(None, OrgConfig()), {}))
    # a softener the rules never see ("regrettably") still rules the template out
    softened = "Regrettably, the red zorblax is not zorbled yet."
    assert texts(softened) and not any("when it is done" in t for t in texts(softened))


def test_a_template_s_exceptions_see_the_whole_sentence_when_it_is_cut_into_clauses(scratch_root):
    from rewriter.stages.candidate import Candidate
    from rewriter.stages.templates import vetoed

    (scratch_root / "en" / "situations" / "zorbling.yaml").write_text(TEMPLATE_EXCEPTIONS, encoding="utf-8")
    bank = load_bank("en", str(scratch_root))
    rule = bank.rule("zorbling.notice_unless_handed_over")
    notice, plain = rule.templates
    whole = "The red zorblax is not zorbled yet, and it was handed over to the courier."
    assert vetoed(rule.id, whole, bank, notice.source)
    assert not vetoed(rule.id, whole, bank, plain.source)
    assert not vetoed(rule.id, "The red zorblax is not zorbled yet.", bank, notice.source)
    assert Candidate("x", "template", rule.id, notice.source).source == notice.source


def test_a_template_exception_that_matches_no_characters_still_rules_the_template_out(scratch_root):
    """A lookahead ("only where the sentence names no courier") matches an empty string."""
    from rewriter.config import OrgConfig
    from rewriter.plan.message import MessagePlan
    from rewriter.stages.templates import candidates

    lookahead = TEMPLATE_EXCEPTIONS.replace('exceptions: ["handed over", "regrettably"]',
                                            'exceptions: ["re:^(?![\\\\s\\\\S]*\\\\bcourier\\\\b)"]')
    (scratch_root / "en" / "situations" / "zorbling.yaml").write_text(lookahead, encoding="utf-8")
    bank = load_bank("en", str(scratch_root))

    def texts(sentence):
        return [c.text for c in candidates(sentence, bank, MessagePlan(None, OrgConfig()), {})
                if c.rule == "zorbling.notice_unless_handed_over"]

    assert not any("when it is done" in t for t in texts("The red zorblax is not zorbled yet."))
    assert any("when it is done" in t for t in texts("The red zorblax for the courier is not zorbled yet."))

