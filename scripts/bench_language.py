"""Cost of the language checks (docs/BENCHMARKS.md, "Language checks").

    python scripts/bench_language.py [--greynir-sentences 40]

- wordforms.unknown_forms per candidate, per language: every example output of
  the bank as a candidate, with its input as the sentence and, as the
  template, the rule's template sharing most words with it (a template
  candidate), or none (a model candidate: every new word is looked up).
  "cold": each word's first lookup (memo cleared); "warm": the memo filled.
- Voikko's grammar checker per sentence (Finnish example outputs).
- GreynirCorrect: load (first sentence included) and per sentence after that.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rewriter.analyse import dictionaries  # noqa: E402
from rewriter.banks import load_bank  # noqa: E402
from rewriter.text.protect import mask  # noqa: E402
from rewriter.verification import grammar, wordforms  # noqa: E402

_WORDS = re.compile(r"[^\W\d_]+")


def _best_template(rule, output: str) -> str | None:
    if rule is None or not rule.templates:
        return None
    out = set(_WORDS.findall(output.lower()))
    return max(rule.templates, key=lambda t: len(out & set(_WORDS.findall(t.text.lower())))).text


def _cases(lang: str):
    bank = load_bank(lang)
    rules = {r.id: r for r in bank.rules}
    out = []
    for rule_id, ex in bank.examples():
        if ex.unchanged or not ex.output:
            continue
        cand = mask(ex.output, bank.language.not_names).text
        sent = mask(ex.input, bank.language.not_names).text
        out.append((cand, sent, _best_template(rules.get(rule_id), ex.output)))
    return out


def _per_call(cases, with_template: bool, lang: str) -> float:
    t = time.perf_counter()
    for cand, sent, template in cases:
        wordforms.unknown_forms(cand, sent, template if with_template else None, lang)
    return (time.perf_counter() - t) / len(cases) * 1e6


def bench_wordforms() -> None:
    print("| lang | tool | dictionary load | candidates | template cold | template warm | model cold | model warm |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for lang in ("fi", "nb", "is", "en"):
        t = time.perf_counter()
        tool = dictionaries.tool_for(lang)
        load = (time.perf_counter() - t) * 1000
        cases = _cases(lang)
        row = []
        for with_template in (True, False):
            dictionaries.knows.cache_clear()
            cold = _per_call(cases, with_template, lang)
            warm = min(_per_call(cases, with_template, lang) for _ in range(5))
            row += [f"{cold:.0f} µs", f"{warm:.0f} µs"]
        print(f"| {lang} | {tool} | {load:.0f} ms | {len(cases)} | " + " | ".join(row) + " |")


def _sentences(lang: str) -> list[str]:
    bank = load_bank(lang)
    parts = [p for _, ex in bank.examples() if not ex.unchanged and ex.output
             for p in grammar.readable_parts(ex.output, bank.language.not_names)]
    return [s for p in parts for s in re.split(r"(?<=[.!?])\s+", p) if s]


def bench_voikko() -> None:
    if not grammar.finnish_available():
        print("Voikko: not installed")
        return
    sentences = _sentences("fi")
    voikko = dictionaries.voikko("fi")
    times = []
    for s in sentences:
        t = time.perf_counter()
        voikko.grammarErrors(s, "en")
        times.append(time.perf_counter() - t)
    print(f"Voikko grammar: {len(sentences)} sentences, median {statistics.median(times) * 1000:.2f} ms, "
          f"mean {statistics.mean(times) * 1000:.2f} ms, max {max(times) * 1000:.1f} ms")


def bench_greynir(n: int) -> None:
    reason = grammar.why_unavailable("is")
    if reason:
        print(f"GreynirCorrect: {reason}")
        return
    sentences = _sentences("is")[: n + 1]
    t = time.perf_counter()
    grammar.icelandic_errors(sentences[0])
    load = time.perf_counter() - t
    times = []
    for s in sentences[1:]:
        t = time.perf_counter()
        grammar.icelandic_errors(s)
        times.append(time.perf_counter() - t)
    print(f"GreynirCorrect: load + first sentence {load:.2f} s; {len(times)} sentences, median "
          f"{statistics.median(times):.3f} s, mean {statistics.mean(times):.3f} s, max {max(times):.3f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--greynir-sentences", type=int, default=40)
    args = ap.parse_args()
    bench_wordforms()
    bench_voikko()
    bench_greynir(args.greynir_sentences)


if __name__ == "__main__":
    main()
