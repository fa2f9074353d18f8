"""Every example in every bank is a test (as LanguageTool does with rule examples)."""
import pytest

from rewriter.banks import available_languages, load_bank
from rewriter.banks.examples import run_example

CASES = [(code, rule, ex) for code in available_languages() for rule, ex in load_bank(code).examples()]


@pytest.mark.parametrize("code, rule, example", CASES, ids=[f"{c}:{ex.source.rsplit('/', 1)[-1]}" for c, _, ex in CASES])
def test_bank_example(code, rule, example):
    outcome = run_example(load_bank(code), rule, example)
    assert outcome.ok, outcome.describe()


def test_every_language_has_examples():
    assert all(load_bank(code).examples() for code in available_languages())
