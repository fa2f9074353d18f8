"""Put two exports of the same sealed set into one blind read, and take the verdicts apart again.

    python scripts/pair_for_read.py pair BEFORE.jsonl AFTER.jsonl READ.jsonl KEY.json [SEED]
    python scripts/pair_for_read.py split VERDICTS.jsonl KEY.json BEFORE_VERDICTS.jsonl AFTER_VERDICTS.jsonl

`pair` writes every item twice (ids ``<id>#1`` and ``<id>#2``, which one is
"before" chosen at random per item) in a shuffled order, so the reader
cannot tell which version a line comes from; the key stays with whoever
made the change. `split` turns the reader's verdicts back into one file per
version, with the original ids, for `read_summary.py`.
"""
import json
import random
import sys


def _load(path: str) -> list[dict]:
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def pair(before: str, after: str, read: str, key: str, seed: int = 0) -> None:
    rng = random.Random(seed)
    a, b = _load(before), {x["id"]: x for x in _load(after)}
    lines, mapping = [], {}
    for item in a:
        other = b[item["id"]]
        first_is_before = rng.random() < 0.5
        for n, version in ((1, item if first_is_before else other), (2, other if first_is_before else item)):
            line = {k: version[k] for k in ("lang", "kind", "text", "output", "findings")}
            lines.append({"id": f"{item['id']}#{n}", **line})
        mapping[item["id"]] = {"before": "1" if first_is_before else "2", "after": "2" if first_is_before else "1"}
    rng.shuffle(lines)
    with open(read, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    with open(key, "w", encoding="utf-8") as f:
        json.dump(mapping, f, indent=1)


def split(verdicts: str, key: str, before_out: str, after_out: str) -> None:
    mapping = json.load(open(key, encoding="utf-8"))
    out: dict[str, dict[str, dict]] = {"before": {}, "after": {}}
    for v in _load(verdicts):
        item, n = v["id"].rsplit("#", 1)
        version = "before" if mapping[item]["before"] == n else "after"
        out[version][item] = {**v, "id": item}
    for version, path in (("before", before_out), ("after", after_out)):
        missing = set(mapping) - set(out[version])
        if missing:
            sys.exit(f"{verdicts}: no verdict for {len(missing)} {version} item(s), e.g. {sorted(missing)[0]}")
        with open(path, "w", encoding="utf-8") as f:
            for item in mapping:
                f.write(json.dumps(out[version][item], ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) >= 6 and sys.argv[1] == "pair":
        pair(*sys.argv[2:6], *(int(s) for s in sys.argv[6:7]))
    elif len(sys.argv) == 6 and sys.argv[1] == "split":
        split(*sys.argv[2:6])
    else:
        sys.exit(__doc__)
