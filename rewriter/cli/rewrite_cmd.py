"""``rewriter rewrite``: rewrite sentences given as arguments or one per stdin line."""
from __future__ import annotations

import argparse
import gc
import json
import re
import sys

from ..errors import RewriterError
from .inputs import read_stdin, stdin_is_terminal
from .options import add_config, add_drafts, add_language, add_partial, add_tone, check_language

HELP = """\
Rewrite negative sentences into positive ones that offer an action.
With TEXT arguments each one is an input; without, stdin is read: by default
every line is one input and one output line is written per input line (empty
lines stay empty); --by paragraph takes texts separated by blank lines (a
macro of several lines is one message), --by all takes the whole of stdin
as one message. Sentences that no stage can rewrite safely come back
unchanged, and their findings are reported (--json, --explain). A rewrite
of a sentence with more than one clause is a draft (--drafts strict: also
one that adds more than five words): the sentence stays as it was and the
draft is its finding's suggestion (printed to stderr for TEXT arguments, in
--json and --explain); --apply-drafts applies drafts too.

examples:
  rewriter rewrite --lang nb "Vi har dessverre ikke den røde kjolen på lager."
  rewriter rewrite --lang fi --explain < lines.txt
  rewriter rewrite --lang is --by paragraph --json < macros.txt
"""

# Blank lines (spaces allowed) between two paragraphs of stdin.
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)+")


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("rewrite", help="rewrite text (arguments or stdin lines)", description=HELP,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("text", nargs="*", metavar="TEXT", help="text to rewrite (default: read stdin, one input per line)")
    p.add_argument("--by", choices=["line", "paragraph", "all"], default="line",
                   help="how stdin is cut into inputs: line (default), paragraph (blank lines between texts; "
                        "each output is followed by the same blank lines) or all (stdin is one text)")
    add_language(p)
    add_tone(p)
    p.add_argument("--style", choices=["sentence", "full"], default="sentence",
                   help="sentence: rewrite negative sentences only (default); full: also add empathy and a "
                        "follow-up commitment around them (H.E.L.P.)")
    p.add_argument("--json", action="store_true",
                   help="one JSON object per input: input, output, lang, changed, engine, findings, edits")
    p.add_argument("--explain", action="store_true", help="show which rule fired, each candidate and why it passed or failed")
    p.add_argument("--engine", default="template", metavar="LIST",
                   help="stages to use, in order: template (default); template,model lets the seq2seq model try "
                        "the sentences no template rewrote; model,template lets it try first (it added no good "
                        "rewrite on the sealed sets; docs/BENCHMARKS.md)")
    p.add_argument("--beams", type=int, default=1, metavar="N",
                   help="model candidates per sentence: 1 is greedy (default), more is beam search (1-8)")
    add_partial(p)
    add_drafts(p)
    add_config(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..config import load_config  # noqa: PLC0415 - keep --help fast
    from ..pipeline import Rewriter  # noqa: PLC0415

    check_language(args.lang)
    engines = tuple(e.strip() for e in args.engine.split(",") if e.strip())
    rewriter = Rewriter(args.lang, args.tone, engines=engines, config=load_config(args.config), style=args.style,
                        beams=args.beams, partial=args.partial, explain=args.explain,
                        drafts=args.drafts)
    breaks: list[str] = []
    if args.text:
        inputs = list(args.text)
        if not any(t.strip() for t in inputs):
            raise RewriterError("empty input: give some text, or pipe lines on stdin")
    else:
        if stdin_is_terminal():
            print("reading lines from stdin (Ctrl-D to end)...", file=sys.stderr)
        data = read_stdin()
        if not data.strip():
            raise RewriterError("empty input: stdin had no text")
        inputs, breaks = split_stdin(data, args.by)
    if len(inputs) > 1 and args.lang != "auto":
        rewriter.bank_for("")
        # The bank and the input live until the process ends: frozen, the garbage
        # collector stops walking them again and again (2-3 % of a 10,000-line run).
        gc.freeze()
    try:
        out = sys.stdout
        # Lines from stdin go through rewrite_stream: with the model on, the sentences of many
        # lines reach it in one batch; the results are the same as rewrite() line by line.
        results = (rewriter.rewrite(t) for t in inputs if t.strip()) if args.text else \
            rewriter.rewrite_stream(t for t in inputs if t.strip())
        for i, text in enumerate(inputs):
            end = breaks[i] if i < len(breaks) and not args.json else "\n"
            if not text.strip():
                blank = {"input": text, "output": text, "lang": args.lang, "changed": False, "engine": "none",
                         "findings": [], "edits": []}
                out.write((json.dumps(blank, ensure_ascii=False) if args.json else text) + end)
                continue
            result = next(results)
            if args.json:
                out.write(json.dumps(result.to_dict(explain=args.explain), ensure_ascii=False) + end)
            else:
                out.write(result.output + "\n")
                if args.explain:
                    _explain(result, out)
                elif args.text:
                    _show_drafts(result)
                out.write(end[1:])
        out.flush()
    finally:
        gc.unfreeze()       # run() called in a long-lived process leaves its collector as it was
    return 0


def split_stdin(data: str, by: str) -> tuple[list[str], list[str]]:
    """The inputs of stdin and, for each, the line break(s) written after its output.

    ``line``: one input per line; ``paragraph``: texts between blank lines,
    each followed by the blank lines that followed it; ``all``: one text.
    """
    if by == "line":
        lines = data.splitlines()
        return lines, ["\n"] * len(lines)
    body = data.strip("\n")
    if by == "all":
        return [body], ["\n"]
    parts = _PARAGRAPH_BREAK.split(body)
    gaps = [m.group().replace(" ", "").replace("\t", "") for m in _PARAGRAPH_BREAK.finditer(body)]
    return parts, gaps + ["\n"]


def _show_drafts(result) -> None:
    """An agent who typed the sentence sees the draft it was not given (stderr: stdout stays the output)."""
    for step in result.trace:
        if step.held_because == "draft":
            draft = next((f.suggestion for f in result.findings if step.start <= f.start < step.end and f.suggestion),
                         None)
            if draft:
                print(f"draft, not applied ({'; '.join(step.draft)}); check it before you use it, or "
                      f"pass --apply-drafts:\n  {draft}", file=sys.stderr)


def _explain(result, stream) -> None:
    if not result.trace:
        print("  (no negative statement found; text unchanged)", file=stream)
    for step in result.trace:
        print(f"  sentence: {step.text}", file=stream)
        for f in result.findings:
            if step.start <= f.start < step.end:
                print(f"    finding: {f.rule} [{f.severity}] {f.text!r}: {f.message}", file=stream)
        if not step.attempts:
            print("    no rule or model offered a rewrite: kept as it is", file=stream)
            for line in step.unfit:
                print(f"    slot type refused: {line}", file=stream)
            for line in step.skipped:
                print(f"    template not used: {line}", file=stream)
        for a in step.attempts:
            mark = "ok  " if not a.failures else "fail"
            where = f" ({a.source})" if a.source else ""
            print(f"    {mark} {a.engine} {a.rule or ''}{where}: {a.text}", file=stream)
            for reason in a.failures:
                print(f"         - {reason}", file=stream)
        if step.held_back and step.held_because == "draft":
            print(f"    held back: a draft ({'; '.join(step.draft)}); --apply-drafts applies it", file=stream)
        elif step.held_back and step.held_because == "leaned_on":
            print("    held back: the next sentence that says no stays as it is and points back at this one "
                  "(\"also\", \"either\", \"that's why\"), so this one stays too", file=stream)
        elif step.held_back and step.held_because == "order":
            print("    held back: another sentence of this message orders the customer about and has no "
                  "rewrite; next to a rewrite it reads as a second voice, so the message stays as it is", file=stream)
        elif step.held_back:
            print("    held back: another negative sentence of this message has no rewrite, so the message "
                  "stays as it is (--whole; without it every sentence that can be rewritten is)", file=stream)
        elif any(not a.failures for a in step.attempts) and \
                not any(e.start < step.end and step.start < e.end for e in result.edits):
            # "ok" lines for one clause of the sentence: used alone, they would drop the rest
            print("    kept as it is: the candidates marked ok cover one clause only, and the rest of the "
                  "sentence has no rewrite", file=stream)
