"""Does a model rewrite keep what the sentence was about?

The model is trained to reproduce the templates, but it can drift: swap the
product, or answer a different situation. Two checks, for model candidates
only (templates copy their slots by construction):

- every protected span appears exactly as often as in the sentence, in the
  same order, and none moves into the lead-in ("… in size {{size}}." must not
  become "Hi {{size}}, …": a placeholder keeps its role, see `role_failures`);
- where a bank rule matches the sentence, every slot value it captured (the
  item, the date, the place) and the lead-in before the clause must appear
  in the rewrite, and the rewrite must say what one of the matching rules'
  templates says: at least half of that template's own content words (its
  text without slots, compared on their first five letters). A model that
  answers "we don't deliver to Greenland" with "I can suggest another size"
  keeps the place but not the situation;
- no content word may be added that is neither in the sentence, nor in a
  matching rule's templates, nor one of the bank's function words;
- where none does, at least 60% of the sentence's content words (four
  letters or more, not negation markers or softeners; compared on their first
  five letters, so inflected forms count) must appear in it.
"""
from __future__ import annotations

import re
from collections import Counter

from ..banks.model import Bank
from ..text.protect import SENTINEL_CLASS, Masked, sentinels
from ..stages.templates import fitting_rules

MIN_CONTENT_RECALL = 0.6
MIN_TEMPLATE_OVERLAP = 0.5
_WORD = re.compile(r"[^\W\d_]{4,}")
_SLOT = re.compile(r"\{[^{}]*\}")
# A lead-in: a greeting or address at the start, up to two words and then
# protected spans right before a comma, colon, dash or "!" ("Hi {{name}},",
# "Dear Mr {{last_name}}:", "Hei <name>!").
_LEAD_IN = re.compile(rf"^\s*(?:[^\W\d_]+\.?\s+){{0,2}}[{SENTINEL_CLASS}\s]*[{SENTINEL_CLASS}]\s*(?:[,:;!]|\s[\u2013\u2014])")


def fidelity_failures(candidate: str, sentence: str, bank: Bank) -> list[str]:
    if Counter(sentinels(candidate)) != Counter(sentinels(sentence)):
        # A model that repeats or moves protected text around has lost the thread.
        return ["protected text repeated or dropped"]
    roles = role_failures(candidate, sentence)
    if roles:
        return roles
    lowered = candidate.lower()
    matches = fitting_rules(sentence, bank)   # only rules whose slots hold what their types allow
    added = added_words(lowered, sentence, [r for r, _, _ in matches], bank)
    if added:
        return [f"adds words that neither the sentence nor a matching template has: {', '.join(sorted(added)[:5])}"]
    if matches:
        rule, m, _ = matches[0]
        lost = [m.group(slot).strip() for slot in sorted(rule.slots)
                if m.group(slot) and m.group(slot).strip().lower() not in lowered]
        lead = (m.group("lead") or "").strip().rstrip(",;:").strip()
        if lead and lead.lower() not in lowered:
            lost.append(lead)      # the lead-in a template would keep word for word
        if lost:
            return [f"slot text lost: {', '.join(repr(v) for v in lost)}"]
        overlap = _template_overlap(lowered, [r for r, _, _ in matches])
        if overlap < MIN_TEMPLATE_OVERLAP:
            return [f"says something else than the templates of {rule.id} ({overlap:.0%} of their words)"]
        return []
    lang = bank.language
    words = set()
    for w in _WORD.findall(sentence.lower()):
        if lang.negation.fullmatch(w) or (lang.softeners and lang.softeners.fullmatch(w)):
            continue
        words.add(w[:5])
    if not words:
        return []
    kept = {w[:5] for w in _WORD.findall(lowered)}
    recall = len(words & kept) / len(words)
    if recall < MIN_CONTENT_RECALL:
        return [f"keeps {recall:.0%} of the sentence's content words (needs {MIN_CONTENT_RECALL:.0%})"]
    return []


def added_words(lowered: str, sentence: str, rules, bank: Bank) -> set[str]:
    """Content words of a rewrite found neither in the sentence, nor in a matching rule's templates,
    nor among the bank's function words (words that its templates share across situations).

    A model must never add a fact: a product, a place, a weekday or a remedy it
    was not given comes out here.
    """
    allowed = {w[:5] for w in _WORD.findall(sentence.lower())}
    for rule in rules:
        for template in rule.templates:
            allowed |= {w[:5] for w in _WORD.findall(_SLOT.sub(" ", template.text).lower())}
    allowed |= _function_words(bank)
    return {w for w in _WORD.findall(lowered) if w[:5] not in allowed}


def _function_words(bank: Bank) -> frozenset[str]:
    """Stems used by the templates of at least a third of the bank's situations: the language's glue, no facts."""
    cached = getattr(bank, "_function_stems", None)
    if cached is not None:
        return cached
    where: dict[str, set[str]] = {}
    for rule in bank.rules:
        for template in rule.templates:
            for w in _WORD.findall(_SLOT.sub(" ", template.text).lower()):
                where.setdefault(w[:5], set()).add(rule.situation)
    floor = max(2, len(bank.situations) // 3)
    stems = frozenset(w for w, sits in where.items() if len(sits) >= floor)
    object.__setattr__(bank, "_function_stems", stems)
    return stems


def _template_overlap(lowered: str, rules) -> float:
    """The largest share of a template's own content words found in the rewrite, over the rules' templates."""
    kept = {w[:5] for w in _WORD.findall(lowered)}
    best = 0.0
    for rule in rules:
        for template in rule.templates:
            words = {w[:5] for w in _WORD.findall(_SLOT.sub(" ", template.text).lower())}
            if words:
                best = max(best, len(words & kept) / len(words))
    return best


def role_failures(candidate: str, sentence: str) -> list[str]:
    """Each protected span (placeholder, name, number) keeps its place among the others and its role.

    Both texts are masked. The spans must come in the same order (first
    occurrences), and a span that was not in the sentence's lead-in (the
    greeting: "Hi {{name}},") must not be in the candidate's: a model that
    writes "Hi {{size}}," has turned the size into a name.
    """
    before = list(dict.fromkeys(sentinels(sentence)))
    after = [s for s in dict.fromkeys(sentinels(candidate)) if s in before]
    if after != [s for s in before if s in after]:
        return ["protected text in another order than in the sentence"]
    moved = _lead_in_spans(candidate) - _lead_in_spans(sentence)
    if moved:
        return ["protected text moved into the greeting or lead-in"]
    return []


def _lead_in_spans(text: str) -> set[str]:
    m = _LEAD_IN.match(text)
    return set(sentinels(m.group())) if m else set()


def repeated_placeholders(candidate: str, sentence: str, masked: Masked) -> list[str]:
    """A placeholder comes out as often as it went in, for every engine.

    Templates may name a slot twice ("koossa {variant} … koossa {variant}"),
    which is right for a size or a name but turns one ``{{size}}`` into two
    placeholders the help desk fills twice; such a candidate is dropped.
    """
    counts = Counter(sentinels(sentence))
    extra = [c for c, n in Counter(sentinels(candidate)).items()
             if n > counts[c] and masked.span_of(c).kind in ("placeholder", "reserved", "overflow")]
    if extra:
        return [f"placeholder repeated: {', '.join(repr(masked.span_of(c).value) for c in extra)}"]
    return []
