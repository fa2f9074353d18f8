"""``rewriter polish``: rewrite a whole help-desk export and write it back losslessly."""
from __future__ import annotations

import argparse
import sys

from ..errors import RewriterError
from .atomic import check_writable, same_file, write_all_atomic
from .options import add_config, add_drafts, add_partial, add_tone, check_language

HELP = """\
Rewrite every reply text in a help-desk export and write the result to
OUTPUT (atomically; the input is never modified unless --in-place).
Formats: zendesk, freshdesk, helpscout, intercom, front, gorgias, zammad
(JSON exports), zammad-yaml and osticket (YAML exports), csv (one macro per
row, --column; any dialect; a JSON column such as actions_json is rewritten
inside), text and markdown. Unknown keys, order, comments, HTML and
placeholders are kept exactly; a file with nothing to change is written back
byte for byte. A summary accounts for every macro: rewritten, unchanged,
needs review (a finding no stage could rewrite). Output and --report are
written together or not at all. Exit code 0 on success, 2 for bad usage or
input (then no file is written).
"""


def register(commands: argparse._SubParsersAction) -> None:
    from ..formats.names import FORMAT_NAMES  # noqa: PLC0415

    p = commands.add_parser("polish", help="rewrite a help-desk export (Zendesk, Freshdesk, CSV, ...)",
                            description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input", metavar="INPUT", help="the export file, or - for stdin")
    p.add_argument("-o", "--output", metavar="OUTPUT", help="where to write the polished export")
    p.add_argument("--in-place", action="store_true", help="overwrite INPUT (atomically)")
    p.add_argument("--format", default="auto", choices=FORMAT_NAMES, help="export format (default: auto, from the file)")
    p.add_argument("--lang", "-l", default="auto", metavar="LANG",
                   help="language: fi, is, nb, en, or auto to detect per text (default: auto)")
    add_tone(p)
    p.add_argument("--column", metavar="NAME", help="CSV: the column with the reply text (default: body/content/text/...)")
    p.add_argument("--report", metavar="FILE", help="write an HTML review report of every changed macro")
    p.add_argument("--engine", default="template", metavar="LIST", help="stages to use, in order: template (default); template,model lets the seq2seq model try the sentences no template rewrote; model,template lets it try first (it added no good rewrite on the sealed sets; docs/BENCHMARKS.md)")
    add_partial(p)
    add_drafts(p)
    add_config(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..config import load_config  # noqa: PLC0415
    from ..formats.document import polish, read_source  # noqa: PLC0415
    from ..formats.review_report import render_review  # noqa: PLC0415
    from ..pipeline import Rewriter  # noqa: PLC0415
    from .progress import Progress  # noqa: PLC0415

    if args.in_place and args.output:
        raise RewriterError("give either -o OUTPUT or --in-place, not both")
    if args.in_place and args.input == "-":
        raise RewriterError("--in-place needs a file, not stdin")
    if not args.in_place and not args.output:
        raise RewriterError("where should the result go? give -o OUTPUT (or --in-place)")
    output = args.input if args.in_place else args.output
    if not args.in_place and same_file(args.input, output):
        raise RewriterError(f"{output}: is the input file; use --in-place to overwrite it")
    if args.report is not None:
        if args.report == "-":
            raise RewriterError("--report needs a file name, not -")
        for other, what in ((args.input, "the input file"), (output, "the output file")):
            if same_file(args.report, other):
                raise RewriterError(f"{args.report}: is {what}; give the report another name")
    # Every output is checked before the work starts, so a typo costs seconds, not the whole run.
    for path in (output, args.report):
        if path is not None and path != "-":
            check_writable(path)
    check_language(args.lang)
    engines = tuple(e.strip() for e in args.engine.split(",") if e.strip())
    rewriter = Rewriter(args.lang, args.tone, engines=engines, config=load_config(args.config),
                        partial=args.partial, drafts=args.drafts)
    text = read_source(args.input)
    name = "<stdin>" if args.input == "-" else args.input
    with Progress(max(1, text.count("\n") // 3), "polishing") as bar:
        polished = polish(name, text, args.format, rewriter, args.column, progress=bar.advance)
    # Output and report are written together, or neither is.
    files = [(args.report, render_review(polished, name).encode("utf-8"))] if args.report else []
    if output != "-":
        files.insert(0, (output, polished.output.encode("utf-8")))
    write_all_atomic(files)
    if output == "-":
        sys.stdout.write(polished.output)
    counts = polished.summary()
    stream = sys.stderr if output == "-" else sys.stdout
    if stream is None:          # stderr closed while the output goes to stdout: no summary
        return 0
    print(f"{polished.format}: {counts['macros']} macros: {counts['rewritten']} rewritten, {counts['unchanged']} unchanged, "
          f"{counts['needs review']} need review, {counts['no reply text']} without reply text"
          + (f"; wrote {output}" if output != "-" else "") + (f"; report {args.report}" if args.report else ""), file=stream)
    return 0
