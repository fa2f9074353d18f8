"""The words of a text as the banks' pre-checks see them: lower case, apostrophes straightened."""
from __future__ import annotations

import re

TOKEN = re.compile(r"\w+(?:'\w+)*")   # "can't" is one word, not "can" and "t"
# A written word as the dictionaries look it up: letters, with inner apostrophes and hyphens ("e-post", "we'll").
WORD_FORM = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def tokens_of(text: str) -> frozenset[str]:
    """Lower-case words of ``text``, apostrophes straightened: what `required` words are looked up in."""
    return frozenset(TOKEN.findall(text.lower().replace("’", "'")))


def may_match(required: frozenset[str] | tuple[str, ...], choices: tuple[frozenset[str], ...],
              tokens: frozenset[str]) -> bool:
    """False when a phrase needing all of ``required`` and one word of each choice cannot be in ``tokens``."""
    if not tokens.issuperset(required):
        return False
    for choice in choices:
        if choice.isdisjoint(tokens):
            return False
    return True


def rarest_keys(required: tuple[str, ...], choices: tuple[frozenset[str], ...],
                common: dict[str, int]) -> tuple[str, ...]:
    """The words to index a phrase under: its rarest required word, or every word of its rarest choice.

    ``common`` counts how often a word occurs in the bank's positive templates
    ("the", "your" often; "not" never). A phrase with no word at all is filed
    under "", which every lookup includes.
    """
    options = [(w,) for w in required] + [tuple(sorted(c)) for c in choices]
    if not options:
        return ("",)
    return min(options, key=lambda ws: (sum(common.get(w, 0) for w in ws), len(ws), ws))
