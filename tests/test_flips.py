"""General constructions (flips.yaml): a negated predicate and its bound, flipped together."""
import pytest

from rewriter.banks.loader import load_bank
from rewriter.pipeline import Rewriter
from rewriter.stages.flips import flip_clause
from rewriter.text.protect import mask


@pytest.fixture(scope="module")
def en():
    return load_bank("en")


def flipped(text, bank):
    masked = mask(text, bank.language.unmasked, bank.language.titles)
    flip = flip_clause(masked.text, bank.flips, bank)
    return masked.unmask(flip.text) if flip else None


@pytest.mark.parametrize("text, expected", [
    # any subject, any verb phrase: no pattern was written for these phrasings
    ("The museum shop does not accept payments above 200 pounds in cash",
     "The museum shop accepts payments up to 200 pounds in cash"),
    ("Our riders can't carry boxes heavier than 20 kg up the stairs",
     "Our riders can carry boxes of up to 20 kg up the stairs"),
    ("We don't lend projectors for more than three days",
     "We lend projectors for up to three days"),
    ("Members can't bring guests before 6 pm on Fridays",
     "Members can bring guests from 6 pm on Fridays"),
    ("you can't renew the licence unless the fee has been paid",
     "You can renew the licence provided the fee has been paid"),     # "unless" is "only if", never a plain "if"
])
def test_predicate_and_bound_are_flipped_and_the_rest_is_copied(en, text, expected):
    assert flipped(text, en) == expected


@pytest.mark.parametrize("text", [
    "We can't deliver to your area",                          # no bound: no honest flip
    "Before Friday we can't deliver the sofa",                 # the bound is not in the predicate's scope
    "We can't ship before Friday and the lamp isn't in stock",  # a second negation
    "You don't need to pay before Friday",                     # no obligation: good news
    "We can't offer a set menu for parties under 20 before 6 pm",   # a restriction the flip would carry over
    "We couldn't deliver it before Friday",                    # the past cannot be said positively
    "If you paid, we can't refund it after 30 days",           # the subject is a clause
    "We can't refund the ticket after departure",              # "after" takes a time, not an event
])
def test_what_the_construction_does_not_cover_stays(en, text):
    assert flipped(text, en) is None


def test_third_person_verb_takes_its_s(en):
    assert flipped("The gym doesn't allow guests before 10 am", en) == "The gym allows guests from 10 am"


def test_a_fact_alone_stays_and_states_after_another_sentence_offers():
    rw = Rewriter("en", engines=("template",))
    fact = "Passengers cannot board without a printed boarding pass."
    assert rw.rewrite(fact).output == fact
    message = "We can't rent a car to drivers who have held their licence for less than two years. " + fact
    assert rw.rewrite(message).output == ("We can rent a car to drivers who have held their licence for at least two "
                                          "years. Passengers can board with a printed boarding pass.")


def test_a_bound_tail_is_used_only_where_the_organisation_offers_it(scratch_root, monkeypatch):
    from rewriter.config import OrgConfig
    path = scratch_root / "en" / "flips.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'offer_tail: ""', 'offer_tail: ", and I\'d be happy to explain the options"'), encoding="utf-8")
    monkeypatch.setenv("REWRITER_BANKS", str(scratch_root))
    load_bank.cache_clear()
    fact = "Passengers cannot board without a printed boarding pass."
    assert Rewriter("en").rewrite(fact).output == (
        "Passengers can board with a printed boarding pass, and I'd be happy to explain the options.")
    denied = Rewriter("en", config=OrgConfig(allowed_actions=frozenset({"notify"}), drafts="none"))
    assert denied.rewrite(fact).output == fact


def test_a_we_flip_offers_on_its_own():
    result = Rewriter("en").rewrite("Sorry, we don't take bookings for groups larger than 8 on Friday evenings.")
    assert result.output == "We take bookings for groups of up to 8 on Friday evenings."
    assert result.edits[0].rule == "flips.not_more_than_than"


FLIPS_OK = """\
format: 1
slots:
  amount: "<span>"
predicates:
  - neg: "can't"
    pos: "can"
bounds:
  - id: more
    neg: "more than {amount}"
    pos: "up to {amount}"
"""



def test_a_bound_with_an_unknown_slot_names_file_line_and_entry(load_error):
    error = load_error("flips.yaml", FLIPS_OK.replace("{amount}\"\n    pos", "{money}\"\n    pos"))
    assert "flips.yaml:8: more: unknown slot(s) ['money']" in error


def test_a_bad_regex_names_file_and_entry(load_error):
    error = load_error("flips.yaml", FLIPS_OK.replace("neg: \"can't\"", "neg: \"can't(\""))
    assert "flips.yaml:5: predicates.0: neg is not a valid regex" in error


def test_a_bank_without_flips_loads(scratch_root):
    (scratch_root / "en" / "flips.yaml").unlink()
    assert load_bank("en", str(scratch_root)).flips is None


def test_a_greeting_before_a_flip_stays_word_for_word():
    result = Rewriter("en").rewrite("Dear Ms Lee, you can't pause your plan more than once a year.")
    assert result.output == "Dear Ms Lee, you can pause your plan once a year."

