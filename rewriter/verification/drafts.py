"""Which verified rewrites are drafts: shown as suggestions, not applied by default.

Precision first. Blind reads of 251 changed outputs on six sets the banks had
never seen (T to Y, sessions 20-24) found two kinds of rewrite that fail the
rubric far more often than the rest:

- a sentence with more than one clause (a comma not inside a number): only
  57 % natural and faithful (left-over pieces, a reason that now explains the
  offer, a connective pointing at nothing);
- a rewrite that adds six or more words the sentence did not have: 56 %
  (an offer the organisation may not have, a padded promise, a time bound
  read as a promise, an offer made empty by the rest of the message).

The rest, rewrites that restate one clause in about its own words, were
natural and faithful 47 times in 51 (92 %). A draft stays a suggestion on its
finding (`check`, `--json`, the review report, the web page show it) and the
sentence is kept as it was, unless the settings say `apply_drafts = true`.
docs/BENCHMARKS.md ("twenty-fifth session") has the read and the command.
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


def draft_reasons(original: str, replacement: str, bank: Bank | None = None) -> list[str]:
    """Why the rewrite of the sentence ``original`` is only a draft (empty: it is applied).

    Both masked, so that a placeholder or a name is no word the rewrite adds.
    With the ``bank``, a greeting before a comma ("Hi Anna, the lamp ...")
    is no clause of its own: it is kept word for word on both sides.
    """
    if bank is not None:
        greeting = _GREETING_LEAD.match(original)
        if greeting and is_greeting(greeting.group(), bank):
            original = original[greeting.end():]
            if replacement.startswith(greeting.group()):
                replacement = replacement[greeting.end():]
    reasons = []
    if _CLAUSE_COMMA.search(original):
        reasons.append("the sentence has more than one clause")
    added = new_words(original, replacement)
    if len(added) > MAX_NEW_WORDS:
        reasons.append(f"it adds {len(added)} words the sentence did not have")
    return reasons
