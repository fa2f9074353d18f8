"""Which verified rewrites are drafts: shown as suggestions, not applied.

Precision first. Blind reads of changed outputs on text the banks had never
seen found two kinds of rewrite that fail the rubric more often than the rest:

- a rewrite of a sentence with more than one clause (a comma not inside a
  number or after a greeting): natural and faithful 63 times in 110 on sets
  T-Y (sessions 20-24) and 16 in 34 on sets Z and Z3 (session 25), would be
  sent about half the time (left-over pieces, a reason that now explains the
  offer, a connective pointing at nothing). Drafts by default (``clauses``);
- a rewrite that adds more than five words the sentence did not have, nearly
  always an offer: 54/90 on T-Y, 35/47 on Z and Z3 (an offer the rest of the
  message makes empty, a padded promise). Drafts too with ``strict``; they
  carry most of the offers, the action the rubric asks for, so by default
  they are applied.

A draft stays a suggestion on its finding (`check`, `--json`, the review
report, the web page) and the sentence is kept as it was. The settings'
``drafts`` (config.DRAFT_LEVELS: clauses, strict, none) choose;
docs/BENCHMARKS.md ("twenty-fifth session") has the reads and the commands.
"""
from __future__ import annotations

import re

from ..banks.model import Bank
from ..stages.clauses import is_greeting

# "1,5 kg" and "12,90 €" are numbers, not clause breaks.
_CLAUSE_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
_WORD = re.compile(r"\w+")
# Up to the first comma: a greeting or a bare vocative when `is_greeting` says so.
_GREETING_LEAD = re.compile(r"[^,]*,\s*")
# A rewrite that adds this many words the sentence did not have is a draft.
MAX_NEW_WORDS = 5


def new_words(original: str, replacement: str) -> list[str]:
    """The words of ``replacement`` (in order, repeats kept) that ``original`` does not have."""
    had = {w.lower() for w in _WORD.findall(original)}
    return [w for w in _WORD.findall(replacement) if w.lower() not in had]


def draft_reasons(original: str, replacement: str, bank: Bank | None = None, level: str = "strict") -> list[str]:
    """Why the rewrite of the sentence ``original`` is only a draft (empty: it is applied).

    Both masked, so that a placeholder or a name is no word the rewrite adds.
    With the ``bank``, a greeting before a comma ("Hi Anna, the lamp ...")
    is no clause of its own: it is kept word for word on both sides.
    ``level``: "clauses" asks only about clauses, "strict" also about added
    words, "none" about nothing.
    """
    if level == "none":
        return []
    if bank is not None:
        greeting = _GREETING_LEAD.match(original)
        if greeting and is_greeting(greeting.group(), bank):
            original = original[greeting.end():]
            if replacement.startswith(greeting.group()):
                replacement = replacement[greeting.end():]
    reasons = []
    if _CLAUSE_COMMA.search(original):
        reasons.append("the sentence has more than one clause")
    if level == "strict":
        added = new_words(original, replacement)
        if len(added) > MAX_NEW_WORDS:
            reasons.append(f"it adds {len(added)} words the sentence did not have")
    return reasons
