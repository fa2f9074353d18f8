"""misses.py SRC PREFIX: per negative sentence left unchanged, what detection found: rule (matched, not rewritten) / marker only / none."""
import json, sys, collections
from rewriter import Rewriter
from rewriter.detection.detector import find_in_sentence
src = sys.argv[1]
langs = sys.argv[2].split(",") if len(sys.argv) > 2 else ["en", "fi", "is", "nb"]
for L in langs:
    rw = Rewriter(L)
    cnt = collections.Counter()
    out = []
    for line in open(f"{src}/{L}.jsonl"):
        d = json.loads(line)
        if d["kind"] == "positive":
            continue
        r = rw.rewrite(d["text"])
        bank = rw.bank_for(d["text"])
        for s in r.trace:
            fs = find_in_sentence(s.text, bank)
            if not fs:
                continue
            rewritten = not s.held_back and any(not a.failures for a in s.attempts)
            if rewritten:
                cnt["rewritten"] += 1
                continue
            cats = {f.category for f in fs}
            kind = "rule" if cats - {"negation", "discouraged", "avoid"} else ("avoid" if "avoid" in cats else "marker")
            cnt[kind] += 1
            out.append({"id": d["id"], "kind": kind, "rules": sorted({f.rule for f in fs}), "text": s.text, "held": getattr(s, "held_because", "")})
    print(L, dict(cnt))
    with open(f"/work/s21/miss_{L}.jsonl", "w") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
