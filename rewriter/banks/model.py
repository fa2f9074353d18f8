"""What a loaded phrase bank holds: plain data, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lazy_regex import LazyRegex
from .literals import any_in, required_literals, required_words
from .patterns import CompiledPattern, compile_pattern
from .word_trie import trie_pattern, words_regex


@dataclass(frozen=True)
class Example:
    """An input and the exact rewrite it must get; runs as a test."""

    input: str
    output: str | None
    tone: str | None
    unchanged: bool
    source: str          # "file:line", for test ids and error messages


@dataclass(frozen=True)
class Template:
    text: str
    actions: tuple[str, ...]
    tone: str            # "formal", "casual" or "any"
    slots: tuple[str, ...]
    source: str


class Matcher:
    """A pattern anchored to a whole clause, compiled on first use.

    Most patterns never meet a sentence that holds their required words, so
    compiling lazily keeps start-up fast.
    """

    __slots__ = ("pattern", "required", "required_any", "_source", "_regex")

    def __init__(self, pattern: CompiledPattern, source: str):
        self.pattern = pattern
        self.required = frozenset(pattern.required)
        self.required_any = pattern.required_any
        self._source = source
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = re.compile(self._source, re.IGNORECASE)
        return self._regex

    def match(self, view: str, tokens: frozenset[str]) -> re.Match[str] | None:
        """Match the clause; ``tokens`` are the view's words (see `tokens_of`)."""
        if not self.required <= tokens:
            return None
        for choice in self.required_any:
            if choice.isdisjoint(tokens):
                return None
        return self.regex.match(view)


_TOKEN = re.compile(r"\w+(?:'\w+)*")


def _may_match(pattern: CompiledPattern, tokens: frozenset[str]) -> bool:
    """False when a match of ``pattern`` needs a word that ``tokens`` lacks."""
    return all(w in tokens for w in pattern.required) and all(not c.isdisjoint(tokens) for c in pattern.required_any)


def tokens_of(text: str) -> frozenset[str]:
    """Lower-case words of ``text``, apostrophes straightened: what `required` words are looked up in."""
    return frozenset(_TOKEN.findall(text.lower().replace("’", "'")))


@dataclass
class Rule:
    """Negative patterns that share slots, and the positive templates for them."""

    id: str              # "<situation>.<rule>", stable across languages
    situation: str
    message: str
    severity: str
    patterns: list[CompiledPattern]
    matchers: list[Matcher]   # one per pattern: lead-in, the pattern, final punctuation
    templates: list[Template]
    examples: list[Example]
    slots: frozenset[str]
    source: str
    exceptions: LazyRegex | None = None   # an idiom anywhere in the sentence vetoes the rule


@dataclass
class Situation:
    id: str
    description: str
    default_tone: str | None
    rules: list[Rule]
    source: str


@dataclass
class AvoidEntry:
    """A phrase never to say, replaced in place where a replacement is given."""

    id: str
    patterns: list[CompiledPattern]
    regex: LazyRegex
    phrases: tuple[str, ...]
    replacement: str | None
    message: str
    severity: str
    examples: list[Example]
    source: str


@dataclass
class Reply:
    """Sentences around a rewrite in full-reply mode (H.E.L.P.), per tone."""

    empathy: dict[str, str]                     # tone -> sentence
    follow_up: dict[str, str]                   # tone -> sentence, may use {followup_date}
    by_situation: dict[str, dict[str, str]]     # situation -> tone -> empathy sentence
    examples: list[Example]


@dataclass
class Language:
    code: str
    name: str
    locale: str
    lingua: str | None
    default_tone: str
    abbreviations: frozenset[str]
    softeners: LazyRegex | None
    negation: LazyRegex
    discouraged: LazyRegex | None
    actions: LazyRegex
    not_names: frozenset[str]
    inflections: dict[str, list[tuple[LazyRegex, str]]]
    clause_joiners: str = ""                 # regex alternation of coordinating conjunctions
    subordinators: LazyRegex | None = None   # a clause starting with one cannot stand alone
    negation_phrases: tuple[str, ...] = ()
    discouraged_phrases: tuple[str, ...] = ()
    softener_phrases: tuple[str, ...] = ()


class Memo(dict):
    """Answers per sentence, forgotten all at once when there are too many (memory stays bounded)."""

    def __init__(self, limit: int = 4096):
        super().__init__()
        self.limit = limit

    def put(self, key, value) -> None:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value

    def __reduce__(self):
        return Memo, (self.limit,)      # a cached bank is stored without the answers


@dataclass
class Bank:
    """Everything the pipeline knows about one language."""

    language: Language
    situations: dict[str, Situation]
    avoid: list[AvoidEntry]
    root: str
    reply: Reply | None = None
    rules: list[Rule] = field(default_factory=list)
    trigger_index: dict[str, list[tuple[frozenset[str], tuple[frozenset[str], ...]]]] = field(init=False, repr=False)
    trigger_fallback: list[tuple[frozenset[str] | None, LazyRegex]] = field(init=False, repr=False)
    _trigger_words: LazyRegex = field(init=False, repr=False)
    _trigger_keys: frozenset[str] = field(init=False, repr=False)
    _trigger_screen: LazyRegex | None = field(init=False, repr=False)
    _index: dict[str, list[int]] | None = field(default=None, init=False, repr=False)
    _avoid_by_word: dict[str, list[int]] | None = field(default=None, init=False, repr=False)
    match_cache: Memo = field(default_factory=lambda: Memo(), init=False, repr=False)      # stages.templates.match_rules
    findings_cache: Memo = field(default_factory=lambda: Memo(), init=False, repr=False)   # detection.detector

    def __post_init__(self) -> None:
        if not self.rules:
            self.rules = [rule for s in self.situations.values() for rule in s.rules]
        self._build_trigger()

    def _build_trigger(self) -> None:
        """Words (and, for phrases without whole words, regexes) that every finding needs.

        A finding needs a negation marker, discouraged word, softener or
        avoid-phrase; each of those contains all its required words, so also
        its rarest one, under which it is indexed. Rarity is read off the
        bank's own positive templates: a word they use often ("the", "your")
        is common in any reply, one they never use ("not") is a good trigger.
        Raw ``re:`` phrases are tried only where the literal text they need
        occurs (see `literals`). A text that holds none of those words, and
        that no fallback regex matches, has no finding, and the pipeline skips
        it without masking or splitting.
        """
        lang = self.language
        lists = [lang.negation_phrases, lang.discouraged_phrases, lang.softener_phrases]
        lists += [a.phrases for a in self.avoid]
        common = self._template_word_counts()
        index: dict[str, list[tuple[frozenset[str], tuple[frozenset[str], ...]]]] = {}
        fallback: list[tuple[frozenset[str] | None, LazyRegex]] = []
        for phrases in lists:
            for phrase in phrases:
                cp = None if phrase.startswith("re:") else compile_pattern(phrase)
                if cp and (cp.required or cp.required_any):
                    # All its words must be there, and one word of each choice:
                    # indexed under its rarest word, or every word of its rarest choice.
                    keys = min([(w,) for w in cp.required] + [tuple(sorted(c)) for c in cp.required_any],
                               key=lambda ws: (sum(common.get(w, 0) for w in ws), len(ws), ws))
                    for word in keys:
                        index.setdefault(word, []).append((frozenset(cp.required), cp.required_any))
                else:
                    source = phrase[3:] if phrase.startswith("re:") else compile_pattern(phrase).regex
                    words = required_words(source, re.IGNORECASE)
                    if words:
                        # "\bno\b(?!\.)": screened like a phrase, by its words.
                        for word in words:
                            index.setdefault(word, []).append((frozenset(), ()))
                    else:
                        fallback.append((required_literals(source, re.IGNORECASE), LazyRegex(source, re.IGNORECASE)))
        self.trigger_index = index
        self.trigger_fallback = fallback
        self._trigger_words = LazyRegex(words_regex(index))
        self._trigger_keys = frozenset(index)
        literals = sorted({lit for lits, _ in fallback if lits for lit in lits}, key=len, reverse=True)
        always = any(lits is None for lits, _ in fallback)
        # One C-level search finds whether any fallback literal occurs at all.
        self._trigger_screen = None if always or not literals else LazyRegex(trie_pattern(literals))

    def may_have_findings(self, text: str) -> bool:
        """False when ``text`` certainly holds no finding (see `_build_trigger`)."""
        lowered = text.lower()
        straight = lowered.replace("’", "'")
        if self._trigger_words.search(straight):
            tokens = frozenset(_TOKEN.findall(straight))
            for token in tokens & self._trigger_keys:
                for words, choices in self.trigger_index[token]:
                    if words <= tokens and all(not c.isdisjoint(tokens) for c in choices):
                        return True
        if not self.trigger_fallback or self._trigger_screen is not None and not self._trigger_screen.search(lowered):
            return False
        return any(any_in(literals, lowered) and regex.search(text) for literals, regex in self.trigger_fallback)

    def _template_word_counts(self) -> dict[str, int]:
        """How often each word occurs in the bank's positive templates."""
        counts: dict[str, int] = {}
        for rule in self.rules:
            for template in rule.templates:
                for word in tokens_of(template.text):
                    counts[word] = counts.get(word, 0) + 1
        return counts

    def avoid_candidates(self, tokens: frozenset[str]) -> list[AvoidEntry]:
        """The avoid-phrases whose words are all in ``tokens`` (the others cannot match)."""
        index = self._avoid_index()
        orders = set(index.get("", ()))
        for token in tokens:
            orders.update(index.get(token, ()))
        return [self.avoid[i] for i in sorted(orders) if any(_may_match(p, tokens) for p in self.avoid[i].patterns)]

    def _avoid_index(self) -> dict[str, list[int]]:
        """Each avoid entry under the longest required word of each of its phrases ("" when a phrase has none)."""
        if self._avoid_by_word is None:
            index: dict[str, list[int]] = {}
            for order, entry in enumerate(self.avoid):
                for p in entry.patterns:
                    keys = [max(p.required, key=len)] if p.required else (
                        sorted(p.required_any[0]) if p.required_any else [""])
                    for key in keys:
                        index.setdefault(key, []).append(order)
            self._avoid_by_word = index
        return self._avoid_by_word

    def candidate_rules(self, tokens: frozenset[str]) -> list[tuple[int, Rule]]:
        """(bank order, rule) of the rules that may match a sentence with these words.

        Each rule is indexed under the rarest required word of each of its
        patterns; a pattern without required words puts its rule on every list.
        """
        index = self._rule_index()
        orders = set(index.get("", ()))
        for token in tokens:
            orders.update(index.get(token, ()))
        return [(i, self.rules[i]) for i in sorted(orders)]

    def _rule_index(self) -> dict[str, list[int]]:
        if self._index is None:
            counts: dict[str, int] = {}
            for rule in self.rules:
                for m in rule.matchers:
                    for word in m.pattern.required:
                        counts[word] = counts.get(word, 0) + 1
            index: dict[str, list[int]] = {}
            for order, rule in enumerate(self.rules):
                for m in rule.matchers:
                    key = min(m.pattern.required, key=lambda w: (counts[w], w)) if m.pattern.required else ""
                    index.setdefault(key, []).append(order)
            self._index = index
        return self._index

    def examples(self) -> list[tuple[str, Example]]:
        """Every (rule id, example) pair of the bank: rules, avoid-phrases, full replies ("reply")."""
        pairs = [(rule.id, ex) for rule in self.rules for ex in rule.examples]
        pairs += [(f"avoid.{a.id}", ex) for a in self.avoid for ex in a.examples]
        if self.reply:
            pairs += [("reply", ex) for ex in self.reply.examples]
        return pairs
