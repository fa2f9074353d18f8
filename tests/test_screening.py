"""The cheap screens in front of the regexes: they may let too much through, never too little."""
import pickle
import re

import pytest

from rewriter.banks import available_languages, load_bank
from rewriter.banks.lazy_regex import LazyRegex
from rewriter.banks.literals import any_in, required_literals, required_words
from rewriter.banks.model import tokens_of
from rewriter.banks.word_trie import words_regex
from rewriter.text.view import drop


@pytest.mark.parametrize("source, expected", [
    (r"\w+n['’]t\b", {"n't", "n’t"}),
    (r"(?:unfortunately)(?:,(?!\s+but))?", {"unfortunately"}),
    (r"\b(?:en|et|ei)(?:kä|kö)?\b", {"en", "et", "ei"}),
    (r"(?:I|we) must tell you", {"i must tell you", "we must tell you"}),
    (r"uppsel(t|d\w*)", {"uppsel"}),
])
def test_required_literals_are_what_every_match_contains(source, expected):
    assert required_literals(source, re.IGNORECASE) == expected


@pytest.mark.parametrize("source", [r"\w*", r"a|\w+", r"(?:x)?y?", r"[^,]+"])
def test_no_literal_means_no_screen(source):
    assert required_literals(source) is None
    assert any_in(None, "anything")


def test_word_shaped_regexes_are_screened_by_their_words():
    assert required_words(r"\bno\b(?!\.)", re.I) == {"no"}
    assert required_words(r"\b(?:dont|cant)\b", re.I) == {"dont", "cant"}
    assert required_words(r"\bkielto\w*", re.I) is None
    assert required_words(r"\w+n't\b", re.I) is None


def test_word_trie_matches_whole_words_only():
    rx = re.compile(words_regex(["no", "not", "none", "can", "can't"]))
    assert [bool(rx.search(t)) for t in ["no way", "it's not", "none left", "I can't", "we can"]] == [True] * 5
    assert [bool(rx.search(t)) for t in ["know", "nothing", "scan", "canned", "cannot"]] == [False] * 5


def test_lazy_regex_pickles_as_its_source_and_compiles_on_use():
    rx = LazyRegex.checked(r"out of stock", re.I)
    back = pickle.loads(pickle.dumps(rx))
    assert back == rx and back._compiled is None
    assert back.search("It is OUT OF STOCK").group() == "OUT OF STOCK"
    with pytest.raises(re.error):
        LazyRegex.checked("(unclosed")


@pytest.mark.parametrize("lang", available_languages())
def test_screens_never_hide_a_match_of_their_regex(lang):
    """Every raw regex of the bank, run on every example input: where it matches, its screen lets the text through."""
    bank = load_bank(lang)
    texts = [ex.input for _, ex in bank.examples()]
    lang_data = bank.language
    raw = [p[3:] for p in (*lang_data.negation_phrases, *lang_data.discouraged_phrases, *lang_data.softener_phrases)
           if p.startswith("re:")]
    assert raw or lang == "is"
    for source in raw:
        regex = re.compile(source, re.IGNORECASE)
        literals, words = required_literals(source, re.IGNORECASE), required_words(source, re.IGNORECASE)
        for text in texts:
            if regex.search(text):
                assert any_in(literals, text.lower()), (source, text)
                assert words is None or words & tokens_of(text), (source, text)


@pytest.mark.parametrize("lang", available_languages())
def test_every_example_that_needs_a_rewrite_passes_the_trigger_screen(lang):
    bank = load_bank(lang)
    for _, ex in bank.examples():
        if not ex.unchanged:
            assert bank.may_have_findings(ex.input), ex.source


@pytest.mark.parametrize("text, view", [
    ("The lamp is late, unfortunately, but it ships today.", "The lamp is late, unfortunately, but it ships today."),
    ("Unfortunately, the lamp is late.", "the lamp is late."),
    ("Hi Anna, unfortunately, the lamp is late.", "Hi Anna, the lamp is late."),
    ("I'm afraid that the lamp is late.", "the lamp is late."),
    ("ugh sorry, the lamp is late", "the lamp is late"),
    ("no sorry, the lamp is late", "the lamp is late"),
    ("Nope, the lamp is late.", "the lamp is late."),
])
def test_hedges_are_dropped_with_their_comma_but_kept_before_a_conjunction(text, view):
    """Kept before ", but": dropping it would glue the two clauses together."""
    assert drop(text, load_bank("en").language.softeners).text == view


def test_a_clean_line_is_skipped_and_a_negative_one_is_not():
    bank = load_bank("en")
    assert not bank.may_have_findings("I have booked a courier for the red dress. (order #100000)")
    assert bank.may_have_findings("I'm afraid size 38 is sold out.")
    assert bank.may_have_findings("We don’t ship to Svalbard.")


@pytest.mark.parametrize("lang", available_languages())
def test_reduced_marker_regexes_find_what_the_whole_lists_find(lang):
    """`Bank.markers` keeps only the phrases the trigger says may occur; on that text it finds the same matches."""
    from rewriter.banks.trigger import DISCOURAGED, NEGATION, SOFTENER

    bank = load_bank(lang)
    lang_data = bank.language
    whole = {NEGATION: lang_data.negation, DISCOURAGED: lang_data.discouraged, SOFTENER: lang_data.softeners}
    texts = [x for _, ex in bank.examples() for x in (ex.input, ex.output or "")]
    reduced = 0
    for text in texts:
        phrases = bank.trigger.phrases(text)
        for kind, regex in whole.items():
            if regex is None:
                continue
            found = [(m.start(), m.group()) for m in regex.finditer(text)]
            if kind not in phrases:
                assert not found, (kind, text)
                continue
            part = bank.markers(kind, phrases[kind])
            reduced += part is not regex
            assert [(m.start(), m.group()) for m in part.finditer(text)] == found, (kind, text)
            assert drop(text, part).text == drop(text, regex).text
    assert reduced
