"""What a loaded phrase bank holds: plain data, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lazy_regex import LazyRegex
from .lexicon import Lexicon
from .patterns import CompiledPattern
from .tokens import tokens_of

__all__ = ["AvoidEntry", "Bank", "Example", "Language", "Matcher", "Memo", "Reply", "Rule", "Situation", "Template",
           "tokens_of"]
from .trigger import AVOID, DISCOURAGED, NEGATION, SOFTENER, Trigger


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




def _may_match(pattern: CompiledPattern, tokens: frozenset[str]) -> bool:
    """False when a match of ``pattern`` needs a word that ``tokens`` lacks."""
    return all(w in tokens for w in pattern.required) and all(not c.isdisjoint(tokens) for c in pattern.required_any)


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
    lexicon: Lexicon = field(default_factory=Lexicon)
    trigger: Trigger = field(init=False, repr=False)
    _index: dict[str, list[tuple[int, int]]] | None = field(default=None, init=False, repr=False)
    _index_keys: frozenset[str] = field(default=frozenset(), init=False, repr=False)
    _avoid_by_word: dict[str, list[int]] | None = field(default=None, init=False, repr=False)
    match_cache: Memo = field(default_factory=lambda: Memo(), init=False, repr=False)      # stages.templates.match_rules
    findings_cache: Memo = field(default_factory=lambda: Memo(), init=False, repr=False)   # detection.detector

    def __post_init__(self) -> None:
        if not self.rules:
            self.rules = [rule for s in self.situations.values() for rule in s.rules]
        lang = self.language
        self.trigger = Trigger({NEGATION: lang.negation_phrases, DISCOURAGED: lang.discouraged_phrases,
                                SOFTENER: lang.softener_phrases, AVOID: [p for a in self.avoid for p in a.phrases]},
                               self._template_word_counts())

    def may_have_findings(self, text: str) -> bool:
        """False when ``text`` certainly holds no finding (see `trigger`)."""
        return self.trigger.any(text)

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

    def candidate_rules(self, tokens: frozenset[str]) -> list[tuple[int, Rule, list[Matcher]]]:
        """(bank order, rule, its matchers) that may match a sentence with these words.

        Each matcher is indexed under its rarest required word, or every word
        of its rarest choice (rarity as in `_build_trigger`); only the
        matchers filed under a word of the sentence are tried.
        """
        index, keys = self._matcher_index()
        hits: set[tuple[int, int]] = set()
        for token in (tokens & keys) | {""}:
            hits.update(index.get(token, ()))
        out: list[tuple[int, Rule, list[Matcher]]] = []
        for order, position in sorted(hits):
            rule = self.rules[order]
            matcher = rule.matchers[position]
            if not matcher.required <= tokens or any(c.isdisjoint(tokens) for c in matcher.required_any):
                continue      # another of its words is missing
            if out and out[-1][0] == order:
                out[-1][2].append(matcher)
            else:
                out.append((order, rule, [matcher]))
        return out

    def _matcher_index(self) -> tuple[dict[str, list[tuple[int, int]]], frozenset[str]]:
        if self._index is None:
            common = self._template_word_counts()
            index: dict[str, list[tuple[int, int]]] = {}
            for order, rule in enumerate(self.rules):
                for position, m in enumerate(rule.matchers):
                    options = [(w,) for w in m.pattern.required] + [tuple(sorted(c)) for c in m.pattern.required_any]
                    # A pattern with no word at all ("{item}?") would be tried everywhere; banks have none.
                    keys = min(options, key=lambda ws: (sum(common.get(w, 0) for w in ws), len(ws), ws)) if options else ("",)
                    for word in keys:
                        index.setdefault(word, []).append((order, position))
            self._index = index
            self._index_keys = frozenset(index)
        return self._index, self._index_keys

    def examples(self) -> list[tuple[str, Example]]:
        """Every (rule id, example) pair of the bank: rules, avoid-phrases, full replies ("reply")."""
        pairs = [(rule.id, ex) for rule in self.rules for ex in rule.examples]
        pairs += [(f"avoid.{a.id}", ex) for a in self.avoid for ex in a.examples]
        if self.reply:
            pairs += [("reply", ex) for ex in self.reply.examples]
        return pairs
