"""Which address form the input uses, so the rewrite keeps it.

Finnish support mail says *sinä* or *te*; a rewrite that switches between them
reads as two writers. The phrases that mark each form live in the bank
(``address_forms`` in language.yaml); a text that shows one form and not the
other chooses the tone, anything else leaves the choice to the situation.
"""
from __future__ import annotations

from ..banks.model import Bank
from ..text.protect import visible


def address_tone(text: str, bank: Bank) -> str | None:
    """"casual" or "formal" when the (masked) text uses exactly one address form, else None."""
    forms = bank.language.address_forms
    if not forms:
        return None
    seen = visible(text)
    found = [tone for tone, regex in forms.items() if regex.search(seen)]
    return found[0] if len(found) == 1 else None
