"""A language's general constructions (``flips.yaml``), loaded and checked.

A negated predicate whose scope holds a bound says the same fact positively
when both are flipped: "can't be collected before 2pm" -> "can be collected
from 2pm", "we don't take groups larger than 8" -> "we take groups of up to
8". The flip needs no pattern per phrasing: any subject, any verb phrase
between predicate and bound. Only the bounds listed here are flipped, since
only they have a positive form that keeps the fact (a refusal without a bound
has none, and stays with its finding).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BankError
from .lazy_regex import LazyRegex
from .model import Example
from .patterns import required_words
from .yamlsource import line_of
from ..text.protect import SENTINEL_CLASS, SENTINEL_FIRST, SPAN_LAST, kind_class

_SLOT = re.compile(r"\{([a-z][a-z0-9_]*)(?:\|([a-z][a-z0-9_]*))?\}")
# A bound ends on a word boundary; sentinels (protected spans) count as word characters.
_WORD_END = rf"(?![\w{SENTINEL_CLASS}])"
_WORD_START = rf"(?<![\w{SENTINEL_CLASS}])"


@dataclass(frozen=True)
class Predicate:
    neg: LazyRegex
    pos: str
    first: str | None        # the positive form when the predicate opens the sentence
    kind: str
    line: int | None
    words: frozenset[str] = frozenset()   # `patterns.required_words` of neg: a clause without one cannot match


@dataclass(frozen=True)
class Bound:
    id: str
    neg: LazyRegex
    pos: str
    kinds: frozenset[str]
    line: int | None
    tail: str | None = None  # the offer a fact of this bound takes when it stands alone ("" for none)
    words: frozenset[str] = frozenset()   # `patterns.required_words` of neg, as for `Predicate.words`


@dataclass(frozen=True)
class Flips:
    predicates: tuple[Predicate, ...]
    bounds: tuple[Bound, ...]
    path: str
    inflections: dict[str, tuple[tuple[LazyRegex, str], ...]] = field(default_factory=dict)
    blocked_after: LazyRegex | None = None
    blocked_in_scope: LazyRegex | None = None
    relatives: LazyRegex | None = None
    drop_at_end: LazyRegex | None = None
    offers: LazyRegex | None = None
    offer_tails: dict[str, str] = field(default_factory=dict)   # predicate kind -> the plain offer a fact takes alone
    examples: tuple[Example, ...] = ()

    def inflect(self, word: str, how: str) -> str:
        """``word`` changed by the first rule of inflection ``how`` that matches it."""
        for regex, replacement in self.inflections.get(how, ()):
            if regex.search(word):
                return regex.sub(replacement, word, 1)
        return word

    def fill(self, text: str, match: re.Match[str]) -> str:
        """A positive form with the match's groups put in ("{verb|s}": inflected)."""
        def put(m: re.Match[str]) -> str:
            value = match.group(m.group(1)) or ""
            return self.inflect(value, m.group(2)) if m.group(2) else value
        return _SLOT.sub(put, text)


def load_flips(data: dict, lines: dict, shown: str) -> Flips:
    """Compile the checked YAML of a flips.yaml; a bad regex or an unknown slot raises BankError."""
    flags = re.IGNORECASE

    def compiled(pattern: str, at: tuple, what: str) -> LazyRegex:
        try:
            return LazyRegex.checked(pattern, flags)
        except re.error as exc:
            raise BankError(shown, f"{what} is not a valid regex: {exc}", line=line_of(lines, at),
                            entry=".".join(map(str, at))) from None

    # "<time>": a masked clock time; "<span>": any other masked span (a number, an amount, a placeholder)
    spans = {"<time>": kind_class("time"), "<span>": f"[{chr(SENTINEL_FIRST)}-{chr(SPAN_LAST)}]"}
    slots = {name: re.sub("<time>|<span>", lambda m: spans[m.group()], rx) for name, rx in data["slots"].items()}
    for name, pattern in slots.items():
        compiled(pattern, ("slots", name), f"slot {name!r}")
    predicates = []
    for i, p in enumerate(data["predicates"]):
        at = ("predicates", i)
        neg = compiled(_WORD_START + "(?:" + p["neg"] + ")" + _WORD_END, at, "neg")
        groups = set(neg.compiled.groupindex)
        for key in ("pos", "first"):
            unknown = {m.group(1) for m in _SLOT.finditer(p.get(key) or "")} - groups
            if unknown:
                raise BankError(shown, f"{key} uses {sorted(unknown)}, which neg does not capture",
                                line=line_of(lines, at), entry=f"predicates[{i}]")
        predicates.append(Predicate(neg, p["pos"], p.get("first"), p.get("kind", "modal"), line_of(lines, at),
                                    required_words(neg.pattern)))
    bounds = []
    for i, b in enumerate(data["bounds"]):
        at = ("bounds", i)
        used = [m.group(1) for m in _SLOT.finditer(b["neg"])]
        unknown = set(used) - set(slots)
        if unknown:
            raise BankError(shown, f"unknown slot(s) {sorted(unknown)}; slots are {sorted(slots)}",
                            line=line_of(lines, at), entry=b["id"])
        if {m.group(1) for m in _SLOT.finditer(b["pos"])} - set(used):
            raise BankError(shown, "pos uses a slot neg does not have", line=line_of(lines, at), entry=b["id"])
        pattern = _SLOT.sub(lambda m: f"(?P<{m.group(1)}>{slots[m.group(1)]})", b["neg"])
        neg = compiled(_WORD_START + "(?:" + pattern + ")" + _WORD_END, at, "neg")
        kinds = frozenset(b.get("kinds") or ("modal", "future"))
        bounds.append(Bound(b["id"], neg, b["pos"], kinds, line_of(lines, at), b.get("tail"),
                            required_words(neg.pattern)))
    inflections = {name: tuple((compiled(r, ("inflections", name, j), f"inflection {name!r}"), repl)
                               for j, (r, repl) in enumerate(rules))
                   for name, rules in data.get("inflections", {}).items()}
    optional = {key: compiled(data[key], (key,), key) if data.get(key) else None
                for key in ("blocked_after", "blocked_in_scope", "relatives", "drop_at_end", "offers")}
    examples = tuple(Example(ex["in"], ex.get("out"), ex.get("tone"), bool(ex.get("unchanged")),
                             f"{shown}:{line_of(lines, ('examples', i))}")
                     for i, ex in enumerate(data.get("examples", [])))
    return Flips(tuple(predicates), tuple(bounds), shown, inflections, optional["blocked_after"],
                 optional["blocked_in_scope"], optional["relatives"], optional["drop_at_end"], optional["offers"],
                 _tails(data.get("offer_tail", "")), examples)


def _tails(raw: str | dict[str, str]) -> dict[str, str]:
    """``offer_tail`` as kind -> tail: one string serves every kind."""
    if isinstance(raw, str):
        return {"modal": raw, "future": raw} if raw else {}
    return dict(raw)


def flips_file(folder: Path) -> Path:
    return folder / "flips.yaml"
