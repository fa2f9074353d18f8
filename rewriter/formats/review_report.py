"""The HTML review report of ``rewriter polish``: every changed macro side by side."""
from __future__ import annotations

import html

from ..evaluation.html_report import diff_html
from .document import Polished

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1200px}
table{border-collapse:collapse;width:100%} td,th{border:1px solid #ddd;padding:.4rem;vertical-align:top;font-size:.9rem}
th{background:#f4f4f4;text-align:left} del{background:#fdd} ins{background:#dfd;text-decoration:none}
.review{color:#b00;font-weight:600} .summary td{font-variant-numeric:tabular-nums}
pre{white-space:pre-wrap;margin:0;font-family:inherit}
"""


def render_review(polished: Polished, source: str) -> str:
    counts = polished.summary()
    out = ["<!doctype html><html><head><meta charset='utf-8'><title>rewriter polish review</title>",
           f"<style>{_CSS}</style></head><body>",
           f"<h1>Review: {html.escape(source)}</h1><p>Format: {polished.format}</p>",
           "<table class='summary'>" + "".join(f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>" for k, v in counts.items()) + "</table>",
           "<h2>Changed or needing review</h2>",
           "<table><tr><th>macro</th><th>field</th><th>before</th><th>after (changes marked)</th><th>status</th></tr>"]
    shown = 0
    for macro in polished.macros:
        if macro.status == "unchanged":
            continue
        for f in macro.fields:
            if f.before == f.after and not f.unresolved:
                continue
            shown += 1
            status = "rewritten" if not f.unresolved else f"<span class='review'>needs review: {html.escape(', '.join(f.unresolved))}</span>"
            out.append(f"<tr><td>{html.escape(macro.title)}</td><td>{html.escape(f.where)}<br><small>{f.lang}</small></td>"
                       f"<td><pre>{html.escape(f.before)}</pre></td><td><pre>{diff_html(f.before, f.after)}</pre></td>"
                       f"<td>{status}</td></tr>")
    out.append("</table>")
    if not shown:
        out.append("<p>Nothing changed.</p>")
    out.append("</body></html>")
    return "\n".join(out)
