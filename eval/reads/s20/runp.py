"""runp.py SRC_DIR DST_PREFIX: every item of SRC_DIR/L.jsonl rewritten with partial=True (each sentence that can be), to DST_PREFIX_L.jsonl."""
import json, sys
from rewriter import Rewriter
src, dst = sys.argv[1], sys.argv[2]
for L in ["en", "fi", "is", "nb"]:
    rw = Rewriter(L, partial=True)
    with open(f"{dst}_{L}.jsonl", "w") as out:
        for line in open(f"{src}/{L}.jsonl"):
            d = json.loads(line)
            r = rw.rewrite(d["text"])
            out.write(json.dumps({"id": d["id"], "lang": L, "kind": d["kind"], "text": d["text"], "output": r.output}, ensure_ascii=False) + "\n")
