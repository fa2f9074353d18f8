"""tally.py DIR: counts per language (and per key value when key_L.json exists)."""
import json, sys, os, collections
d = sys.argv[1]
tot = collections.Counter()
for L in ['en', 'fi', 'is', 'nb']:
    p = f'{d}/v_{L}.jsonl'
    if not os.path.exists(p): continue
    key = json.load(open(f'{d}/key_{L}.json')) if os.path.exists(f'{d}/key_{L}.json') else {}
    c = collections.Counter()
    for l in open(p):
        v = json.loads(l)
        groups = ['all'] + ([key[v['id']]] if v['id'] in key else [])
        if key.get(v['id']) == 'both': groups += ['start', 'end']
        for g in groups:
            if not v.get('changed'): continue
            c[(g, 'changed')] += 1
            c[(g, 'nf')] += bool(v.get('natural') and v.get('faithful'))
            c[(g, 'send')] += bool(v.get('would_send'))
            c[(g, 'action')] += bool(v.get('positive_action'))
    for g in sorted({g for g, _ in c}):
        print(f"{L} {g:6s} changed {c[(g,'changed')]:3d}  n&f {c[(g,'nf')]:3d} ({c[(g,'nf')]/max(1,c[(g,'changed')]):.0%})  send {c[(g,'send')]:3d}  action {c[(g,'action')]:3d}")
        for k in ('changed', 'nf', 'send', 'action'): tot[(g, k)] += c[(g, k)]
for g in sorted({g for g, _ in tot}):
    print(f"ALL {g:6s} changed {tot[(g,'changed')]:3d}  n&f {tot[(g,'nf')]:3d} ({tot[(g,'nf')]/max(1,tot[(g,'changed')]):.0%})  send {tot[(g,'send')]:3d}")
