"""Does a model rewrite keep what the sentence was about?

The model is trained to reproduce the templates, but it can drift: swap the
product, or answer a different situation. Two checks, for model candidates
only (templates copy their slots by construction):

- every protected span appears exactly as often as in the sentence;
- where a bank rule matches the sentence, every slot value it captured (the
  item, the date, the place) and the lead-in before the clause must appear
  in the rewrite;
- where none does, at least 60% of the sentence's content words (four
  letters or more, not negation markers or softeners; compared on their first
  five letters, so inflected forms count) must appear in it.
"""
from __future__ import annotations

import re
from collections import Counter

from ..banks.model import Bank
from ..text.protect import sentinels
from ..stages.templates import match_rules

MIN_CONTENT_RECALL = 0.6
_WORD = re.compile(r"[^\W\d_]{4,}")


def fidelity_failures(candidate: str, sentence: str, bank: Bank) -> list[str]:
    if Counter(sentinels(candidate)) != Counter(sentinels(sentence)):
        # A model that repeats or moves protected text around has lost the thread.
        return ["protected text repeated or dropped"]
    lowered = candidate.lower()
    matches = match_rules(sentence, bank)
    if matches:
        rule, m, _ = matches[0]
        lost = [m.group(slot).strip() for slot in sorted(rule.slots)
                if m.group(slot) and m.group(slot).strip().lower() not in lowered]
        lead = (m.group("lead") or "").strip().rstrip(",;:").strip()
        if lead and lead.lower() not in lowered:
            lost.append(lead)      # the lead-in a template would keep word for word
        return [f"slot text lost: {', '.join(repr(v) for v in lost)}"] if lost else []
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
