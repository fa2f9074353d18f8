"""Detection's shortcut to the rule that explains a sentence: the same rule, match and view as the full list's first."""
import re

import pytest

from rewriter.banks import available_languages, load_bank
from rewriter.banks.model import tokens_of
from rewriter.banks.patterns import compile_pattern, literal_width
from rewriter.stages.templates import _literal_length, first_fitting, fitting_rules, softened
from rewriter.text import sentences
from rewriter.text.protect import mask


@pytest.mark.parametrize("pattern, width", [
    ("{item} is [currently] (out of stock|sold out)", len(" is currently out of stock")),
    ("we (can't|cannot) deliver on {day} [yet]", len("we cannot deliver on  yet")),
    ("you('ve| have) {x}", len("you have ")),
    ("x", 1),
])
def test_literal_width_counts_the_widest_words_outside_the_slots(pattern, width):
    assert literal_width(compile_pattern(pattern).regex) == width


@pytest.mark.parametrize("regex", [r"a+b", r"(?:ab)*", r"x\1", "(unclosed"])
def test_no_bound_where_a_repeat_is_open_or_the_regex_unreadable(regex):
    assert literal_width(regex) is None


def _clear(bank) -> None:
    bank.match_cache.clear()
    bank.findings_cache.clear()
    bank.slot_cache.clear()


def _sentences(bank) -> list[str]:
    """Every example input of the bank, masked and split as the pipeline does, with variants that exercise the search."""
    out = []
    for _, example in bank.examples():
        masked = mask(example.input, bank.language.unmasked, bank.language.titles)
        for start, end in sentences.split(masked.text, bank.language.abbreviations, masked.is_block):
            sentence = masked.text[start:end]
            # A whitespace run turns the bound off; a lead-in adds a clause before the rule's.
            out += [sentence, sentence.replace(" ", "  ", 1), "Hi there, " + sentence[:1].lower() + sentence[1:]]
    return out


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    (rule_a, m_a, view_a), (rule_b, m_b, view_b) = a, b
    names = [n for n in m_a.re.groupindex]
    return (rule_a.id == rule_b.id and view_a == view_b and m_a.re.pattern == m_b.re.pattern
            and [(m_a.start(n), m_a.end(n), m_a.group(n)) for n in names]
            == [(m_b.start(n), m_b.end(n), m_b.group(n)) for n in names])


@pytest.mark.parametrize("lang", available_languages())
def test_first_fitting_is_the_first_of_the_full_list_on_every_example(lang):
    """Cold (the bounded search), warm (slot answers memoised) and after the full list was made: always its first."""
    bank = load_bank(lang)
    _clear(bank)
    texts = _sentences(bank)
    cold = [first_fitting(s, bank) for s in texts]
    bank.match_cache.clear()
    warm = [first_fitting(s, bank) for s in texts]
    _clear(bank)
    full = [(fitting_rules(s, bank) or [None])[0] for s in texts]
    from_list = [first_fitting(s, bank) for s in texts]
    _clear(bank)
    assert any(f is not None for f in full)
    for text, a, b, c, d in zip(texts, cold, warm, full, from_list):
        assert _same(a, c) and _same(b, c) and _same(d, c), text


@pytest.mark.parametrize("lang", available_languages())
def test_max_literal_bounds_every_match_of_every_example(lang):
    """A pattern's specificity on a text without whitespace runs never exceeds its `max_literal`."""
    bank = load_bank(lang)
    _clear(bank)
    checked = 0
    for text in _sentences(bank):
        view = softened(text, bank).text
        if re.search(r"\s\s", view):
            continue
        tokens = tokens_of(view)
        for rule in bank.rules:
            for matcher in rule.matchers:
                if not matcher.required <= tokens:
                    continue
                m = matcher.match(view)
                if m and matcher.max_literal is not None:
                    assert _literal_length(m) <= matcher.max_literal, (matcher.pattern.source, view)
                    checked += 1
    assert checked
    _clear(bank)
