"""mkX.py: read files for set X, start and end outputs mixed (identical ones once, key 'both')."""
import json, random
for L in ['en', 'fi', 'is', 'nb']:
    start = {json.loads(l)['id']: json.loads(l) for l in open(f'/work/s23/X/start_{L}.jsonl')}
    end = {json.loads(l)['id']: json.loads(l) for l in open(f'/work/s23/X/end_{L}.jsonl')}
    items, key = [], {}
    for i, s in start.items():
        e = end[i]
        outs = []
        if s['output'] != s['text']: outs.append(('start', s['output']))
        if e['output'] != e['text']:
            if outs and outs[0][1] == e['output']: outs = [('both', e['output'])]
            else: outs.append(('end', e['output']))
        for n, (tree, out) in enumerate(outs, 1):
            rid = f'X:{i}#{n}'
            items.append({'id': rid, 'lang': L, 'kind': s['kind'], 'text': s['text'], 'output': out})
            key[rid] = tree
    random.Random(23).shuffle(items)
    with open(f'/work/s23/Xread/read_{L}.jsonl', 'w') as f:
        for it in items: f.write(json.dumps(it, ensure_ascii=False) + '\n')
    json.dump(key, open(f'/work/s23/Xread/key_{L}.json', 'w'), indent=0)
    print(L, len(items), {t: list(key.values()).count(t) for t in ('start', 'end', 'both')})
