"""Realise a frame: a situation rule and the words of the sentence that fill its slots.

A parser reads a sentence it may never have seen in this phrasing and says
which bank rule it is an instance of and which words of the sentence fill
each of the rule's slots ("The lamp has sold out and won't be restocked"
-> ``out_of_stock.not_in_stock | item = The lamp``). The rule's own
templates then write the rewrite, so a frame can only say what a template
says, with words the input already holds: every slot value must be a span
of the sentence, and it must fit the slot's type as a pattern's capture
must. The candidates go through verification like any template's.

This is the run-time half of the parser design of issue 11 (the model
writes the frame, the templates realise it); `scripts/frame_oracle.py`
measures what it would add with frames written by hand.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..banks.loader import COMPUTED_SLOTS
from ..banks.model import Bank, Rule
from ..plan.message import MessagePlan
from .candidate import Candidate
from .templates import fill, kept_reasons, ordered_templates, ruled_out, slots_fit, slots_of, tone_for

# "rule.id | slot = value | slot = value": the linear form a parser writes.
_FIELD = re.compile(r"\s*\|\s*")
_SLOT_NAME = re.compile(r"[a-z][a-z0-9_]*")
# A greeting or address before the clause ("Hi {{name}}, "), kept word for word as a rule's lead-in is.
LEAD = "lead"


@dataclass(frozen=True)
class Frame:
    """A rule id and its slot values, each a span of the sentence it was read from."""

    rule: str
    slots: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, linear: str) -> Frame | None:
        """The frame a parser wrote as ``rule | slot = value | ...``; None when it is not one."""
        head, *fields = _FIELD.split(linear.strip())
        if not head or " " in head:
            return None
        slots = []
        for item in fields:
            name, sep, value = item.partition("=")
            name, value = name.strip(), value.strip()
            if not sep or not _SLOT_NAME.fullmatch(name) or not value:
                return None
            slots.append((name, value))
        return cls(head, tuple(slots))

    def linear(self) -> str:
        return " | ".join([self.rule] + [f"{name} = {value}" for name, value in self.slots])


class _Pattern:
    """What the template engine reads of a compiled pattern: its group names."""

    def __init__(self, names: list[str]):
        self.groupindex = {name: i for i, name in enumerate(["lead", "clause", *names], 1)}


class FrameMatch:
    """A frame's slots as the template engine reads a match: groups with their spans in the sentence."""

    def __init__(self, sentence: str, spans: dict[str, tuple[int, int]]):
        self.string = sentence
        self._spans = {"lead": (0, 0), "clause": (0, len(sentence)), **spans}
        self.re = _Pattern([name for name in spans if name != LEAD])

    def group(self, name: str = "clause") -> str:
        start, end = self._spans[name]
        return self.string[start:end]

    def start(self, name: str = "clause") -> int:
        return self._spans[name][0]

    def end(self, name: str = "clause") -> int:
        return self._spans[name][1]


def problems(frame: Frame, sentence: str, bank: Bank, check_types: bool = True) -> list[str]:
    """Why the frame cannot be realised for this sentence (empty: it can).

    ``check_types=False`` skips the slot types, to measure what they refuse.
    """
    rule = bank.rule(frame.rule)
    if rule is None:
        return [f"no rule {frame.rule!r} in the {bank.language.code} bank"]
    found = []
    names = [name for name, _ in frame.slots]
    if len(set(names)) != len(names):
        found.append("a slot given twice")
    for name, value in frame.slots:
        if name == LEAD:
            if not sentence.startswith(value) or not value.rstrip().endswith((",", ":")):
                found.append("a lead must open the sentence and end with a comma or colon")
        elif name not in rule.slots:
            found.append(f"rule {rule.id} has no slot {name!r}")
        elif value not in sentence:
            found.append(f"slot {name!r}: {value!r} is not in the sentence")
    if not found and check_types:
        match = match_of(frame, sentence)
        if not slots_fit(match, bank):
            found.append("a slot value does not fit the slot's type")
    return found


def match_of(frame: Frame, sentence: str) -> FrameMatch:
    """The frame as a match of the sentence (each value at its first place, left to right where it can)."""
    spans: dict[str, tuple[int, int]] = {}
    for name, value in frame.slots:
        start = 0 if name == LEAD else sentence.find(value)
        spans[name] = (start, start + len(value))
    return FrameMatch(sentence, spans)


def candidates(frame: Frame, sentence: str, bank: Bank, plan: MessagePlan,
               computed: dict[str, str], check_types: bool = True) -> Iterator[Candidate]:
    """The rule's templates filled with the frame's slots, best first; none for a frame with `problems`."""
    if problems(frame, sentence, bank, check_types):
        return
    rule: Rule = bank.rule(frame.rule)
    match = match_of(frame, sentence)
    given = frozenset(name for name, _ in frame.slots if name != LEAD)
    for template in ordered_templates(rule, tone_for(rule, bank, plan.tone), plan):
        wanted = slots_of(template)
        # Every fact the frame holds is carried on, and the template needs no slot the frame lacks.
        if template.after_lead or not given <= wanted or not wanted - COMPUTED_SLOTS <= given:
            continue
        if ruled_out(template, match, sentence):
            continue        # the template's own exceptions, as the template stage applies them
        if any(name in COMPUTED_SLOTS and name not in computed for name in wanted - given):
            continue
        text = fill(template, match, bank, computed)
        if text is not None:
            yield Candidate(text, "template", rule.id, template.source, template.actions, "", template.text,
                            kept_reasons(match, template, bank))

