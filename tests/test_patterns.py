import re

import pytest

from rewriter.banks.patterns import PatternSyntaxError, compile_pattern, compile_phrase_list


def full(pattern: str, text: str) -> re.Match | None:
    return re.fullmatch(compile_pattern(pattern).regex, text, re.IGNORECASE)


def test_optional_word_takes_its_space_along():
    assert full("{item} is [currently] out of stock", "the lamp is out of stock")
    assert full("{item} is [currently] out of stock", "the lamp is currently out of stock")
    assert not full("{item} is [currently] out of stock", "the lamp is currentlyout of stock")


def test_optional_word_at_the_end():
    assert full("we can [now]", "we can")
    assert full("we can [now]", "we can now")


def test_choices_nest_and_match_either_apostrophe():
    pattern = "we ((don't|do not) have|lack) {item}"
    assert full(pattern, "We don’t have socks").group("item") == "socks"
    assert full(pattern, "we do not have socks")
    assert full(pattern, "we lack socks")


def test_slots_are_named_and_stop_at_clause_punctuation():
    cp = compile_pattern("{item} is out of stock until {date}")
    assert cp.slots == ("item", "date")
    assert not full("{item} is out", "hello, the lamp is out")


def test_a_slot_stops_at_a_dash_between_spaces():
    # "Vi er tomme for juleølet – den siste kassen gikk i går": the dash ends the clause
    assert not full("we are out of {item}", "we are out of the lager – the last case went yesterday")
    assert not full("we are out of {item}", "we are out of the lager — the last case went yesterday")
    assert full("we are out of {item}", "we are out of the 2-pack lager")      # a hyphen inside a word is no dash


def test_words_match_on_boundaries_only():
    assert re.search(compile_pattern("no").regex, "know", re.I) is None
    assert re.search(compile_pattern("no").regex, "no way", re.I)


@pytest.mark.parametrize("bad, why", [
    ("(a|b", "not closed"),
    ("a]", "unbalanced"),
    ("{Item} x", "bad slot name"),
    ("{item} and {item}", "twice"),
    ("{lead} x", "reserved"),
])
def test_syntax_errors_say_what_and_where(bad, why):
    with pytest.raises(PatternSyntaxError, match=why):
        compile_pattern(bad)


def test_phrase_list_takes_raw_regexes():
    rx = compile_phrase_list(["not", r"re:\w+n't\b"])
    assert rx.search("we can't") and rx.search("it is not") and not rx.search("nothing")


def test_optional_groups_at_the_end_and_glued_punctuation():
    assert all(full("x {s} [a] [b]", t) for t in ("x S a", "x S", "x S a b", "x S b"))
    assert full("it bounced[,] and we", "it bounced and we")
    assert full("it bounced[,] and we", "it bounced, and we")


def test_a_slot_may_hold_an_ordinal_date_but_not_a_sentence_end():
    assert full("{item} comes on {date}", "it comes on 15. janúar").group("date") == "15. janúar"
    assert not full("{item} comes on {date}", "it comes on Monday. Then more")


def test_required_words_are_whole_tokens_only():
    cp = compile_pattern("{item} (is|are|'s) [currently] (out of stock|sold out) loppu(un|i)")
    assert cp.required == ()
    assert cp.required_any == (frozenset({"stock", "sold"}),)


def test_two_optional_groups_at_the_start_own_their_spaces():
    assert full("[I'm|I am] [so|very] sorry, {x}", "Sorry, the lamp")
    assert full("[I'm|I am] [so|very] sorry, {x}", "I'm so sorry, the lamp")


def test_exception_phrases_may_be_punctuation():
    rx = compile_phrase_list(["can't wait", "?"])
    assert rx.search("Is it here?") and rx.search("I can't wait!")


def test_glued_choices_give_no_token_requirement():
    assert compile_pattern("(that|this|it)('s| is) not possible").required_any == ()


def test_an_optional_prefix_glued_to_a_word_keeps_the_space_before_it():
    import re

    regex = re.compile(compile_pattern("er [inn]betalt").regex, re.I)
    assert regex.search("beløpet er betalt") and regex.search("beløpet er innbetalt")
    assert not regex.search("beløpet erbetalt")


def test_required_words_are_the_words_every_match_holds_whole():
    from rewriter.banks.flips import _WORD_END, _WORD_START
    from rewriter.banks.patterns import required_words

    def words(body: str) -> set[str]:
        return set(required_words(_WORD_START + "(?:" + body + ")" + _WORD_END))

    assert words("kan ikke (?P<e>komme|ankomme)") == {"kan", "ikke"}
    assert words("går ikke an") == {"går", "ikke", "an"}
    # a word after an optional part or a choice is not known to stand whole
    assert words("(?:^(?:dessverre)\\s+)?kan (?P<s>vi|jeg) ikke") == {"ikke"}
    assert words("(?P<v>gjelder|tillater) ikke") == {"ikke"}
    assert words("can(?:no|')t") == set()
    assert words("Ekki ER hægt") == {"ekki", "er", "hægt"}          # looked up in lower case
    assert required_words("kan ikke nå") == {"ikke"}     # no word-start or -end assertion: "skan", "nåde"
    assert required_words("(unclosed") == frozenset()


def test_the_flip_screen_never_hides_a_match():
    import re
    from rewriter.banks import load_bank
    words_of = re.compile(r"\w+")
    for lang in ("en", "fi", "is", "nb"):
        flips = load_bank(lang).flips
        for example in flips.examples:
            text = example.input
            tokens = set(words_of.findall(text.lower()))
            for predicate in flips.predicates:
                if predicate.neg.search(text):
                    assert predicate.words <= tokens, (lang, text, predicate.neg.pattern)


def test_a_question_mark_after_a_group_is_refused():
    # "(also )?" would read as a literal question mark and never match prose
    with pytest.raises(PatternSyntaxError, match=r"\[like this\]"):
        compile_pattern("this (also )?applies")
    assert compile_pattern("can (we|I) help?").regex        # a question mark after a word stays literal
