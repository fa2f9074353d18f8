"""rundev.py TREE DST: sets o..x and the core matrix through TREE -> DST_L.jsonl (ids S:id)."""
import json, sys
sys.path.insert(0, sys.argv[1])
from rewriter import Rewriter
dst = sys.argv[2]
core = [json.loads(l) for l in open("/work/main/eval/core/core.jsonl")]
for L in "en fi is nb".split():
    rw = Rewriter(L)
    with open(f"{dst}_{L}.jsonl", "w") as out:
        items = []
        for S in "o p q r s t u v w x".split():
            for line in open(f"/work/main/eval/sealed_{S}/{L}.jsonl"):
                d = json.loads(line)
                items.append((f"{S}:{d['id']}", d.get("kind", "sentence"), d["text"]))
        items += [(f"core:{c['n']}", "sentence", c[L]) for c in core]
        for i, kind, text in items:
            r = rw.rewrite(text)
            out.write(json.dumps({"id": i, "lang": L, "kind": kind, "text": text, "output": r.output}, ensure_ascii=False) + "\n")
