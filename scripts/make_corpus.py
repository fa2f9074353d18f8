"""Write a deterministic English corpus of support sentences for benchmarks.

Mixes negative sentences (which `rewriter check` flags) with positive ones,
in the proportions a macro library has; seeded, so every run measures the
same text.

    python scripts/make_corpus.py 10000 > /tmp/corpus.txt
"""
from __future__ import annotations

import random
import sys

ITEMS = ["the red dress", "the Aurora lamp", "the walnut table", "size 38", "the blue mugs", "the Nordic jacket",
         "your parcel", "the replacement part", "the gift card", "the grey sofa"]
NEGATIVE = [
    "Unfortunately {item} is out of stock.",
    "We don't have {item} in stock right now.",
    "I'm afraid {item} is sold out.",
    "We can't deliver {item} on Saturday.",
    "I don't know when {item} will arrive.",
    "You didn't send us the receipt for {item}.",
    "That's not our policy.",
    "Please calm down.",
    "There is nothing I can do about {item}.",
    "We never offer discounts on {item}.",
]
POSITIVE = [
    "Thanks for your patience, I'll send {item} today.",
    "I have booked a courier for {item}.",
    "Here is the tracking link for {item}.",
    "Happy to help with anything else.",
    "Your refund for {item} has been processed.",
    "Have a lovely weekend!",
]


def corpus(lines: int, seed: int = 7, distinct: bool = False) -> list[str]:
    """``distinct``: give every line a different lower-case word too, so no two
    sentences are alike even after numbers and names are masked (rewriter
    memoises findings per masked sentence; this is its worst case)."""
    rng = random.Random(seed)
    out = []
    for n in range(lines):
        pool = NEGATIVE if rng.random() < 0.3 else POSITIVE
        line = rng.choice(pool).format(item=rng.choice(ITEMS))
        # An order number makes every line unique, as in real replies.
        tag = f"order #{100000 + n * 7919 % 900000}"
        out.append(f"{line} ({tag}, ref {_letters(n)})" if distinct else f"{line} ({tag})")
    return out


def _letters(n: int) -> str:
    """0 -> 'baa', 1 -> 'bab', ...: a distinct lower-case word per number."""
    word = ""
    for _ in range(3):
        n, r = divmod(n, 26)
        word = chr(97 + r) + word
    return chr(98 + n % 24) + word


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    sys.stdout.write("\n".join(corpus(count)) + "\n")
