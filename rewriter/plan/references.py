"""Sentences that lean on the one before ("That's why ...", "Derfor ...", "Siksi ...").

A rewrite replaces a whole sentence. When the next sentence opens by
pointing back at it ("That's why the order was cancelled", "However, ..."),
the pointer would point at nothing once the first sentence says something
else, so the plan keeps that sentence as it is, with its finding. The
openers are data: ``back_references`` in each language.yaml.
"""
from __future__ import annotations

from ..banks.model import Bank
from ..text.protect import SENTINEL_CLASS
import re

# What may stand before the opener: space, quotes, and masked markup or placeholders ("<p>").
_BEFORE = re.compile(rf"[\s\"'“”«»({SENTINEL_CLASS}]*")


def leans_back(sentence: str, bank: Bank) -> bool:
    """Whether the (masked) ``sentence`` opens with one of the language's back-references."""
    openers = bank.language.back_references
    if openers is None:
        return False
    start = _BEFORE.match(sentence).end()
    m = openers.search(sentence, start)
    return m is not None and m.start() == start


def points_back(sentence: str, bank: Bank) -> bool:
    """Whether the (masked) ``sentence`` opens with a back-reference or holds one anywhere
    (``inner_back_references``: "Your order was therefore cancelled", "Tilauksenne on siksi pysäytetty")."""
    if leans_back(sentence, bank):
        return True
    inner = bank.language.inner_back_references
    return inner is not None and inner.search(sentence) is not None
