"""A progress bar on stderr for long runs, silent when stderr is not a terminal."""
from __future__ import annotations

import sys
import time


class Progress:
    """Minimal, dependency-free progress bar: `with Progress(n, "label") as bar: bar.advance()`."""

    def __init__(self, total: int, label: str, stream=None, min_seconds: float = 0.5):
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        try:
            self.enabled = self.stream is not None and self.stream.isatty()
        except (OSError, ValueError):      # a closed stderr
            self.enabled = False
        self.start = time.monotonic()
        self.min_seconds = min_seconds
        self._last = 0.0

    def __enter__(self) -> "Progress":
        return self

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.1 and self.done < self.total) or now - self.start < self.min_seconds:
            return
        self._last = now
        width = 30
        filled = int(width * self.done / max(1, self.total))
        rate = self.done / max(1e-9, now - self.start)
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} ({rate:.0f}/s)")
        self.stream.flush()

    def __exit__(self, *exc) -> None:
        if self.enabled and now_shown(self):
            self.stream.write("\n")
            self.stream.flush()


def now_shown(progress: Progress) -> bool:
    return progress._last > 0
