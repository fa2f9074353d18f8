"""mkread.py DIR TAG PREV NEXT NRANDOM SEED: moved outputs PREV->NEXT (e, ot, W) + random unread ones."""
import json, glob, random, sys
rd, tag, prev, nxt, nr, seed = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
seen=set()
for f in glob.glob("/work/main/eval/reads/**/read_*.jsonl", recursive=True)+glob.glob("/work/s*/**/read_*.jsonl", recursive=True):
    if f.startswith(rd): continue
    for line in open(f):
        try: d=json.loads(line)
        except Exception: continue
        seen.add((d.get("text"),d.get("output")))
random.seed(seed)
for L in "en fi is nb".split():
    rows=[]; key={}
    for a,b,t in ((f"e{prev}",f"e{nxt}",""),(f"ot{prev}",f"ot{nxt}",""),(f"W/r{prev}",f"W/r{nxt}","W:")):
        A={json.loads(l)["id"]:json.loads(l) for l in open(f"/work/s22/{a}_{L}.jsonl")}
        for l in open(f"/work/s22/{b}_{L}.jsonl"):
            d=json.loads(l)
            if A[d["id"]]["output"]!=d["output"] and d["output"]!=d["text"]:
                d=dict(d,id=f"{tag}:{t}{d['id']}#1"); rows.append(d); key[d["id"]]="moved"
    pool=[]
    for p in (f"e{nxt}",f"ot{nxt}"):
        for line in open(f"/work/s22/{p}_{L}.jsonl"):
            d=json.loads(line)
            if d["output"]!=d["text"] and (d["text"],d["output"]) not in seen and d["kind"]!="positive": pool.append(d)
    for d in random.sample(pool,min(nr,len(pool))):
        d=dict(d,id=f"{tag}:{d['id']}#1"); rows.append(d); key[d["id"]]="random"
    random.shuffle(rows)
    with open(f"{rd}/read_{L}.jsonl","w") as out:
        for r in rows: out.write(json.dumps(r,ensure_ascii=False)+"\n")
    json.dump(key,open(f"{rd}/key_{L}.json","w"),indent=1)
    print(L,len(rows),sum(v=="moved" for v in key.values()), "pool", len(pool))
