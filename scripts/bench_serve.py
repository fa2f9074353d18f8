"""Load benchmark of ``rewriter serve`` over loopback. Not a test: numbers for docs/BENCHMARKS.md.

    python scripts/bench_serve.py [--seconds 60] [--clients 8] [--workers 4]

Starts its own server on a free port of 127.0.0.1 (nothing else is ever
contacted), warms it, then runs CLIENTS threads, each with one keep-alive
connection, sending requests back to back for SECONDS: the four README
sentences with a greeting and sign-off, in turn as /v1/rewrite (lang auto)
and as LanguageTool's /v2/check (form, language auto). Reports requests/s,
p50/p95/max latency per endpoint, the status codes, and the server's RSS
after start-up and at the end.
"""
from __future__ import annotations

import argparse
import http.client
import itertools
import json
import statistics
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rewriter.serve.local import LocalServer  # noqa: E402

TEXTS = [
    "Hi Anna,\n\nUnfortunately the red dress is out of stock.\n\nBest regards,\nBob",
    "Hei Anna,\n\nHarmaata sohvaa ei valitettavasti ole varastossa.\n\nYstävällisin terveisin,\nBob",
    "Sæl Anna,\n\nÞví miður er grái sófinn ekki til á lager.\n\nBestu kveðjur,\nBob",
    "Hei Anna,\n\nDessverre er den grå sofaen ikke på lager.\n\nVennlig hilsen,\nBob",
]


def request_for(n: int) -> tuple[str, str, bytes, str]:
    text = TEXTS[n % len(TEXTS)]
    if (n // len(TEXTS)) % 2 == 0:
        return "v1/rewrite", "/v1/rewrite", json.dumps({"text": text, "lang": "auto"}).encode(), "application/json"
    form = urllib.parse.urlencode({"text": text, "language": "auto", "enabledOnly": "false", "level": "picky"})
    return "v2/check", "/v2/check", form.encode(), "application/x-www-form-urlencoded"


def client(host: str, port: int, stop_at: float, counter, results: list, lock: threading.Lock) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    mine = []
    while time.perf_counter() < stop_at:
        with lock:
            n = next(counter)
        name, path, body, kind = request_for(n)
        start = time.perf_counter()
        try:
            connection.request("POST", path, body=body, headers={"Content-Type": kind})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
            status = 0
        mine.append((name, status, time.perf_counter() - start))
    connection.close()
    with lock:
        results.extend(mine)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=4, help="the server's --workers")
    args = parser.parse_args()
    if not 1 <= args.clients <= 64 or not 0 < args.seconds <= 600:
        parser.error("--clients 1..64 and --seconds up to 600: this is a bounded loopback test")

    with LocalServer(["--workers", str(args.workers)]) as server:
        url = urllib.parse.urlsplit(server.url)
        assert url.hostname == "127.0.0.1"
        rss_start = server.rss_kib()
        counter, results, lock = itertools.count(), [], threading.Lock()
        stop_at = time.perf_counter() + args.seconds
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(url.hostname, url.port, stop_at, counter, results, lock))
                   for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        rss_end = server.rss_kib()
        health = server.get_json("health")

    statuses = Counter(status for _, status, _ in results)
    print(f"rewriter serve on 127.0.0.1, {args.clients} clients, {args.seconds:g} s, server --workers {args.workers}")
    print(f"requests: {len(results)} in {elapsed:.1f} s = {len(results) / elapsed:.1f} requests/s; "
          f"status codes: {dict(sorted(statuses.items()))}")
    for name in ("v1/rewrite", "v2/check", None):
        times = [t for n, s, t in results if s == 200 and (name is None or n == name)]
        if times:
            print(f"  {name or 'all':10}  {len(times):6} ok  p50 {1000 * statistics.median(times):6.1f} ms  "
                  f"p95 {1000 * percentile(times, 0.95):6.1f} ms  max {1000 * max(times):6.1f} ms")
    print(f"server RSS: {rss_start / 1024:.0f} MiB after start-up (warm {health['warm_s']} s), "
          f"{rss_end / 1024:.0f} MiB at the end")
    return 0 if statuses.get(200, 0) == len(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
