"""runsets.py DST: every item of eval/sealed_o..t and /work/sealed_u through the tree on PYTHONPATH -> DST_L.jsonl (ids S:id)."""
import json, sys
from rewriter import Rewriter
dst = sys.argv[1]
for L in "en fi is nb".split():
    rw = Rewriter(L)
    with open(f"{dst}_{L}.jsonl", "w") as out:
        for S in "o p q r s t u".split():
            path = f"/work/main/eval/sealed_{S}/{L}.jsonl" if S != "u" else f"/work/sealed_u/{L}.jsonl"
            for line in open(path):
                d = json.loads(line)
                r = rw.rewrite(d["text"])
                out.write(json.dumps({"id": f"{S}:{d['id']}", "lang": L, "kind": d.get("kind", "sentence"), "text": d["text"], "output": r.output}, ensure_ascii=False) + "\n")
