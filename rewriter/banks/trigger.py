"""Which kinds of finding a text may hold, answered without running the big regexes.

A finding needs a negation marker, a discouraged word, a softener or an
avoid-phrase. Every such phrase contains all its required words, so also its
rarest one, under which it is indexed. Rarity is read off the bank's own
positive templates: a word they use often ("the", "your") is common in any
reply; one they never use ("not") is a good trigger. One trie-shaped regex
(`word_trie`) finds whether any indexed word occurs at all, so most clean
lines cost one C-level search. Raw ``re:`` phrases are tried only where the
literal text they need occurs (`literals`).

The answer may be too generous, never too strict: a kind that is not
reported cannot match. The linter skips clean lines on it, and detection runs
only the regexes of the kinds reported.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .lazy_regex import LazyRegex
from .literals import any_in, required_literals, required_words
from .patterns import compile_pattern
from .tokens import TOKEN, may_match, rarest_keys
from .word_trie import trie_pattern, words_regex

NEGATION, DISCOURAGED, SOFTENER, AVOID = "negation", "discouraged", "softener", "avoid"
Requirement = tuple[frozenset[str], tuple[frozenset[str], ...], str]   # all of, one of each, kind


class Trigger:
    def __init__(self, phrase_lists: dict[str, Iterable[str]], common: dict[str, int]):
        """``phrase_lists``: kind -> bank phrases; ``common``: word -> how many templates use it."""
        index: dict[str, list[Requirement]] = {}
        fallback: list[tuple[frozenset[str] | None, LazyRegex, str]] = []
        for kind, phrases in phrase_lists.items():
            for phrase in phrases:
                cp = None if phrase.startswith("re:") else compile_pattern(phrase)
                if cp and (cp.required or cp.required_any):
                    for word in rarest_keys(cp.required, cp.required_any, common):
                        index.setdefault(word, []).append((frozenset(cp.required), cp.required_any, kind))
                    continue
                source = phrase[3:] if phrase.startswith("re:") else cp.regex if cp else phrase
                words = required_words(source, re.IGNORECASE)
                if words:      # "\bno\b(?!\.)": screened like a phrase, by its words
                    for word in words:
                        index.setdefault(word, []).append((frozenset(), (), kind))
                else:
                    fallback.append((required_literals(source, re.IGNORECASE), LazyRegex(source, re.IGNORECASE), kind))
        self.index = index
        self.fallback = fallback
        self._keys = frozenset(index)
        self._words = LazyRegex(words_regex(index))
        literals = {lit for lits, _, _ in fallback if lits for lit in lits}
        always = any(lits is None for lits, _, _ in fallback)
        self._literals = None if always or not literals else LazyRegex(trie_pattern(literals))

    def any(self, text: str) -> bool:
        """False when ``text`` certainly holds no finding."""
        return next(self._kinds(text), None) is not None

    def kinds(self, text: str) -> frozenset[str]:
        """The kinds of phrase that may occur in ``text``."""
        return frozenset(self._kinds(text))

    def _kinds(self, text: str) -> Iterator[str]:
        lowered = text.lower()
        straight = lowered.replace("’", "'")
        if self._words.search(straight):
            tokens = frozenset(TOKEN.findall(straight))
            for token in tokens & self._keys:
                for words, choices, kind in self.index[token]:
                    if may_match(words, choices, tokens):
                        yield kind
        if not self.fallback or self._literals is not None and not self._literals.search(lowered):
            return
        for literals, regex, kind in self.fallback:
            if any_in(literals, lowered) and regex.search(text):
                yield kind
