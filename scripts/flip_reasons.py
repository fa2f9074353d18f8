"""Why the sentences of a set are (not) rewritten by a general construction (flips.yaml): counts only.

    python scripts/flip_reasons.py LANG FILE

FILE is JSON lines with "text" and "kind" (e.g. eval/devsets/structset/en.jsonl).
Each item is counted once by kind: changed by a flip, changed by a situation
rule, a flip made but not used (a third-person fact alone, or verification
failed), a predicate and a bound refused by a guard, no bound, no predicate.
No text is printed, so a held-out set stays held out.
"""
from __future__ import annotations

import collections
import json
import sys

from rewriter.banks import load_bank
from rewriter.pipeline import Rewriter
from rewriter.stages.flips import flip_clause
from rewriter.stages.templates import softened
from rewriter.text.protect import mask


def main(lang: str, path: str) -> None:
    bank = load_bank(lang)
    flips = bank.flips
    rewriter = Rewriter(lang, partial=True)
    counts: collections.Counter = collections.Counter()
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        item = json.loads(line)
        kind = item.get("kind", "item")
        result = rewriter.rewrite(item["text"])
        if result.changed:
            rules = ",".join(e.rule or "" for e in result.edits)
            counts[(kind, "changed by a flip" if "flips." in rules else "changed by a situation rule")] += 1
            continue
        if flips is None:
            counts[(kind, "no flips.yaml")] += 1
            continue
        masked = mask(item["text"], bank.language.unmasked, bank.language.titles)
        view = softened(masked.text, bank).text.strip().rstrip(".!")
        if flip_clause(view, flips, bank):
            why = "flip made, not used (no offer alone, or verification)"
        elif not any(p.neg.search(view) for p in flips.predicates):
            why = "no predicate"
        elif not any(b.neg.search(view) for b in flips.bounds):
            why = "no bound"
        else:
            why = "predicate and bound, refused by a guard"
        counts[(kind, why)] += 1
    for (kind, why), n in sorted(counts.items()):
        print(f"{kind}\t{why}\t{n}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
