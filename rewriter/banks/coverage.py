"""How complete the banks are: languages x situations.

A gap is a situation that exists in one language and not in another, or that
falls short of the depth the project asks for (8 phrasings, 3 templates, 5
examples, both tones where templates differ by tone).
"""
from __future__ import annotations

from .loader import load_bank

MIN_PHRASINGS = 8
MIN_TEMPLATES = 3
MIN_EXAMPLES = 5


def coverage_report(languages: list[str]) -> tuple[str, bool]:
    """A printable table and whether every situation exists in every language."""
    banks = {code: load_bank(code) for code in languages}
    situations = sorted({sid for bank in banks.values() for sid in bank.situations})
    lines = ["situation".ljust(22) + "".join(code.center(20) for code in languages),
             " " * 22 + "".join("phr tpl ex  tones".center(20) for _ in languages)]
    gaps: list[str] = []
    missing = False
    for sid in situations:
        row = sid.ljust(22)
        for code, bank in banks.items():
            situation = bank.situations.get(sid)
            if situation is None:
                row += "MISSING".center(20)
                gaps.append(f"{code}: situation {sid} is missing")
                missing = True
                continue
            phrasings = sum(len(r.patterns) for r in situation.rules)
            templates = sum(len(r.templates) for r in situation.rules)
            examples = sum(len(r.examples) for r in situation.rules)
            tones = sorted({t.tone for r in situation.rules for t in r.templates})
            row += f"{phrasings:3d} {templates:3d} {examples:3d}  {'/'.join(tones):<8}".center(20)
            for what, have, need in (("phrasings", phrasings, MIN_PHRASINGS), ("templates", templates, MIN_TEMPLATES),
                                     ("examples", examples, MIN_EXAMPLES)):
                if have < need:
                    gaps.append(f"{code}: {sid}: {have} {what} (want {need})")
        lines.append(row)
    lines.append("")
    lines += [f"gap: {g}" for g in gaps] or ["no gaps"]
    return "\n".join(lines) + "\n", not missing
