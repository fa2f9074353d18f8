"""Benchmarks recorded in docs/BENCHMARKS.md. Not tests: numbers, not pass/fail.

    python scripts/bench.py startup            # whole-process time of one rewrite
    python scripts/bench.py check [--lines N]  # rewriter check vs proselint, lines/s, same corpus, one run

proselint is optional (pip install proselint); without it only rewriter is timed.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import corpus  # noqa: E402

BIN = Path(sys.executable).parent


def timed(argv: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return times


def startup(runs: int) -> None:
    sentence = "Unfortunately the red dress is out of stock."
    for label, argv in (("rewriter --help", [str(BIN / "rewriter"), "--help"]),
                        ("rewriter rewrite --lang en", [str(BIN / "rewriter"), "rewrite", "--lang", "en", sentence])):
        t = timed(argv, runs)
        print(f"{label}: median {statistics.median(t) * 1000:.0f} ms, min {min(t) * 1000:.0f} ms over {runs} runs")


def check(lines: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.txt"
        path.write_text("\n".join(corpus(lines)) + "\n", encoding="utf-8")
        tools = [("rewriter check", [str(BIN / "rewriter"), "check", "--lang", "en", str(path)])]
        proselint = shutil.which("proselint", path=str(BIN)) or shutil.which("proselint")
        if proselint:
            tools.append(("proselint check", [proselint, "check", str(path)]))
        results = {}
        for label, argv in tools:
            t = statistics.median(timed(argv, runs))
            results[label] = t
            print(f"{label}: {t:.2f} s for {lines} lines = {lines / t:,.0f} lines/s (median of {runs})")
        if len(results) == 2:
            print(f"ratio: rewriter is {results['proselint check'] / results['rewriter check']:.2f}x proselint's speed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    s = sub.add_parser("startup")
    s.add_argument("--runs", type=int, default=10)
    c = sub.add_parser("check")
    c.add_argument("--lines", type=int, default=10000)
    c.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    startup(a.runs) if a.what == "startup" else check(a.lines, a.runs)


if __name__ == "__main__":
    main()
