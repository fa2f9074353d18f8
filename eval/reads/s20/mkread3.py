"""mkread3.py OUTDIR NAME=PREFIX ...: blind-read files for set T: per item, every distinct changed output among the variants.

Each distinct output of an item is read once (ids T:x#n, order random); key_L.json maps each id to the variants that
produced it. Items unchanged in every variant are not read (they count as not changed)."""
import json, random, sys
outdir = sys.argv[1]
variants = [a.split("=", 1) for a in sys.argv[2:]]
random.seed(20)
for L in "en fi is nb".split():
    data = {name: {json.loads(l)["id"]: json.loads(l) for l in open(f"{pref}_{L}.jsonl")} for name, pref in variants}
    first = data[variants[0][0]]
    items, key = [], {}
    for i, x in first.items():
        outs = {}
        for name, _ in variants:
            y = data[name][i]
            if y["output"] != y["text"]:
                outs.setdefault(y["output"], []).append(name)
        pairs = list(outs.items())
        random.shuffle(pairs)
        for n, (out, names) in enumerate(pairs, 1):
            iid = f"T:{i}#{n}"
            items.append({"id": iid, "lang": L, "kind": x["kind"], "text": x["text"], "output": out})
            key[iid] = names
    random.shuffle(items)
    with open(f"{outdir}/read_{L}.jsonl", "w") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    json.dump({"key": key, "variants": dict(variants)}, open(f"{outdir}/key_{L}.json", "w"), indent=0)
    print(L, len(items))
