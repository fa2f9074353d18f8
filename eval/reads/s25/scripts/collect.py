"""collect.py: every blind verdict in eval/reads joined to its (lang, text, output) -> labels.jsonl"""
import json, os, collections, glob
root = "/work/main/eval/reads"
items = collections.defaultdict(dict)   # dir -> id -> set of (lang,text,output)
verd = collections.defaultdict(dict)
for path in glob.glob(root + "/**/*.jsonl", recursive=True):
    d = os.path.dirname(path)
    for line in open(path):
        line = line.strip()
        if not line: continue
        try: r = json.loads(line)
        except Exception: continue
        if not isinstance(r, dict) or "id" not in r: continue
        i = str(r["id"])
        if "text" in r and "output" in r:
            items[d].setdefault(i, set()).add((r.get("lang"), r["text"], r["output"]))
        if "faithful" in r or "natural" in r:
            verd[d].setdefault(i, []).append(r)
out = []; amb = 0; nomatch = 0
for d, vs in verd.items():
    for i, vl in vs.items():
        its = items[d].get(i)
        if not its: nomatch += 1; continue
        if len(its) > 1 or len(vl) > 1: amb += 1; continue
        (lang, text, output), v = next(iter(its)), vl[0]
        if lang is None: continue
        out.append({"dir": d[len(root)+1:], "id": i, "lang": lang, "text": text, "output": output,
                    "changed": text != output,
                    "nf": bool(v.get("natural")) and bool(v.get("faithful")),
                    "send": bool(v.get("would_send")), "note": v.get("note", "")})
with open("labels.jsonl", "w") as f:
    for r in out: f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(out), "amb", amb, "nomatch", nomatch)
c = collections.Counter((r["lang"], r["changed"], r["nf"]) for r in out)
for k in sorted(c): print(k, c[k])
