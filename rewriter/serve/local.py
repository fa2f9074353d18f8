"""Run ``rewriter serve`` as a child process on a free loopback port (for tests, benchmarks, screenshots).

    with LocalServer(["--timeout", "5"]) as server:
        urllib.request.urlopen(server.url + "health")
"""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]     # the checkout this copy of rewriter is in


class LocalServer:
    def __init__(self, args: list[str] | None = None, start_timeout: float = 120.0):
        self.args = list(args or [])
        self.start_timeout = start_timeout
        self.process: subprocess.Popen | None = None
        self.url = ""
        self.stderr_lines: list[str] = []
        self._stdout: queue.Queue[str | None] = queue.Queue()

    def __enter__(self) -> "LocalServer":
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
        env.setdefault("PYTHONUNBUFFERED", "1")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "rewriter", "serve", "--host", "127.0.0.1", "--port", "0", *self.args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT))
        threading.Thread(target=self._drain, args=(self.process.stderr, self.stderr_lines), daemon=True).start()
        threading.Thread(target=self._drain, args=(self.process.stdout, self._stdout), daemon=True).start()
        deadline = time.monotonic() + self.start_timeout
        try:
            line = self._stdout.get(timeout=self.start_timeout) or ""    # "... listening on http://127.0.0.1:PORT/"
        except queue.Empty:
            line = ""
        if "listening on " not in line:
            self.stop()
            raise RuntimeError(f"rewriter serve did not start: {line!r} {''.join(self.stderr_lines)[-2000:]}")
        self.url = line.split("listening on ", 1)[1].split()[0]
        while True:
            try:
                if self.get_json("health")["status"] == "ok":
                    return self
            except OSError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError("rewriter serve did not answer /health")
            time.sleep(0.1)

    @staticmethod
    def _drain(stream, sink) -> None:
        for line in stream:
            (sink.append if isinstance(sink, list) else sink.put)(line)
        if not isinstance(sink, list):
            sink.put(None)

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_kib(self) -> int:
        """The server's resident memory (Linux /proc), KiB."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def get_json(self, path: str):
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return json.loads(response.read())

    def stop(self) -> int | None:
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def __exit__(self, *exc) -> None:
        self.stop()
