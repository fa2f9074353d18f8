"""tally.py READDIR START_PREFIX END_PREFIX: figures for BENCHMARKS (set S, start vs end)."""
import json, sys
rd, sp, ep = sys.argv[1:4]
for L in "en fi is nb".split():
    key = json.load(open(f"{rd}/key_{L}.json"))["key"]
    v = {}
    for f in (f"{rd}/v_{L}.jsonl", f"{rd}/second_v_{L}.jsonl"):
        try:
            for l in open(f): d = json.loads(l); v[d["id"]] = d
        except FileNotFoundError: pass
    reads = {}
    for f in (f"{rd}/read_{L}.jsonl", f"{rd}/second_read_{L}.jsonl"):
        try:
            for l in open(f): d = json.loads(l); reads[(d["text"], d["output"])] = v.get(d["id"])
        except FileNotFoundError: pass
    for tag, pref in (("start", sp), ("end", ep)):
        rows = [json.loads(l) for l in open(f"{pref}_{L}.jsonl")]
        changed = [r for r in rows if r["output"] != r["text"]]
        neg = [r for r in rows if r["kind"] != "positive"]
        chneg = [r for r in changed if r["kind"] != "positive"]
        verdicts = [reads.get((r["text"], r["output"])) for r in changed]
        unread = sum(1 for x in verdicts if x is None)
        nf = sum(1 for x in verdicts if x and x.get("natural") and x.get("faithful"))
        good = sum(1 for x in verdicts if x and x.get("good"))
        posch = sum(1 for r in changed if r["kind"] == "positive")
        print(f"{L} {tag}: changed {len(chneg)}/{len(neg)} negative items; n&f {nf}/{len(changed)}; good {good}/80; positives changed {posch}; unread {unread}")
