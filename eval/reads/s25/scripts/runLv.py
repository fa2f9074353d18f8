"""runLv.py TREE OUT SETS...: the sets through TREE at each drafts level (clauses, strict, none)."""
import json, sys, os
tree, out, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
sys.path.insert(0, tree)
os.environ.pop("REWRITER_CONFIG", None)
from rewriter import Rewriter
from rewriter.config import OrgConfig
for level in ("clauses", "strict", "none"):
    os.makedirs(f"{out}/{level}", exist_ok=True)
    for L in ["en", "fi", "is", "nb"]:
        r = Rewriter(L, config=OrgConfig(drafts=level))
        with open(f"{out}/{level}/{L}.jsonl", "w") as f:
            for s in sets:
                for line in open(f"/work/main/eval/{s}/{L}.jsonl"):
                    it = json.loads(line)
                    it["output"] = r.rewrite(it["text"]).output
                    f.write(json.dumps(it, ensure_ascii=False) + "\n")
