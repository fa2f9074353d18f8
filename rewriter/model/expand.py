"""Turn a bank pattern into concrete sentences (the inverse of matching).

"{item} is [currently] (out of stock|sold out)" with item="the red dress"
gives "the red dress is sold out", "the red dress is currently out of stock",
... Used to generate training sentences; seeded, so the corpus is the same
on every run.
"""
from __future__ import annotations

import random
import re


def expand(source: str, slots: dict[str, str], rng: random.Random) -> str:
    """One concrete sentence of ``source``: a random choice per group, slots filled."""
    text, pos = _sequence(source.strip(), 0, slots, rng)
    return re.sub(r"\s+", " ", text).strip()


def _sequence(src: str, pos: int, slots: dict[str, str], rng: random.Random) -> tuple[str, int]:
    out: list[str] = []
    while pos < len(src):
        ch = src[pos]
        if ch in ")]|":
            break
        if ch in "([":
            close = ")" if ch == "(" else "]"
            alternatives, pos = _alternatives(src, pos + 1, close, slots, rng)
            if ch == "[" and rng.random() < 0.5:
                continue
            out.append(rng.choice(alternatives))
        elif ch == "{":
            end = src.index("}", pos)
            out.append(slots[src[pos + 1:end]])
            pos = end + 1
        elif ch == "\\" and pos + 1 < len(src):
            out.append(src[pos + 1])
            pos += 2
        else:
            out.append(ch)
            pos += 1
    return "".join(out), pos


def _alternatives(src: str, pos: int, close: str, slots: dict[str, str], rng: random.Random) -> tuple[list[str], int]:
    alternatives = []
    while True:
        text, pos = _sequence(src, pos, slots, rng)
        alternatives.append(text)
        if pos >= len(src) or src[pos] == close:
            return alternatives, pos + 1
        pos += 1  # '|'
