"""A language's advice for sentences left as they are (``advice.yaml``), loaded and checked.

When no rewrite keeps every fact, the sentence stays and its finding says
what to write instead. What helps depends on the sentence's shape: a refused
channel wants the channel that works, "no longer" wants what replaced it, a
refusal with its reason wants the action first. The entries are data, tried
in order; the first whose ``when`` occurs in the sentence gives the advice,
and a sentence no entry fits gets the language's general ``no_rewrite``
guidance. Every entry carries examples, which run as tests.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import BankError
from .lazy_regex import LazyRegex
from .literals import Screen, lowered
from .yamlsource import line_of


@dataclass(frozen=True)
class AdviceEntry:
    id: str
    when: LazyRegex          # where this advice fits: a regex searched in the sentence
    says: str                # what to write instead, in the bank's language
    line: int | None
    holds_message: bool = False   # left as it is, a sentence of this shape keeps its message as it is


@dataclass(frozen=True)
class AdviceExample:
    """A sentence left as it is and the advice entry it must get (None: the general guidance)."""

    input: str
    advice: str | None
    source: str              # "file:line"


@dataclass(frozen=True)
class Advice:
    entries: tuple[AdviceEntry, ...]
    path: str
    examples: tuple[AdviceExample, ...] = ()
    any_when: LazyRegex | None = None   # every ``when`` in one regex: most sentences need one search
    # Per entry, strings one of which every match of its ``when`` holds, as one trie
    # regex (`literals.screen_literals`, made by `Bank`; None: no screen); ``any_screen``:
    # all of them, when every entry has one. A ``when`` is a list of shapes ("\\w*frist",
    # "\\bfør\\b(?!...)"): the trie finds whether one may occur in one pass.
    screens: tuple[Screen | None, ...] = ()
    any_screen: Screen | None = None

    def entry_for(self, sentence: str) -> AdviceEntry | None:
        """The first entry whose ``when`` occurs in ``sentence``; None when none does."""
        low = lowered(sentence)
        if self.any_screen is not None:
            if not self.any_screen.occurs(sentence, low):
                return None
        elif self.any_when is not None and not self.any_when.search(sentence):
            return None
        screens = self.screens or (None,) * len(self.entries)
        return next((e for e, screen in zip(self.entries, screens)
                     if (screen is None or screen.occurs(sentence, low)) and e.when.search(sentence)), None)

    def holds_message(self, sentence: str) -> bool:
        """Whether ``sentence``, left as it is, keeps its whole message as it is (an order to the customer).

        Asked of every holding entry, not only the first that fits: "You must
        reapply, since the form expired" is an order whichever shape comes first.
        """
        low = lowered(sentence)
        screens = self.screens or (None,) * len(self.entries)
        return any(e.holds_message and (screen is None or screen.occurs(sentence, low)) and e.when.search(sentence)
                   for e, screen in zip(self.entries, screens))


def load_advice(data: dict, lines: dict, shown: str) -> Advice:
    """Compile the checked YAML of an advice.yaml; a bad regex or an unknown example id raises BankError."""
    entries = []
    for i, raw in enumerate(data["advice"]):
        at = ("advice", i)
        try:
            when = LazyRegex.checked(raw["when"], re.IGNORECASE)
        except re.error as exc:
            raise BankError(shown, f"when is not a valid regex: {exc}", line=line_of(lines, at),
                            entry=raw["id"]) from None
        entries.append(AdviceEntry(raw["id"], when, raw["says"].strip(), line_of(lines, at),
                                   bool(raw.get("holds_message", False))))
    ids = [e.id for e in entries]
    for i, entry in enumerate(entries):
        if entry.id in ids[:i]:
            raise BankError(shown, f"advice id {entry.id!r} is used twice", line=entry.line, entry=entry.id)
    examples = []
    for i, ex in enumerate(data.get("examples", [])):
        where = line_of(lines, ("examples", i))
        wanted = ex.get("advice")
        if wanted is not None and wanted not in ids:
            raise BankError(shown, f"example names advice {wanted!r}, which is not an entry (entries: {', '.join(ids)})",
                            line=where, entry=f"examples[{i}]")
        examples.append(AdviceExample(ex["in"], wanted, f"{shown}:{where}"))
    try:   # checked now: a named group used in two entries cannot be joined
        any_when = LazyRegex.checked("|".join(f"(?:{e.when.pattern})" for e in entries), re.IGNORECASE)
    except re.error as exc:
        raise BankError(shown, f"the when regexes cannot be searched together: {exc}", line=entries[0].line,
                        entry="advice") from None
    return Advice(tuple(entries), shown, tuple(examples), any_when)


def advice_file(folder: Path) -> Path:
    return folder / "advice.yaml"
