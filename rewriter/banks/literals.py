"""Literal text that every match of a raw regex must contain: a cheap pre-check.

Banks may give raw regexes (``re:`` phrases: softeners with comma rules,
"\\w+n't"). Running dozens of those on every line of a 10,000-line file is
what made the linter slow; a substring test (``"n't" in text``) is a hundred
times cheaper. `required_literals` reads the regex's parse tree and returns
a set of lower-case strings of which at least one occurs in any text the
regex matches, so the regex only runs where one of them does.

The answer is always safe (a necessary condition) and may be None when the
regex holds no literal worth testing for; then the regex always runs.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import product

from .lazy_regex import LazyRegex

try:   # the parser of the standard library's re; private, so failure only disables the pre-check
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:   # pragma: no cover - other Python implementations
    _p = _c = None

MIN_LENGTH = 2          # a one-letter literal is in nearly every line: not worth a pre-check
MAX_ALTERNATIVES = 24   # beyond this, testing the literals costs more than it saves

Alternatives = frozenset[str]


def required_literals(source: str, flags: int = 0) -> Alternatives | None:
    """Lower-case strings, one of which every match of ``source`` contains; None if unknown."""
    tree = _parsed(source, flags)
    return None if tree is None else _best(_sequence(tree))


def _parsed(source: str, flags: int) -> list | None:
    """The regex's items as the standard parser reads them; None where it cannot."""
    if _p is None:
        return None
    try:
        return list(_p.parse(source, flags))
    except (re.error, RecursionError):
        return None


def _sequence(items: list, limit: int = MAX_ALTERNATIVES, pick=None) -> list[Alternatives]:
    """Candidate alternative-sets for a sequence of regex items; any one of them is required."""
    candidates: list[Alternatives] = []
    run: set[str] = {""}          # the literal strings the current stretch can spell

    def close() -> None:
        nonlocal run
        if run and all(run):
            candidates.append(frozenset(run))
        run = {""}

    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            if op is _c.ASSERT and limit > MAX_ALTERNATIVES:
                # "^(?=.*\\b(?:bytte|refusjon)\\b)": what a lookaround matches is in the text too (screens only)
                candidates.extend(_sequence(list(av[1]), limit, pick))
            continue                      # zero width: the literal stretch goes on
        exact = _exact([(op, av)])
        if exact is not None and len(run) * len(exact) <= MAX_ALTERNATIVES:
            run = {a + b for a, b in product(run, exact)}
        else:
            close()
            candidates.extend(_required_of(op, av, limit, pick))
    close()
    return candidates


def _required_of(op, av, limit: int = MAX_ALTERNATIVES, pick=None) -> list[Alternatives]:
    """Candidates that a non-literal item contributes (a group, a choice, a repeat).

    ``pick`` chooses among a choice's candidates (default `_best`).
    """
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]), limit, pick)
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            best = (pick or _best)(_sequence(list(branch), limit, pick))
            if best is None:
                return []
            union |= best
        return [frozenset(union)] if len(union) <= limit else []
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
        return _sequence(list(av[2]), limit, pick)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(av), limit, pick)
    return []


def _exact(items: list) -> set[str] | None:
    """Every string a purely literal stretch can match ("n['’]t", "(?:en|et)"); None if not purely literal."""
    strings = {""}
    for op, av in items:
        if op is _c.LITERAL:
            options = {chr(av)}
        elif op is _c.IN and 0 < len(av) <= 4 and all(kind is _c.LITERAL for kind, _ in av):
            options = {chr(v) for _, v in av}
        elif op is _c.SUBPATTERN:
            options = _exact(list(av[-1]))
        elif op is _c.BRANCH:
            options = set()
            for branch in av[1]:
                sub = _exact(list(branch))
                if sub is None:
                    return None
                options |= sub
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        else:
            return None
        if options is None or len(strings) * len(options) > MAX_ALTERNATIVES:
            return None
        strings = {a + b for a, b in product(strings, options)}
    return strings


def _best(candidates: list[Alternatives]) -> Alternatives | None:
    """The most selective candidate: its shortest alternative is the longest."""
    usable = [frozenset(s.lower() for s in c) for c in candidates if c and min(map(len, c)) >= MIN_LENGTH]
    if not usable:
        return None
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))


SCREEN_ALTERNATIVES = 400   # a screen searched as one trie regex (`screen_source`) may hold many more


def screen_literals(source: str, flags: int = 0, cost: Callable[[str], int] | None = None) -> Alternatives | None:
    """`required_literals` for a long list of choices (an idiom list, the shapes of an advice entry).

    Every choice contributes its own required strings, up to
    `SCREEN_ALTERNATIVES` in all, and what a positive lookaround needs counts
    too. ``cost``: how often a string occurs in typical text (the bank's own
    example sentences); where a choice offers several sets of strings, the
    set with the lowest total is taken ("behandlet|vurdert" rather than the
    "før" of ``\\bfør\\b.*\\b(?:behandlet|vurdert)``), by default the one whose
    shortest string is longest. None when some choice has no string worth
    testing for.
    """
    tree = _parsed(source, flags)
    if tree is None:
        return None
    pick = None if cost is None else (lambda candidates: _cheapest(candidates, cost))
    found = (pick or _best)(_sequence(tree, SCREEN_ALTERNATIVES, pick))
    if found is not None and any("\u0307" in s for s in found):
        return None         # "İ" lower-cased by str.lower: not what IGNORECASE matches
    return found


def _cheapest(candidates: list[Alternatives], cost: Callable[[str], int]) -> Alternatives | None:
    usable = [frozenset(s.lower() for s in c) for c in candidates if c and min(map(len, c)) >= MIN_LENGTH]
    if not usable:
        return None
    return min(usable, key=lambda c: (sum(map(cost, c)), -min(map(len, c)), len(c), sorted(c)))


def screen_pattern(literals: Iterable[str]) -> str:
    """A trie regex (`word_trie`) that finds any of ``literals``: searched with the flags of the regex they screen.

    A trie finds any of them in one pass, where the choices of the regex
    itself are tried one after another at every position (``\\w*frist``,
    ``\\bfør\\b.*\\b...``). A string that holds another of the set is left
    out: the shorter one occurs wherever it does.
    """
    from .word_trie import trie_pattern  # noqa: PLC0415 - only while a bank is built
    literals = set(literals)
    return trie_pattern(sorted(s for s in literals if not any(o != s and o in s for o in literals)))


def screen_source(source: str, flags: int = 0, cost: Callable[[str], int] | None = None) -> str | None:
    """A regex to search (with ``flags``) before ``source``: where it finds nothing, ``source`` finds nothing."""
    literals = screen_literals(source, flags, cost)
    return None if literals is None else screen_pattern(literals)


# Where ``str.lower`` and the IGNORECASE of ``re`` disagree about a character of the
# text: "İ" lower-cases to two characters, and "ı" and "ſ" match "i" and "s" (see
# test_rule_screens, which checks every code point).
_UNFOLDED = re.compile("[\u0130\u0131\u017f]")


def _extra_cased() -> frozenset[str] | None:
    """Characters with more than one other case under IGNORECASE ("σ", "ς", "Σ"); None if unknown."""
    try:
        from re import _casefix  # type: ignore[attr-defined]  # noqa: PLC0415 - private: failure only slows a screen
        extra = _casefix._EXTRA_CASES
    except (ImportError, AttributeError):
        return None
    return frozenset(chr(c) for key, values in extra.items() for c in (key, *values))


def lowered(text: str) -> str | None:
    """``text.lower()``, in which a `Screen` finds exactly what it finds in ``text`` ignoring case; None where not."""
    return None if _UNFOLDED.search(text) else text.lower()


class Screen:
    """A trie of strings (`screen_pattern`), one of which every match of some regex holds.

    ``re`` searches a trie ignoring case three to five times slower than a
    lower-cased text with a case-sensitive one (it cannot skip ahead on the
    first characters), so the screen searches `lowered` text where that finds
    the same: its strings are lower case and hold no character whose other
    cases ``str.lower`` does not give ("ı", "σ"; "i" and "s" only once the
    text has no "ı", "ſ" or "İ").
    """

    __slots__ = ("folded", "plain")

    def __init__(self, literals: Iterable[str], flags: int = 0):
        literals = set(literals)
        pattern = screen_pattern(literals)
        self.folded = LazyRegex(pattern, flags | re.IGNORECASE)
        extra = _extra_cased()
        exact = extra is not None and all(s == s.lower() and not any(ch in extra and ch not in "is" for ch in s)
                                          for s in literals)
        self.plain = LazyRegex(pattern) if exact else None

    def occurs(self, text: str, low: str | None) -> bool:
        """Whether one of the strings occurs in ``text`` (any case); ``low``: ``lowered(text)``."""
        if low is not None and self.plain is not None:
            return self.plain.compiled.search(low) is not None
        return self.folded.compiled.search(text) is not None

    def __getstate__(self):
        return self.folded, self.plain

    def __setstate__(self, state) -> None:
        self.folded, self.plain = state


def any_in(literals: Alternatives | None, lowered: str) -> bool:
    """True when ``lowered`` (a lower-cased text) holds one of ``literals``, or when there are none to test."""
    return literals is None or any(s in lowered for s in literals)


def required_words(source: str, flags: int = 0) -> frozenset[str] | None:
    """Whole words, one of which every match holds as a token, for regexes shaped ``\\b(word|word)\\b...``.

    Such a regex can be screened like a plain phrase: by looking the words up
    among the text's tokens. None for any other shape.
    """
    if _p is None:
        return None
    try:
        items = list(_p.parse(source, flags))
    except (re.error, RecursionError):
        return None
    if len(items) < 3 or not _is_edge(items[0]):
        return None
    for end in range(2, len(items)):
        if _is_edge(items[end]):
            words = _exact(items[1:end])
            if words and all(re.fullmatch(r"\w+", w) for w in words):
                return frozenset(w.lower() for w in words)
            return None
    return None


def _is_edge(item) -> bool:
    """``\\b``, ``(?<!\\w)`` or ``(?!\\w)``: a word boundary."""
    op, av = item
    if op is _c.AT:
        return av is _c.AT_BOUNDARY
    if op is _c.ASSERT_NOT:
        inner = list(av[1])
        return len(inner) == 1 and inner[0][0] is _c.IN and list(inner[0][1]) == [(_c.CATEGORY, _c.CATEGORY_WORD)]
    return False
