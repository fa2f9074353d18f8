"""Benchmarks recorded in docs/BENCHMARKS.md. Not tests: numbers, not pass/fail.

    python scripts/bench.py startup            # whole-process time of one rewrite
    python scripts/bench.py check [--lines N] [--distinct]  # rewriter check vs proselint, lines/s, same corpus, one run

proselint is optional (pip install proselint); without it only rewriter is timed.
Both tools run from compiled bytecode (pip compiles proselint at install;
`make install` compiles rewriter, and this script makes sure of it). Each
figure is the fastest and the median of --runs runs: on a shared machine the
fastest run is the one least disturbed by other work.
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
    rewrite = [str(BIN / "rewriter"), "rewrite", "--lang", "en", sentence]
    for label, argv in (("rewriter --help", [str(BIN / "rewriter"), "--help"]),
                        ("rewriter rewrite --lang en", rewrite),
                        ("rewriter rewrite --lang en --engine template", [*rewrite, "--engine", "template"])):
        t = timed(argv, runs)
        print(f"{label}: median {statistics.median(t) * 1000:.0f} ms, min {min(t) * 1000:.0f} ms over {runs} runs")


def compile_package() -> None:
    """Bytecode for the package, as `make install` leaves it (with PYTHONDONTWRITEBYTECODE nothing else writes it)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(__file__).resolve().parents[1] / "rewriter")],
                   check=False)


def check(lines: int, runs: int, distinct: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.txt"
        path.write_text("\n".join(corpus(lines, distinct=distinct)) + "\n", encoding="utf-8")
        tools = [("rewriter check", [str(BIN / "rewriter"), "check", "--lang", "en", str(path)])]
        proselint = shutil.which("proselint", path=str(BIN)) or shutil.which("proselint")
        if proselint:
            tools.append(("proselint check", [proselint, "check", str(path)]))
        results = {}
        for label, argv in tools:
            t = timed(argv, runs)
            results[label] = (min(t), statistics.median(t))
            print(f"{label}: fastest {min(t):.2f} s = {lines / min(t):,.0f} lines/s; "
                  f"median {statistics.median(t):.2f} s = {lines / statistics.median(t):,.0f} lines/s ({runs} runs)")
        if len(results) == 2:
            (r_min, r_med), (p_min, p_med) = results["rewriter check"], results["proselint check"]
            print(f"ratio: rewriter is {p_min / r_min:.2f}x proselint's speed (fastest runs), {p_med / r_med:.2f}x (medians)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    s = sub.add_parser("startup")
    s.add_argument("--runs", type=int, default=10)
    c = sub.add_parser("check")
    c.add_argument("--lines", type=int, default=10000)
    c.add_argument("--runs", type=int, default=7)
    c.add_argument("--distinct", action="store_true",
                   help="every sentence different even after masking (rewriter's worst case: nothing memoised)")
    a = ap.parse_args()
    compile_package()
    startup(a.runs) if a.what == "startup" else check(a.lines, a.runs, a.distinct)


if __name__ == "__main__":
    main()
