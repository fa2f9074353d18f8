"""Final tally: every changed output of set R (start and end) and of the dev items the session moved, with its verdict
looked up by (text, output) in the first and second reads."""
import json, os
ld = lambda p: [json.loads(l) for l in open(p)]
R = "/work/s18/read"
for L in "en fi is nb".split():
    verdict = {}
    for rf, vf in (("read", "v"), ("second_read", "second_v")):
        if not os.path.exists(f"{R}/{rf}_{L}.jsonl"): continue
        rows = {r["id"]: r for r in ld(f"{R}/{rf}_{L}.jsonl")}
        for v in ld(f"{R}/{vf}_{L}.jsonl"):
            r = rows[v["id"]]; verdict[(r["text"], r["output"])] = v
    endR = f"/work/s18/R/end3_{L}.jsonl" if os.path.exists(f"/work/s18/R/end3_{L}.jsonl") else f"/work/s18/R/end2_{L}.jsonl"
    fin = f"/work/s18/all_final3_{L}.jsonl" if os.path.exists(f"/work/s18/all_final3_{L}.jsonl") else f"/work/s18/all_final2_{L}.jsonl"
    for tag, rows in (("R start", ld(f"/work/s18/R/start_{L}.jsonl")), ("R end", ld(endR))):
        neg = [r for r in rows if r["kind"] != "positive"]; pos = [r for r in rows if r["kind"] == "positive"]
        ch = [r for r in neg if r["output"] != r["text"]]
        miss = [r["id"] for r in ch if (r["text"], r["output"]) not in verdict]
        nf = sum(1 for r in ch if (r["text"], r["output"]) in verdict and verdict[(r["text"], r["output"])].get("natural") and verdict[(r["text"], r["output"])].get("faithful"))
        good = sum(1 for r in ch if (r["text"], r["output"]) in verdict and verdict[(r["text"], r["output"])].get("good"))
        kept = sum(r["output"] == r["text"] for r in pos)
        print(f"{L} {tag}: changed {len(ch)}/{len(neg)}, n&f {nf}, good {good}, positives kept {kept}/{len(pos)}, good/80 {good+kept}" + (f" NO VERDICT {miss}" if miss else ""))
    base, final = ld(f"/work/s18/all_base_{L}.jsonl"), ld(fin)
    moved = [(b, a) for b, a in zip(base, final) if b["output"] != a["output"]]
    for side, idx in (("start", 0), ("end", 1)):
        outs = [p[idx] for p in moved if p[idx]["output"] != p[idx]["text"]]
        miss = [o["id"] for o in outs if (o["text"], o["output"]) not in verdict]
        nf = sum(1 for o in outs if verdict.get((o["text"], o["output"]), {}).get("natural") and verdict.get((o["text"], o["output"]), {}).get("faithful"))
        good = sum(1 for o in outs if verdict.get((o["text"], o["output"]), {}).get("good"))
        print(f"{L} dev moved {len(moved)} {side}: changed {len(outs)}, n&f {nf}, good {good}" + (f" NO VERDICT {len(miss)}" if miss else ""))
