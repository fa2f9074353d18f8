"""Run a bank's examples: every example is a test, as in LanguageTool.

Examples exercise the deterministic path (templates) so that they state what
the bank itself produces, whatever model is installed. Follow-up dates are
computed from a fixed day so expected outputs stay stable.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from ..config import OrgConfig
from .advice import AdviceExample
from .model import Bank, Example

# A Monday: two working days later is Wednesday 2026-01-07.
EXAMPLE_TODAY = _dt.date(2026, 1, 5)


@dataclass(frozen=True)
class ExampleOutcome:
    rule: str
    example: Example
    got: str
    engine: str
    rules_fired: tuple[str, ...]
    rules_found: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Output as expected, and produced by this rule (an example tests its own rule)."""
        expected = self.example.input if self.example.unchanged else self.example.output
        # An avoid-phrase is a detection rule: its examples show it is found
        # (a situation rule may write the rewrite).
        fired_here = (self.example.unchanged or self.rule == "reply"
                      or any(self.rule in r.split(",") for r in self.rules_fired)
                      or (self.rule.startswith("avoid.") and self.rule in self.rules_found)
                      or (self.rule == "flips" and any(part.startswith("flips.") for r in self.rules_fired
                                                       for part in r.split(","))))
        return self.got == expected and fired_here

    def describe(self) -> str:
        expected = self.example.input if self.example.unchanged else self.example.output
        return (f"{self.example.source}: {self.rule}\n    in:       {self.example.input}\n"
                f"    expected: {expected}\n    got:      {self.got}\n    rules:    {', '.join(self.rules_fired) or 'none'}")


def run_example(bank: Bank, rule: str, example: Example) -> ExampleOutcome:
    from ..pipeline import Rewriter  # noqa: PLC0415 - pipeline imports banks

    config = OrgConfig(offers=frozenset(example.offers), follow_up_days=example.follow_up_days,
                       partial_messages=example.partial_messages, drafts="none")
    rewriter = Rewriter(bank.language.code, example.tone, engines=("template",), config=config,
                        today=EXAMPLE_TODAY, style="full" if rule == "reply" else "sentence")
    result = rewriter.rewrite(example.input)
    return ExampleOutcome(rule, example, result.output, result.engine, tuple(e.rule or "" for e in result.edits),
                          tuple(f.rule for f in result.findings))


def run_examples(bank: Bank) -> list[ExampleOutcome]:
    return [run_example(bank, rule, ex) for rule, ex in bank.examples()]


@dataclass(frozen=True)
class AdviceOutcome:
    example: AdviceExample
    got: str                    # the output: the example's sentence is one the toolkit leaves as it is
    advice: str | None          # the advice entry whose text its findings carry (None: none)

    @property
    def ok(self) -> bool:
        return self.got == self.example.input and self.advice == self.example.advice

    def describe(self) -> str:
        return (f"{self.example.source}: advice\n    in:       {self.example.input}\n"
                f"    expected: left as it is, advice {self.example.advice or 'none (general guidance)'}\n"
                f"    got:      {'left as it is' if self.got == self.example.input else self.got}, "
                f"advice {self.advice or 'none'}")


def run_advice_example(bank: Bank, example: AdviceExample) -> AdviceOutcome:
    """Rewrite the example's sentence; which advice entry its findings carry."""
    from ..pipeline import Rewriter  # noqa: PLC0415 - pipeline imports banks

    result = Rewriter(bank.language.code, engines=("template",), today=EXAMPLE_TODAY).rewrite(example.input)
    entries = bank.advice.entries if bank.advice else ()
    shown = next((e.id for e in entries if any(e.says in f.message for f in result.findings)), None)
    return AdviceOutcome(example, result.output, shown)


def advice_examples(bank: Bank) -> tuple[AdviceExample, ...]:
    return bank.advice.examples if bank.advice else ()
