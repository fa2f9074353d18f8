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
from . import helpdesk, jsonspans, tabular, yamlspans
from .names import FORMAT_NAMES

MAX_BYTES = 100 * 1024 * 1024          # the same limit for a file and for stdin
LANGUAGE_UNKNOWN = "language not identified"
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
    """The export's text: a file or stdin ("-"), at most MAX_BYTES either way."""
    from ..cli.inputs import read_file  # noqa: PLC0415

    return read_file(path, MAX_BYTES)


def detect_format(path: str, text: str) -> str:
    return _detect(path, text)[0]


def _detect(path: str, text: str) -> tuple[str, tuple[str, object, dict] | None]:
    """The format, and what was parsed to tell it (("json" or "yaml", data, spans)), so `polish` parses once."""
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".tsv"):
        return "csv", None
    if suffix in (".md", ".markdown"):
        return "markdown", None
    if suffix in (".txt", ".text"):
        return "text", None
    if suffix == ".json" or text.lstrip()[:1] in ("{", "["):
        data, spans = jsonspans.parse(text, path)
        for fmt in helpdesk.FORMATS:
            if fmt.recognise(data):
                return fmt.name, ("json", data, spans)
        raise RewriterError(f"{path}: unknown format: this JSON is not a Zendesk, Freshdesk, Help Scout, Intercom, Front, "
                            "Gorgias or Zammad export I recognise; pass --format")
    if suffix in (".yaml", ".yml") or not suffix:
        parsed = None
        try:
            data, spans = yamlspans.parse(text, path)
            parsed = ("yaml", data, spans)
        except RewriterError:
            if suffix:
                raise
            data = None
        for fmt in helpdesk.YAML_FORMATS:
            if fmt.recognise(data):
                return fmt.name, parsed
        if suffix:
            raise RewriterError(f"{path}: unknown format: this YAML is not a Zammad text-module or osTicket "
                                "canned-response export I recognise; pass --format")
    raise RewriterError(f"{path}: unknown format (extension {suffix or 'none'}); pass --format")


def polish(path: str, text: str, fmt: str, rewriter: Rewriter, column: str | None = None, progress=None) -> Polished:
    """Rewrite the reply texts of an export held in ``text``."""
    parsed = None
    if fmt == "auto":
        fmt, parsed = _detect(path, text)
    if fmt in helpdesk.BY_NAME:
        data, spans = parsed[1:] if parsed and parsed[0] == "json" else jsonspans.parse(text, path)
        edits = _polish_fields(path, data, helpdesk.BY_NAME[fmt], rewriter, progress)
        output = jsonspans.replace(text, spans, edits.changes) if edits.changes else text
        return edits.polished(fmt, text, output, data, helpdesk.BY_NAME[fmt])
    if fmt in helpdesk.YAML_BY_NAME:
        data, spans = parsed[1:] if parsed and parsed[0] == "yaml" else yamlspans.parse(text, path)
        edits = _polish_fields(path, data, helpdesk.YAML_BY_NAME[fmt], rewriter, progress)
        output = yamlspans.replace(text, data, spans, edits.changes, path) if edits.changes else text
        return edits.polished(fmt, text, output, data, helpdesk.YAML_BY_NAME[fmt])
    if fmt == "csv":
        return _polish_csv(path, text, rewriter, column, progress)
    if fmt in ("text", "markdown"):
        return _polish_text(path, text, fmt, rewriter)
    raise RewriterError(f"unknown format {fmt!r} (use {', '.join(FORMAT_NAMES)})")


def _rewrite(text: str, rewriter: Rewriter, where: str) -> tuple[Result | None, list[str]]:
    """The rewrite of one text and the findings no stage resolved.

    One macro never stops the export: a text whose language cannot be told
    (an emoji, only a placeholder, a number, a URL) is unchanged when it has
    no words to rewrite and needs review when it has; any other failure of
    the pipeline on one text marks that text for review. Only problems that
    concern every text (a broken bank) stop the run, naming the macro."""
    try:
        result = rewriter.rewrite(text)
    except RewriterError as exc:
        if rewriter.lang != "auto" or _language_known(text):
            raise RewriterError(f"{where}: {exc}") from None
        return None, ([LANGUAGE_UNKNOWN] if _has_words(text) else [])
    except Exception as exc:  # noqa: BLE001 - account for the macro and go on with the rest
        return None, [f"not rewritten: {type(exc).__name__}"]
    return result, _unresolved(result)


def _language_known(text: str) -> bool:
    from ..text.protect import mask, visible  # noqa: PLC0415
    from ..verification.langid import identify  # noqa: PLC0415

    return identify(visible(mask(text).text)) is not None


def _has_words(text: str) -> bool:
    """Is there anything to rewrite once tags, placeholders, URLs and numbers are set aside?"""
    from ..text.protect import mask, visible  # noqa: PLC0415

    return any(ch.isalpha() for ch in visible(mask(text).text))


def _unresolved(result: Result) -> list[str]:
    """The rules of the findings left as they were; a rewrite held back (a draft) is named once, to check."""
    edited = [(e.start, e.end) for e in result.edits]
    left, drafts = [], []
    for f in result.findings:
        if any(s <= f.start < e for s, e in edited):
            continue
        left.append(f.rule)
        if f.suggestion and f.suggestion not in drafts:
            drafts.append(f.suggestion)
    return left + [f"suggested, not applied: {d}" for d in drafts]


@dataclass
class _FieldEdits:
    changes: dict[jsonspans.Path, str]
    macros: dict[int, MacroOutcome]

    def polished(self, name: str, text: str, output: str, data: object, fmt: helpdesk.JsonFormat) -> Polished:
        total = helpdesk.record_count(data, fmt)
        ordered = [self.macros[i] for i in sorted(self.macros)]
        return Polished(name, text, output, ordered, max(0, total - len(ordered)))


def _polish_fields(path: str, data: object, fmt: helpdesk.JsonFormat, rewriter: Rewriter, progress,
                   fields: list[helpdesk.TextField] | None = None) -> _FieldEdits:
    """Rewrite every text field of ``data``: the new texts by path, and an outcome per macro."""
    fields = list(fmt.fields(data)) if fields is None else fields
    macros: dict[int, MacroOutcome] = {}
    changes: dict[jsonspans.Path, str] = {}
    results: dict[jsonspans.Path, Result | None] = {}
    for f in sorted(fields, key=lambda f: f.derived_from is not None):   # HTML fields before their twins
        before = jsonspans.get(data, f.path)
        assert isinstance(before, str)
        macro = macros.setdefault(f.macro, MacroOutcome(f.macro, f.title))
        twin = results.get(f.derived_from) if f.derived_from else None
        after = _apply_twin(before, twin) if twin is not None else None
        if after is None:
            where = f"{path}: macro {f.title or str(f.macro + 1)!r} ({'/'.join(map(str, f.path))})"
            result, unresolved = _rewrite(before, rewriter, where) if before.strip() else (None, [])
            results[f.path] = result
            after = result.output if result else before
            lang = result.lang if result else ""
        else:
            unresolved, lang = [], twin.lang
        if after != before:
            changes[f.path] = after
        macro.fields.append(FieldChange("/".join(map(str, f.path)), before, after, lang, unresolved))
        if progress:
            progress()
    return _FieldEdits(changes, macros)


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
    names = [h.strip().lower() for h in table.header]
    title_column = next((names.index(k) for k in ("title", "name", "subject") if k in names),
                        0 if table.column != 0 else None)
    json_cells = _holds_json(table)
    macros, changes, without_text = [], {}, 0
    for index in range(1, len(table.rows)):
        cell = table.rows[index][table.column].value
        line = table.row_lines[index]
        title = table.rows[index][title_column].value if title_column is not None else f"row {line}"
        macro = MacroOutcome(index - 1, title)
        where = f"{path}:{line}: macro {title!r}"
        if not cell.strip():
            without_text += 1
        elif json_cells:
            after = _polish_json_cell(cell, macro, where, rewriter, line)
            if after is None:
                without_text += 1
            else:
                macros.append(macro)
                if after != cell:
                    changes[index] = after
        else:
            result, unresolved = _rewrite(cell, rewriter, where)
            after = result.output if result else cell
            if after != cell:
                changes[index] = after
            macro.fields.append(FieldChange(f"row {line}", cell, after, result.lang if result else "", unresolved))
            macros.append(macro)
        if progress:
            progress()
    output = tabular.dump_csv(table, changes) if changes else text
    return Polished("csv", text, output, macros, without_text)


def _holds_json(table: tabular.CsvTable) -> bool:
    """Does the chosen column hold JSON (a Zendesk API CSV's ``actions_json``)? Judged by its first filled cell."""
    first = next((r[table.column].value.strip() for r in table.rows[1:] if r[table.column].value.strip()), "")
    if first[:1] not in ("[", "{"):
        return False
    try:
        jsonspans.parse(first, "cell")
    except RewriterError:
        return False
    return True


def _polish_json_cell(cell: str, macro: MacroOutcome, where: str, rewriter: Rewriter, line: int) -> str | None:
    """Rewrite the reply texts inside a JSON cell (a list of macro actions, or an object with ``actions``)
    in place, so the cell keeps its own style; None when the cell holds no reply text."""
    try:
        data, spans = jsonspans.parse(cell, where)
    except RewriterError as exc:
        macro.fields.append(FieldChange(f"row {line}", cell, cell, "", [f"malformed JSON ({exc})"]))
        return cell
    actions, at = (data.get("actions"), ("actions",)) if isinstance(data, dict) else (data, ())
    fields = list(helpdesk.action_fields(actions, at, macro.index, macro.title))
    if not fields:
        return None
    edits = _polish_fields(where, data, helpdesk.BY_NAME["zendesk"], rewriter, None, fields)
    for outcome in edits.macros.values():
        for f in outcome.fields:
            f.where = f"row {line}: {f.where}"
        macro.fields.extend(outcome.fields)
    return jsonspans.replace(cell, spans, edits.changes) if edits.changes else cell


def _polish_text(path: str, text: str, fmt: str, rewriter: Rewriter) -> Polished:
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
        result, unresolved = _rewrite(piece, rewriter, path)
        after = result.output if result else piece
        out.append(after)
        macro.fields.append(FieldChange("text", piece, after, result.lang if result else "", unresolved))
    return Polished(fmt, text, "".join(out), [macro])
