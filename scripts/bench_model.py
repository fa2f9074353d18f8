"""Model speed, recorded in docs/BENCHMARKS.md (a benchmark, not a test).

    python scripts/bench_model.py [--model DIR] [--sentences N]

For each back end (CTranslate2 int8, plain transformers generate) in its own
process, on the same held-out sentences: single-sentence latency p50/p95,
batch-32 throughput and peak RSS; then the speed-up of the optimised path.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, statistics, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from rewriter.model.inference import Generator
model, backend, inputs = Path({model!r}), {backend!r}, {inputs!r}
t0 = time.perf_counter()
gen = Generator(model, backend)
gen.generate(inputs[:2])
load = time.perf_counter() - t0
single = []
for text in inputs:
    t = time.perf_counter(); gen.generate([text]); single.append(time.perf_counter() - t)
t = time.perf_counter()
for i in range(0, len(inputs), 32):
    gen.generate(inputs[i:i + 32])
batch = time.perf_counter() - t
single.sort()
print(json.dumps({{"backend": backend, "load_s": load, "p50_ms": statistics.median(single) * 1000,
                  "p95_ms": single[int(len(single) * 0.95) - 1] * 1000, "batch32_per_s": len(inputs) / batch,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(ROOT / "rewriter" / "models" / "default"))
    ap.add_argument("--sentences", type=int, default=200)
    a = ap.parse_args()
    data = Path(a.model).parent / f"{Path(a.model).name}-data" / "test.jsonl"
    if data.is_file():
        inputs = [json.loads(line)["source"] for line in data.read_text(encoding="utf-8").splitlines()]
    else:
        inputs = ["<en> <casual> Unfortunately the red dress is out of stock.",
                  "<nb> <formal> Dessverre er den grå sofaen ikke på lager.",
                  "<fi> <formal> Harmaata sohvaa ei valitettavasti ole varastossa.",
                  "<is> <formal> Því miður er grái sófinn ekki til á lager."]
    inputs = (inputs * (a.sentences // len(inputs) + 1))[::max(1, len(inputs) // a.sentences)][:a.sentences]
    results = {}
    for backend in ("transformers", "ctranslate2"):
        code = CHILD.format(root=str(ROOT), model=a.model, backend=backend, inputs=inputs)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{backend}: failed\n{out.stderr[-1500:]}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        results[backend] = r
        print(f"{backend:13s} load {r['load_s']:.2f} s | single p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms | "
              f"batch-32 {r['batch32_per_s']:.0f} sentences/s | peak RSS {r['rss_mb']:.0f} MB")
    if len(results) == 2:
        print(f"speed-up of CTranslate2 over plain generate: single {results['transformers']['p50_ms'] / results['ctranslate2']['p50_ms']:.1f}x, "
              f"batch {results['ctranslate2']['batch32_per_s'] / results['transformers']['batch32_per_s']:.1f}x")


if __name__ == "__main__":
    main()
