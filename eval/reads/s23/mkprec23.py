"""mkprec23.py READDIR TAG [--all]: fault list for bank helpers, only outputs the current tree still makes.

A fault is an output read as not natural, not faithful or not worth sending;
with --all also one that offers no action (the first list of the session).
"""
import json, sys
from rewriter import Rewriter
rd, tag = sys.argv[1], sys.argv[2]
keys = ("natural", "faithful", "would_send") + (("positive_action",) if "--all" in sys.argv[3:] else ())
for L in "en fi is nb".split():
    rw = Rewriter(L)
    reads = {json.loads(l)["id"]: json.loads(l) for l in open(f"{rd}/read_{L}.jsonl")}
    n = 0
    with open(f"/work/briefs/prec{tag}_{L}.txt", "w") as out:
        for l in open(f"{rd}/v_{L}.jsonl"):
            v = json.loads(l)
            if v.get("changed") and any(v.get(k) is False for k in keys):
                r = reads[v["id"]]
                if rw.rewrite(r["text"]).output != r["output"]:
                    continue
                n += 1
                out.write(f"### item {n}\nIN: {r['text']}\nOUT: {r['output']}\nEDITOR: {v.get('note','')}\n\n")
    print(L, n)
