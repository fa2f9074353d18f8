"""mkZ.py RUN OUTDIR: read files for Z (Z1+Z2): default and drafts-applied outputs mixed (identical once, key 'both')."""
import json, random, sys, os
run, od = sys.argv[1], sys.argv[2]
os.makedirs(od, exist_ok=True)
for L in ['en', 'fi', 'is', 'nb']:
    a = {json.loads(l)['id']: json.loads(l) for l in open(f'{run}/default/{L}.jsonl')}
    b = {json.loads(l)['id']: json.loads(l) for l in open(f'{run}/drafts/{L}.jsonl')}
    items, key = [], {}
    for i, s in a.items():
        e = b[i]
        outs = []
        if s['output'] != s['text']: outs.append(('default', s['output']))
        if e['output'] != e['text']:
            if outs and outs[0][1] == e['output']: outs = [('both', e['output'])]
            else: outs.append(('drafts', e['output']))
        for n, (tree, out) in enumerate(outs, 1):
            rid = f'Z3:{i}#{n}'
            items.append({'id': rid, 'lang': L, 'kind': s['kind'], 'text': s['text'], 'output': out})
            key[rid] = tree
    random.Random(253).shuffle(items)
    with open(f'{od}/read_{L}.jsonl', 'w') as f:
        for it in items: f.write(json.dumps(it, ensure_ascii=False) + '\n')
    json.dump(key, open(f'{od}/key_{L}.json', 'w'), indent=0)
    print(L, len(items), {t: list(key.values()).count(t) for t in ('default', 'drafts', 'both')})
