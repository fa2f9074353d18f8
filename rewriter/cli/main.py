"""Entry point: parse arguments, run a command, turn errors into one line and exit 2.

Exit codes follow Vale and other linters: 0 fine, 1 findings (``check``) or
failing examples (``bank test``), 2 usage or input errors.
"""
from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..errors import RewriterError

EPILOG = """\
examples:
  rewriter rewrite --lang en "Unfortunately the red dress is out of stock."
  echo "Vi har dessverre ikke jakken på lager." | rewriter rewrite --lang nb --json
  rewriter check --lang fi replies/*.txt
  rewriter polish macros.json -o polished.json --report review.html
  rewriter bank test --lang is

exit codes: 0 ok, 1 findings or failed examples, 2 bad usage or input
"""


def build_parser() -> argparse.ArgumentParser:
    from . import bank_cmd, check_cmd, eval_cmd, polish_cmd, rewrite_cmd, train_cmd  # noqa: PLC0415 - light modules

    parser = argparse.ArgumentParser(
        prog="rewriter",
        description="Turn negative customer-service language into positive language that offers an action "
                    "(Finnish, Icelandic, Norwegian Bokmål, English). Offline; every rewrite is verified.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rewriter {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    rewrite_cmd.register(commands)
    polish_cmd.register(commands)
    check_cmd.register(commands)
    bank_cmd.register(commands)
    eval_cmd.register(commands)
    train_cmd.register(commands)
    from . import serve_cmd  # noqa: PLC0415 - registered on its own line: the web server (issue #12)
    serve_cmd.register(commands)
    return parser



def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except RewriterError as exc:
        print(f"rewriter: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("rewriter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
