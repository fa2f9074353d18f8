"""General constructions: flip a negated predicate and the bound in its scope.

"The bank does not allow transfers above €5,000 through the app" -> "The bank
allows transfers up to €5,000 through the app". Any subject and any verb
phrase carry over word for word; only the predicate and the bound change,
both as the language's ``flips.yaml`` says. The construction is used only
where it is the whole sentence's one negation: the predicate and the bound
account for every negation marker, the bound follows the predicate in the
same clause, and the subject is one phrase (no comma, no subordinator). A
sentence that needs more than that stays with the rules written for it.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..banks.flips import Bound, Flips, Predicate
from ..banks.model import Bank
from ..plan.message import MessagePlan
from ..text.protect import is_sentinel
from .candidate import Candidate
from .templates import softened

_END = re.compile(r"\s*([.!]*)\s*$")
_BREAK = re.compile(r"[,;:()\u2013\u2014\"“”]")
_SPACES = re.compile(r"\s{2,}")
_WORDS = re.compile(r"\w+")      # the words `Predicate.words` are looked up in
# The longest subject a flip copies (words); a longer one is a clause of its own.
MAX_SUBJECT_WORDS = 10
OFFER = ("help",)
EXPLAIN = ("explain",)


@dataclass(frozen=True)
class Flip:
    text: str
    predicate: Predicate
    bound: Bound
    made: str            # the words the flip wrote, for the dictionary check


def candidates(sentence: str, bank: Bank, plan: MessagePlan) -> Iterator[Candidate]:
    """The sentence with its predicate and bound flipped, when the construction covers it."""
    flips = bank.flips
    if flips is None or sentence.rstrip().endswith("?"):
        return
    soft = softened(sentence, bank)
    view = soft.text.strip()
    end = _END.search(view)
    body, stop = view[:end.start()], (end.group(1)[:1] or ".")
    flip = flip_clause(body, flips, bank, _verb_first(sentence, soft, bank))
    if flip is None:
        return
    text = flip.text + stop
    offers = bool(flips.offers and flips.offers.match(text)) or bool(bank.language.actions.search(text))
    made, actions = flip.made, OFFER
    if not plan.states_only and not offers:
        # "The bank allows transfers up to €5,000": a fact, no offer. Alone it
        # takes the bank's plain offer, if the bank gives one (the shipped banks
        # give none: blind readers cut every such add-on as vague), never
        # after a kept reason: three clauses in a row.
        tail = flip.bound.tail if flip.bound.tail is not None else flips.offer_tails.get(flip.predicate.kind)
        if not tail or "," in flip.text or not plan.config.allows(EXPLAIN):
            return
        text, made, actions, offers = flip.text + tail + stop, f"{made} {tail}", EXPLAIN, True
    if not plan.states_only and not plan.config.allows(actions):
        return
    rule = f"flips.{flip.bound.id}"
    yield Candidate(text, "template", rule, f"{flips.path}:{flip.bound.line}",
                    () if plan.states_only else actions, template=made, says_action=offers)


def covers(sentence: str, bank: Bank) -> bool:
    """Whether a general construction can say ``sentence`` (one clause) positively."""
    if bank.flips is None:
        return False
    soft = softened(sentence, bank)
    view = soft.text.strip()
    return flip_clause(view[:_END.search(view).start()], bank.flips, bank, _verb_first(sentence, soft, bank)) is not None


def _verb_first(sentence: str, soft, bank: Bank) -> bool:
    """Whether dropping a fronted softener left a verb-second clause opening with its verb.

    "Því miður er fullbókað ... og við tökum ekki ...": without "Því miður"
    the clause starts "Er fullbókað"; only a predicate the flip itself puts
    first ("Dessverre kan vi ikke" -> "Vi kan") may stand there.
    """
    if not bank.language.verb_second:
        return False
    text = soft.text
    first = len(text) - len(text.lstrip())
    if first >= len(text):
        return False
    dropped = sentence[len(sentence) - len(sentence.lstrip()):soft.origin[first]]
    # an interjection set off by a comma ("Nei, þú getur ekki ...") is no fronted constituent
    return bool(dropped.strip()) and not dropped.rstrip().endswith(",")


def flip_clause(body: str, flips: Flips, bank: Bank, verb_first: bool = False) -> Flip | None:
    """``body`` (one clause, no final stop, softeners gone) said positively, or None.

    ``verb_first``: a fronted softener was dropped in a verb-second language,
    so any words before the predicate begin with a verb (`_verb_first`).
    """
    lang = bank.language
    words = frozenset(_WORDS.findall(body.lower()))
    found = sorted(((m, p) for p in flips.predicates if p.words <= words for m in p.neg.finditer(body)),
                   key=lambda mp: (mp[0].start(), mp[0].start() - mp[0].end()))
    if not found:
        return None
    m, predicate = found[0]
    if any(other.start() >= m.end() for other, _ in found[1:]):
        return None            # a second negated verb: two clauses, or a double negation
    if flips.blocked_after and _blocked(body, m, flips.blocked_after):
        return None
    bounds = sorted(((b_m, order, b) for order, b in enumerate(flips.bounds) if predicate.kind in b.kinds
                     and b.words <= words for b_m in b.neg.finditer(body, m.end())),
                    key=lambda t: (t[0].start(), t[1]))
    if not bounds:
        return None
    bm, _, bound = bounds[0]
    if any(other.start() >= bm.end() for other, _, _ in bounds[1:]):
        return None            # two bounds: which one the negation limits is not clear
    subject, middle, tail = body[:m.start()], body[m.end():bm.start()], body[bm.end():]
    if not _one_phrase(subject, bank) or not _in_clause(middle, bank, flips) or not _tail_ok(tail, bank):
        return None
    if not subject.strip() and predicate.first is None:
        return None
    if verb_first and subject.strip():
        return None
    if flips.blocked_in_scope and flips.blocked_in_scope.search(middle + " " + tail):
        return None            # a restriction the flip would carry over as if it were allowed
    for n in lang.negation.finditer(body):
        if not (m.start() <= n.start() < m.end() or bm.start() <= n.start() < bm.end()):
            return None        # a negation the flip does not turn
    opening = not subject.strip()
    said = flips.fill(predicate.first if opening and predicate.first else predicate.pos, m)
    bound_said = flips.fill(bound.pos, bm)
    tail = flips.drop_at_end.sub("", tail) if flips.drop_at_end else tail
    text = _SPACES.sub(" ", f"{subject}{said}{middle}{bound_said}{tail}").strip()
    if not text:
        return None
    if not is_sentinel(text[0]):
        text = text[0].upper() + text[1:]
    made = f"{predicate.first if opening and predicate.first else predicate.pos} {bound.pos}"
    return Flip(text, predicate, bound, made)


def _blocked(body: str, m: re.Match[str], blocked) -> bool:
    """Whether what follows the negation ("need to", "have to") makes it no limit at all.

    Looked for right after the predicate and at each verb it captured
    ("don't need to": the captured verb is "need").
    """
    starts = [m.end()] + [m.start(g) for g in m.re.groupindex if m.start(g) >= 0]
    return any(blocked.match(body[start:].lstrip()) for start in starts)


def _one_phrase(subject: str, bank: Bank) -> bool:
    """A subject the flip may copy: one phrase, not a clause or a lead-in."""
    if _BREAK.search(subject) or len(subject.split()) > MAX_SUBJECT_WORDS:
        return False
    sub = bank.language.subordinators
    return not (sub and sub.search(subject))


def _in_clause(middle: str, bank: Bank, flips: Flips) -> bool:
    """Whether the words between predicate and bound stay inside one clause.

    A restrictive relative clause ("drivers who have held a licence for less
    than two years") belongs to the phrase the bound limits: it may stay.
    """
    return _one_clause(flips.relatives.sub(" ", middle) if flips.relatives else middle, bank)


def _tail_ok(tail: str, bank: Bank) -> bool:
    """What follows the bound: more of the same clause, nothing else.

    Not a reason: it explained the refusal and may not explain the positive
    ("Refunds aren't possible after 30 days because the course has started").
    """
    return _one_clause(tail, bank)


def _one_clause(text: str, bank: Bank) -> bool:
    """No punctuation break, clause joiner or subordinator in ``text``."""
    if _BREAK.search(text):
        return False
    joiners = bank.language.clause_joiners
    if joiners and re.search(rf"(?<!\w)(?:{joiners})(?!\w)", text, re.IGNORECASE):
        return False
    sub = bank.language.subordinators
    return not (sub and sub.search(text))
