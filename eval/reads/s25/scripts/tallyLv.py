"""tallyLv.py RUN: each level's changed outputs scored by every Z/Z3 verdict (n&f, good = n&f + action, send)."""
import json,sys,collections
run=sys.argv[1]
verd={}
for d in ("Zread","Zread2","Z3read"):
    for L in "en fi is nb".split():
        try:
            items={json.loads(l)["id"]:json.loads(l) for l in open(f"/work/s25/{d}/read_{L}.jsonl")}
            for l in open(f"/work/s25/{d}/v_{L}.jsonl"):
                v=json.loads(l); it=items[v["id"]]; verd[(it["text"],it["output"])]=v
        except FileNotFoundError: pass
for level in ("clauses","strict","none"):
    c=collections.Counter()
    for L in "en fi is nb".split():
        for l in open(f"{run}/{level}/{L}.jsonl"):
            it=json.loads(l)
            if it["kind"]!="positive": c["neg"]+=1
            if it["output"]==it["text"]: continue
            c["changed"]+=1; v=verd.get((it["text"],it["output"]))
            if v is None: c["unread"]+=1; continue
            nf=bool(v["natural"] and v["faithful"]); c["nf"]+=nf; c["good"]+=nf and bool(v["positive_action"]); c["send"]+=bool(v["would_send"])
    r=c["changed"]-c["unread"]
    print(f"{level}: changed {c['changed']}/{c['neg']}, read {r}, n&f {c['nf']} ({c['nf']/r:.0%}), good {c['good']} ({c['good']/r:.0%}), send {c['send']}, unread {c['unread']}")
