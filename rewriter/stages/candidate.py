"""What every stage hands to verification."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """A proposed replacement for one sentence (masked: sentinels in place)."""

    text: str
    engine: str                  # "model" or "template"
    rule: str | None = None      # the bank rule that fired, if any
    source: str | None = None    # "file:line" of the template, for --explain
    actions: tuple[str, ...] = ()
    lead: str = ""               # a kept lead-in ("Hello {{name}}, ") at the start of ``text``
    template: str | None = None  # the template's own text, so verification knows which words the engine made
    reasons: tuple[str, ...] = ()   # reason slots copied word for word: their own negation is a fact, not a refusal
    says_action: bool = False       # a general construction checked its own offer ("We take groups of up to 8")
