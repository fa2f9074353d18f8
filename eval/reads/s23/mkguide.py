"""mkguide.py: for X items the end tree leaves unchanged, the sentences with findings and the guidance given."""
import json, random
from rewriter import Rewriter
R = random.Random(2323)
for L in ['en', 'fi', 'is', 'nb']:
    rw = Rewriter(L)
    rows = []
    for line in open(f'/work/sealed_x/{L}.jsonl'):
        d = json.loads(line)
        if d['kind'] == 'positive':
            continue
        r = rw.rewrite(d['text'])
        if r.changed:
            continue
        by_sentence = {}
        for s in r.trace:
            msgs = []
            for f in r.findings:
                if s.start <= f.start < s.end and f.message not in msgs:
                    msgs.append(f.message)
            if msgs:
                by_sentence[s.text] = msgs
        for sent, msgs in by_sentence.items():
            rows.append({'sentence': sent, 'guidance': msgs, 'src': d['id']})
    R.shuffle(rows)
    rows = rows[:20]
    with open(f'/work/s23/guide/read_{L}.jsonl', 'w') as f:
        for i, row in enumerate(rows, 1):
            f.write(json.dumps({'id': f'G:{L}-{i:02d}', 'lang': L, 'sentence': row['sentence'], 'guidance': row['guidance']}, ensure_ascii=False) + '\n')
    print(L, len(rows))
