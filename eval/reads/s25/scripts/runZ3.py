"""runZ.py TREE OUT: sealed set Z through a tree, drafts kept (default) and applied."""
import json, sys, os
tree, out = sys.argv[1], sys.argv[2]
sys.path.insert(0, tree)
os.environ.pop("REWRITER_CONFIG", None)
from rewriter import Rewriter
from rewriter.config import OrgConfig
for mode in ("default", "drafts"):
    os.makedirs(f"{out}/{mode}", exist_ok=True)
    for L in ["en", "fi", "is", "nb"]:
        r = Rewriter(L, config=OrgConfig(apply_drafts=(mode == "drafts")))
        with open(f"{out}/{mode}/{L}.jsonl", "w") as f:
            n = 0
            for line in list(open(f"/work/sealed_z3/{L}.jsonl")):
                it = json.loads(line)
                res = r.rewrite(it["text"])
                it["output"] = res.output
                it["drafts"] = [s.draft for s in res.trace if s.draft]
                n += res.changed
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
        print(mode, L, "changed", n)
