import json, sys
tags = sys.argv[1:]
for L in "en fi is nb".split():
    row = []
    for t in tags:
        for kind in ("e", "ot"):
            rows = [json.loads(l) for l in open(f"/work/s22/{kind}{t}_{L}.jsonl")]
            if kind == "ot":
                rows = [r for r in rows if r["id"].split(":")[0] in ("o","p","q","r","s","t","u")]
            neg = [r for r in rows if r["kind"] != "positive"]
            pos = [r for r in rows if r["kind"] == "positive"]
            row.append(f"{kind}{t}: {sum(r['output']!=r['text'] for r in neg)}/{len(neg)} pos {sum(r['output']!=r['text'] for r in pos)}")
    w = []
    for t in ("start", "r7"):
        rows = [json.loads(l) for l in open(f"/work/s22/W/{t}_{L}.jsonl")]
        w.append(f"W{t}: {sum(r['output']!=r['text'] for r in rows if r['kind']!='positive')}")
    print(L, " | ".join(row), " | ", " ".join(w))
