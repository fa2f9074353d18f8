"""``rewriter check``: a linter for negative phrasing, in files or stdin."""
from __future__ import annotations

import argparse
import json
import sys

from .inputs import read_file
from .options import add_config, add_language, check_language

HELP = """\
List negative statements as path:line:col: severity rule message.
Exit code 0 when nothing at or above --min-level is found, 1 when something
is, 2 for usage or input errors. Use - to read stdin.
"""
LEVELS = ("suggestion", "warning", "error")


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("check", help="lint files for negative phrasing", description=HELP,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE", help="files to check, or - for stdin")
    add_language(p)
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
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
    texts = [(("<stdin>" if path == "-" else path), read_file(path)) for path in args.files]
    reported = []
    for path, text in texts:
        for line_no, line in _paragraphs(text):
            if not line.strip():
                continue
            for f in rewriter.rewrite(line).findings:
                if LEVELS.index(f.severity) < floor:
                    continue
                ln, col = line_col(line, f.start)
                reported.append({"path": path, "line": line_no + ln - 1, "column": col, **f.to_dict()})
    if args.format == "json":
        json.dump(reported, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for r in reported:
            print(f"{r['path']}:{r['line']}:{r['column']}: {r['severity']} {r['rule']} {r['message']}")
    return 1 if reported else 0


def _paragraphs(text: str):
    """(first line number, text) of each line; lines are checked one by one."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line
