"""Screens in front of rule matching, exceptions, advice and flips: they may let too much through, never too little.

Each screen is checked against the regex it stands in front of on every
example sentence of every bank (raw, masked and split as the pipeline does,
without its softeners), so a bank edit that a screen would get wrong fails
here, not in a blind read.
"""
import random
import re
import sys
from dataclasses import replace

import pytest

from rewriter.banks import available_languages, load_bank
from rewriter.banks.literals import Screen, lowered, screen_literals, screen_source
from rewriter.banks.model import tokens_of
from rewriter.banks.tokens import may_match
from rewriter.stages.lazy_sorted import LazySorted
from rewriter.stages.templates import (_literal_length, _specificity, fitting_rules, fitting_split, match_rules,
                                       softened)
from rewriter.text import sentences
from rewriter.text.protect import mask


def _clear(bank) -> None:
    bank.match_cache.clear()
    bank.findings_cache.clear()
    bank.slot_cache.clear()


def _texts(bank) -> list[str]:
    """Every example input of the bank, whole, and masked and split as the pipeline does, with and without softeners."""
    out = []
    inputs = [ex.input for _, ex in bank.examples()]
    if bank.advice:
        inputs += [ex.input for ex in bank.advice.examples]
    for text in inputs:
        out.append(text)
        masked = mask(text, bank.language.unmasked, bank.language.titles)
        for start, end in sentences.split(masked.text, bank.language.abbreviations, masked.is_block):
            sentence = masked.text[start:end]
            out += [sentence, softened(sentence, bank).text]
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("source, expected", [
    (r"\b(?:\w*kontrakt\w*|binding\w*|bundet)\b", {"kontrakt", "binding", "bundet"}),
    # a positive lookahead's words are in the text too
    (r"^(?=.*\b(?:refund|refusjon)\b)(?=.*\bx\b)", {"refund", "refusjon"}),
    # more choices than a plain required_literals takes (24)
    ("|".join(f"{'xy'[i % 2]}w{i:02d}" for i in range(40)), {f"{'xy'[i % 2]}w{i:02d}" for i in range(40)}),
])
def test_screen_literals_take_every_choice(source, expected):
    assert screen_literals(source, re.IGNORECASE) == expected


def test_screen_literals_take_the_rarest_strings_a_choice_offers():
    source = r"\bfør\b.*\b(?:behandlet|vurdert)\b"
    assert screen_literals(source, re.IGNORECASE) == {"behandlet", "vurdert"}     # the longer shortest string
    assert screen_literals(source, re.IGNORECASE, cost={"før": 1, "behandlet": 5, "vurdert": 5}.get) == {"før"}


@pytest.mark.parametrize("source", [r"(?:\d{1,2}[.:]\d{2})|klo", r"^(?!.*\bfoo\b)", r"a|bb"])
def test_no_screen_when_a_choice_has_no_string(source):
    assert screen_source(source, re.IGNORECASE) is None


def test_a_screen_finds_what_it_screens_for_in_any_case():
    screen = re.compile(screen_source(r"\b(?:\w*kontrakt\w*|avtalen løper)\b", re.I), re.I)
    assert screen.search("Leiekontrakten") and screen.search("AVTALEN LØPER ut") and not screen.search("avtale")


def test_a_screen_searches_lower_cased_text_only_where_that_finds_the_same():
    """Over every code point: a lower-case letter of a screen matches, ignoring case, exactly the characters
    whose ``str.lower`` it is, except those `lowered` refuses to lower-case."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    refused = {c for c in every if lowered(c) is None}
    assert refused == {"\u0130", "\u0131", "\u017f"}
    letters = set("abcdefghijklmnopqrstuvwxyzæøåäöüõðþáéíóúýèêàâçñ")
    for letter in sorted(letters):
        if Screen([letter]).plain is None:
            continue
        by_case = set(re.findall(re.escape(letter), every, re.IGNORECASE)) - refused
        by_lower = {c for c in every if c.lower() == letter} - refused
        assert by_case == by_lower, letter
    assert Screen(["ikke", "så"]).plain is not None
    assert Screen(["σήμερα"]).plain is None            # σ/ς/Σ: three cases, str.lower gives one
    screen = Screen(["ikke"], re.IGNORECASE)
    for text in ["IKKE", "ıkke", "İkke", "ikkje"]:
        assert screen.occurs(text, lowered(text)) == bool(re.search("ikke", text, re.IGNORECASE)), text


@pytest.mark.parametrize("lang", available_languages())
def test_exception_screens_never_hide_an_exception(lang):
    """Where a rule's exceptions regex occurs, its screen does, and `Vetoes` answers None (search it), never False."""
    bank = load_bank(lang)
    sources = {r.exceptions.pattern: r.exceptions for r in bank.rules if r.exceptions is not None}
    assert bank._veto_screens and set(bank._veto_screens) <= set(sources)
    vetoed = 0
    for text in _texts(bank):
        vetoes = bank.vetoes(text)
        for source, regex in sources.items():
            if regex.search(text):
                vetoed += 1
                assert vetoes.get(source) is None, (source[:80], text)
            elif vetoes.get(source) is False:
                assert not bank._veto_screens[source].folded.search(text)
    assert vetoed


@pytest.mark.parametrize("lang", available_languages())
def test_advice_screens_give_the_advice_the_regexes_give(lang):
    bank = load_bank(lang)
    advice = bank.advice
    assert advice.any_screen is not None and all(advice.screens)
    plain = replace(advice, screens=(), any_screen=None)
    found = 0
    for text in _texts(bank):
        entry = advice.entry_for(text)
        assert entry == plain.entry_for(text), text
        assert advice.holds_message(text) == plain.holds_message(text), text
        found += entry is not None
    assert found


@pytest.mark.parametrize("lang", available_languages())
def test_flip_bounds_need_their_words(lang):
    """A bound of flips.yaml matches only a text that holds its `words` (as the predicates' are looked up)."""
    bank = load_bank(lang)
    assert any(b.words for b in bank.flips.bounds)
    for text in _texts(bank):
        words = frozenset(re.findall(r"\w+", text.lower()))
        for bound in bank.flips.bounds:
            if bound.neg.search(text):
                assert bound.words <= words, (bound.id, text)


@pytest.mark.parametrize("lang", available_languages())
def test_candidate_rules_are_every_pattern_whose_words_are_there(lang):
    """The grouped word index gives what checking every pattern of the bank would."""
    bank = load_bank(lang)
    for text in _texts(bank):
        tokens = tokens_of(text)
        expected = []
        for order, rule in enumerate(bank.rules):
            fits = [m for m in rule.matchers if may_match(m.required, m.required_any, tokens)]
            if fits:
                expected.append((order, rule.id, fits))
        got = [(order, rule.id, matchers) for order, rule, matchers in bank.candidate_rules(tokens)]
        assert got == expected, text


def test_lazy_sorted_is_the_sorted_filtered_list_as_far_as_read():
    rng = random.Random(15)
    for _ in range(300):
        n = rng.randrange(12)
        sources = []
        for order in range(n):
            bound = rng.randrange(-20, 0)
            key = None if rng.random() < 0.3 else (bound + rng.randrange(0, 5), order)
            sources.append((bound, order, key))
        sources.sort()
        evaluated = []

        def evaluate(source):
            evaluated.append(source)
            return source[2]

        keep = lambda key: None if key[1] % 3 == 0 else key       # noqa: E731
        eager = [k for k in sorted(s[2] for s in sources if s[2] is not None) if keep(k) is not None]
        lazy = LazySorted(list(sources), evaluate, keep)
        if eager:
            assert lazy[0] == eager[0] and bool(lazy)
        else:
            assert not lazy
        assert list(lazy) == eager and lazy[:2] == eager[:2] and len(lazy) == len(eager)
        assert len(evaluated) == n


@pytest.mark.parametrize("lang", available_languages())
def test_fitting_rules_read_lazily_are_the_full_list(lang):
    """`fitting_rules`, made as far as it is read, is `match_rules` slot-checked in order, entry for entry."""
    bank = load_bank(lang)
    _clear(bank)
    texts = [t for t in _texts(bank) if "\n" not in t]
    lazy = {t: list(fitting_rules(t, bank)) for t in texts}
    _clear(bank)
    checked = 0
    for text in texts:
        eager = [(rule, fitting_split(m, bank), view) for rule, m, view in match_rules(text, bank)]
        eager = [(rule, m, view) for rule, m, view in eager if m is not None]
        got = lazy[text]
        assert [(r.id, m.group("clause"), v.text) for r, m, v in got] == \
            [(r.id, m.group("clause"), v.text) for r, m, v in eager], text
        assert all(_specificity(m) == _literal_length(m) for _, m, _ in match_rules(text, bank))
        checked += bool(eager)
    assert checked
    _clear(bank)


@pytest.mark.parametrize("lang", available_languages())
def test_trigger_any_is_whether_phrases_finds_something(lang):
    """`Trigger.any` memoises a text it finds something in; the answers stay those of `phrases`, cold or warm."""
    bank = load_bank(lang)
    trigger = bank.trigger
    texts = _texts(bank) + ["Thanks, see you soon.", "Takk for sist!", "", "12345"]
    trigger._memo.clear()
    cold = [trigger.any(t) for t in texts]
    full = [dict(trigger.phrases(t)) for t in texts]
    trigger._memo.clear()
    fresh = [dict(trigger.phrases(t)) for t in texts]
    assert cold == [bool(f) for f in fresh] and full == fresh
    assert any(cold) and not all(cold)
    trigger._memo.clear()


@pytest.mark.parametrize("lang", available_languages())
def test_order_screens_find_something_wherever_their_pattern_matches(lang):
    """`Matcher.match` skips a pattern whose order screen finds nothing: never one that matches.
    Every example text (and with a lead-in) meets every pattern whose words it holds, not only its own rule's."""
    bank = load_bank(lang)
    matchers = [m for rule in bank.rules for m in rule.matchers]
    assert sum(m.screen_source is not None for m in matchers) > len(matchers) // 2
    texts = _texts(bank)
    matched = 0
    for text in texts + [f"Hei, {t}" for t in texts]:
        for _, _, candidates in bank.candidate_rules(tokens_of(text)):
            for m in candidates:
                if m.screen_source is not None and m.regex.match(text):
                    matched += 1
                    assert re.search(m.screen_source, text, re.IGNORECASE), (m._source, text)
    assert matched


@pytest.mark.parametrize("source, found, missed", [
    ("{tnp} {tverb} [dessverre] ikke før [tidligst] {bound}[,] {grunnled}",
     "Pakken kommer dessverre ikke før tidligst fredag, grunnet streik.", "Pakken kommer ikke, før fredag grunnet streik."),
    ("{item} is out of stock", "The red dress is out of stock.", "The red dress is out of stock today."),
    ("we (don't|do not) have {item} in stock", "Sorry, we do not have it in stock!", "We have no dresses in stock."),
])
def test_order_screen_needs_the_words_in_order(source, found, missed):
    from rewriter.banks.loader import LEAD, TAIL
    from rewriter.banks.patterns import compile_pattern, order_screen
    full = LEAD + "(?P<clause>" + compile_pattern(source).regex + ")" + TAIL
    screen = re.compile(order_screen(full), re.IGNORECASE)
    assert re.match(full, found, re.IGNORECASE) and screen.search(found)
    assert not re.match(full, missed, re.IGNORECASE) and not screen.search(missed)


def test_no_order_screen_without_a_slot_or_with_a_back_reference():
    from rewriter.banks.patterns import order_screen
    assert order_screen(r"^(?P<lead>)(?P<clause>we\s+can't)$") is None
    assert order_screen(r"^(?P<lead>)(?P<clause>(?P<a>x+)\s+is\s+(?P=a))$") is None


@pytest.mark.parametrize("lang", available_languages())
def test_candidate_rules_depend_only_on_pattern_words(lang):
    """`candidate_rules` is memoised by `pattern_words`: the words no pattern asks for change nothing."""
    bank = load_bank(lang)
    for text in _texts(bank)[:400]:
        tokens = tokens_of(text)
        words = bank.pattern_words(tokens)
        assert words <= tokens
        bank.candidate_cache.clear()
        full = bank.candidate_rules(tokens | {"zzqx", "qxzv"})
        bank.candidate_cache.clear()
        assert bank.candidate_rules(words) == full == bank.candidate_rules(tokens), text
