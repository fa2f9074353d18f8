"""Options shared by several commands, so they read the same everywhere."""
from __future__ import annotations

import argparse

LANGS_HELP = "language of the text: fi, is, nb, en or auto (default: en)"


def add_language(parser: argparse.ArgumentParser, default: str = "en") -> None:
    parser.add_argument("--lang", "-l", default=default, metavar="LANG", help=LANGS_HELP)


def add_tone(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tone", choices=["formal", "casual"], default=None,
                        help="tone of rewrites (default: the situation's own: formal for refusals and complaints)")


def add_config(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", default=None,
                        help="organisation settings (default: ./rewriter.toml or [tool.rewriter] in pyproject.toml)")


def add_partial(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--partial", action="store_true", default=None,
                        help="rewrite the sentences that can be rewritten even when another negative sentence of "
                             "the same message stays as it is (default: such a message comes back whole, with its "
                             "findings; settings: partial_messages = true)")


def check_language(lang: str) -> str:
    """Fail early, with the list of known languages, on an unknown --lang."""
    from ..banks.loader import require_languages  # noqa: PLC0415
    from ..errors import RewriterError  # noqa: PLC0415

    known = require_languages()
    if lang != "auto" and lang not in known:
        raise RewriterError(f"unknown language {lang!r} (available: {', '.join(known)}, auto)")
    return lang
