"""What a loaded phrase bank holds: plain data, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .patterns import CompiledPattern


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


@dataclass
class Rule:
    """Negative patterns that share slots, and the positive templates for them."""

    id: str              # "<situation>.<rule>", stable across languages
    situation: str
    message: str
    severity: str
    patterns: list[CompiledPattern]
    regexes: list[re.Pattern[str]]   # anchored: lead-in, the pattern, final punctuation
    templates: list[Template]
    examples: list[Example]
    slots: frozenset[str]
    source: str


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


@dataclass
class Bank:
    """Everything the pipeline knows about one language."""

    language: Language
    situations: dict[str, Situation]
    avoid: list[AvoidEntry]
    root: str
    reply: Reply | None = None
    rules: list[Rule] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.rules:
            self.rules = [rule for s in self.situations.values() for rule in s.rules]

    def examples(self) -> list[tuple[str, Example]]:
        """Every (rule id, example) pair of the bank: rules, avoid-phrases, full replies ("reply")."""
        pairs = [(rule.id, ex) for rule in self.rules for ex in rule.examples]
        pairs += [(f"avoid.{a.id}", ex) for a in self.avoid for ex in a.examples]
        if self.reply:
            pairs += [("reply", ex) for ex in self.reply.examples]
        return pairs
