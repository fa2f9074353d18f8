"""Rewrite a sealed set for a blind read: one line per item with id, lang, kind, text, output, engine, findings.

    python scripts/export_for_read.py eval/sealed_v2/en.jsonl eval/reads/after_en.jsonl [ENGINES]

The reader sees only this file and docs' rubric (../shared/quality/RUBRIC.md),
never the banks; verdicts go to eval/reads/verdicts_*.jsonl and
scripts/read_summary.py turns them into the table in docs/BENCHMARKS.md.
"""
import json
import sys
import time

from rewriter.pipeline import Rewriter

src, dst = sys.argv[1], sys.argv[2]
engines = tuple(sys.argv[3].split(",")) if len(sys.argv) > 3 else None
items = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
rw = {}
out = []
t0 = time.time()
for it in items:
    lang = it["lang"]
    if lang not in rw:
        rw[lang] = Rewriter(lang, engines=engines) if engines else Rewriter(lang)
    try:
        r = rw[lang].rewrite(it["text"])
        o, eng = r.output, r.engine
        fnd = [f.message for f in r.findings]
    except Exception as e:
        o, eng, fnd = it["text"], "error:" + type(e).__name__, []
    out.append({"id": it["id"], "lang": lang, "kind": it.get("kind"), "text": it["text"], "output": o, "engine": eng, "findings": fnd})
with open(dst, "w", encoding="utf-8") as f:
    for o in out:
        f.write(json.dumps(o, ensure_ascii=False) + "\n")
print(dst, len(out), "changed", sum(o["output"] != o["text"] for o in out), f"{time.time()-t0:.1f}s")
