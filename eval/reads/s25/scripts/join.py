"""join.py CUR: labelled items whose output the tree still gives; precision per lang; -> cur_labels.jsonl"""
import json, sys, collections
cur = json.load(open(sys.argv[1]))
labs = [json.loads(l) for l in open("/work/s25/labels.jsonl")]
# unique by (lang,text,output): majority verdict
g = collections.defaultdict(list)
for r in labs: g[(r["lang"], r["text"], r["output"])].append(r)
same = collections.Counter(); keep = []
unl = collections.Counter()
for (L, t, o), rs in g.items():
    c = cur[L + "\t" + t]
    if c == o and o != t:
        nf = sum(r["nf"] for r in rs) / len(rs)
        keep.append({"lang": L, "text": t, "output": o, "nf": nf, "n": len(rs), "notes": [r["note"] for r in rs if not r["nf"]], "dirs": sorted({r["dir"] for r in rs})})
# changed now but unlabelled
labelled = {(L, t, o) for (L, t, o) in g}
for k, c in cur.items():
    L, t = k.split("\t", 1)
    if c != t and (L, t, c) not in labelled: unl[L] += 1
for L in "en fi is nb".split():
    ks = [k for k in keep if k["lang"] == L]
    print(L, "labelled current changed", len(ks), "nf %.2f" % (sum(k["nf"] for k in ks) / max(1, len(ks))), "unlabelled changed", unl[L])
with open("cur_labels.jsonl", "w") as f:
    for k in keep: f.write(json.dumps(k, ensure_ascii=False) + "\n")
