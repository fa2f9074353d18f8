"""Summarise blind-read verdicts per language (the table in docs/BENCHMARKS.md).

    python scripts/read_summary.py eval/reads/verdicts_after.jsonl [more.jsonl ...]

Each verdict line: id, lang, kind (message, one-liner, positive), changed,
natural, faithful, positive_action, good, note. Reports, per language: good
over all items; negative items rewritten (changed); natural-and-faithful
among the changed ones; already-positive items returned unchanged.
"""
import json
import sys
from collections import defaultdict


def main(paths: list[str]) -> None:
    by_lang: dict[str, list[dict]] = defaultdict(list)
    for path in paths:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                v = json.loads(line)
                by_lang[v["lang"]].append(v)
    print("| lang | items | good | negative items changed | natural and faithful among changed | positives kept |")
    print("|---|---|---|---|---|---|")
    for lang in sorted(by_lang):
        items = by_lang[lang]
        negative = [v for v in items if v.get("kind") != "positive"]
        positive = [v for v in items if v.get("kind") == "positive"]
        changed = [v for v in negative if v.get("changed")]
        sound = [v for v in changed if v.get("natural") and v.get("faithful")]
        good = sum(bool(v.get("good")) for v in items)
        print(f"| {lang} | {len(items)} | {good} ({good / len(items):.0%}) | {len(changed)}/{len(negative)} "
              f"({len(changed) / max(1, len(negative)):.0%}) | {len(sound)}/{len(changed)} "
              f"({len(sound) / max(1, len(changed)):.0%}) | {sum(bool(v.get('good')) for v in positive)}/{len(positive)} |")


if __name__ == "__main__":
    main(sys.argv[1:])
