"""Output formats of ``rewriter check``, after Vale's conventions.

text    path:line:col: severity rule message        (people)
line    path:line:col:rule:message                  (grep, editors)
json    a list of finding objects                   (scripts)
sarif   SARIF 2.1.0, stable rule ids                (code-scanning upload)
github  ::warning file=...,line=...,col=...::...    (workflow annotations)
"""
from __future__ import annotations

import json
from collections.abc import Callable

from .. import __version__

SARIF_LEVEL = {"suggestion": "note", "warning": "warning", "error": "error"}
GITHUB_LEVEL = {"suggestion": "notice", "warning": "warning", "error": "error"}


def as_text(findings: list[dict]) -> str:
    return "".join(f"{f['path']}:{f['line']}:{f['column']}: {f['severity']} {f['rule']} {f['message']}\n" for f in findings)


def as_line(findings: list[dict]) -> str:
    return "".join(f"{f['path']}:{f['line']}:{f['column']}:{f['rule']}:{f['message']}\n" for f in findings)


def as_json(findings: list[dict]) -> str:
    return json.dumps(findings, ensure_ascii=False, indent=2) + "\n"


def _github_escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def as_github(findings: list[dict]) -> str:
    out = []
    for f in findings:
        props = ",".join([f"file={_github_escape(f['path'], True)}", f"line={f['line']}", f"col={f['column']}",
                          f"endColumn={f['end_column']}", f"title={_github_escape(f['rule'], True)}"])
        message = f["message"] + (f" Suggestion: {f['suggestion']}" if f.get("suggestion") else "")
        out.append(f"::{GITHUB_LEVEL[f['severity']]} {props}::{_github_escape(message)}\n")
    return "".join(out)


def as_sarif(findings: list[dict]) -> str:
    rules: dict[str, dict] = {}
    results = []
    for f in findings:
        if f["rule"] not in rules:
            rules[f["rule"]] = {
                "id": f["rule"],
                "name": "".join(part.title() for part in f["rule"].replace(".", "_").split("_")),
                "shortDescription": {"text": f["message"]},
                "properties": {"category": f["category"]},
                "defaultConfiguration": {"level": SARIF_LEVEL[f["severity"]]},
            }
        result = {
            "ruleId": f["rule"],
            "ruleIndex": list(rules).index(f["rule"]),
            "level": SARIF_LEVEL[f["severity"]],
            "message": {"text": f["message"]},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": f["path"]},
                "region": {"startLine": f["line"], "startColumn": f["column"], "endLine": f["end_line"],
                           "endColumn": f["end_column"], "snippet": {"text": f["text"]}},
            }}],
        }
        if f.get("suggestion"):
            result["properties"] = {"suggestion": f["suggestion"]}
        results.append(result)
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "rewriter", "version": __version__, "rules": list(rules.values())}},
            "results": results,
        }],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"


FORMATS: dict[str, Callable[[list[dict]], str]] = {
    "text": as_text, "line": as_line, "json": as_json, "sarif": as_sarif, "github": as_github,
}
