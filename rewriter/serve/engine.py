"""The rewriters a server shares between requests, and the worker threads that run them.

Rewriter objects are made once per (language, tone, style) and warmed at
start-up, so banks, the model and the language detector are loaded before the
first request. Each job runs in a worker thread with a time limit; a job past
its limit is answered 503 and left to finish in its thread, so the server
keeps serving (a job still waiting for a thread is cancelled).
"""
from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from ..errors import RewriterError
from .limits import Settings

# Sentences that reach every stage (detection, the model, the templates, Babel) when warming.
WARM_TEXTS = {
    "en": "Unfortunately the red dress is out of stock.",
    "fi": "Harmaata sohvaa ei valitettavasti ole varastossa.",
    "is": "Því miður er grái sófinn ekki til á lager.",
    "nb": "Dessverre er den grå sofaen ikke på lager.",
}


class Timeout(Exception):
    """A job ran past the time limit."""


class Engine:
    def __init__(self, settings: Settings):
        from ..banks import available_languages  # noqa: PLC0415
        from ..config import load_config  # noqa: PLC0415

        self.settings = settings
        self.config = load_config(settings.config)
        self.languages = available_languages()
        self._rewriters: dict[tuple[str, str | None, str], object] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="rewriter")
        self.started = time.time()
        self.warm_s: float | None = None

    def rewriter(self, lang: str, tone: str | None = None, style: str = "sentence"):
        """The shared Rewriter for a language ("auto" too), tone and style."""
        key = (lang, tone, style)
        found = self._rewriters.get(key)
        if found is None:
            from ..pipeline import Rewriter  # noqa: PLC0415

            with self._lock:
                found = self._rewriters.get(key)
                if found is None:
                    found = Rewriter(lang, tone=tone, style=style, engines=self.settings.engines, config=self.config)
                    self._rewriters[key] = found
        return found

    def check_language(self, lang: str) -> None:
        if lang != "auto" and lang not in self.languages:
            raise RewriterError(f"unknown language {lang!r} (available: {', '.join(self.languages)}, auto)")

    def warm(self) -> float:
        """Load every bank, the model and the language detector now, not on the first request."""
        start = time.perf_counter()
        for lang in self.languages:
            text = WARM_TEXTS.get(lang)
            rewriter = self.rewriter(lang)
            if text:
                rewriter.rewrite(text)
            else:
                rewriter.bank_for("")
        if "en" in self.languages:
            self.rewriter("auto").rewrite(WARM_TEXTS["en"])
        self.warm_s = time.perf_counter() - start
        return self.warm_s

    async def run(self, fn, *args):
        """``fn(*args)`` in a worker thread; Timeout past the limit."""
        future = self._pool.submit(fn, *args)
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), self.settings.timeout_s)
        except asyncio.TimeoutError:
            future.cancel()        # only a job still waiting for a thread; a running one finishes on its own
            raise Timeout from None

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
