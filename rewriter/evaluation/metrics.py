"""Per-item checks and per-language aggregates.

Item checks: negation-free, action offered, protected tokens kept, language
kept; unchanged for already-positive items; chrF++ against the reference;
unknown-word share (fluency proxy); the grammar checker's findings in the
output (Finnish: Voikko, Icelandic: GreynirCorrect; see
`verification.grammar`: slow, so eval only), not counting sentences copied
from the input. J is the mean over rewrite items of
negation-free x action x preserved x language.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ..banks import load_bank
from ..verification import grammar
from ..verification.langid import identify
from . import fluency
from .devset import Item

_MARKUP = re.compile(r"<[^>]+>|\{\{.*?\}\}|\{%.*?%\}|#\{[^}]*\}")


def reader_text(text: str) -> str:
    """What a reader sees: tags and placeholders removed."""
    return re.sub(r"\s+", " ", _MARKUP.sub(" ", text)).strip()


@dataclass
class ItemScore:
    id: str
    lang: str
    situation: str
    text: str
    output: str
    reference: str | None
    engine: str
    expect_unchanged: bool
    negation_free: bool
    action: bool
    preserved: bool
    lang_kept: bool
    unchanged: bool
    chrf: float | None
    unknown_in: float | None
    unknown_out: float | None
    missing: list[str] = field(default_factory=list)
    grammar_out: list[str] | None = None      # the grammar checker's findings; None: no checker for the language here

    @property
    def joint(self) -> int:
        return int(self.negation_free and self.action and self.preserved and self.lang_kept)

    def to_dict(self) -> dict:
        return {**asdict(self), "joint": self.joint}


def score_item(item: Item, output: str, engine: str) -> ItemScore:
    from sacrebleu.metrics import CHRF  # noqa: PLC0415 - eval-only dependency

    bank = load_bank(item.lang)
    seen = reader_text(output)
    lang = bank.language
    negation_free = not lang.negation.search(seen) and not (lang.discouraged and lang.discouraged.search(seen))
    missing = [k for k in item.keep if not _kept(k, output)]
    found = identify(seen) if len(seen.split()) >= 3 else None
    chrf = CHRF(word_order=2).sentence_score(output, [item.reference]).score if item.reference is not None else None
    return ItemScore(
        item.id, item.lang, item.situation, item.text, output, item.reference, engine, item.expect_unchanged,
        negation_free=bool(negation_free),
        action=bool(lang.actions.search(seen)),
        preserved=not missing,
        lang_kept=found in (None, item.lang),
        unchanged=output == item.text,
        chrf=chrf,
        unknown_in=fluency.unknown_share(reader_text(item.text), lang.locale),
        unknown_out=fluency.unknown_share(seen, lang.locale),
        missing=missing,
        grammar_out=_grammar(item, output, lang.not_names) if not item.expect_unchanged else None,
    )


def _grammar(item: Item, output: str, not_names: frozenset[str]) -> list[str] | None:
    found = grammar.grammar_errors(output, item.lang, not_names)
    if found is None:
        return None
    return [str(f) for f in grammar.not_in_input(found, item.text, not_names) if f.gated]


def _kept(token: str, output: str) -> bool:
    return token.lower() in output.lower() if token[:1].isalpha() else token in output


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarise(scores: list[ItemScore]) -> dict:
    """Aggregates for one language."""
    from sacrebleu.metrics import CHRF  # noqa: PLC0415

    rewrites = [s for s in scores if not s.expect_unchanged]
    positives = [s for s in scores if s.expect_unchanged]
    fluent_in = [s.unknown_in for s in rewrites if s.unknown_in is not None]
    fluent_out = [s.unknown_out for s in rewrites if s.unknown_out is not None]
    checked = [s for s in rewrites if s.grammar_out is not None]
    referenced = [s for s in scores if s.reference is not None]
    corpus = CHRF(word_order=2).corpus_score([s.output for s in referenced], [[s.reference for s in referenced]]).score \
        if referenced else None
    return {
        "items": len(scores),
        "rewrite_items": len(rewrites),
        "positive_items": len(positives),
        "J": _mean([s.joint for s in rewrites]),
        "negation_free": _mean([float(s.negation_free) for s in rewrites]),
        "action": _mean([float(s.action) for s in rewrites]),
        "preserved": _mean([float(s.preserved) for s in scores]),
        "lang_kept": _mean([float(s.lang_kept) for s in scores]),
        "unchanged_kept": _mean([float(s.unchanged) for s in positives]),
        "changed": _mean([float(not s.unchanged) for s in rewrites]),
        "chrf": corpus,
        "unknown_words_in": _mean(fluent_in),
        "unknown_words_out": _mean(fluent_out),
        "grammar_flagged": _mean([float(bool(s.grammar_out)) for s in checked]),
        "engines": {e: sum(s.engine == e for s in scores) for e in ("model", "template", "none")},
    }
