"""A slot that opened the input sentence takes the case of where the template puts it.

Mid-sentence it is lower-cased ("I can tell you when the blue zorblax ...");
after a sentence of the template's own it keeps its capital ("Thanks for
waiting. The blue zorblax ..."), as a sentence start needs.
"""
from __future__ import annotations

import pytest

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


def _first_text(sentence: str, bank) -> str:
    [(rule, m, _view)] = [found for found in match_rules(sentence, bank) if found[0].id == "zorbling.not_zorbled"]
    return fill(rule.templates[0], m, bank, {})


def test_a_main_clause_lead_ends_with_a_stop_before_the_rewrite(scratch_root):
    """English joins no two main clauses with a bare comma (`main_clause_leads`)."""
    (scratch_root / "en" / "situations" / "zorbling.yaml").write_text(SITUATION, encoding="utf-8")
    bank = load_bank("en", str(scratch_root))
    assert bank.language.main_clause_leads is not None
    assert (_first_text("Your order has been received, unfortunately the blue zorblax is not zorbled.", bank)
            == "Your order has been received. I can tell you when the blue zorblax is zorbled.")
    assert (_first_text("We checked the warehouse, sadly the blue zorblax is not zorbled.", bank)
            == "We checked the warehouse. I can tell you when the blue zorblax is zorbled.")
    # a subordinate lead, a greeting and a short lead keep their comma
    assert (_first_text("Before we have checked it, the blue zorblax is not zorbled.", bank)
            == "Before we have checked it, I can tell you when the blue zorblax is zorbled.")
    assert (_first_text("Thanks for your patience, unfortunately the blue zorblax is not zorbled.", bank)
            == "Thanks for your patience, I can tell you when the blue zorblax is zorbled.")
    assert (_first_text("We checked it, unfortunately the blue zorblax is not zorbled.", bank)
            == "We checked it, I can tell you when the blue zorblax is zorbled.")


def test_a_list_in_a_slot_takes_the_case_item_by_item():
    # "utan" governs the genitive: each day of "sunnudögum eða helgidögum" changes, not only the last
    from rewriter.banks import load_bank
    from rewriter.pipeline import Rewriter
    from rewriter.stages.templates import _inflected_list
    out = Rewriter("is").rewrite("Við sendum ekki á sunnudögum eða helgidögum.").output
    assert out.endswith("utan sunnudaga eða helgidaga."), out
    bank = load_bank("is")
    assert _inflected_list("sunnudögum, laugardögum og helgidögum", "wd_gpl", bank) == \
        "sunnudaga, laugardaga og helgidaga"
    # a list where one item cannot take the case is not half changed
    assert _inflected_list("sunnudögum eða Xyzqw", "wd_gpl", bank) is None


def test_a_negated_or_list_is_said_with_and_where_the_template_asks():
    # "We don't deliver on Sundays or public holidays" is both days
    from rewriter.banks import load_bank
    from rewriter.pipeline import Rewriter
    from rewriter.stages.templates import _said_with_and
    out = Rewriter("en").rewrite("We don't deliver on Saturdays or bank holidays.").output
    assert "every day except Saturdays and bank holidays" in out, out
    assert _said_with_and("Træna eller Røst", load_bank("nb")) == "Træna og Røst"
    assert _said_with_and("Ordbok", load_bank("en")) == "Ordbok", "a word with 'or' inside stays"


def test_the_and_form_needs_the_languages_list_and(scratch_root):
    from rewriter.banks.loader import load_bank
    from rewriter.errors import BankError
    path = scratch_root / "en" / "language.yaml"
    path.write_text("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                              if not line.startswith("list_and:")) + "\n", encoding="utf-8")
    with pytest.raises(BankError, match=r"needs language.yaml's list_and"):
        load_bank("en", str(scratch_root))
