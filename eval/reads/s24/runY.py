"""runY.py TREE OUTDIR: sealed set Y through a tree (template engine, default settings)."""
import json, sys, os
tree, out = sys.argv[1], sys.argv[2]
sys.path.insert(0, tree)
from rewriter import Rewriter
os.makedirs(out, exist_ok=True)
for L in ["en", "fi", "is", "nb"]:
    r = Rewriter(L)
    with open(f"{out}/{L}.jsonl", "w") as f:
        n = 0
        for line in open(f"/work/sealed_y/{L}.jsonl"):
            it = json.loads(line)
            res = r.rewrite(it["text"])
            it["output"] = res.output
            n += res.changed
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(L, "changed", n)
