"""mkread.py START_PREFIX END_PREFIX OUTDIR [SETNAME]: blind-read files: every item whose start or end output changed.

Items where start == end (and changed) appear once (id SET:x); where they differ, twice (#1/#2, order random),
key_L.json says which is which. Unchanged-in-both items are not read (they count as not changed)."""
import json, random, sys
sp, ep, outdir = sys.argv[1:4]
setname = sys.argv[4] if len(sys.argv) > 4 else "S"
random.seed(19)
for L in "en fi is nb".split():
    a = {json.loads(l)["id"]: json.loads(l) for l in open(f"{sp}_{L}.jsonl")}
    b = {json.loads(l)["id"]: json.loads(l) for l in open(f"{ep}_{L}.jsonl")}
    items, key = [], {}
    for i, x in a.items():
        y = b[i]
        ca, cb = x["output"] != x["text"], y["output"] != y["text"]
        if not ca and not cb:
            continue
        if x["output"] == y["output"]:
            iid = i if setname == "-" else f"{setname}:{i}"
            items.append({"id": iid, "lang": L, "kind": x["kind"], "text": x["text"], "output": x["output"]})
            key[iid] = {"which": "both"}
        else:
            pair = [("before", x), ("after", y)]
            random.shuffle(pair)
            for n, (which, z) in enumerate(pair, 1):
                iid = (i if setname == "-" else f"{setname}:{i}") + f"#{n}"
                items.append({"id": iid, "lang": L, "kind": z["kind"], "text": z["text"], "output": z["output"]})
                key[iid] = {"which": which}
    random.shuffle(items)
    with open(f"{outdir}/read_{L}.jsonl", "w") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    json.dump({"key": key}, open(f"{outdir}/key_{L}.json", "w"), indent=0)
    print(L, len(items))
