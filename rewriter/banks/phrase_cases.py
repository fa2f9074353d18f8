"""`language.yaml: analysed_inflection`, compiled: what `analyse.phrase_case` needs to put a phrase into a case.

Kept with the bank (and in its cache) as plain data: the targets, the word
classes that agree with the head, the cases a phrase may change from, the
stem rules and the gradation pairs.
"""
from __future__ import annotations

from dataclasses import dataclass

from .lazy_regex import LazyRegex


@dataclass(frozen=True)
class Target:
    """A case a template may ask for, in the analyser's terms."""

    case: str
    number: str
    ending: str = ""        # added to a made stem; "" with number singular: the base form itself


@dataclass(frozen=True, eq=False)     # hashed by identity: one per bank, a key of the memos
class PhraseCases:
    lang: str
    targets: dict[str, Target]
    agreeing: frozenset[str]
    sources: frozenset[str]         # the cases a phrase may be in to change (objects and subjects)
    stems: tuple[tuple[LazyRegex, str], ...]
    gradation: tuple[tuple[str, str], ...]


def compile_phrase_cases(lang: str, data: dict | None) -> PhraseCases | None:
    """The section compiled (None when the language has none); a bad stem regex raises ``re.error``."""
    if not data:
        return None
    targets = {name: Target(t["case"], t["number"], t.get("ending", "")) for name, t in data["cases"].items()}
    return PhraseCases(lang, targets, frozenset(data["agreeing"]), frozenset(data["from"]),
                       tuple((LazyRegex.checked(rx), repl) for rx, repl in data.get("stems", [])),
                       tuple((a, b) for a, b in data.get("gradation", [])))
