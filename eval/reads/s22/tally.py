import json, sys, collections
rd = sys.argv[1]
for L in "en fi is nb".split():
    try: key = json.load(open(f"{rd}/key_{L}.json"))
    except FileNotFoundError: key = {}
    c = collections.defaultdict(lambda: [0, 0, 0])
    for l in open(f"{rd}/v_{L}.jsonl"):
        v = json.loads(l); k = key.get(v["id"], "all")
        if not v.get("changed"): continue
        c[k][0] += 1; c[k][1] += bool(v.get("natural") and v.get("faithful")); c[k][2] += bool(v.get("would_send"))
    print(L, {k: f"n&f {a[1]}/{a[0]} send {a[2]}" for k, a in c.items()})
