"""Negative sentences left as they are, with the advice the tool gives them, for a blind read of the advice.

    python scripts/advice_for_read.py LANG OUTDIR FILE [FILE ...]

Each FILE is JSON lines with a "text" field (a dev or structure set). Every
sentence of every text that has a bare marker's finding (no situation rule
explains it) and is left as it is goes in, up to 50, shuffled with a fixed
seed. Writes OUTDIR/read_LANG.jsonl (id, sentence, advice: what the reader
sees) and OUTDIR/key_LANG.json (id -> the advice entry, or null for the
general guidance: kept from the reader).
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

from rewriter.banks import load_bank
from rewriter.pipeline import Rewriter

# A sentence end before a capital, a line break or an HTML tag: rough, for reading only.
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅÄÖÞÐÁÉÍÓÚ])|\n+|<[^>]+>")
LIMIT = 50


def main(argv: list[str]) -> None:
    lang, outdir, files = argv[0], Path(argv[1]), argv[2:]
    rewriter, bank = Rewriter(lang), load_bank(lang)
    entries = bank.advice.entries if bank.advice else ()
    rows = []
    for path in files:
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            for sentence in (s.strip() for s in _SPLIT.split(json.loads(line)["text"])):
                if len(sentence.split()) < 4:
                    continue
                result = rewriter.rewrite(sentence)
                if result.changed or not result.findings or result.findings[0].category not in ("negation", "discouraged"):
                    continue
                entry = next((e for e in entries if any(e.says in f.message for f in result.findings)), None)
                rows.append((sentence, entry.says if entry else bank.language.guidance.get("no_rewrite"),
                             entry.id if entry else None))
    random.Random(11).shuffle(rows)
    rows = rows[:LIMIT]
    outdir.mkdir(parents=True, exist_ok=True)
    with open(outdir / f"read_{lang}.jsonl", "w", encoding="utf-8") as out:
        for n, (sentence, advice, _) in enumerate(rows, 1):
            out.write(json.dumps({"id": f"{lang}-a{n:02d}", "sentence": sentence, "advice": advice}, ensure_ascii=False) + "\n")
    (outdir / f"key_{lang}.json").write_text(json.dumps({f"{lang}-a{n:02d}": entry for n, (*_, entry) in enumerate(rows, 1)}, indent=0))
    print(f"{lang}: {len(rows)} sentences")


if __name__ == "__main__":
    main(sys.argv[1:])
