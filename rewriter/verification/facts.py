"""Facts a rewrite must carry on, beyond the protected spans.

`verify` checks that placeholders, numbers and names survive; this module
checks the words that make a statement what it is. A limit stays a limit:
when the sentence says "only" ("We only deliver within the city centre"),
a rewrite without a limiter ("We deliver within the city centre, ...")
widens the promise, so it is dropped. The words are data
(`language.yaml: limiters`).
"""
from __future__ import annotations

from ..banks.model import Bank
from ..text.protect import visible


def dropped_facts(candidate: str, original: str, bank: Bank) -> list[str]:
    """Why ``candidate`` no longer says what ``original`` says (empty when it does); both masked."""
    limiters = bank.language.limiters
    if limiters is None:
        return []
    said = limiters.search(visible(original))
    if said and not limiters.search(visible(candidate)):
        return [f"the limit {said.group()!r} is gone"]
    return []
