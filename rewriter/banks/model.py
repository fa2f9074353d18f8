"""What a loaded phrase bank holds: plain data, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .patterns import CompiledPattern, compile_pattern, compile_phrase_list


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
    exceptions: re.Pattern[str] | None = None   # an idiom anywhere in the sentence vetoes the rule


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
    regex: re.Pattern[str]
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
    softeners: re.Pattern[str] | None
    negation: re.Pattern[str]
    discouraged: re.Pattern[str] | None
    actions: re.Pattern[str]
    not_names: frozenset[str]
    inflections: dict[str, list[tuple[re.Pattern[str], str]]]
    clause_joiners: str = ""                 # regex alternation of coordinating conjunctions
    subordinators: re.Pattern[str] | None = None   # a clause starting with one cannot stand alone
    negation_phrases: tuple[str, ...] = ()
    discouraged_phrases: tuple[str, ...] = ()
    softener_phrases: tuple[str, ...] = ()


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
    trigger_fallback: re.Pattern[str] | None = field(init=False, repr=False)
    _index: dict[str, list[int]] | None = field(default=None, init=False, repr=False)
    match_cache: dict = field(default_factory=dict, init=False, repr=False)   # see stages.templates.match_rules

    def __post_init__(self) -> None:
        if not self.rules:
            self.rules = [rule for s in self.situations.values() for rule in s.rules]
        self._build_trigger()

    def _build_trigger(self) -> None:
        """Words (and, for phrases without whole words, regexes) that every finding needs.

        A finding needs a negation marker, discouraged word, softener or
        avoid-phrase; each of those contains all its required words, so also
        its longest one. A text that holds none of those words, and that no
        fallback regex matches, has no finding, and the pipeline skips it
        without masking or splitting.
        """
        lang = self.language
        lists = [lang.negation_phrases, lang.discouraged_phrases, lang.softener_phrases]
        lists += [a.phrases for a in self.avoid]
        index: dict[str, list[tuple[frozenset[str], tuple[frozenset[str], ...]]]] = {}
        fallback: list[str] = []
        for phrases in lists:
            for phrase in phrases:
                cp = None if phrase.startswith("re:") else compile_pattern(phrase)
                if cp and cp.required:
                    # Indexed under its longest word; all its words must be there.
                    index.setdefault(max(cp.required, key=len), []).append((frozenset(cp.required), cp.required_any))
                elif cp and cp.required_any:
                    # Only choices: indexed under every word of its first choice.
                    for word in cp.required_any[0]:
                        index.setdefault(word, []).append((frozenset(), cp.required_any))
                else:
                    fallback.append(phrase)
        self.trigger_index = index
        self.trigger_fallback = compile_phrase_list(fallback)

    def may_have_findings(self, text: str) -> bool:
        """False when ``text`` certainly holds no finding (see `_build_trigger`)."""
        tokens = tokens_of(text)
        for token in tokens:
            for words, choices in self.trigger_index.get(token, ()):
                if words <= tokens and all(not c.isdisjoint(tokens) for c in choices):
                    return True
        return bool(self.trigger_fallback and self.trigger_fallback.search(text))

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
