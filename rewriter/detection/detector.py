"""Find negative statements in one (masked) sentence.

Three layers, most specific first:
1. bank rules: a situation's pattern matches the clause (warning by default);
2. avoid-phrases: "calm down", "that's not our policy" (error by default);
3. bare negation markers and discouraged words that no rule explains
   (suggestion): the sentence needs a human or a new bank rule.
Spans are returned in the masked sentence's coordinates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..banks.model import Bank, tokens_of
from ..banks.trigger import AVOID, DISCOURAGED, NEGATION
from ..stages.templates import first_fitting, fitting_rules
from ..text.protect import visible


@dataclass(frozen=True)
class RawFinding:
    start: int
    end: int
    category: str
    severity: str
    rule: str
    message: str


def find_in_sentence(sentence: str, bank: Bank, whole: bool = False) -> tuple[RawFinding, ...]:
    """Findings in a masked sentence, in order of position.

    Only a sentence that may hold a negation marker, discouraged word,
    softener or avoid-phrase is looked at, and only for the kinds it may hold
    (``bank.trigger``); every bank example must contain one, which
    `rewriter bank test` shows by running them. Masked sentences repeat a lot
    (the same macro line with another order number or name), so the answer
    is memoised per bank.

    ``whole``: match every rule (`fitting_rules`, memoised), as the template
    stage will for a sentence it rewrites; otherwise only as far as needed to
    know the rule that explains the sentence (`first_fitting`). The answer is
    the same.
    """
    cached = bank.findings_cache.get(sentence)
    if cached is not None:
        return cached
    kinds = bank.trigger.phrases(sentence)
    result = _find(sentence, bank, kinds, whole) if kinds else ()
    bank.findings_cache.put(sentence, result)
    return result


# What may stand before a sympathy opener: nothing, or one short lead ending in a
# comma or exclamation mark ("Hi {name}, ", "Oh no! ").
_LEAD_ONLY = re.compile(r"\W*(?:[^,.!?;]{1,40}[,!]\s*)?")
# Where the clause a sympathy opener starts ends.
_CLAUSE_END = re.compile(r"[,;.!?]|\s[\u2013\u2014-]\s")


def sympathy_span(sentence: str, bank: Bank) -> tuple[int, int] | None:
    """The clause that sympathises with the customer's news ("Sorry to hear the jacket didn't fit"), or None.

    Its negation reports what the customer told us; it is no refusal of ours,
    and a message is not held back for it. Only at the sentence's start or
    after a short lead; the clause runs to the next comma, semicolon, dash or
    stop, so "Sorry to hear that, but we can't refund it" keeps its finding.
    """
    opener = bank.language.sympathy
    if opener is None:
        return None
    m = opener.search(sentence)
    if m is None or not _LEAD_ONLY.fullmatch(sentence[:m.start()]):
        return None
    end = _CLAUSE_END.search(sentence, m.end())
    return m.start(), end.start() if end else len(sentence)


def _find(sentence: str, bank: Bank, kinds: dict[str, frozenset[int]], whole: bool = False) -> tuple[RawFinding, ...]:
    """``kinds``: kind -> the phrases that may occur (``trigger.phrases``); the regexes search only those."""
    found: list[RawFinding] = []
    sympathy = sympathy_span(sentence, bank)
    # A rule explains the sentence only when its slots hold what their types
    # allow: "That's why your order was cancelled" is no "{trip} was cancelled".
    first = fitting_rules(sentence, bank)[:1] if whole else [first_fitting(sentence, bank)]
    if first and first[0] is not None:
        rule, m, view = first[0]
        start, end = view.source_span(m.start("clause"), m.end("clause"))
        if sympathy is None or not (sympathy[0] <= start and end <= sympathy[1]):
            found.append(RawFinding(start, end, rule.situation, rule.severity, rule.id, rule.message))
    for entry in bank.avoid_candidates(tokens_of(sentence)) if AVOID in kinds else ():
        for m in entry.regex.finditer(sentence):
            found.append(RawFinding(m.start(), m.end(), "avoid", entry.severity, f"avoid.{entry.id}", entry.message))
    # A matched rule explains the whole sentence: its softeners and markers
    # are not reported again one by one.
    covered = [(0, len(sentence))] if found and found[0].category != "avoid" else [(f.start, f.end) for f in found]
    if sympathy is not None:
        covered.append(sympathy)
    lang = bank.language
    for category, regex, message in (
        (NEGATION, lang.negation, lang.guidance.get(NEGATION, "Negative wording; say what you can do instead.")),
        (DISCOURAGED, lang.discouraged, lang.guidance.get(DISCOURAGED, "Sounds dismissive; offer a way forward.")),
    ):
        if regex is None or category not in kinds:
            continue
        regex = bank.markers(category, kinds[category])
        for m in regex.finditer(sentence):
            if any(s <= m.start() and m.end() <= e for s, e in covered):
                continue
            if not visible(m.group()):
                continue
            found.append(RawFinding(m.start(), m.end(), category, "suggestion", f"{category}.{_slug(m.group())}", message))
            covered.append((m.start(), m.end()))
    return tuple(sorted(found, key=lambda f: (f.start, f.end)))


def _slug(word: str) -> str:
    return "_".join(word.lower().replace("’", "'").replace("'", "").split()) or "marker"
