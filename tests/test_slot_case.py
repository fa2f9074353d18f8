"""A slot that opened the input sentence takes the case of where the template puts it.

Mid-sentence it is lower-cased ("I can tell you when the blue zorblax ...");
after a sentence of the template's own it keeps its capital ("Thanks for
waiting. The blue zorblax ..."), as a sentence start needs.
"""
from __future__ import annotations

from rewriter.banks.loader import load_bank
from rewriter.stages.templates import fill, match_rules

SITUATION = """\
format: 1
situation: zorbling
rules:
  - id: not_zorbled
    patterns:
      - "{item} is not zorbled"
    templates:
      - text: "I can tell you when {item} is zorbled."
        actions: [notify]
      - text: "Thanks for waiting. {item} gets zorbled next, and I can tell you when it is done."
        actions: [notify]
    examples:
      - in: "The blue zorblax is not zorbled."
        out: "I can tell you when the blue zorblax is zorbled."
"""


def test_a_sentence_initial_slot_keeps_its_capital_after_a_template_sentence(scratch_root):
    (scratch_root / "en" / "situations" / "zorbling.yaml").write_text(SITUATION, encoding="utf-8")
    bank = load_bank("en", str(scratch_root))
    [(rule, m, _view)] = [found for found in match_rules("The blue zorblax is not zorbled.", bank)
                          if found[0].id == "zorbling.not_zorbled"]
    mid, after_stop = rule.templates
    assert fill(mid, m, bank, {}) == "I can tell you when the blue zorblax is zorbled."
    assert fill(after_stop, m, bank, {}) == ("Thanks for waiting. The blue zorblax gets zorbled next, "
                                             "and I can tell you when it is done.")
