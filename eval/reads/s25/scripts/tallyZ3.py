import json,collections
tot=collections.Counter()
for L in "en fi is nb".split():
    key=json.load(open(f"Z3read/key_{L}.json"))
    v={json.loads(l)["id"]:json.loads(l) for l in open(f"Z3read/v_{L}.jsonl")}
    c=collections.Counter()
    for rid,tree in key.items():
        w=v[rid]; nf=bool(w["natural"] and w["faithful"]); send=bool(w["would_send"])
        for mode in ("default","drafts"):
            if tree==mode or tree=="both":
                c[(mode,"n")]+=1; c[(mode,"nf")]+=nf; c[(mode,"send")]+=send
    print(L, " | ".join(f"{m}: nf {c[(m,'nf')]}/{c[(m,'n')]} send {c[(m,'send')]}" for m in ("default","drafts")))
    tot+=c
print("all", " | ".join(f"{m}: nf {tot[(m,'nf')]}/{tot[(m,'n')]} = {tot[(m,'nf')]/tot[(m,'n')]:.2f} send {tot[(m,'send')]}" for m in ("default","drafts")))
