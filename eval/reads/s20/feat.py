"""feat.py (run in eval/reads/s20 with the start tree on PYTHONPATH): the partial read by feature of the sentences left as they were (an additive pointer, before or after the rewrite)."""
import json, sys, re
from rewriter import Rewriter
ADD = {'en': r"\b(?:also|either|too|neither|nor|as well)\b", 'fi': r"(?:myöskään|\w+kaan\b|\w+kään\b|lisäksi|myös)", 'is': r"\b(?:heldur|einnig|líka)\b", 'nb': r"\b(?:heller|også|i tillegg)\b"}
rows = []
for L in "en fi is nb".split():
    rw = Rewriter(L, partial=True)
    v = {json.loads(l)['id']: json.loads(l) for l in open(f'partial_read/pv_{L}.jsonl')}
    for l in open(f'partial_read/outputs_{L}.jsonl'):
        d = json.loads(l)
        r = rw.rewrite(d['text'])
        edited = [(e.start, e.end) for e in r.edits]
        left = [f for f in r.findings if f.suggestion is None and f.category != 'discouraged']
        # left sentences: trace items not edited with findings
        lefts = [s for s in r.trace if not any(a <= s.start < b for a, b in edited)]
        lefts = [s for s in lefts if any(s.start <= f.start < s.end and f.category != 'discouraged' for f in r.findings)]
        before = any(s.end <= min(a for a, b in edited) for s in lefts)
        after = any(s.start >= max(b for a, b in edited) for s in lefts)
        addl = any(re.search(ADD[L], s.text, re.I) for s in lefts)
        vv = v[d['id']]
        rows.append(dict(L=L, id=d['id'], before=before, after=after, add=addl, nf=vv['natural'] and vv['faithful'], good=vv['good_if_partial_allowed'], send=vv['would_send'], note=vv['note'], nleft=len(lefts)))
json.dump(rows, open('/tmp/feat.json', 'w'), ensure_ascii=False)
import collections
def rate(sel, name):
    n = len(sel); nf = sum(r['nf'] for r in sel); g = sum(r['good'] for r in sel)
    print(f"{name:40s} n={n:3d} nf={nf:3d} ({nf/max(n,1):.0%}) good={g}")
for L in [None,'en','fi','is','nb']:
    R = [r for r in rows if L is None or r['L']==L]
    print('---', L or 'all')
    rate(R, 'all')
    rate([r for r in R if not r['add']], 'no additive')
    rate([r for r in R if not r['add'] and not r['after']], 'no additive, nothing left after')
    rate([r for r in R if not r['add'] and not r['before']], 'no additive, nothing left before')
    rate([r for r in R if r['after']], 'left after')
