"""Which kinds of finding a text may hold, answered without running the big regexes.

A finding needs a negation marker, a discouraged word, a softener, an
avoid-phrase or a status word (which only a rule's pattern turns into one). Every such phrase contains all its required words, so also its
rarest one, under which it is indexed. Rarity is read off the bank's own
positive templates: a word they use often ("the", "your") is common in any
reply; one they never use ("not") is a good trigger. One trie-shaped regex
(`word_trie`) finds whether any indexed word occurs at all, so most clean
lines cost one C-level search. Raw ``re:`` phrases are tried only where the
literal text they need occurs (`literals`).

The answer may be too generous, never too strict: a kind that is not
reported cannot match. The linter skips clean lines on it, and detection runs
only the regexes of the kinds reported. `phrases` says more: which phrases of
each kind may occur, so detection and verification search a regex of those
phrases only (`Bank.markers`), not the language's whole list; a phrase left
out cannot match, so the answer is the same.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .lazy_regex import LazyRegex
from .literals import required_literals, required_words
from .patterns import compile_pattern
from .tokens import TOKEN, may_match, rarest_keys
from .word_trie import trie_pattern, words_regex

NEGATION, DISCOURAGED, SOFTENER, AVOID = "negation", "discouraged", "softener", "avoid"
# A status word ("cancelled", "innstilt") is no finding alone; a sentence with one is matched against the rules.
STATUS = "status"
Requirement = tuple[frozenset[str], tuple[frozenset[str], ...], str, int]   # all of, one of each, kind, phrase number
MEMO_LIMIT = 4096


class Trigger:
    def __init__(self, phrase_lists: dict[str, Iterable[str]], common: dict[str, int]):
        """``phrase_lists``: kind -> bank phrases; ``common``: word -> how many templates use it."""
        index: dict[str, list[Requirement]] = {}
        fallback: list[tuple[frozenset[str] | None, LazyRegex, str, int]] = []
        for kind, phrases in phrase_lists.items():
            for number, phrase in enumerate(phrases):
                cp = None if phrase.startswith("re:") else compile_pattern(phrase)
                if cp and (cp.required or cp.required_any):
                    for word in rarest_keys(cp.required, cp.required_any, common):
                        index.setdefault(word, []).append((frozenset(cp.required), cp.required_any, kind, number))
                    continue
                source = phrase[3:] if phrase.startswith("re:") else cp.regex if cp else phrase
                words = required_words(source, re.IGNORECASE)
                if words:      # "\bno\b(?!\.)": screened like a phrase, by its words
                    for word in words:
                        index.setdefault(word, []).append((frozenset(), (), kind, number))
                else:
                    fallback.append((required_literals(source, re.IGNORECASE), LazyRegex(source, re.IGNORECASE), kind,
                                     number))
        self.index = index
        self.fallback = fallback
        self._keys = frozenset(index)
        self._words = LazyRegex(words_regex(index))
        # Which fallback regexes a text may match, by the literals it holds: one
        # scan finds, at each position, the longest literal starting there; the
        # literals that are its prefixes start there too (`_owners`).
        literals = sorted({lit for lits, _, _, _ in fallback if lits for lit in lits})
        owners: dict[str, set[int]] = {}
        for at, (lits, _, _, _) in enumerate(fallback):
            for lit in lits or ():
                owners.setdefault(lit, set()).add(at)
        self._owners = {lit: frozenset(at for short in literals if lit.startswith(short) for at in owners[short])
                        for lit in literals}
        self._always = frozenset(at for at, (lits, _, _, _) in enumerate(fallback) if lits is None)
        self._any_literal = LazyRegex(trie_pattern(literals)) if literals else None
        self._literals = LazyRegex(f"(?=({trie_pattern(literals)}))") if literals else None
        self._memo: dict[str, dict[str, frozenset[int]]] = {}

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_memo"] = {}          # a cached bank is stored without the answers
        return state

    def any(self, text: str) -> bool:
        """False when ``text`` certainly holds no finding.

        A text with a finding is answered in full and memoised: a one-sentence
        line is the sentence detection asks `phrases` about next.
        """
        found = self._memo.get(text)
        if found is None:
            found = self._phrases_of(text)
            if found:
                self._remember(text, found)
        return bool(found)

    def kinds(self, text: str) -> frozenset[str]:
        """The kinds of phrase that may occur in ``text``."""
        return frozenset(self.phrases(text))

    def phrases(self, text: str) -> dict[str, frozenset[int]]:
        """kind -> the numbers of the phrases of that kind (in its bank list) that may occur in ``text``.

        Only kinds with a phrase are keys. Memoised: detection, the softener
        step and verification ask about the same sentence.
        """
        found = self._memo.get(text)
        if found is None:
            found = self._phrases_of(text)
            self._remember(text, found)
        return found

    def _phrases_of(self, text: str) -> dict[str, frozenset[int]]:
        hits: dict[str, set[int]] = {}
        for kind, number in self._hits(text):
            hits.setdefault(kind, set()).add(number)
        return {kind: frozenset(numbers) for kind, numbers in hits.items()}

    def _remember(self, text: str, found: dict[str, frozenset[int]]) -> None:
        if len(self._memo) >= MEMO_LIMIT:
            self._memo.clear()
        self._memo[text] = found

    def _hits(self, text: str) -> Iterator[tuple[str, int]]:
        lowered = text.lower()
        straight = lowered.replace("’", "'")
        if self._words.search(straight):
            tokens = frozenset(TOKEN.findall(straight))
            for token in tokens & self._keys:
                for words, choices, kind, number in self.index[token]:
                    if may_match(words, choices, tokens):
                        yield kind, number
        if not self.fallback:
            return
        present = self._always
        # A plain search first: most lines hold none of the literals, and it costs a
        # third of the overlapping scan.
        if self._literals is not None and self._any_literal.search(lowered):
            for m in self._literals.finditer(lowered):
                present = present | self._owners[m.group(1)]
        for at in sorted(present):
            _, regex, kind, number = self.fallback[at]
            if regex.compiled.search(text):
                yield kind, number
