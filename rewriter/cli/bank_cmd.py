"""``rewriter bank``: validate phrase banks, run their examples, show coverage."""
from __future__ import annotations

import argparse
import sys

HELP = """\
Work on the phrase banks in phrasebanks/ (or $REWRITER_BANKS).
  validate   load every bank and report the first problem with file, line, entry
  test       run every bank example through the template path; exit 1 on a failure
  coverage   languages x situations: rules, phrasings, templates, examples, tones
"""


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("bank", help="validate, test and measure the phrase banks", description=HELP,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="bank_command", metavar="ACTION")
    sub.required = True
    for name, run, text in (("validate", run_validate, "check bank files"),
                            ("test", run_test, "run bank examples"),
                            ("coverage", run_coverage, "table of languages x situations")):
        q = sub.add_parser(name, help=text)
        q.add_argument("--lang", "-l", action="append", metavar="LANG", help="only this language (repeatable)")
        if name == "test":
            q.add_argument("--situation", "-s", metavar="ID", help="only examples of this situation")
            q.add_argument("--verbose", "-v", action="store_true", help="list passing examples too")
        q.set_defaults(run=run)


def _languages(args: argparse.Namespace) -> list[str]:
    from ..banks.loader import require_languages  # noqa: PLC0415
    from .options import check_language  # noqa: PLC0415

    known = require_languages()            # no banks at all is an error, not "0 passed"
    return [check_language(code) for code in args.lang] if args.lang else known


def run_validate(args: argparse.Namespace) -> int:
    from ..banks import load_bank  # noqa: PLC0415
    from ..banks.loader import compile_all  # noqa: PLC0415

    for code in _languages(args):
        bank = load_bank(code)
        compile_all(bank)
        flips = (f", flips: {len(bank.flips.predicates)} predicates x {len(bank.flips.bounds)} bounds"
                 if bank.flips else "")
        advice = f", advice: {len(bank.advice.entries)} shapes" if bank.advice else ""
        print(f"{code}: ok ({len(bank.situations)} situations, {len(bank.rules)} rules, "
              f"{sum(len(r.patterns) for r in bank.rules)} patterns{flips}{advice}, {len(bank.examples())} examples)")
    return 0


def run_test(args: argparse.Namespace) -> int:
    from ..banks import load_bank  # noqa: PLC0415
    from ..banks.examples import advice_examples, run_advice_example, run_example  # noqa: PLC0415

    failed = total = 0
    for code in _languages(args):
        bank = load_bank(code)
        for rule, example in bank.examples():
            if args.situation and not rule.startswith(args.situation + "."):
                continue
            total += 1
            outcome = run_example(bank, rule, example)
            if not outcome.ok:
                failed += 1
                print("FAIL " + outcome.describe())
            elif args.verbose:
                print(f"ok   {example.source}: {example.input}\n     -> {outcome.got}")
        for example in () if args.situation else advice_examples(bank):
            total += 1
            advised = run_advice_example(bank, example)
            if not advised.ok:
                failed += 1
                print("FAIL " + advised.describe())
            elif args.verbose:
                print(f"ok   {example.source}: {example.input}\n     -> advice {advised.advice or 'none'}")
    print(f"{total - failed} passed, {failed} failed")
    return 1 if failed else 0


def run_coverage(args: argparse.Namespace) -> int:
    from ..banks.coverage import coverage_report  # noqa: PLC0415

    text, ok = coverage_report(_languages(args))
    sys.stdout.write(text)
    return 0 if ok else 1
