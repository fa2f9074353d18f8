"""CSV exports: one macro per row, the reply in a chosen column.

Rows that do not change are written back as their original bytes; changed
rows are re-quoted with the file's own dialect.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..errors import RewriterError

LIKELY_COLUMNS = ("body", "content", "text", "reply", "message", "response", "template", "macro")


@dataclass
class CsvTable:
    header: list[str]
    rows: list[list[str]]
    row_lines: list[tuple[int, int]]    # original line range of each row (header is row 0)
    lines: list[str]
    dialect: type[csv.Dialect]
    column: int


def parse_csv(text: str, where: str, column: str | None) -> CsvTable:
    lines = text.splitlines(keepends=True)
    if not lines:
        raise RewriterError(f"{where}: empty CSV file")
    try:
        dialect = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows, spans = [], []
    reader = csv.reader(iter(lines), dialect, strict=True)
    start = 0
    try:
        for row in reader:
            rows.append(row)
            spans.append((start, reader.line_num))
            start = reader.line_num
    except csv.Error as exc:
        raise RewriterError(f"{where}:{reader.line_num}: malformed CSV: {exc}") from None
    header = rows[0]
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            raise RewriterError(f"{where}:{spans[n - 1][0] + 1}: row has {len(row)} fields, the header {len(header)}")
    return CsvTable(header, rows, spans, lines, dialect, _column(header, column, where))


def _column(header: list[str], wanted: str | None, where: str) -> int:
    lowered = [h.strip().lower() for h in header]
    if wanted:
        if wanted.isdigit() and int(wanted) < len(header):
            return int(wanted)
        if wanted.strip().lower() in lowered:
            return lowered.index(wanted.strip().lower())
        raise RewriterError(f"{where}: no column {wanted!r} (columns: {', '.join(header)})")
    for name in LIKELY_COLUMNS:
        if name in lowered:
            return lowered.index(name)
    raise RewriterError(f"{where}: which column holds the reply? pass --column (columns: {', '.join(header)})")


def dump_csv(table: CsvTable, changes: dict[int, str]) -> str:
    """The file with changed cells, original bytes elsewhere (row index -> new cell text)."""
    out = []
    for index, (start, end) in enumerate(table.row_lines):
        if index not in changes:
            out.append("".join(table.lines[start:end]))
            continue
        row = list(table.rows[index])
        row[table.column] = changes[index]
        ending = table.lines[end - 1][len(table.lines[end - 1].rstrip("\r\n")):] or "\n"
        buffer = io.StringIO()
        csv.writer(buffer, table.dialect, lineterminator=ending).writerow(row)
        out.append(buffer.getvalue())
    return "".join(out)
