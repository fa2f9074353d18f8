"""How many negative sentences the toolkit rewrites in whole messages, and why the rest stay.

Counts, not quality: a blind read says whether the rewrites are good. Every
sentence with a finding is one negative sentence; it counts as rewritten when
the output carries a rewrite for it (so in the default whole-message mode a
sentence whose message is kept as it is counts as not rewritten).

    python scripts/coverage.py LANG FILE.jsonl [FILE.jsonl ...]   # lists and count
    python scripts/coverage.py LANG FILE.jsonl --count             # the count only
    python scripts/coverage.py LANG FILE.jsonl --all               # also every rewrite

Lines: ``+`` rewritten, ``=`` had a verified rewrite but was held back because
another negative sentence of the message stays, ``-`` no rewrite (no rule, or
every candidate refused, with the reasons), ``!`` a positive item changed.
The dev sets are in eval/devsets/ (JSON lines with id, kind and text).
"""
from __future__ import annotations

import argparse
import json

from rewriter.pipeline import Rewriter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang")
    parser.add_argument("files", nargs="+")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--count", action="store_true", help="print only the count (for a held-out set)")
    shown.add_argument("--all", action="store_true", help="also print every rewrite")
    parser.add_argument("--partial", action="store_true", help="rewrite what can be rewritten in a message")
    args = parser.parse_args()
    rewriter = Rewriter(args.lang, partial=args.partial)
    negative = rewritten = items = changed = 0
    for path in args.files:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            item = json.loads(line)
            items += 1
            result = rewriter.rewrite(item["text"])
            changed += result.changed
            for sentence in result.trace:
                negative += 1
                edit = next((e for e in result.edits if e.start == sentence.start), None)
                if edit:
                    rewritten += 1
                    if args.all:
                        print(f"+ {item['id']}: {sentence.text.strip()}\n    -> {edit.replacement.strip()}  [{edit.rule}]")
                elif args.count:
                    continue
                elif any(not attempt.failures for attempt in sentence.attempts):
                    print(f"= {item['id']}: {sentence.text.strip()}   (held back)")
                else:
                    why = "; ".join(f for a in sentence.attempts for f in a.failures)[:160]
                    print(f"- {item['id']}: {sentence.text.strip()}   ({'refused: ' + why if why else 'no usable rule'})")
            if item.get("kind") == "positive" and result.changed and not args.count:
                print(f"! {item['id']} positive changed: {result.output}")
    print(f"{args.lang}: {rewritten}/{negative} negative sentences rewritten; {changed}/{items} items changed")


if __name__ == "__main__":
    main()
