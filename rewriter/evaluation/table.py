"""The terminal table of ``rewriter eval``."""
from __future__ import annotations

COLUMNS = [
    ("J", "J"), ("negation_free", "neg-free"), ("action", "action"), ("preserved", "kept"),
    ("lang_kept", "lang"), ("unchanged_kept", "pos-kept"), ("chrf", "chrF++"),
    ("unknown_words_in", "unk-in"), ("unknown_words_out", "unk-out"), ("grammar_flagged", "grammar"),
]


def _fmt(value, key: str) -> str:
    if value is None:
        return "n/a"
    if key == "chrf":
        return f"{value:.1f}"
    return f"{value:.2f}"


def render_table(run: dict, comparison: dict | None = None) -> str:
    head = "lang  items " + " ".join(f"{label:>8}" for _, label in COLUMNS) + "  engines (model/template/none)"
    lines = [head, "-" * len(head)]
    for lang, s in run["languages"].items():
        cells = " ".join(f"{_fmt(s[key], key):>8}" for key, _ in COLUMNS)
        e = s["engines"]
        lines.append(f"{lang:<5} {s['items']:>5} {cells}  {e['model']}/{e['template']}/{e['none']}")
        if comparison:
            d = comparison["deltas"].get(lang, {})
            deltas = " ".join(f"{('%+.2f' % d[key]) if key in d else '':>8}" for key, _ in COLUMNS)
            lines.append(f"{'  vs':<5} {'':>5} {deltas}")
    if comparison:
        lines.append("")
        lines.append(f"better: {len(comparison['better'])} item(s) {' '.join(comparison['better'][:20])}")
        lines.append(f"worse:  {len(comparison['worse'])} item(s) {' '.join(comparison['worse'][:20])}")
    return "\n".join(lines) + "\n"
