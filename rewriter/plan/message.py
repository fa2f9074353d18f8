"""One plan per message: the tone it keeps and the offers it has already made.

A reply offers one concrete next step. When a message holds several negative
sentences, one rewrite makes the offer and the others state what is possible
without promising anything more (statement-only templates): offers are never
stacked, and never made twice in one message. The offer usually comes with
the first rewrite; when that sentence's rule has nothing to offer, or a later
sentence's rule can only offer, the pipeline plans the message again with the
offer owed to a later sentence (``owed``).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..banks.model import Template
from ..config import OrgConfig


@dataclass
class MessagePlan:
    tone: str | None                     # the caller's tone, else the input's address form, else None
    config: OrgConfig
    offered: set[str] = field(default_factory=set)
    owed: bool = False                   # this sentence only states: a later sentence makes the offer
    never: Iterable = ()                 # what a rewrite in this message must not say (language.yaml: contradictions)
    said: set[str] = field(default_factory=set)   # the rule templates ("file:line") the message's rewrites used

    @property
    def states_only(self) -> bool:
        """Whether the sentence planned now gets no offer of its own (one was made, or a later one makes it)."""
        return bool(self.offered) or self.owed

    def usable(self, templates: list[Template]) -> list[Template]:
        """The templates this message may use, in the order to try them.

        Where the sentence makes the offer: templates with an offer the
        organisation has (dated ones only when the settings ask for dates).
        Otherwise only statement-only templates, so a message never stacks
        offers; a sentence whose rule has none is kept, with its finding.
        """
        allowed = [t for t in templates if self.config.allows(t.actions) and (self.config.dated or not t.dated)]
        if not self.states_only:
            return [t for t in allowed if not t.statement_only]
        return [t for t in allowed if t.statement_only]

    def contradicts(self, candidate: str, sentence: str) -> str | None:
        """What ``candidate`` says that the message rules out (and ``sentence`` did not say), else None."""
        for never in self.never:
            found = never.search(candidate)
            if found is not None and never.search(sentence) is None:
                return found.group(0)
        return None

    def made(self, actions: tuple[str, ...], template: str | None = None) -> None:
        """Record the offers of a rewrite the message now carries, and the rule template it used."""
        self.offered.update(actions)
        if template is not None:
            self.said.add(template)

    def says_again(self, template: str | None) -> bool:
        """Whether an earlier rewrite of this message used this rule template.

        "We've sold all our stock of the lamp. We've sold all our stock of the
        screen.": the same frame twice reads as a form letter, and the
        second sentence's "too" is gone.
        """
        return template is not None and template in self.said

    def adopt(self, trial: "MessagePlan") -> None:
        """Take over what a kept trial recorded (its offers and templates)."""
        self.offered, self.said = trial.offered, trial.said

    def fork(self) -> "MessagePlan":
        """A copy to try a sentence with, kept only if the sentence's rewrite is kept."""
        return MessagePlan(self.tone, self.config, set(self.offered), self.owed, self.never, set(self.said))
