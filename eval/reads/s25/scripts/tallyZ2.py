"""tallyZ2.py RUN: n&f of RUN's default and drafts outputs, by the Z reads (Zread + Zread2 re-reads)."""
import json,sys,collections
run=sys.argv[1]
tot=collections.Counter()
for L in "en fi is nb".split():
    verd={}
    for d in ("Zread","Zread2"):
        try:
            items={json.loads(l)["id"]:json.loads(l) for l in open(f"{d}/read_{L}.jsonl")}
            for l in open(f"{d}/v_{L}.jsonl"):
                v=json.loads(l); it=items[v["id"]]
                verd[(it["text"],it["output"])]=v
        except FileNotFoundError: pass
    c=collections.Counter()
    for mode in ("default","drafts"):
        for l in open(f"{run}/{mode}/{L}.jsonl"):
            it=json.loads(l)
            if it["output"]==it["text"]: continue
            v=verd.get((it["text"],it["output"]))
            c[(mode,"n")]+=1
            if v is None: c[(mode,"unread")]+=1; continue
            c[(mode,"nf")]+=bool(v["natural"] and v["faithful"]); c[(mode,"send")]+=bool(v["would_send"])
    print(L, " | ".join(f"{m}: nf {c[(m,'nf')]}/{c[(m,'n')]-c[(m,'unread')]} send {c[(m,'send')]} unread {c[(m,'unread')]}" for m in ("default","drafts")))
    tot+=c
m="default"; print("all", " | ".join(f"{m}: nf {tot[(m,'nf')]}/{tot[(m,'n')]-tot[(m,'unread')]} send {tot[(m,'send')]} unread {tot[(m,'unread')]}" for m in ("default","drafts")))
