import json, os, collections
reads = ["read1", "Wread", "read2", "read3", "read4", "read5", "read6", "read7"]
for rd in reads:
    line = [rd]
    tot = collections.defaultdict(lambda: [0, 0, 0])
    for L in "en fi is nb".split():
        if not os.path.exists(f"{rd}/v_{L}.jsonl") or os.path.getsize(f"{rd}/v_{L}.jsonl") == 0:
            line.append(f"{L} -"); continue
        try: key = json.load(open(f"{rd}/key_{L}.json"))
        except FileNotFoundError: key = {}
        reads_ = {}
        for l in open(f"{rd}/read_{L}.jsonl"):
            d = json.loads(l); reads_.setdefault(d["id"], d)
        seen = set(); c = collections.defaultdict(lambda: [0, 0, 0])
        for l in open(f"{rd}/v_{L}.jsonl"):
            v = json.loads(l); r = reads_[v["id"]]
            k = (r["text"], r["output"])
            if k in seen or not v.get("changed"): continue
            seen.add(k)
            g = key.get(v["id"], "all")
            c[g][0] += 1; c[g][1] += bool(v.get("natural") and v.get("faithful")); c[g][2] += bool(v.get("would_send"))
            tot[g][0] += 1; tot[g][1] += bool(v.get("natural") and v.get("faithful")); tot[g][2] += bool(v.get("would_send"))
        line.append(L + " " + ", ".join(f"{g} {a[1]}/{a[0]}" for g, a in sorted(c.items())))
    line.append("TOTAL " + ", ".join(f"{g} {a[1]}/{a[0]} (send {a[2]})" for g, a in sorted(tot.items())))
    print(" | ".join(line))
