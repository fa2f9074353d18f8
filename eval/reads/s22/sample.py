"""sample.py SRC_PREFIX... -> read dir: random N changed items per language whose (text, output) no earlier read saw."""
import json, glob, random, sys
N = int(sys.argv[1]); dst = sys.argv[2]; prefixes = sys.argv[3:]
seen = set()
for f in glob.glob("/work/main/eval/reads/**/read_*.jsonl", recursive=True) + glob.glob("/work/s*/**/read_*.jsonl", recursive=True):
    for line in open(f):
        try:
            d = json.loads(line)
        except Exception:
            continue
        seen.add((d.get("text"), d.get("output")))
random.seed(20261201)
for L in "en fi is nb".split():
    pool = []
    for p in prefixes:
        for line in open(f"{p}_{L}.jsonl"):
            d = json.loads(line)
            if d["output"] != d["text"] and (d["text"], d["output"]) not in seen and d["kind"] != "positive":
                pool.append(d)
    pick = random.sample(pool, N)
    with open(f"{dst}/read_{L}.jsonl", "w") as out:
        for d in pick:
            d = dict(d, id=f"R1:{d['id']}#1")
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(L, "pool", len(pool))
