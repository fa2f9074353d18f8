"""Compound sentences: rewrite clause by clause when the whole will not go.

Agents join statements: "The jacket is sold out, and we don't know when it
comes back." No rule covers every pairing, so when no candidate for the whole
sentence passes verification, the sentence is cut after a clause that a rule
matches completely, at a comma, semicolon or dash; a coordinating conjunction right after the
comma (the language's ``clause_joiners``: "and", "og", "ja", "en") is
dropped. Each part becomes a sentence of its own; a part without findings is
kept as it was. Subordinate conjunctions ("because", "fordi") are not
joiners: a reason cannot stand alone as a sentence.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..banks.model import Bank


def split_points(sentence: str, bank: Bank) -> Iterator[tuple[str, str]]:
    """(head, rest) pairs: the sentence cut at a comma, semicolon or dash, left to right."""
    # Only at punctuation: without it, the second clause often shares the
    # first one's subject ("I'm busy now but will look later") and cannot
    # stand alone.
    joiners = bank.language.clause_joiners
    cut = re.compile(r"(?:,|;|\s+[\u2013\u2014])\s+(?:(?:%s)\s+)?" % joiners if joiners else r"(?:,|;|\s+[\u2013\u2014])\s+",
                     re.IGNORECASE)
    subordinate = bank.language.subordinators
    for m in cut.finditer(sentence):
        head, rest = sentence[:m.start()].rstrip(), sentence[m.end():].strip()
        if subordinate is not None and subordinate.match(rest):
            continue        # "..., because you paid by card": a reason cannot stand alone
        if head and re.search(r"\w", rest):
            yield head, rest


def as_sentence(text: str) -> str:
    """A clause made to stand alone: capital first letter and a final full stop."""
    text = text.strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?…":
        text += "."
    return text
