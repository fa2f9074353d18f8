"""Entry point: parse arguments, run a command, turn errors into one line and exit 2.

Exit codes follow Vale and other linters: 0 fine, 1 findings (``check``) or
failing examples (``bank test``), 2 usage or input errors; 141 (128 + SIGPIPE,
as for any Unix tool) when the reader of stdout closed it early.
"""
from __future__ import annotations

import argparse
import os
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

exit codes: 0 ok, 1 findings or failed examples, 2 bad usage or input,
  141 the reader closed the output early (| head)
"""


# 128 + SIGPIPE (13): what the shell reports for a command whose reader closed the pipe.
BROKEN_PIPE = 141


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, told the terminal's width up front.

    Left to find it, every formatter imports ``shutil`` (and with it bz2,
    lzma and zlib), and argparse makes one for each option it adds: about
    3 ms of every start-up, for a width only ``--help`` prints with. The
    width is found as ``shutil.get_terminal_size`` finds it: $COLUMNS, the
    terminal, else 80.
    """

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _terminal_columns() -> int:
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class OneLineParser(argparse.ArgumentParser):
    """argparse with the README's promise: a usage error is one line on stderr and exit code 2.

    Every parser and sub-parser formats its help with `_Formatter` (raw
    descriptions, as each command asks for).
    """

    def __init__(self, *args, **kwargs):
        kwargs["formatter_class"] = _Formatter
        super().__init__(*args, **kwargs)

    def error(self, message: str):
        message = " ".join(message.split())
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


# Every command: its module and the one line `rewriter --help` shows for it
# (the module registers the same line; tests/test_cli.py holds them equal).
# Only the command a run names is imported and built: importing all of them
# to register (the help-desk formats, sockets, tempfile, ...) cost about
# 25 ms of every start-up.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("rewrite", "rewrite_cmd", "rewrite text (arguments or stdin lines)"),
    ("polish", "polish_cmd", "rewrite a help-desk export (Zendesk, Freshdesk, CSV, ...)"),
    ("check", "check_cmd", "lint files for negative phrasing"),
    ("bank", "bank_cmd", "validate, test and measure the phrase banks"),
    ("eval", "eval_cmd", "measure rewrite quality on the dev set"),
    ("train", "train_cmd", "train the seq2seq model from the banks"),
    ("serve", "serve_cmd", "web page and HTTP API (LanguageTool-compatible)"),   # the web server (issue #12)
)


def build_parser(command: str | None = "") -> argparse.ArgumentParser:
    """The argument parser; with ``command`` (a name in `COMMANDS`) only that command's own options are built.

    The other commands are still listed, with their one-line help, so
    ``rewriter --help`` and the "invalid choice" error read the same. The
    default (``""``) builds every command; None builds none of them fully.
    """
    import importlib  # noqa: PLC0415

    parser = OneLineParser(
        prog="rewriter",
        description="Turn negative customer-service language into positive language that offers an action "
                    "(Finnish, Icelandic, Norwegian Bokmål, English). Offline; every rewrite is verified.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"rewriter {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for name, module, summary in COMMANDS:
        if command == "" or command == name:
            importlib.import_module(f".{module}", __package__).register(commands)
        else:
            commands.add_parser(name, help=summary)      # listed; built when a run names it
    return parser


def _named_command(argv: list[str]) -> str | None:
    """The command ``argv`` names: its first word that is not an option (the top level takes none with a value)."""
    names = {name for name, _, _ in COMMANDS}
    first = next((arg for arg in argv if not arg.startswith("-")), None)
    return first if first in names else None


def _parse(argv: list[str]) -> argparse.Namespace:
    args = build_parser(_named_command(argv)).parse_args(argv)
    if not hasattr(args, "run"):         # argparse took another word for the command ("--" first): build that one
        args = build_parser(args.command).parse_args(argv)
    return args


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    problem = _not_utf8(argv)
    if problem:
        return _fail(problem)
    if sys.stdout is None:
        return _fail("stdout is closed; send the output to a file or to /dev/null")
    args = _parse(argv)
    try:
        code = int(args.run(args) or 0)
        sys.stdout.flush()      # a full disk or a closed pipe shows here, not after the exit code is chosen
        return code
    except RewriterError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        _say("rewriter: interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (`rewriter ... | head -1`): no traceback, no message,
        # and the status of a command that SIGPIPE ended, as `yes | head -1` gives.
        _quiet_stdout()
        return BROKEN_PIPE
    except OSError as exc:
        # Files are reported by the commands themselves; what is left is the standard streams.
        _quiet_stdout()
        where = exc.filename if exc.filename is not None else "<stdout>"
        return _fail(f"{where}: cannot write ({exc.strerror or exc})")
    except (RecursionError, MemoryError) as exc:
        return _fail(f"input too large or too deeply nested ({type(exc).__name__})")
    except Exception as exc:  # noqa: BLE001 - the promise is one line, never a traceback
        if os.environ.get("REWRITER_DEBUG"):
            raise
        return _fail(f"internal error: {type(exc).__name__}: {exc} (a bug: please report it; "
                     "REWRITER_DEBUG=1 shows the traceback)")


def _fail(message: str) -> int:
    _say(f"rewriter: error: {' '.join(message.split())}")
    return 2


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _quiet_stdout() -> None:
    """After a failed write to stdout, stop Python from failing again when it flushes at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _not_utf8(argv: list[str]) -> str | None:
    """An argument with bytes that are not UTF-8 (Python keeps them as lone surrogates)."""
    for number, arg in enumerate(argv, start=1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError as exc:
            char = arg[exc.start]
            byte = f"byte 0x{ord(char) - 0xDC00:02x}" if 0xDC80 <= ord(char) <= 0xDCFF else f"U+{ord(char):04X}"
            shown = arg.encode("utf-8", "surrogateescape" if byte.startswith("byte") else "backslashreplace")
            return f"argument {number} ({str(shown)[2:-1]}): not UTF-8 ({byte}); use UTF-8 text"
    return None


if __name__ == "__main__":
    raise SystemExit(main())
