"""Training pairs generated from the phrase banks.

For every rule and every one of its patterns, concrete negative sentences are
made by expanding the pattern (`expand`) with slot values harvested from the
bank's own examples (so a Finnish partitive slot gets partitive fillers) and,
half of the time, with words of the bank's lexicon (`lexicon.yaml`) in the
same case as the harvested values: "harmaata sohvaa" teaches the model
"tuotetta", "takkia", "villapaitaa" too. The
target is what the template engine writes for that sentence in each tone,
after verification: the model learns the banks' rewrites and, by seeing many
phrasings, to rewrite phrasings no template matches. The bank examples
themselves are added too.

Split by phrasing: in every rule with three or more patterns one pattern
(chosen by a hash, so stably) is held out; its sentences form the test set,
which therefore holds phrasings the model never saw.

Inputs and targets are masked: protected spans become <p0>, <p1>, ... in order
of appearance, and a language tag and a tone tag lead the input.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..banks import available_languages, load_bank
from ..banks.examples import EXAMPLE_TODAY
from ..banks.model import Bank, Rule
from ..config import OrgConfig
from ..pipeline import Rewriter, SentenceTrace
from ..stages.templates import match_rules
from ..text import sentences
from ..text.protect import SENTINEL_CLASS, mask
from .expand import expand

TONES = ("formal", "casual")
MAX_PLACEHOLDERS = 16
# Computed values (the follow-up date) are tokens in training targets and are
# filled in at inference: the model must never learn a date.
VALUE_TOKENS = {"followup_date": "<date>", "followup_day": "<day>"}
TAGS = [f"<{code}>" for code in ("fi", "is", "nb", "en")] + [f"<{t}>" for t in TONES] + \
       [f"<p{i}>" for i in range(MAX_PLACEHOLDERS)] + list(VALUE_TOKENS.values())


@dataclass(frozen=True)
class Pair:
    source: str      # "<nb> <formal> Vi har dessverre ikke <p0> på lager."
    target: str
    lang: str
    rule: str
    split: str       # "train" or "test"

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)


def model_input(masked_sentence: str, lang: str, tone: str) -> tuple[str, list[str]]:
    """The model's input for a masked sentence, and the sentinels in <pN> order."""
    order: list[str] = []

    def name(m: re.Match[str]) -> str:
        if m.group() not in order:
            order.append(m.group())
        return f"<p{order.index(m.group())}>"

    text = re.sub(f"[{SENTINEL_CLASS}]", name, masked_sentence)
    return f"<{lang}> <{tone}> {text}", order


def respace(output: str, source: str) -> str:
    """Put back a space the model dropped next to a placeholder ("the<p0>" where the input had "the <p0>")."""
    for i in set(re.findall(r"<p(\d+)>", output)):
        token = f"<p{i}>"
        if f" {token}" in source:
            output = re.sub(rf"(?<=\w){re.escape(token)}", f" {token}", output)
        if f"{token} " in source:
            output = re.sub(rf"{re.escape(token)}(?=\w)", f"{token} ", output)
    return output


def from_model_output(text: str, order: list[str], source: str = "", values: dict[str, str] | None = None) -> str | None:
    """Sentinels back in place of <pN>, computed values in place of their tokens; None when the
    output names a placeholder the input lacked or a value nobody computed."""
    if source:
        text = respace(text, source)
    # None of the four languages puts a space before , . ; : ! ? (the model sometimes does).
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    for name, token in VALUE_TOKENS.items():
        if token in text:
            if not values or name not in values:
                return None
            text = text.replace(token, values[name])
    bad = False

    def back(m: re.Match[str]) -> str:
        nonlocal bad
        i = int(m.group(1))
        if i >= len(order):
            bad = True
            return ""
        return order[i]

    out = re.sub(r"<p(\d+)>", back, text)
    return None if bad else out


def held_out_pattern(rule: Rule) -> int | None:
    """Index of the pattern kept for testing, or None for rules with fewer than three."""
    if len(rule.patterns) < 3:
        return None
    digest = int(hashlib.sha256(rule.id.encode()).hexdigest(), 16)
    return digest % len(rule.patterns)


def harvest_fillers(bank: Bank) -> tuple[dict[tuple[str, str], list[str]], dict[str, list[str]]]:
    """Slot values seen in the bank's examples: per (rule, slot), and per slot name."""
    by_rule: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_name: dict[str, set[str]] = defaultdict(set)
    rules = {r.id: r for r in bank.rules}
    for rule_id, example in bank.examples():
        if rule_id not in rules or example.unchanged:
            continue
        masked = mask(example.input, bank.language.not_names)
        for start, end in sentences.split(masked.text, bank.language.abbreviations, masked.is_block):
            for rule, m, _ in match_rules(masked.text[start:end], bank):
                for slot in rule.slots:
                    value = masked.unmask(m.group(slot)).strip()
                    if value and len(value) < 60:
                        by_rule[(rule.id, slot)].add(value)
                        by_name[slot].add(value)
    return ({k: sorted(v) for k, v in by_rule.items()}, {k: sorted(v) for k, v in by_name.items()})


def lexicon_fillers(bank: Bank, by_rule: dict[tuple[str, str], list[str]]) -> dict[tuple[str, str], list[str]]:
    """Per (rule, slot): the lexicon's words of the slot's category, in every case its harvested values are in."""
    lexicon = bank.lexicon
    out: dict[tuple[str, str], list[str]] = {}
    for (rule_id, slot), values in by_rule.items():
        category = lexicon.slots.get(slot)
        if not category:
            continue
        cases = {case for value in values for case in lexicon.case_of(value)}
        words = sorted({form for case in cases for form in lexicon.fillers(category, case)})
        if words:
            out[(rule_id, slot)] = words
    return out


def generate(languages: list[str] | None = None, per_pattern: int = 6, seed: int = 13) -> list[Pair]:
    """The whole corpus: deterministic for a given bank, seed and size."""
    rng = random.Random(seed)
    pairs: list[Pair] = []
    for lang in languages or available_languages():
        bank = load_bank(lang)
        by_rule, by_name = harvest_fillers(bank)
        lexical = lexicon_fillers(bank, by_rule)
        rewriters = {t: Rewriter(lang, t, engines=("template",), config=OrgConfig(), today=EXAMPLE_TODAY) for t in TONES}
        seen: set[tuple[str, str]] = set()
        for rule in bank.rules:
            held = held_out_pattern(rule)
            for index, pattern in enumerate(rule.patterns):
                split = "test" if index == held else "train"
                for _ in range(per_pattern):
                    slots = {}
                    for slot in rule.slots:
                        pool = by_rule.get((rule.id, slot)) or by_name.get(slot)
                        if (rule.id, slot) in lexical and rng.random() < 0.5:
                            pool = lexical[(rule.id, slot)]
                        if not pool:
                            break
                        slots[slot] = rng.choice(pool)
                    else:
                        sentence = expand(pattern.source, slots, rng)
                        sentence = sentence[:1].upper() + sentence[1:] + rng.choice([".", ".", ".", "!"])
                        for tone in TONES:
                            pair = _pair(sentence, lang, tone, rule.id, split, bank, rewriters[tone])
                            if pair and (pair.source, split) not in seen:
                                seen.add((pair.source, split))
                                pairs.append(pair)
        for rule_id, example in bank.examples():
            if example.unchanged or rule_id == "reply":
                continue
            for tone in ([example.tone] if example.tone else TONES):
                pair = _pair(example.input, lang, tone, rule_id, "train", bank, rewriters[tone])
                if pair and (pair.source, "train") not in seen:
                    seen.add((pair.source, "train"))
                    pairs.append(pair)
    return pairs


def _pair(text: str, lang: str, tone: str, rule_id: str, split: str, bank: Bank, rewriter: Rewriter) -> Pair | None:
    """One (masked input, masked verified rewrite) per negative sentence of ``text``."""
    masked = mask(text, bank.language.not_names)
    spans = sentences.split(masked.text, bank.language.abbreviations, masked.is_block)
    for start, end in spans:
        sentence = masked.text[start:end]
        if not match_rules(sentence, bank):
            continue
        chosen = rewriter._first_verified(sentence, bank, masked, rewriter._computed(bank.language.locale),
                                          SentenceTrace(start, end, sentence), rewriter.plan_for(sentence, bank))
        if chosen is None:
            continue
        source, order = model_input(sentence, lang, tone)
        if any(s not in order for s in re.findall(f"[{SENTINEL_CLASS}]", chosen.text)):
            continue
        # Placeholders numbered by their order in the source; computed values as tokens.
        target = re.sub(f"[{SENTINEL_CLASS}]", lambda m: f"<p{order.index(m.group())}>", chosen.text)
        for name, value in rewriter._computed(bank.language.locale).items():
            target = target.replace(value, VALUE_TOKENS[name])
        return Pair(source, target, lang, rule_id, split)
    return None


def write_jsonl(pairs: list[Pair], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(p.to_json() + "\n" for p in pairs), encoding="utf-8")
