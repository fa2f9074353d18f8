"""The HTML report: a chart per language and every item side by side.

One self-contained file (inline CSS and SVG, no scripts or fonts to fetch),
so it opens offline in any browser.
"""
from __future__ import annotations

import difflib
import html
import re

from .table import COLUMNS

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1200px}
h1{font-size:1.5rem} h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:left;font-size:.9rem}
th{background:#f4f4f4} td.num{text-align:right;font-variant-numeric:tabular-nums}
del{background:#fdd;text-decoration:line-through} ins{background:#dfd;text-decoration:none}
.bad{color:#b00;font-weight:600} .ok{color:#070}
.flags span{display:inline-block;margin-right:.4rem;font-size:.8rem}
.up{color:#070} .down{color:#b00}
"""
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def diff_html(before: str, after: str) -> str:
    """Word-level diff: removed words struck through, added words highlighted."""
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{html.escape(''.join(a[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{html.escape(''.join(b[j1:j2]))}</ins>")
    return "".join(out)


def _chart(summary: dict) -> str:
    bars = [(label, summary.get(key)) for key, label in COLUMNS if key not in ("chrf", "unknown_words_in", "unknown_words_out", "grammar_flagged")]
    bars.append(("chrF++/100", summary["chrf"] / 100 if summary.get("chrf") is not None else None))
    width, row = 420, 22
    parts = [f'<svg width="{width + 160}" height="{row * len(bars) + 4}" role="img" aria-label="metrics">']
    for i, (label, value) in enumerate(bars):
        y = i * row + 2
        parts.append(f'<text x="0" y="{y + 15}" font-size="12">{html.escape(label)}</text>')
        parts.append(f'<rect x="90" y="{y}" width="{width}" height="{row - 6}" fill="#eee"/>')
        if value is not None:
            parts.append(f'<rect x="90" y="{y}" width="{width * max(0.0, min(1.0, value)):.1f}" height="{row - 6}" fill="#4a7"/>')
            parts.append(f'<text x="{width + 96}" y="{y + 15}" font-size="12">{value:.2f}</text>')
        else:
            parts.append(f'<text x="{width + 96}" y="{y + 15}" font-size="12">n/a</text>')
    parts.append("</svg>")
    return "".join(parts)


def _flags(item: dict) -> str:
    if item["expect_unchanged"]:
        return '<span class="ok">unchanged</span>' if item["unchanged"] else '<span class="bad">changed a positive text</span>'
    names = (("negation_free", "negation-free"), ("action", "action"), ("preserved", "kept"), ("lang_kept", "language"))
    spans = [f'<span class="{"ok" if item[k] else "bad"}">{"✓" if item[k] else "✗"} {label}</span>' for k, label in names]
    if item["missing"]:
        spans.append(f'<span class="bad">lost: {html.escape(", ".join(item["missing"]))}</span>')
    for finding in item.get("grammar_out") or ():
        spans.append(f'<span class="bad">grammar: {html.escape(finding)}</span>')
    return "".join(spans)


def render_html(run: dict, comparison: dict | None = None) -> str:
    moved = {}
    if comparison:
        moved = {i: "up" for i in comparison["better"]} | {i: "down" for i in comparison["worse"]}
    out = ["<!doctype html><html><head><meta charset='utf-8'><title>rewriter eval</title>",
           f"<style>{_CSS}</style></head><body><h1>rewriter eval</h1>",
           f"<p>Engines: {html.escape(', '.join(run['engines']))}. {len(run['items'])} items.</p>"]
    for lang, summary in run["languages"].items():
        out.append(f"<h2 id='{lang}'>{lang}: J = {summary['J'] or 0:.2f}</h2>")
        out.append(_chart(summary))
        if comparison and lang in comparison["deltas"]:
            d = comparison["deltas"][lang]
            out.append("<p>Against the baseline: " + ", ".join(
                f"{label} {d[key]:+.2f}" for key, label in COLUMNS if key in d) + "</p>")
        out.append("<table><tr><th>id</th><th>input</th><th>output (changes marked)</th><th>reference</th>"
                   "<th>checks</th><th>chrF++</th><th>engine</th></tr>")
        for item in (i for i in run["items"] if i["lang"] == lang):
            mark = {"up": " <span class='up'>▲</span>", "down": " <span class='down'>▼</span>"}.get(moved.get(item["id"], ""), "")
            out.append(
                f"<tr><td>{html.escape(item['id'])}{mark}<br><small>{html.escape(item['situation'])}</small></td>"
                f"<td>{html.escape(item['text'])}</td><td>{diff_html(item['text'], item['output'])}</td>"
                f"<td>{html.escape(item['reference'] or '')}</td><td class='flags'>{_flags(item)}</td>"
                f"<td class='num'>{'' if item['chrf'] is None else format(item['chrf'], '.1f')}</td><td>{item['engine']}</td></tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)
