"""Every sentence rewrite the general constructions (flips.yaml) make, for a blind sentence-level read.

    python scripts/flips_for_read.py LANG OUTDIR FILE [FILE ...]

Each FILE is JSON lines with a "text" field (a dev, structure or sealed set).
The rewriter runs in partial mode, so flips held back in whole-message mode
are read too. Writes OUTDIR/sread_LANG.jsonl (n, original, rewrite: what the
reader sees, shuffled) and OUTDIR/skey_LANG.jsonl (n, set, id, rule: kept
from the reader).
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from rewriter.pipeline import Rewriter


def main(argv: list[str]) -> None:
    lang, outdir, files = argv[0], Path(argv[1]), argv[2:]
    rewriter = Rewriter(lang, partial=True)
    pairs, seen = [], set()
    for path in files:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            item = json.loads(line)
            for edit in rewriter.rewrite(item["text"]).edits:
                if edit.rule and "flips." in edit.rule and (edit.original, edit.replacement) not in seen:
                    seen.add((edit.original, edit.replacement))
                    pairs.append({"set": Path(path).parent.name, "id": item.get("id"), "rule": edit.rule,
                                  "original": edit.original, "rewrite": edit.replacement})
    random.seed(10)
    random.shuffle(pairs)
    outdir.mkdir(parents=True, exist_ok=True)
    with open(outdir / f"sread_{lang}.jsonl", "w", encoding="utf-8") as read, \
            open(outdir / f"skey_{lang}.jsonl", "w", encoding="utf-8") as key:
        for n, pair in enumerate(pairs):
            read.write(json.dumps({"n": n, "original": pair["original"], "rewrite": pair["rewrite"]},
                                  ensure_ascii=False) + "\n")
            key.write(json.dumps({"n": n, "set": pair["set"], "id": pair["id"], "rule": pair["rule"]},
                                 ensure_ascii=False) + "\n")
    print(f"{lang}: {len(pairs)} flip rewrites")


if __name__ == "__main__":
    main(sys.argv[1:])
