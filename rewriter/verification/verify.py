"""Checks a candidate sentence must pass before anyone sees it.

1. no negation marker, discouraged word or avoid-phrase is left;
2. every protected span (placeholder, tag, number, name) is still there;
3. it is in the same language (lingua, on sentences of four words or more;
   for model candidates only: a template is written in the bank's language
   and copies its slots from the sentence);
4. it offers an action (one of the language's action markers), unless it is
   a statement that follows an offer made earlier in the message;
5. it keeps the sentence's limiter ("only": `facts`);
6. no word is left that needs a negation to stand ("anymore": `negative_polarity`);
7. no sentence of it says a contrast twice where the input did not ("Sorry,
   but the ferry is full, but I can ...": a kept lead stacked on a
   template's own "but").
Model candidates must also keep what the sentence was about (`fidelity`).
Marker regexes run only where the bank's trigger screen says a marker may
be (the screen detection already uses), and only with the phrases it says may
occur (`Bank.markers`), so a clean candidate costs one scan.
A candidate that fails any check is dropped; the reasons go to --explain.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..banks.model import Bank, tokens_of
from ..banks.trigger import AVOID, DISCOURAGED, NEGATION
from ..text import sentences
from ..text.protect import sentinels, visible
from .facts import dropped_facts
from .langid import looks_like

MIN_WORDS_FOR_LANGID = 4


@dataclass
class Verdict:
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def verify(candidate: str, original: str, bank: Bank, unmask: Callable[[str], str] = str, *,
           check_language: bool = True, needs_action: bool = True, reasons: tuple[str, ...] = ()) -> Verdict:
    """Check a masked ``candidate`` against the masked ``original`` sentence.

    ``reasons``: reason clauses the candidate copies word for word from the
    original ("because nobody was home", "miksi toimitus viivästyi"); a
    negation or a discouraged word inside one is a fact the customer needs, so
    those two checks read the candidate without them (avoid-phrases, blame
    among them, are still looked for everywhere).
    """
    verdict = Verdict()
    lang = bank.language
    seen = visible(candidate)
    kinds = bank.trigger.phrases(seen)
    without_reasons = seen
    for reason in reasons:
        if reason and reason in original:
            kept = visible(reason)
            # A kept clause that now opens the sentence has a capital it did not have.
            for form in (kept, kept[:1].upper() + kept[1:], kept[:1].lower() + kept[1:]):
                if form in without_reasons:
                    without_reasons = without_reasons.replace(form, " ")
                    break
    for what, kind, regex in (("negation", NEGATION, lang.negation), ("discouraged word", DISCOURAGED, lang.discouraged)):
        hit = bank.markers(kind, kinds[kind]).search(without_reasons) if regex is not None and kind in kinds else None
        if hit:
            verdict.failures.append(f"{what} {hit.group()!r} left")
    left = lang.negative_polarity.search(without_reasons) if lang.negative_polarity is not None else None
    if left:
        verdict.failures.append(f"{left.group()!r} left without its negation")
    for entry in bank.avoid_candidates(tokens_of(seen)) if AVOID in kinds else ():
        if not entry.verify:
            continue        # marks what to rewrite; a rewrite may say it
        hit = entry.regex.search(seen)
        if hit:
            verdict.failures.append(f"avoid-phrase {hit.group()!r} left")
    # Every protected span must survive; a template may name one twice.
    missing = set(sentinels(original)) - set(sentinels(candidate))
    invented = set(sentinels(candidate)) - set(sentinels(original))
    if missing:
        verdict.failures.append(f"protected text lost: {', '.join(repr(unmask(s)) for s in sorted(missing))}")
    if invented:
        verdict.failures.append("protected text from elsewhere in the message moved into this sentence")
    if candidate != original and " ".join(candidate.split()).casefold() == " ".join(original.split()).casefold():
        verdict.failures.append("says what the input says")     # a case change is no rewrite
    if needs_action and not lang.actions.search(seen):
        verdict.failures.append("no action offered")
    verdict.failures += dropped_facts(candidate, original, bank)
    stacked = stacked_conjunction(seen, visible(original), bank)
    if stacked:
        verdict.failures.append(f"{stacked!r} twice in one sentence")
    if check_language and len(seen.split()) >= MIN_WORDS_FOR_LANGID:
        other = looks_like(seen, lang.code)
        if other is not None and other != lang.code:
            verdict.failures.append(f"language looks like {other}, not {lang.code}")
    return verdict


def stacked_conjunction(candidate: str, original: str, bank: Bank) -> str | None:
    """A word a sentence of the candidate holds twice, more often than the input does: a contrast
    ("but", "men": `contrastives`) or a clause chained on with a comma (", and", ", og": `chain_joiners`)."""
    for words in (bank.language.contrastives, bank.language.chain_joiners):
        if words is None:
            continue
        found = words.findall(candidate)
        allowed = max(1, len(words.findall(original)))
        if len(found) <= allowed:
            continue        # most candidates: no sentence can hold more than the whole does
        for start, end in sentences.split(candidate, bank.language.abbreviations, lambda char: False):
            in_sentence = words.findall(candidate[start:end])
            if len(in_sentence) > allowed:
                return in_sentence[-1]
    return None
