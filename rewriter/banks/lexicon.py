"""Slot fillers with their inflected forms: `phrasebanks/<lang>/lexicon.yaml`.

Finnish and Icelandic change a noun's case when a negative sentence becomes a
positive one ("Meillä ei ole harmaata sohvaa" -> "kun harmaa sohva on taas
varastossa"). Regular expressions cannot do that for arbitrary words, so the
banks list the words agents write about (products, colours, places,
departments, months) with every form a template may ask for. The forms were
generated offline with taivutin (Finnish) and islenska/BÍN (Icelandic) by
`scripts/make_lexicon.py` and are checked against them by the tests; at run
time this module only looks words up.

A template asks for a form with ``{item|nominative}``. `Lexicon.inflect`
finds the slot's last word (or the end of a compound: "tammipöytää" ends in
"pöytää") among the forms, takes the case it is in, and changes every word
of the slot that is in the same case ("harmaata sohvaa" -> "harmaa sohva").
A slot with a word it does not know is not guessed at, nor is a plural
put into a singular case: the template is skipped and the next one is tried.
Case names starting with ``plural_`` are plural forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.protect import is_sentinel

MIN_SUFFIX = 4          # the end of a compound ("pöytää" in "tammipöytää") is at least this long,
MIN_PREFIX = 3          # and so is what comes before it: "joulua" is not "j" + "oulua"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Entry:
    lemma: str
    category: str
    forms: dict[str, str]       # case name -> form


@dataclass
class Lexicon:
    cases: tuple[str, ...] = ()
    categories: dict[str, list[Entry]] = field(default_factory=dict)
    slots: dict[str, str] = field(default_factory=dict)     # slot name -> category that fills it
    _by_form: dict[str, list[tuple[Entry, str]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entries in self.categories.values():
            for entry in entries:
                for case, form in entry.forms.items():
                    self._by_form.setdefault(form.lower(), []).append((entry, case))

    def __bool__(self) -> bool:
        return bool(self.categories)

    def entries(self) -> list[Entry]:
        return [e for entries in self.categories.values() for e in entries]

    def analyse(self, word: str) -> list[tuple[str, Entry, str]]:
        """(prefix, entry, case) readings of ``word``: whole, or a compound ending in a known form."""
        lowered = word.lower()
        readings = [("", e, c) for e, c in self._by_form.get(lowered, ())]
        if readings:
            return readings
        for cut in range(MIN_PREFIX, len(lowered) - MIN_SUFFIX + 1):
            tail = lowered[cut:]
            # A compound ends in a common noun, never in a name ("Oulu").
            readings = [(word[:cut], e, c) for e, c in self._by_form.get(tail, ()) if e.lemma[:1].islower()]
            if readings:
                return readings
        return []

    def inflect(self, text: str, case: str) -> str | None:
        """``text`` with its words put into ``case``; None when a word is unknown or the case is not listed."""
        if case not in self.cases:
            return None
        words = list(_WORD.finditer(text))
        if not words:
            return None
        head = self.analyse(words[-1].group())
        if not head:
            return None
        source_cases = {c for _, _, c in head}
        if all(_is_plural(c) != _is_plural(case) for c in source_cases):
            return None           # "sinisiä mukeja" is no "sininen muki": the template's verb agrees with one number
        out, pos = [], 0
        for m in words:
            gap = text[pos:m.start()]
            if not all(ch.isspace() or ch in "-'’" or is_sentinel(ch) for ch in gap):
                return None       # punctuation or digits inside a slot: not a plain noun phrase
            readings = [r for r in self.analyse(m.group()) if r[2] in source_cases and case in r[1].forms]
            if not readings:
                return None
            prefix, entry, _ = readings[0]
            out += [gap, _same_capitals(m.group(), prefix + entry.forms[case])]
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)

    def fillers(self, category: str, case: str) -> list[str]:
        """The forms in ``case`` of every word of ``category`` (for training pairs and generated examples)."""
        return [e.forms[case] for e in self.categories.get(category, []) if case in e.forms]

    def case_of(self, text: str) -> set[str]:
        """The cases the last word of ``text`` may be in (empty when unknown)."""
        words = _WORD.findall(text)
        return {c for _, _, c in self.analyse(words[-1])} if words else set()


def _is_plural(case: str) -> bool:
    return case.startswith("plural_")


def _same_capitals(original: str, form: str) -> str:
    return form[:1].upper() + form[1:] if original[:1].isupper() else form

