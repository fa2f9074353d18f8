"""Never crash, never corrupt, never hang (issue 13): the long runs. Not tests: numbers.

    python scripts/fuzz.py campaign [--inputs N] [--seed S] [--engines template,default] [--out failures.jsonl]
    python scripts/fuzz.py long [--size 100000] [--engines template,default] [--timeout 300]

campaign: N generated inputs (tests/fuzzdata.py: placeholders of every
syntax, markup, numbers, sentinel-range characters, lone surrogates and the
banks' negative example sentences, mixed; one in ten with arbitrary code
points), languages and engines taken in turn. Reports inputs/s, crashes
(any exception) and violations (a placeholder lost or repeated, a protected
token or reserved character lost, a text without findings changed), and
writes each failing input to --out. Exit code 1 if any.

long: lines of --size characters made of one pattern repeated ("1 ", "a.",
"<!--", "{%", "{{", "Skriv 12 12 ", ...) with one negative sentence in the
middle; the time of one rewrite each. With --timeout a case that runs longer
is reported as such (the alarm fires when the interpreter gets control back).

Run with the repository first on the path (PYTHONPATH=.). Figures are in
docs/BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from fuzzdata import LANGS, random_text, violations  # noqa: E402

from rewriter.banks import load_bank  # noqa: E402
from rewriter.pipeline import Rewriter  # noqa: E402

ENGINES = {"template": ("template",), "default": ("model", "template")}
NEGATIVE = "Unfortunately the lamp is out of stock."
# The six of issue 13 first, then more of the same kind.
LONG_UNITS = ["1 ", "a.", "<!--", "{%", "{{", "Skriv 12 12 ", "a", "a, ", "a; ", "#{", "%{", "a@", "www.", "....a",
              "Aa ", "Aa-", "\ud800", "\U000F0000", "<a ", "&", "kr 1 ", "`", "%", " :a"]


def _rewriter(lang: str, engine: str, cache: dict) -> Rewriter:
    if (lang, engine) not in cache:
        cache[(lang, engine)] = Rewriter(lang, engines=ENGINES[engine])
    return cache[(lang, engine)]


def campaign(inputs: int, seed: int, engines: list[str], out: Path | None, every: int) -> int:
    rng = random.Random(seed)
    cache: dict = {}
    crashes: Counter = Counter()
    broken: Counter = Counter()
    failures = []
    slowest = (0.0, "")
    per_engine: Counter = Counter()
    engine_time: Counter = Counter()
    for lang in LANGS:                      # load banks and the model before timing
        for engine in engines:
            _rewriter(lang, engine, cache).rewrite(NEGATIVE)
    started = time.perf_counter()
    for i in range(inputs):
        lang = LANGS[i % len(LANGS)]
        engine = engines[(i // len(LANGS)) % len(engines)]
        text = random_text(rng, lang)
        t0 = time.perf_counter()
        try:
            result = _rewriter(lang, engine, cache).rewrite(text)
            problems = violations(text, result)
        except Exception as exc:  # noqa: BLE001 - counting every crash is the point
            kind = f"{type(exc).__name__}: {str(exc)[:80]}"
            crashes[kind] += 1
            failures.append({"lang": lang, "engine": engine, "input": text, "crash": kind,
                             "traceback": traceback.format_exc(limit=4)})
            continue
        finally:
            spent = time.perf_counter() - t0
            per_engine[engine] += 1
            engine_time[engine] += spent
            if spent > slowest[0]:
                slowest = (spent, text)
        for problem in problems:
            broken[re.sub(r"'.*'|\{.*\}", "…", problem)] += 1
        if problems:
            failures.append({"lang": lang, "engine": engine, "input": text, "output": result.output,
                             "violations": problems})
        if every and (i + 1) % every == 0:
            elapsed = time.perf_counter() - started
            print(f"{i + 1} inputs, {(i + 1) / elapsed:.0f}/s, {sum(crashes.values())} crashes, "
                  f"{len(failures) - sum(crashes.values())} with violations", flush=True)
    elapsed = time.perf_counter() - started
    print(f"inputs: {inputs} (seed {seed}, languages {','.join(LANGS)}, engines {','.join(engines)})")
    print(f"time: {elapsed:.1f} s, {inputs / elapsed:.0f} inputs/s")
    for engine in engines:
        if per_engine[engine]:
            print(f"  {engine}: {per_engine[engine]} inputs, {per_engine[engine] / engine_time[engine]:.0f} inputs/s")
    print(f"slowest input: {slowest[0] * 1000:.0f} ms ({len(slowest[1])} characters)")
    print(f"crashes: {sum(crashes.values())}")
    for kind, n in crashes.most_common():
        print(f"  {n} x {kind}")
    print(f"inputs with violations: {len(failures) - sum(crashes.values())}")
    for kind, n in broken.most_common():
        print(f"  {n} x {kind}")
    if out and failures:
        with out.open("w", encoding="utf-8") as f:
            for failure in failures:
                f.write(json.dumps(failure, ensure_ascii=True) + "\n")
        print(f"failing inputs written to {out}")
    return 1 if failures else 0


class _Timeout(Exception):
    pass


def long_lines(size: int, engines: list[str], timeout: int, units: list[str]) -> int:
    def alarm(*_):
        raise _Timeout()

    signal.signal(signal.SIGALRM, alarm)
    cache: dict = {}
    for engine in engines:
        _rewriter("en", engine, cache).rewrite(NEGATIVE)
    print(f"| line ({size:,} characters, one negative sentence in the middle) | "
          + " | ".join(f"{e} (s)" for e in engines) + " |")
    print("| --- |" + " --- |" * len(engines))
    status = 0
    for unit in units:
        body = unit * (size // len(unit))
        text = body[: len(body) // 2] + " " + NEGATIVE + " " + body[len(body) // 2:]
        cells = []
        for engine in engines:
            bank = load_bank("en")            # each run starts without the per-sentence memos of the last
            bank.match_cache.clear()
            bank.findings_cache.clear()
            signal.alarm(timeout)
            t0 = time.perf_counter()
            try:
                result = _rewriter("en", engine, cache).rewrite(text)
                cell = f"{time.perf_counter() - t0:.2f}" + ("" if result.findings else " (no finding)")
                if violations(text, result):
                    cell += " (violations)"
                    status = 1
            except _Timeout:
                cell = f"> {timeout}"
                status = 1
            except Exception as exc:  # noqa: BLE001
                cell = f"{type(exc).__name__}"
                status = 1
            finally:
                signal.alarm(0)
            cells.append(cell)
        print(f"| `{unit!r}` | " + " | ".join(cells) + " |", flush=True)
    return status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("campaign", help="random inputs; crashes and violations")
    c.add_argument("--inputs", type=int, default=10_000)
    c.add_argument("--seed", type=int, default=13)
    c.add_argument("--engines", default="template,default")
    c.add_argument("--out", type=Path, default=None, help="write failing inputs here (JSON lines)")
    c.add_argument("--every", type=int, default=10_000, help="print progress every N inputs (0: never)")
    lg = sub.add_parser("long", help="time of 100 kB lines of one repeated pattern")
    lg.add_argument("--size", type=int, default=100_000)
    lg.add_argument("--engines", default="template,default")
    lg.add_argument("--timeout", type=int, default=300)
    lg.add_argument("--units", default=None, help='the patterns as a JSON list (default: all), e.g. \'["a, ", "\\ud800"]\'')
    args = parser.parse_args()
    engines = args.engines.split(",")
    unknown = set(engines) - set(ENGINES)
    if unknown:
        parser.error(f"unknown engine(s) {', '.join(sorted(unknown))} (use {', '.join(ENGINES)})")
    if args.command == "campaign":
        return campaign(args.inputs, args.seed, engines, args.out, args.every)
    units = json.loads(args.units) if args.units else LONG_UNITS
    return long_lines(args.size, engines, args.timeout, units)


if __name__ == "__main__":
    sys.exit(main())
