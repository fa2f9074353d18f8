"""``rewriter check``: a linter for negative phrasing, in files or stdin."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from ..lint.report_formats import FORMATS
from .inputs import expand_paths, read_file
from .options import add_config, add_language, check_language

HELP = """\
Lint files for negative phrasing. Formats:
  text    path:line:col: severity rule message   (default)
  line    path:line:col:rule:message
  json    a list of findings with suggestions
  sarif   SARIF 2.1.0 for code-scanning upload
  github  GitHub Actions workflow annotations
Exit code 0 when nothing at or above --min-level is found, 1 when something
is, 2 for usage or input errors. Use - to read stdin.
"""
LEVELS = ("suggestion", "warning", "error")
SHOWS_SUGGESTIONS = ("json", "sarif", "github")   # text and line skip computing rewrites


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("check", help="lint files for negative phrasing", description=HELP,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="files or folders to check (a folder: its .txt, .md and .html files), or - for stdin")
    add_language(p)
    p.add_argument("--format", "-f", choices=["text", "line", "json", "sarif", "github"], default="text",
                   help="output format (default: text)")
    p.add_argument("--min-level", choices=LEVELS, default="suggestion",
                   help="lowest severity that is reported and fails the check (default: suggestion)")
    add_config(p)
    p.set_defaults(run=run)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def run(args: argparse.Namespace) -> int:
    from ..config import load_config  # noqa: PLC0415
    from ..pipeline import Rewriter  # noqa: PLC0415

    check_language(args.lang)
    rewriter = Rewriter(args.lang, engines=("template",), config=load_config(args.config))
    floor = LEVELS.index(args.min_level)
    texts = [(("<stdin>" if path == "-" else path), read_file(path)) for path in expand_paths(args.files)]
    suggest = args.format in SHOWS_SUGGESTIONS
    reported = []
    for path, text in texts:
        for line_no, line in _paragraphs(text):
            if not line.strip():
                continue
            # A hard-wrapped sentence is checked whole; a space for each line
            # break keeps every offset where it was.
            for f in rewriter.rewrite(line.replace("\n", " "), rewrite=suggest).findings:
                if LEVELS.index(f.severity) < floor:
                    continue
                ln, col = line_col(line, f.start)
                end_ln, end_col = line_col(line, max(f.start, f.end - 1))
                data = {k: v for k, v in f.to_dict().items() if k not in ("start", "end")}
                reported.append({"path": path, "line": line_no + ln - 1, "column": col,
                                 "end_line": line_no + end_ln - 1, "end_column": end_col + 1, **data})
    sys.stdout.write(FORMATS[args.format](reported))
    return 1 if reported else 0


_SENTENCE_END_CHARS = frozenset(".!?:;…>]})\"'”»")


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each line, with a hard-wrapped sentence kept
    together: a line that does not end a sentence joins the next when that one
    goes on in lower case ("We can't deliver the" + "sofa on Saturday.").
    Lists, headings and tables start with a marker, not a lower-case word, so
    their lines stay apart."""
    lines = text.split("\n")
    number = 0
    while number < len(lines):
        start, chunk = number, lines[number]
        while number + 1 < len(lines) and _goes_on(lines[number], lines[number + 1]):
            number += 1
            chunk += "\n" + lines[number]
        yield start + 1, chunk
        number += 1


def _goes_on(line: str, following: str) -> bool:
    """Does ``following`` continue the sentence of ``line``? (Not after a sentence end; only in lower case.)"""
    last = line.rstrip()[-1:]
    if not last or last in _SENTENCE_END_CHARS:
        return False
    first = following.lstrip()[:1]
    return first.isalpha() and first.islower()
