"""cur.py TREE OUT: run the labelled texts through TREE -> OUT (text -> output per lang)."""
import json, sys
sys.path.insert(0, sys.argv[1])
from rewriter import Rewriter
labs = [json.loads(l) for l in open("/work/s25/labels.jsonl")]
res = {}
for L in "en fi is nb".split():
    rw = Rewriter(L)
    for t in sorted({r["text"] for r in labs if r["lang"] == L}):
        res[L + "\t" + t] = rw.rewrite(t).output
json.dump(res, open(sys.argv[2], "w"), ensure_ascii=False)
print(len(res))
