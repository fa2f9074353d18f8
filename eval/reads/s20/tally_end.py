"""tally_end.py PREFIX (run in eval/reads/s20, e.g. outputs/T_end3): set T figures, verdicts looked up by (text, output) in T_read/, second_read/, third_read/."""
import json, sys, os
pref = sys.argv[1]
tot = [0, 0, 0, 0, 0, 0]
for L in "en fi is nb".split():
    by = {}
    for d in ("T_read", "second_read", "third_read"):
        if not os.path.exists(f"{d}/v_{L}.jsonl"): continue
        reads = {json.loads(l)["id"]: json.loads(l) for l in open(f"{d}/read_{L}.jsonl")}
        for l in open(f"{d}/v_{L}.jsonl"):
            v = json.loads(l); r = reads[v["id"]]
            by[(r["text"], r["output"])] = v
    rows = [json.loads(l) for l in open(f"{pref}_{L}.jsonl")]
    ch = [r for r in rows if r["output"] != r["text"]]
    neg = [r for r in ch if r["kind"] != "positive"]
    vs = [by.get((r["text"], r["output"])) for r in ch]
    unread = sum(1 for x in vs if x is None)
    vs = [x for x in vs if x]
    nf = sum(1 for x in vs if x["natural"] and x["faithful"])
    gl = sum(1 for x in vs if x["natural"] and x["faithful"] and x["positive_action"])
    ws = sum(1 for x in vs if x["would_send"])
    posk = sum(1 for r in rows if r["kind"] == "positive" and r["output"] == r["text"])
    print(f"{L}: changed {len(neg)}/72, n&f {nf}/{len(ch)} (unread {unread}), good (partial allowed) {gl}, would send {ws}, positives kept {posk}/8")
    for i, x in enumerate((len(neg), nf, len(ch), gl, ws, unread)): tot[i] += x
print(f"pooled: changed {tot[0]}/288, n&f {tot[1]}/{tot[2]}, good {tot[3]}, would send {tot[4]}, unread {tot[5]}")
