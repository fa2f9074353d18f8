"""Benchmarks recorded in docs/BENCHMARKS.md. Not tests: numbers, not pass/fail.

    python scripts/bench.py startup            # whole-process time of one rewrite, and of --help
    python scripts/bench.py check [--lines N] [--distinct]  # rewriter check vs proselint, lines/s, same corpus
    python scripts/bench.py rewrite [--lines N] [--lang L]  # sentences/s per language, latency per negative sentence, RSS
    python scripts/bench.py polish [--macros N]             # a Zendesk export, whole process, --lang auto
    python scripts/bench.py linear [--sizes 1000,10000,100000]   # time per line as the input grows

`check` uses scripts/make_corpus.py (lines that repeat once numbers are
masked); `check --distinct`, `rewrite`, `polish` and `linear` use
scripts/gen_corpus.py (distinct lines in each language, its own vocabulary).
proselint is optional (pip install proselint); without it only rewriter is timed.
Both tools run from compiled bytecode (pip compiles proselint at install;
`make install` compiles rewriter, and this script makes sure of it). Each
figure is the fastest and the median of --runs runs: on a shared machine the
fastest run is the one least disturbed by other work.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_corpus  # noqa: E402
from make_corpus import corpus  # noqa: E402

BIN = Path(sys.executable).parent
REWRITER = str(BIN / "rewriter")
README_SENTENCES = {
    "en": "Unfortunately the red dress is out of stock.",
    "fi": "Harmaata sohvaa ei valitettavasti ole varastossa.",
    "is": "Því miður er grái sófinn ekki til á lager.",
    "nb": "Dessverre er den grå sofaen ikke på lager.",
}


TEMPLATES_LEAVE = "We can't do anything about the weather, sorry."


def startup(runs: int) -> None:
    """``rewriter --help``; one README sentence per language with the default engines (warm bank cache);
    the English one with the model on, after the templates and before them; and one the templates leave."""
    cases = [("rewriter --help", [REWRITER, "--help"])]
    for lang, sentence in README_SENTENCES.items():
        one = [REWRITER, "rewrite", "--lang", lang, sentence]
        subprocess.run(one, capture_output=True, check=False)      # the bank cache is warm from here on
        cases.append((f"rewriter rewrite --lang {lang} (default: templates)", one))
    for engines in ("template,model", "model,template"):
        cases.append((f"rewriter rewrite --lang en --engine {engines}",
                      [REWRITER, "rewrite", "--lang", "en", README_SENTENCES["en"], "--engine", engines]))
    # a sentence no template rewrites: with the templates first the model is loaded and asked
    cases.append(("rewriter rewrite --lang en --engine template,model (a sentence the templates leave)",
                  [REWRITER, "rewrite", "--lang", "en", TEMPLATES_LEAVE, "--engine", "template,model"]))
    for label, argv in cases:
        measured = [run_measured(argv) for _ in range(runs)]
        t, cpu = [r.seconds for r in measured], [r.cpu for r in measured]
        print(f"{label}: median {statistics.median(t) * 1000:.0f} ms, min {min(t) * 1000:.0f} ms, "
              f"CPU min {min(cpu) * 1000:.0f} ms over {runs} runs; peak RSS {max(r.rss_mb for r in measured)} MB")


def compile_package() -> None:
    """Bytecode for the package, as `make install` leaves it (with PYTHONDONTWRITEBYTECODE nothing else writes it)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(__file__).resolve().parents[1] / "rewriter")],
                   check=False)


def check(lines: int, runs: int, distinct: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.txt"
        text = gen_corpus.corpus("en", lines) if distinct else corpus(lines)
        path.write_text("\n".join(text) + "\n", encoding="utf-8")
        rewriter = [str(BIN / "rewriter"), "check", "--lang", "en", str(path)]
        # The default (--jobs auto: one process per CPU for input this long) and one process.
        tools = [("rewriter check", rewriter), ("rewriter check --jobs 1", rewriter + ["--jobs", "1"])]
        proselint = shutil.which("proselint", path=str(BIN)) or shutil.which("proselint")
        if proselint:
            tools.append(("proselint check", [proselint, "check", str(path)]))
        cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
        print(f"{cpus} CPUs; load average {os.getloadavg()[0]:.2f} before the runs")
        results = {}
        for label, argv in tools:
            measured = [run_measured(argv) for _ in range(runs)]
            t, cpu = [r.seconds for r in measured], [r.cpu for r in measured]
            results[label] = (min(t), statistics.median(t), min(cpu))
            print(f"{label}: fastest {min(t):.2f} s = {lines / min(t):,.0f} lines/s; "
                  f"median {statistics.median(t):.2f} s = {lines / statistics.median(t):,.0f} lines/s; "
                  f"slowest {max(t):.2f} s; CPU fastest {min(cpu):.2f} s, median {statistics.median(cpu):.2f} s "
                  f"({runs} runs)")
        print(f"load average {os.getloadavg()[0]:.2f} after the runs")
        if "proselint check" in results:
            p_min, p_med, p_cpu = results["proselint check"]
            for label in ("rewriter check", "rewriter check --jobs 1"):
                r_min, r_med, r_cpu = results[label]
                print(f"ratio, {label}: {p_min / r_min:.2f}x proselint's speed (fastest runs), {p_med / r_med:.2f}x "
                      f"(medians), {p_cpu / r_cpu:.2f}x (CPU time)")


class Run(NamedTuple):
    seconds: float      # wall clock
    cpu: float          # the child's user + system CPU seconds: moves less than the wall clock on a shared machine
    rss_mb: int         # the child's own peak RSS (wait4)
    out: bytes


def run_measured(argv: list[str], stdin_path: Path | None = None) -> Run:
    """Run one child process and measure it."""
    stdin = stdin_path.open("rb") if stdin_path else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        with tempfile.TemporaryFile() as out:
            proc = subprocess.Popen(argv, stdin=stdin, stdout=out, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            data = out.read()
    finally:
        if stdin_path:
            stdin.close()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(argv[:4])}... exited {proc.returncode}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, data)


def _summary(values: list[float]) -> str:
    return f"fastest {min(values):.2f} s, median {statistics.median(values):.2f} s"


def in_process(lang: str, path: str, labels: str, engines: str) -> None:
    """Child of `rewrite` and `linear`: rewrite every line of ``path`` in this process and print JSON figures.

    The bank is loaded (from the warm disk cache) before the clock starts;
    each line is timed on its own, so latency per negative line comes too.
    """
    from rewriter.banks import load_bank  # noqa: PLC0415
    from rewriter.pipeline import Rewriter  # noqa: PLC0415

    lines = Path(path).read_text(encoding="utf-8").splitlines()
    negative = [flag == "1" for flag in Path(labels).read_text().split()] if labels else [False] * len(lines)
    rewriter = Rewriter(lang, engines=tuple(engines.split(",")))
    load_bank(lang)
    clock = time.perf_counter_ns
    times = []
    cpu = time.process_time()
    start = clock()
    for text in lines:
        t0 = clock()
        rewriter.rewrite(text)
        times.append(clock() - t0)
    total = (clock() - start) / 1e9
    cpu = time.process_time() - cpu
    neg = sorted(t for t, n in zip(times, negative) if n)
    def pct(q: float) -> float:
        return neg[min(len(neg) - 1, int(q * len(neg)))] / 1e6 if neg else 0.0
    print(json.dumps({"lines": len(lines), "seconds": total, "cpu": cpu, "p50_ms": pct(0.50), "p95_ms": pct(0.95),
                      "max_ms": neg[-1] / 1e6 if neg else 0.0, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))


def _write_corpus(folder: Path, lang: str, lines: int) -> tuple[Path, Path]:
    labelled = gen_corpus.labelled(lang, lines)
    text, labels = folder / f"{lang}-{lines}.txt", folder / f"{lang}-{lines}.labels"
    text.write_text("\n".join(t for _, t in labelled) + "\n", encoding="utf-8")
    labels.write_text(" ".join("1" if n else "0" for n, _ in labelled) + "\n")
    return text, labels


def _child(lang: str, text: Path, labels: Path | None, engines: str = "template") -> dict:
    argv = [sys.executable, __file__, "_inproc", "--lang", lang, "--file", str(text), "--engines", engines]
    if labels:
        argv += ["--labels", str(labels)]
    return json.loads(run_measured(argv).out)


def rewrite(lines: int, runs: int, langs: list[str], engines: str) -> None:
    """In-process: rewrite() line by line (latency per line); whole process: the lines on stdin (rewrite_stream,
    so with the model on its sentences go in batches)."""
    print(f"rewrite: {lines:,} distinct lines per language (40 % negative), engines {engines}; "
          f"fastest and median of {runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            text, labels = _write_corpus(Path(tmp), lang, lines)
            subprocess.run([REWRITER, "rewrite", "--lang", lang, "x"], capture_output=True, check=False)  # warm cache
            inner = [_child(lang, text, labels, engines) for _ in range(runs)]
            rates = sorted(lines / r["seconds"] for r in inner)
            cpu_rate = lines / min(r["cpu"] for r in inner)
            whole = [run_measured([REWRITER, "rewrite", "--lang", lang, "--engine", engines], text) for _ in range(runs)]
            wrates = sorted(lines / r.seconds for r in whole)
            print(f"{lang}: in-process {rates[-1]:,.0f} sentences/s fastest, {statistics.median(rates):,.0f} median, "
                  f"{cpu_rate:,.0f} per CPU second; "
                  f"negative sentence p50 {statistics.median(r['p50_ms'] for r in inner):.2f} ms, "
                  f"p95 {statistics.median(r['p95_ms'] for r in inner):.2f} ms, "
                  f"max {min(r['max_ms'] for r in inner):.1f} ms (medians over runs; max: least of the runs); "
                  f"peak RSS {max(r['rss_mb'] for r in inner)} MB")
            print(f"{lang}: whole process {wrates[-1]:,.0f} sentences/s fastest, {statistics.median(wrates):,.0f} "
                  f"median ({_summary([r.seconds for r in whole])}; CPU {min(r.cpu for r in whole):.2f} s = "
                  f"{lines / min(r.cpu for r in whole):,.0f} sentences per CPU second); "
                  f"peak RSS {max(r.rss_mb for r in whole)} MB")


def polish(macros: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "macros.json", Path(tmp) / "polished.json"
        src.write_text(json.dumps(gen_corpus.zendesk(macros), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        for lang in gen_corpus.LANGS:
            subprocess.run([REWRITER, "rewrite", "--lang", lang, "x"], capture_output=True, check=False)  # warm cache
        argv = [REWRITER, "polish", str(src), "-o", str(out), "--lang", "auto"]
        results = [run_measured(argv) for _ in range(runs)]
        times = [r.seconds for r in results]
        print(f"polish: {macros:,} Zendesk macros ({src.stat().st_size / 1e6:.1f} MB, fi/is/nb/en), --lang auto: "
              f"{_summary(times)} over {runs} runs = {macros / min(times):,.0f} macros/s fastest; "
              f"CPU fastest {min(r.cpu for r in results):.2f} s, median {statistics.median(r.cpu for r in results):.2f} s; "
              f"peak RSS {max(r.rss_mb for r in results)} MB")
        print("  " + results[0].out.decode().strip())


def linear(sizes: list[int], runs: int, lang: str) -> None:
    print(f"linear: {lang}, distinct lines, default engines; fastest of {runs} runs")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([REWRITER, "rewrite", "--lang", lang, "x"], capture_output=True, check=False)
        biggest = max(sizes)
        text, _ = _write_corpus(Path(tmp), lang, biggest)
        all_lines = text.read_text(encoding="utf-8").splitlines()
        for size in sizes:
            part = Path(tmp) / f"part-{size}.txt"
            part.write_text("\n".join(all_lines[:size]) + "\n", encoding="utf-8")
            inner = min(_child(lang, part, None)["seconds"] for _ in range(runs))
            whole = [run_measured([REWRITER, "rewrite", "--lang", lang], part) for _ in range(runs)]
            wall, cpu = min(r.seconds for r in whole), min(r.cpu for r in whole)
            print(f"{size:>7,} lines: in-process {inner * 1e6 / size:6.1f} us/line; whole process {wall:.2f} s = "
                  f"{wall * 1e6 / size:6.1f} us/line, CPU {cpu * 1e6 / size:6.1f} us/line (start-up included); "
                  f"peak RSS {max(r.rss_mb for r in whole)} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    s = sub.add_parser("startup")
    s.add_argument("--runs", type=int, default=10)
    c = sub.add_parser("check")
    c.add_argument("--lines", type=int, default=10000)
    c.add_argument("--runs", type=int, default=7)
    c.add_argument("--distinct", action="store_true",
                   help="the English corpus of gen_corpus.py: every line a different sentence (nothing memoised)")
    r = sub.add_parser("rewrite")
    r.add_argument("--lines", type=int, default=10000)
    r.add_argument("--runs", type=int, default=3)
    r.add_argument("--lang", default=",".join(gen_corpus.LANGS), help="comma-separated (default: all four)")
    r.add_argument("--engines", default="template", help="template (the default), template,model or model,template")
    p = sub.add_parser("polish")
    p.add_argument("--macros", type=int, default=20000)
    p.add_argument("--runs", type=int, default=3)
    li = sub.add_parser("linear")
    li.add_argument("--sizes", default="1000,10000,100000")
    li.add_argument("--runs", type=int, default=3)
    li.add_argument("--lang", default="en")
    i = sub.add_parser("_inproc", help=argparse.SUPPRESS)
    i.add_argument("--lang", required=True)
    i.add_argument("--file", required=True)
    i.add_argument("--labels")
    i.add_argument("--engines", default="template")
    a = ap.parse_args()
    if a.what == "_inproc":
        return in_process(a.lang, a.file, a.labels, a.engines)
    compile_package()
    if a.what == "startup":
        startup(a.runs)
    elif a.what == "check":
        check(a.lines, a.runs, a.distinct)
    elif a.what == "rewrite":
        rewrite(a.lines, a.runs, a.lang.split(","), a.engines)
    elif a.what == "polish":
        polish(a.macros, a.runs)
    else:
        linear([int(n) for n in a.sizes.split(",")], a.runs, a.lang)


if __name__ == "__main__":
    main()
