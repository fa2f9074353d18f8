import json, sys, collections
from rewriter import Rewriter
from rewriter.detection.detector import find_in_sentence
src, tag = sys.argv[1], sys.argv[2]
for L in ["en", "fi", "is", "nb"]:
    rw = Rewriter(L)
    out = []
    for line in open(f"{src}/{L}.jsonl"):
        d = json.loads(line)
        if d.get("kind") == "positive":
            continue
        r = rw.rewrite(d["text"])
        bank = rw.bank_for(d["text"])
        for s in r.trace:
            fs = find_in_sentence(s.text, bank)
            if not fs:
                continue
            if not s.held_back and any(not a.failures for a in s.attempts):
                continue
            cats = {f.category for f in fs}
            kind = "rule" if cats - {"negation", "discouraged", "avoid"} else "marker"
            out.append((kind, s.text, d["id"]))
    c = collections.Counter(k for k, _, _ in out)
    print(L, len(out), c)
    with open(f"/work/briefs/miss{tag}_{L}.txt", "w") as f:
        for k, t, i in out:
            f.write(t.replace("\n", " ") + "\n")
