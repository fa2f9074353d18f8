"""Offers the input already makes.

A macro often says the next step itself ("We'll send you an update by
noon."). A rewrite of its negative sentence that adds "I'll let you know"
makes the same offer twice, so such a message gets statement-only
rewrites. The phrases that mark an offer are data
(`language.yaml: offer_markers`).
"""
from __future__ import annotations

from ..banks.model import Bank
from ..text.protect import visible

IN_INPUT = "input"      # what the plan records for an offer the message already makes


def offered_in(masked_text: str, bank: Bank) -> bool:
    """Whether the (masked) message already offers the customer a next step."""
    markers = bank.language.offer_markers
    return markers is not None and markers.search(visible(masked_text)) is not None
