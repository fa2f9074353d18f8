"""Quality on the held-out phrasings: model alone, templates alone, both.

Each held-out pair is a sentence from a pattern the model never saw. For each
stage the first candidate that passes verification (and, for the model, the
fidelity check) counts; exact match and chrF are taken against the bank's own
rewrite in the same tone.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..banks import load_bank
from ..banks.examples import EXAMPLE_TODAY
from ..config import OrgConfig
from ..pipeline import Rewriter
from ..text.protect import SENTINEL_FIRST, mask
from ..verification import verify
from ..verification.fidelity import fidelity_failures
from .corpus import VALUE_TOKENS, Pair

STAGES = {"model": ("model",), "templates": ("template",), "both": ("model", "template")}


def _masked(text: str) -> str:
    return re.sub(r"<p(\d+)>", lambda m: chr(SENTINEL_FIRST + int(m.group(1))), text)


def evaluate_heldout(pairs: list[Pair], model_dir, limit_per_lang: int = 300) -> dict:
    from sacrebleu.metrics import CHRF  # noqa: PLC0415

    chrf = CHRF(word_order=2)
    by_lang: dict[str, list[Pair]] = defaultdict(list)
    for p in pairs:
        if len(by_lang[p.lang]) < limit_per_lang:
            by_lang[p.lang].append(p)
    report: dict[str, dict] = {}
    for lang, group in sorted(by_lang.items()):
        bank = load_bank(lang)
        report[lang] = {"items": len(group)}
        for name, engines in STAGES.items():
            passed = exact = 0
            hyps, refs = [], []
            for p in group:
                _, tone, body = p.source.split(" ", 2)
                tone = tone.strip("<>")
                rewriter = Rewriter(lang, tone, engines=engines, config=OrgConfig(), today=EXAMPLE_TODAY,
                                    model_dir=model_dir)
                sentence = _masked(body)
                holder = mask("")
                chosen = None
                plan = rewriter.plan_for(sentence, bank)
                for candidate in rewriter._candidates(sentence, bank, rewriter._computed(bank.language.locale), plan):
                    failures = verify(candidate.text, sentence, bank, holder.unmask).failures
                    if candidate.engine == "model":
                        failures += fidelity_failures(candidate.text, sentence, bank)
                    if not failures:
                        chosen = candidate
                        break
                output = chosen.text if chosen else sentence
                reference = _masked(p.target)
                for value_name, value in rewriter._computed(bank.language.locale).items():
                    reference = reference.replace(VALUE_TOKENS[value_name], value)
                passed += chosen is not None
                exact += output == reference
                hyps.append(output)
                refs.append(reference)
            report[lang][name] = {
                "verified": round(passed / len(group), 3),
                "exact": round(exact / len(group), 3),
                "chrf": round(chrf.corpus_score(hyps, [refs]).score, 1),
            }
    return report
