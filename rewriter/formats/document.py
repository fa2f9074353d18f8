"""Read an export, rewrite its reply texts, and write it back losslessly.

Shared by every format: the format says where the texts are; this module
rewrites each text with the pipeline (HTML and placeholders are protected
spans), keeps plain twins consistent with their HTML field, accounts for
every macro (rewritten, unchanged, needs review) and produces the new file
content. Nothing here writes to disk.
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RewriterError
from ..pipeline import Result, Rewriter
from . import helpdesk, jsonspans, tabular
from .names import FORMAT_NAMES

MAX_BYTES = 100 * 1024 * 1024
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)


@dataclass
class FieldChange:
    where: str               # JSON path, CSV row or "text"
    before: str
    after: str
    lang: str
    unresolved: list[str]    # rules of findings no stage could rewrite


@dataclass
class MacroOutcome:
    index: int
    title: str
    fields: list[FieldChange] = field(default_factory=list)

    @property
    def status(self) -> str:
        if any(f.unresolved for f in self.fields):
            return "needs review"
        if any(f.before != f.after for f in self.fields):
            return "rewritten"
        return "unchanged"


@dataclass
class Polished:
    format: str
    original: str
    output: str
    macros: list[MacroOutcome]
    without_text: int = 0

    def summary(self) -> dict[str, int]:
        counts = {"macros": len(self.macros) + self.without_text, "rewritten": 0, "unchanged": 0,
                  "needs review": 0, "no reply text": self.without_text}
        for macro in self.macros:
            counts[macro.status] += 1
        return counts


def read_source(path: str) -> str:
    from ..cli.inputs import read_file  # noqa: PLC0415

    p = Path(path)
    if path != "-" and p.is_file() and p.stat().st_size > MAX_BYTES:
        raise RewriterError(f"{path}: too large ({p.stat().st_size // (1024 * 1024)} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    return read_file(path)


def detect_format(path: str, text: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv"
    if suffix in (".md", ".markdown"):
        return "markdown"
    if suffix in (".txt", ".text"):
        return "text"
    if suffix == ".json" or text.lstrip()[:1] in ("{", "["):
        data, _ = jsonspans.parse(text, path)
        for fmt in helpdesk.FORMATS:
            if fmt.recognise(data):
                return fmt.name
        raise RewriterError(f"{path}: unknown format: this JSON is not a Zendesk, Freshdesk, Help Scout, Intercom, Front, "
                            "Gorgias or Zammad export I recognise; pass --format")
    raise RewriterError(f"{path}: unknown format (extension {suffix or 'none'}); pass --format")


def polish(path: str, text: str, fmt: str, rewriter: Rewriter, column: str | None = None, progress=None) -> Polished:
    """Rewrite the reply texts of an export held in ``text``."""
    if fmt == "auto":
        fmt = detect_format(path, text)
    if fmt in helpdesk.BY_NAME:
        return _polish_json(path, text, helpdesk.BY_NAME[fmt], rewriter, progress)
    if fmt == "csv":
        return _polish_csv(path, text, rewriter, column, progress)
    if fmt in ("text", "markdown"):
        return _polish_text(text, fmt, rewriter)
    raise RewriterError(f"unknown format {fmt!r} (use {', '.join(FORMAT_NAMES)})")


def _rewrite(text: str, rewriter: Rewriter) -> Result:
    return rewriter.rewrite(text)


def _unresolved(result: Result) -> list[str]:
    edited = [(e.start, e.end) for e in result.edits]
    return [f.rule for f in result.findings if not any(s <= f.start < e for s, e in edited)]


def _polish_json(path: str, text: str, fmt: helpdesk.JsonFormat, rewriter: Rewriter, progress) -> Polished:
    data, spans = jsonspans.parse(text, path)
    fields = list(fmt.fields(data))
    macros: dict[int, MacroOutcome] = {}
    changes: dict[jsonspans.Path, str] = {}
    results: dict[jsonspans.Path, Result] = {}
    for f in sorted(fields, key=lambda f: f.derived_from is not None):   # HTML fields before their twins
        before = jsonspans.get(data, f.path)
        assert isinstance(before, str)
        macro = macros.setdefault(f.macro, MacroOutcome(f.macro, f.title))
        twin = results.get(f.derived_from) if f.derived_from else None
        after = _apply_twin(before, twin) if twin is not None else None
        if after is None:
            result = _rewrite(before, rewriter) if before.strip() else None
            results[f.path] = result
            after = result.output if result else before
            unresolved = _unresolved(result) if result else []
            lang = result.lang if result else ""
        else:
            unresolved, lang = [], twin.lang
        if after != before:
            changes[f.path] = after
        macro.fields.append(FieldChange("/".join(map(str, f.path)), before, after, lang, unresolved))
        if progress:
            progress()
    output = jsonspans.replace(text, spans, changes) if changes else text
    total = helpdesk.record_count(data, fmt)
    ordered = [macros[i] for i in sorted(macros)]
    return Polished(fmt.name, text, output, ordered, max(0, total - len(ordered)))


def plain_of(html_text: str) -> str:
    """What a reader sees of an HTML fragment, for matching it in a plain twin."""
    text = re.sub(r"<[^>]+>", "", html_text)
    return html_lib.unescape(text)


def _apply_twin(plain: str, html_result: Result) -> str | None:
    """The HTML field's edits applied to its plain twin; None if the twin does not hold those sentences."""
    out = plain
    for edit in html_result.edits:
        old, new = plain_of(edit.original), plain_of(edit.replacement)
        if old not in out:
            return None
        out = out.replace(old, new)
    return out


def _polish_csv(path: str, text: str, rewriter: Rewriter, column: str | None, progress) -> Polished:
    table = tabular.parse_csv(text, path, column)
    macros, changes = [], {}
    for index in range(1, len(table.rows)):
        cell = table.rows[index][table.column]
        title = table.rows[index][0] if table.column != 0 else f"row {index + 1}"
        macro = MacroOutcome(index - 1, title)
        if cell.strip():
            result = _rewrite(cell, rewriter)
            if result.output != cell:
                changes[index] = result.output
            macro.fields.append(FieldChange(f"row {table.row_lines[index][0] + 1}", cell, result.output, result.lang,
                                            _unresolved(result)))
        macros.append(macro)
        if progress:
            progress()
    output = tabular.dump_csv(table, changes) if changes else text
    return Polished("csv", text, output, macros)


def _polish_text(text: str, fmt: str, rewriter: Rewriter) -> Polished:
    """Plain text or Markdown: the whole file is one macro; fenced code is left alone."""
    pieces, pos = [], 0
    if fmt == "markdown":
        for m in _FENCE.finditer(text):
            pieces.append((text[pos:m.start()], True))
            pieces.append((m.group(), False))
            pos = m.end()
    pieces.append((text[pos:], True))
    macro = MacroOutcome(0, "text")
    out = []
    for piece, is_prose in pieces:
        if not is_prose or not piece.strip():
            out.append(piece)
            continue
        result = _rewrite(piece, rewriter)
        out.append(result.output)
        macro.fields.append(FieldChange("text", piece, result.output, result.lang, _unresolved(result)))
    return Polished(fmt, text, "".join(out), [macro])
