"""CSV exports: one macro per row, the reply in a chosen column.

The dialect is found, not assumed: Zammad writes ``;`` with quoted multi-line
cells, others ``,`` or tabs. ``csv.Sniffer`` guesses from a sample; every
candidate (its guess, then ``,`` ``;`` tab ``|``) is tried on the whole file,
and the one that gives every row as many fields as the header wins.

The file is read with a small scanner that remembers where each cell is, so a
rewrite replaces just that cell: every other byte (quoting, line endings,
the other cells) stays as it was, and a file with nothing to change comes
back byte for byte. A changed cell is quoted when it was quoted or now needs
it. Cells may be as large as the file (no 128 KiB field limit).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from typing import NamedTuple

from ..errors import RewriterError

LIKELY_COLUMNS = ("body", "content", "text", "reply", "message", "response", "template", "macro")
JSON_COLUMNS = ("actions_json", "actions")      # a Zendesk macro CSV for the API keeps the reply in here
DELIMITERS = (",", ";", "\t", "|")
QUOTE = '"'


class Cell(NamedTuple):
    value: str
    start: int            # span of the cell in the text, quotes included
    end: int
    quoted: bool


@dataclass
class CsvTable:
    text: str
    delimiter: str
    rows: list[list[Cell]]          # rows[0] is the header
    row_lines: list[int]            # 1-based line where each row starts
    column: int

    @property
    def header(self) -> list[str]:
        return [c.value for c in self.rows[0]]


class _Malformed(Exception):
    def __init__(self, pos: int, what: str):
        super().__init__(what)
        self.pos, self.what = pos, what


class _Uneven(Exception):
    def __init__(self, pos: int, fields: int, header: int):
        super().__init__(f"row has {fields} fields, the header {header}")
        self.pos = pos


def _line_col(text: str, pos: int) -> tuple[int, int]:
    return text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1


def scan(text: str, delimiter: str, width: bool = False) -> tuple[list[list[Cell]], list[int]]:
    """Rows of cells with their spans; blank lines are skipped. Raises _Malformed with a position, and
    _Uneven at the first row whose width differs from the header's when ``width`` is true."""
    d = re.escape(delimiter)
    cell_re = re.compile(f'"[^"]*(?:""[^"]*)*"|[^{d}\r\n]*')
    match = cell_re.match
    rows: list[list[Cell]] = []
    starts: list[int] = []
    pos, n = 0, len(text)
    header = 0
    while pos < n:
        if text[pos] in "\r\n":                       # a blank line is no row
            pos += 2 if text.startswith("\r\n", pos) else 1
            continue
        row: list[Cell] = []
        starts.append(pos)
        while True:
            m = match(text, pos)
            end = m.end()
            if text.startswith(QUOTE, pos):
                if end == pos or text[end - 1] != QUOTE or end - pos < 2:
                    raise _Malformed(pos, "a quoted cell is never closed")
                if end < n and text[end] not in delimiter + "\r\n":
                    raise _Malformed(end, f"{text[end]!r} after the closing quote of a cell")
                row.append(Cell(text[pos + 1:end - 1].replace('""', '"'), pos, end, True))
            else:
                row.append(Cell(m.group(), pos, end, False))
            pos = end
            if pos < n and text[pos] == delimiter:
                pos += 1
                continue
            break
        pos += 2 if text.startswith("\r\n", pos) else (1 if pos < n else 0)
        if not rows:
            header = len(row)
        elif width and len(row) != header:
            raise _Uneven(starts[-1], len(row), header)
        rows.append(row)
    return rows, _lines_of(text, starts)


def _lines_of(text: str, starts: list[int]) -> list[int]:
    lines, line, last = [], 1, 0
    for s in starts:
        line += text.count("\n", last, s)
        last = s
        lines.append(line)
    return lines


def _sniffed(text: str) -> str | None:
    try:
        return csv.Sniffer().sniff(text[:64 * 1024], delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return None


def parse_csv(text: str, where: str, column: str | None) -> CsvTable:
    if not text.strip():
        raise RewriterError(f"{where}: empty CSV file")
    guess = _sniffed(text)
    candidates = list(dict.fromkeys([*([guess] if guess else []), *DELIMITERS]))
    header_line = text.split("\n", 1)[0]
    # A delimiter that is not in the header line would give one column; try those only when nothing else is there.
    candidates = [d for d in candidates if d in header_line] or candidates[:1]
    best, first_problem = None, None
    for delimiter in candidates:
        try:
            rows, lines = scan(text, delimiter, width=True)
        except _Malformed as exc:
            line, col = _line_col(text, exc.pos)
            first_problem = first_problem or f"{where}:{line}:{col}: malformed CSV: {exc.what}"
            continue
        except _Uneven as exc:
            line, _ = _line_col(text, exc.pos)
            first_problem = first_problem or f"{where}:{line}: {exc} (delimiter {delimiter!r})"
            continue
        if best is None or len(rows[0]) > len(best[1][0]):    # the delimiter that splits the header into most fields
            best = (delimiter, rows, lines)
    if best is None or (len(best[1][0]) == 1 and first_problem):
        # One column only where another reading fails: that failure is the real problem.
        raise RewriterError(first_problem or f"{where}: malformed CSV")
    delimiter, rows, lines = best
    header = [c.value for c in rows[0]]
    return CsvTable(text, delimiter, rows, lines, _column(header, column, where))


def _column(header: list[str], wanted: str | None, where: str) -> int:
    lowered = [h.strip().lower() for h in header]
    if wanted:
        if wanted.isdigit() and int(wanted) < len(header):
            return int(wanted)
        if wanted.strip().lower() in lowered:
            return lowered.index(wanted.strip().lower())
        raise RewriterError(f"{where}: no column {wanted!r} (columns: {', '.join(header)})")
    for name in (*LIKELY_COLUMNS, *JSON_COLUMNS):
        if name in lowered:
            return lowered.index(name)
    raise RewriterError(f"{where}: which column holds the reply? pass --column (columns: {', '.join(header)})")


def quote_cell(value: str, delimiter: str, was_quoted: bool) -> str:
    if was_quoted or not value or any(ch in value for ch in (delimiter, QUOTE, "\r", "\n")) or value != value.strip():
        return QUOTE + value.replace(QUOTE, QUOTE * 2) + QUOTE
    return value


def dump_csv(table: CsvTable, changes: dict[int, str]) -> str:
    """The file with changed cells (row index -> new cell text) and the original bytes everywhere else."""
    out, pos = [], 0
    for index in sorted(changes):
        cell = table.rows[index][table.column]
        out.append(table.text[pos:cell.start])
        out.append(quote_cell(changes[index], table.delimiter, cell.quoted))
        pos = cell.end
    out.append(table.text[pos:])
    return "".join(out)
