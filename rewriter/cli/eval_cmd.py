"""``rewriter eval``: quality per language on the dev set, as a table, JSON and HTML."""
from __future__ import annotations

import argparse
import json
import sys

from ..errors import RewriterError
from .atomic import check_writable, same_file, write_all_atomic

HELP = """\
Rewrite every dev-set item and score it per language: negation-free, action
offered, protected tokens kept, language kept, already-positive items kept
unchanged, chrF++ against the reference, unknown-word share (fluency proxy),
J = mean of negation-free x action x kept x language, and the engine mix.
Default dev set: eval/dev_*.jsonl.
"""


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("eval", help="measure rewrite quality on the dev set", description=HELP,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="*", metavar="FILE", help="dev-set JSONL files (default: eval/dev_*.jsonl)")
    p.add_argument("--lang", "-l", action="append", metavar="LANG", help="only items of this language (repeatable)")
    p.add_argument("--engine", default="template", metavar="LIST", help="stages to use, in order: template (default); template,model lets the seq2seq model try the sentences no template rewrote; model,template lets it try first (it added no good rewrite on the sealed sets; docs/BENCHMARKS.md)")
    p.add_argument("--json", metavar="FILE", help="write the full results as JSON (use as a later --baseline)")
    p.add_argument("--html", metavar="FILE", help="write an HTML report with every item side by side")
    p.add_argument("--baseline", metavar="FILE", help="an earlier --json file to compare with")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..evaluation.devset import default_paths, load_items  # noqa: PLC0415
    from ..evaluation.html_report import render_html  # noqa: PLC0415
    from ..evaluation.run import compare, evaluate, load_run  # noqa: PLC0415
    from ..evaluation.table import render_table  # noqa: PLC0415
    from .options import check_language  # noqa: PLC0415
    from .progress import Progress  # noqa: PLC0415

    try:
        import sacrebleu  # noqa: F401, PLC0415
    except ImportError:
        raise RewriterError("rewriter eval needs sacrebleu: pip install -e '.[test]' (or make test)") from None
    paths = args.files or default_paths()
    if not paths:
        raise RewriterError("no dev set: give JSONL files, or run from the repository root (eval/dev_*.jsonl)")
    _check_outputs(args, paths)
    items = load_items(paths)
    if args.lang:
        for code in args.lang:
            check_language(code)
        items = [i for i in items if i.lang in args.lang]
    for item in items:
        check_language(item.lang)
    if not items:
        raise RewriterError("no items to evaluate")
    baseline = load_run(args.baseline) if args.baseline else None
    engines = tuple(e.strip() for e in args.engine.split(",") if e.strip())
    with Progress(len(items), "evaluating") as bar:
        results = evaluate(items, engines, progress=bar.advance)
    comparison = compare(results, baseline) if baseline else None
    if comparison:
        results["comparison"] = comparison
    sys.stdout.write(render_table(results, comparison))
    files = []
    if args.json:
        files.append((args.json, (json.dumps(results, ensure_ascii=False, indent=1) + "\n").encode("utf-8")))
    if args.html:
        files.append((args.html, render_html(results, comparison).encode("utf-8")))
    write_all_atomic(files)        # both or neither
    for path, _ in files:
        print(f"wrote {path}")
    return 0


def _check_outputs(args: argparse.Namespace, inputs: list[str]) -> None:
    """--json and --html must not overwrite an input (a dev-set file, the baseline) or each other; fail before the run."""
    outputs = [(flag, path) for flag, path in (("--json", args.json), ("--html", args.html)) if path]
    for flag, path in outputs:
        if path == "-":
            raise RewriterError(f"{flag} needs a file name, not -")
        for other in [*inputs, *([args.baseline] if args.baseline else [])]:
            if same_file(path, other):
                raise RewriterError(f"{path}: is an input of this run ({other}); give {flag} another file")
        check_writable(path)
    if len(outputs) == 2 and same_file(outputs[0][1], outputs[1][1]):
        raise RewriterError(f"{args.json}: given to both --json and --html")
