"""tally3.py (run in eval/reads/s20): set T figures per variant (start, end, endp) from the first blind read."""
import json
pref = {"start": "outputs/T_start", "end": "outputs/T_end", "endp": "outputs/T_endp"}
tot = {}
for L in "en fi is nb".split():
    reads = {json.loads(l)["id"]: json.loads(l) for l in open(f"T_read/read_{L}.jsonl")}
    v = {json.loads(l)["id"]: json.loads(l) for l in open(f"T_read/v_{L}.jsonl")}
    by = {(reads[i]["text"], reads[i]["output"]): v[i] for i in reads}
    for name, p in pref.items():
        rows = [json.loads(l) for l in open(f"{p}_{L}.jsonl")]
        ch = [r for r in rows if r["output"] != r["text"]]
        neg = [r for r in ch if r["kind"] != "positive"]
        vs = [by[(r["text"], r["output"])] for r in ch]
        nf = sum(1 for x in vs if x["natural"] and x["faithful"])
        gs = sum(1 for x in vs if x["all_rewritten"] and x["natural"] and x["faithful"] and x["positive_action"])
        gl = sum(1 for x in vs if x["natural"] and x["faithful"] and x["positive_action"])
        ws = sum(1 for x in vs if x["would_send"])
        posk = sum(1 for r in rows if r["kind"] == "positive" and r["output"] == r["text"])
        print(f"{L} {name:5s}: changed {len(neg)}/72, n&f {nf}/{len(ch)}, good(all rewritten) {gs}, good(partial allowed) {gl}, would send {ws}, positives kept {posk}/8")
        t = tot.setdefault(name, [0, 0, 0, 0, 0, 0]); t[0] += len(neg); t[1] += nf; t[2] += len(ch); t[3] += gs; t[4] += gl; t[5] += ws
for name, t in tot.items():
    print(f"pooled {name}: changed {t[0]}/288, n&f {t[1]}/{t[2]} ({t[1]/t[2]:.0%}), good strict {t[3]}, good partial-allowed {t[4]}, would send {t[5]}")
