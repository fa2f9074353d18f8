"""A rule with no templates finds its situation and gives its own message, and rewrites nothing.

Where no honest positive form exists ("the voucher can't be combined with
other offers"), the rule still tells the writer what the sentence does and
what to do by hand, instead of the language's general negation note.
"""
from __future__ import annotations

from rewriter.banks.loader import load_bank
from rewriter.detection.detector import find_in_sentence

SITUATION = """\
format: 1
situation: zorbling
rules:
  - id: never_zorbled
    message: "Says the zorblax is never zorbled; state what it does instead, by hand."
    patterns:
      - "{item} is never zorbled"
    templates: []
    examples:
      - in: "The blue zorblax is never zorbled."
        unchanged: true
"""


def test_a_rule_without_templates_loads_finds_and_keeps_the_sentence(scratch_root):
    from rewriter.banks.examples import run_examples
    (scratch_root / "en" / "situations" / "zorbling.yaml").write_text(SITUATION, encoding="utf-8")
    bank = load_bank("en", str(scratch_root))
    rule = bank.rule("zorbling.never_zorbled")
    assert rule is not None and rule.templates == []
    sentence = "The red zorblax is never zorbled."
    (finding,) = [f for f in find_in_sentence(sentence, bank) if f.rule == rule.id]
    assert finding.message.startswith("Says the zorblax is never zorbled")
    outcomes = [o for o in run_examples(bank) if o.rule == rule.id]
    assert outcomes and all(o.ok for o in outcomes)
