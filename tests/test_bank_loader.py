"""A malformed bank fails with file, line, entry and what is wrong."""
import pytest

from rewriter.banks.loader import load_bank
from rewriter.errors import BankError

SITUATION = """\
format: 1
situation: sample
rules:
  - id: one
    patterns:
      - "{item} is gone"
    templates:
      - text: "I can order {item} for you."
        actions: [order]
    examples:
      - in: "The lamp is gone."
        out: "I can order the lamp for you."
"""


def write(root, text, name="sample"):
    path = root / "en" / "situations" / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(root) -> str:
    with pytest.raises(BankError) as err:
        load_bank("en", str(root))
    return str(err.value)


def test_a_valid_new_situation_loads(scratch_root):
    write(scratch_root, SITUATION)
    assert "sample.one" in [r.id for r in load_bank("en", str(scratch_root)).rules]


def test_yaml_syntax_error_names_file_and_line(scratch_root):
    write(scratch_root, SITUATION.replace('      - "{item} is gone"', '      - "{item} is gone'))
    msg = load_error(scratch_root)
    assert "en/situations/sample.yaml:" in msg and "YAML syntax" in msg


def test_schema_error_names_the_entry_and_line(scratch_root):
    write(scratch_root, SITUATION.replace("actions: [order]", "actions: [teleport]"))
    msg = load_error(scratch_root)
    assert "sample.yaml:9: rules[0].templates[0].actions[0]: 'teleport' is not one of" in msg


def test_bad_pattern_names_the_rule(scratch_root):
    write(scratch_root, SITUATION.replace('"{item} is gone"', '"{item} is (gone"'))
    assert "sample.yaml:6: rule one: pattern '{item} is (gone'" in load_error(scratch_root)


def test_template_slots_must_match_the_patterns(scratch_root):
    write(scratch_root, SITUATION.replace("I can order {item} for you.", "I can order {thing} for you."))
    assert "template uses slots ['thing'] but the patterns capture ['item']" in load_error(scratch_root)


def test_negative_template_is_rejected(scratch_root):
    write(scratch_root, SITUATION.replace("I can order {item} for you.", "I can't order {item} for you."))
    assert "template contains the negation marker" in load_error(scratch_root)


def test_situation_id_must_equal_file_name(scratch_root):
    write(scratch_root, SITUATION, name="other")
    assert "situation 'sample' differs from the file name 'other'" in load_error(scratch_root)


def test_yes_and_no_stay_words(scratch_root):
    # YAML 1.1 would read a bare no as false (the "Norway problem").
    write(scratch_root, SITUATION.replace('      - "{item} is gone"', "      - no {item} left"))
    bank = load_bank("en", str(scratch_root))
    assert any(p.source == "no {item} left" for r in bank.rules for p in r.patterns)


def test_yaml_alias_bomb_is_refused_with_file_and_line(scratch_root):
    # Nine levels of nine aliases each would expand to 9**9 strings: refused before anything is built.
    lines = ['format: 1', 'situation: bomb', 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 9)]
    write(scratch_root, "\n".join(lines) + "\nrules: *l8\n", name="bomb")
    message = load_error(scratch_root)
    assert "bomb.yaml:3: YAML anchor &l0 is not allowed" in message


def test_yaml_anchor_in_a_bank_names_its_line(scratch_root):
    write(scratch_root, SITUATION.replace('      - "{item} is gone"', '      - &gone "{item} is gone"\n      - *gone'))
    assert "sample.yaml:6: YAML anchor &gone" in load_error(scratch_root)


def test_a_general_situation_loses_ties_to_a_domain_one(scratch_root):
    """`general: true` (domain-free constructions) sorts last, whatever its file name."""
    from rewriter.stages.templates import match_rules
    write(scratch_root, SITUATION)
    general = SITUATION.replace("situation: sample", "situation: aaa\ngeneral: true").replace("id: one", "id: broad")
    write(scratch_root, general, name="aaa")
    bank = load_bank("en", str(scratch_root))
    assert [r.id for r, _, _ in match_rules("The lamp is gone.", bank)][:1] == ["sample.one"]
    assert bank.rules[-1].id == "aaa.broad"


def test_lingua_name_is_read_off_the_top_level_key_without_parsing_the_file(tmp_path):
    from rewriter.banks.loader import lingua_name

    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "language.yaml").write_text(
        "code: xx\n# lingua: WRONG (a comment)\nsoftener_notes:\n  lingua: NESTED\nlingua: \"BOKMAL\"  # the name\n",
        encoding="utf-8")
    (tmp_path / "yy").mkdir()
    (tmp_path / "yy" / "language.yaml").write_text("code: yy\n  lingua: NESTED\n", encoding="utf-8")
    assert lingua_name("xx", str(tmp_path)) == "BOKMAL"
    assert lingua_name("yy", str(tmp_path)) is None
    assert lingua_name("zz", str(tmp_path)) is None        # no bank: the ISO code decides


def test_a_slot_between_two_words_of_a_marker_is_no_marker(scratch_root):
    """A slot is a span of its own when a template is checked: "sold {when} out" never says "sold out"."""
    situation = SITUATION.replace('"I can order {item} for you."', '"We sold {item} out of the box, and I can order one for you."')
    (scratch_root / "en" / "situations" / "sample.yaml").write_text(situation, encoding="utf-8")
    bank = load_bank("en", str(scratch_root))
    assert bank.rule("sample.one").templates[0].text.startswith("We sold {item} out")
    with pytest.raises(BankError, match="sold out"):
        (scratch_root / "en" / "situations" / "sample.yaml").write_text(
            situation.replace("We sold {item} out of the box", "We sold out of {item}"), encoding="utf-8")
        load_bank.cache_clear()
        load_bank("en", str(scratch_root))


def _with_phrase_sets(root, sets: str) -> None:
    """Add ``sets`` (indented YAML entries) to the scratch bank's `phrase_sets`, which it may already have."""
    path = root / "en" / "language.yaml"
    text = path.read_text(encoding="utf-8")
    if "\nphrase_sets:\n" in text:
        text = text.replace("\nphrase_sets:\n", "\nphrase_sets:\n" + sets, 1)
    else:
        text += "\nphrase_sets:\n" + sets
    path.write_text(text, encoding="utf-8")


def test_a_phrase_set_stands_for_its_phrases_in_exceptions_and_requires(scratch_root):
    """'@name' in exceptions/requires is the language's `phrase_sets` entry: one list serves many rules."""
    from rewriter.stages.templates import match_rules
    _with_phrase_sets(scratch_root, '  furniture: ["lamp", "re:\\\\bchairs?\\\\b"]\n  kitchen: [kettle]\n')
    rule = SITUATION.replace('    patterns:', '    exceptions: ["@furniture", "sofa"]\n    patterns:')
    write(scratch_root, rule)
    bank = load_bank("en", str(scratch_root))
    matched = lambda text: "sample.one" in [r.id for r, _, _ in match_rules(text, bank)]  # noqa: E731
    assert not matched("The lamp is gone.") and not matched("The chair is gone.") and not matched("The sofa is gone.")
    assert matched("The kettle is gone.")
    write(scratch_root, SITUATION.replace('    patterns:', '    requires: ["@kitchen"]\n    patterns:'))
    bank = load_bank("en", str(scratch_root))
    assert matched("The kettle is gone.") and not matched("The lamp is gone.")


def test_an_unknown_phrase_set_names_file_line_and_rule(scratch_root):
    _with_phrase_sets(scratch_root, '  kitchen: [kettle]\n')
    write(scratch_root, SITUATION.replace('    patterns:', '    exceptions: ["@furnture"]\n    patterns:'))
    msg = load_error(scratch_root)
    assert "sample.yaml:5: rule one: exception: unknown phrase set '@furnture'" in msg and "@kitchen" in msg


def test_a_bad_phrase_in_a_set_names_the_set(scratch_root):
    _with_phrase_sets(scratch_root, '  kitchen: ["re:(kettle"]\n')
    assert "phrase_sets.kitchen" in load_error(scratch_root)
