"""Everything the pipeline answers on the benchmark corpora, written to one file, to diff before/after a speed-up.

    python scripts/compare_outputs.py --out /tmp/before.jsonl       # on the old code
    python scripts/compare_outputs.py --out /tmp/after.jsonl        # on the new code
    cmp /tmp/before.jsonl /tmp/after.jsonl                          # byte-identical, or diff them

Per language (gen_corpus.py, seed 1): every line rewritten with the default
engines (the full result with --explain's trace), the linter's view of every
line (rewrite=False), a slice in --style full --tone casual and a slice with
the model first (model,template), through both rewrite() and rewrite_many().
Then a Zendesk export polished with --lang auto. A fixed date, so dated
templates do not move.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_corpus  # noqa: E402

TODAY = dt.date(2026, 11, 29)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--lines", type=int, default=10000)
    ap.add_argument("--model-lines", type=int, default=300)
    ap.add_argument("--macros", type=int, default=2000)
    a = ap.parse_args()

    from rewriter.formats.document import polish  # noqa: PLC0415
    from rewriter.pipeline import Rewriter  # noqa: PLC0415

    with open(a.out, "w", encoding="utf-8") as out:
        def put(tag: str, data) -> None:
            out.write(json.dumps([tag, data], ensure_ascii=False, sort_keys=True) + "\n")

        for lang in gen_corpus.LANGS:
            lines = gen_corpus.corpus(lang, a.lines)
            default = Rewriter(lang, today=TODAY)
            for text in lines:
                put(f"{lang}/default", default.rewrite(text).to_dict(explain=True))
            lint = Rewriter(lang, today=TODAY)
            for text in lines:
                put(f"{lang}/check", [f.to_dict() for f in lint.rewrite(text, rewrite=False).findings])
            full = Rewriter(lang, "casual", style="full", today=TODAY)
            for text in lines[:1000]:
                put(f"{lang}/full", full.rewrite(text).to_dict(explain=True))
            model = Rewriter(lang, engines=("model", "template"), today=TODAY)
            some = lines[:a.model_lines]
            for text in some:
                put(f"{lang}/model", model.rewrite(text).to_dict(explain=True))
            many = getattr(Rewriter(lang, engines=("model", "template"), today=TODAY), "rewrite_many", None)
            if many is not None:        # the batched path must give the same answers (tag as above)
                for result in many(some):
                    put(f"{lang}/model", result.to_dict(explain=True))
            else:
                for text in some:
                    put(f"{lang}/model", Rewriter(lang, engines=("model", "template"), today=TODAY)
                        .rewrite(text).to_dict(explain=True))
        export = json.dumps(gen_corpus.zendesk(a.macros), ensure_ascii=False, indent=2)
        polished = polish("macros.json", export, "auto", Rewriter("auto", today=TODAY))
        put("polish/output", polished.output)
        put("polish/summary", polished.summary())


if __name__ == "__main__":
    main()
