"""mkmoved.py BASE END OUTDIR: outputs of END that differ from BASE and changed the text -> OUTDIR/read_L.jsonl (shuffled)."""
import json, random, sys, os
base, end, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
for L in "en fi is nb".split():
    A = {json.loads(l)["id"]: json.loads(l) for l in open(f"{base}_{L}.jsonl")}
    B = [json.loads(l) for l in open(f"{end}_{L}.jsonl")]
    items = [{"id": f"M:{b['id']}", "lang": L, "kind": b["kind"], "text": b["text"], "output": b["output"]}
             for b in B if b["output"] != A[b["id"]]["output"] and b["output"] != b["text"]]
    random.Random(24).shuffle(items)
    with open(f"{out}/read_{L}.jsonl", "w") as f:
        for it in items: f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(L, len(items))
