import json, sys, random, collections
from rewriter import Rewriter
from rewriter.detection.detector import find_in_sentence
OFF = int(sys.argv[1]) if len(sys.argv) > 1 else 0
sets = "o p q r s t".split()
for L in ["en", "fi", "is", "nb"]:
    rw = Rewriter(L)
    out = []
    for S in sets:
        for line in open(f"/work/main/eval/sealed_{S}/{L}.jsonl"):
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
                out.append((kind, s.text))
    random.seed(21)
    random.shuffle(out)
    c = collections.Counter(k for k, _ in out)
    print(L, len(out), c)
    seen = set()
    if OFF:
        seen = {l.rstrip("\n") for l in open(f"/work/briefs/miss21_{L}.txt")}
    out = [(k, t) for k, t in out if t.replace("\n", " ") not in seen]
    name = "miss21" + ("b" if OFF else "")
    with open(f"/work/briefs/{name}_{L}.txt", "w") as f:
        for k, t in out[:45]:
            f.write(t.replace("\n", " ") + "\n")
