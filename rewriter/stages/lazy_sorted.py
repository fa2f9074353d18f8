"""A sorted, filtered list that is worked out only as far as it is read.

`templates.fitting_rules` is the list of every rule match of a sentence,
most specific first, whose slots fit their types. A sentence the template
stage rewrites usually takes its first entry and stops there (the first
candidate passes verification), yet making the whole list matched every
candidate pattern and slot-checked every match: Norwegian sentences of the
benchmark corpus had eight matches for each one that fitted.

Each source (a rule) comes with a lower bound of the sort key any of its
items can have (the rule's specificity can reach no higher than its
patterns' `max_literal`). Sources are evaluated in order of that bound, and
an item found is handed out once no source left can beat its key: exactly
``[keep(item) for key, item in sorted(found) if keep(item) is not None]``,
the eager list, in the same order, without evaluating the sources or
checking the items that nobody reads.

The list is shared through the bank's memo, so several threads of the
server may read one; a lock makes each step whole.
"""
from __future__ import annotations

import heapq
import threading
from collections.abc import Callable, Iterator
from typing import Any


class LazySorted:
    """``sources``: sorted, each standing for the least key its evaluation can give; ``evaluate(source)``: a key or None.

    Sources and keys are compared with ``<``: a key is never less than its
    source, no two keys are equal, and a source equals no key of another
    source (the bank order breaks ties; tuples whose first two fields are
    (bound, bank order) compare no further). ``keep(key)``: what the list
    holds for it, or None to leave it out. A subclass may define the methods
    ``evaluate`` and ``keep`` instead (no closures to make for each list).
    """

    __slots__ = ("_sources", "_pos", "_heap", "_out", "_evaluate", "_keep", "_lock", "_done")

    def __init__(self, sources: list[Any], evaluate: Callable[[Any], Any] | None = None,
                 keep: Callable[[Any], Any] | None = None):
        self._sources = sources
        self._pos = 0
        self._heap: list[Any] = []
        self._out: list[Any] = []
        self._evaluate = evaluate
        self._keep = keep
        self._lock = threading.Lock()
        self._done = False

    def evaluate(self, payload):
        return self._evaluate(payload)

    def keep(self, item):
        return self._keep(item)

    def _fill(self, n: int | None) -> None:
        """Make the first ``n + 1`` entries (all of them when ``n`` is None), or as many as there are."""
        with self._lock:
            out = self._out
            while not self._done and (n is None or len(out) <= n):
                self._step()

    def _step(self) -> None:
        sources, heap = self._sources, self._heap
        while self._pos < len(sources) and (not heap or sources[self._pos] < heap[0]):
            found = self.evaluate(sources[self._pos])
            self._pos += 1
            if found is not None:
                heapq.heappush(heap, found)
        if not heap:
            self._done = True
            self._sources = self._evaluate = self._keep = None     # what the work needed, no longer held
            return
        kept = self.keep(heapq.heappop(heap))
        if kept is not None:
            self._out.append(kept)

    def __iter__(self) -> Iterator[Any]:
        i = 0
        while True:
            if i >= len(self._out):
                if self._done:
                    return
                self._fill(i)
                if i >= len(self._out):
                    return
            yield self._out[i]
            i += 1

    def __getitem__(self, index):
        if isinstance(index, slice):
            if index.stop is not None and index.stop >= 0 and (index.start or 0) >= 0:
                self._fill(index.stop - 1)
            else:
                self._fill(None)
            return self._out[index]
        self._fill(None if index < 0 else index)
        return self._out[index]

    def __len__(self) -> int:
        self._fill(None)
        return len(self._out)

    def __bool__(self) -> bool:
        self._fill(0)
        return bool(self._out)

    def __repr__(self) -> str:
        return f"LazySorted({self._out!r}{'' if self._done else ' ...'})"
