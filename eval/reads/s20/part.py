"""part.py OUT: default vs partial outputs on sealed sets O-S (dev), items where they differ."""
import json, sys, glob
from rewriter import Rewriter
root = "../.."
for L in "en fi is nb".split():
    d0, d1 = Rewriter(L, partial=False), Rewriter(L, partial=True)
    with open(f"{sys.argv[1]}_{L}.jsonl", "w") as out:
        for f in sorted(glob.glob(f"{root}/sealed_[o-s]/{L}.jsonl")):
            tag = f.split("/")[-2]
            for line in open(f):
                d = json.loads(line)
                a, b = d0.rewrite(d["text"]), d1.rewrite(d["text"])
                if a.output != b.output:

                    out.write(json.dumps({"id": f"{tag}:{d['id']}", "kind": d["kind"], "text": d["text"], "default": a.output, "partial": b.output,
                                          "edits": [(e.original, e.replacement, e.rule) for e in b.edits]}, ensure_ascii=False) + "\n")
