"""Offers the input already makes.

A macro often says the next step itself ("We'll send you an update by
noon."). A rewrite of its negative sentence that adds "I'll let you know"
makes the same offer twice, so such a message gets statement-only
rewrites. The phrases that mark an offer are data
(`language.yaml: offer_markers`).
"""
from __future__ import annotations

from ..banks.literals import lowered
from ..banks.model import Bank
from ..text.protect import visible

IN_INPUT = "input"      # what the plan records for an offer the message already makes


def ruled_out_by(masked_text: str, bank: Bank) -> tuple:
    """What a rewrite in this (masked) message must not say, given what the message says.

    "The monitor is unavailable and we won't be restocking it" rules out
    "as soon as it's back in stock" (`language.yaml: contradictions`).
    """
    pairs = bank.language.contradictions
    if not pairs:
        return ()
    text = visible(masked_text)
    # a trie of each pair's words first: most messages hold none of them, and the pairs'
    # regexes ran for every message with a candidate (a tenth of a millisecond in all);
    # a bank built without the screens (a stand-in in a test) runs every pair
    screens = bank.language.contradiction_screens or (None,) * len(pairs)
    low = lowered(text)
    return tuple(never for (says, never), screen in zip(pairs, screens)
                 if (screen is None or screen.occurs(text, low)) and says.search(text))


class RuledOut:
    """`ruled_out_by` of one message, searched for the first time a candidate is checked against it.

    Most messages never get a candidate (no rule fits), and every pair's
    "says" regex runs over the whole message: it is not searched for them.
    """

    __slots__ = ("_text", "_bank", "_found")

    def __init__(self, masked_text: str, bank: Bank):
        self._text, self._bank, self._found = masked_text, bank, None

    def __iter__(self):
        if self._found is None:
            self._found = ruled_out_by(self._text, self._bank)
        return iter(self._found)


def offered_in(masked_text: str, bank: Bank) -> bool:
    """Whether the (masked) message already offers the customer a next step."""
    markers = bank.language.offer_markers
    return markers is not None and markers.search(visible(masked_text)) is not None
