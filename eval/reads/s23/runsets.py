"""runsets.py DST: every item of eval/sealed_o..w through the tree on PYTHONPATH -> DST_L.jsonl (ids S:id)."""
import json, sys
from rewriter import Rewriter
dst = sys.argv[1]
for L in "en fi is nb".split():
    rw = Rewriter(L)
    with open(f"{dst}_{L}.jsonl", "w") as out:
        for S in "o p q r s t u v w".split():
            for line in open(f"/work/main/eval/sealed_{S}/{L}.jsonl"):
                d = json.loads(line)
                r = rw.rewrite(d["text"])
                out.write(json.dumps({"id": f"{S}:{d['id']}", "lang": L, "kind": d.get("kind", "sentence"), "text": d["text"], "output": r.output}, ensure_ascii=False) + "\n")
