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
    whole = parser.add_mutually_exclusive_group()
    whole.add_argument("--whole", dest="partial", action="store_false", default=None,
                       help="rewrite a message whole or not at all: when one of its negative sentences has no "
                            "rewrite, the others stay as they are too, each finding with its guidance (settings: "
                            "partial_messages = false). Default: every sentence that can be rewritten is, and the "
                            "rest keep their findings")
    whole.add_argument("--partial", dest="partial", action="store_true", default=None,
                       help="rewrite every sentence that can be rewritten (the default; overrides "
                            "partial_messages = false in the settings)")


def check_language(lang: str) -> str:
    """Fail early, with the list of known languages, on an unknown --lang."""
    from ..banks.loader import require_languages  # noqa: PLC0415
    from ..errors import RewriterError  # noqa: PLC0415

    known = require_languages()
    if lang != "auto" and lang not in known:
        raise RewriterError(f"unknown language {lang!r} (available: {', '.join(known)}, auto)")
    return lang


def add_drafts(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--drafts", choices=["clauses", "strict", "none"], default=None,
                        help="which verified rewrites stay suggestions (drafts) instead of being applied: "
                             "clauses (default) those of a sentence with more than one clause, about half of "
                             "which read well on unseen text; strict also those that add more than five words "
                             "(usually the offer: about 7 in 10 read well); none applies every rewrite "
                             "(settings: drafts = ...)")
    parser.add_argument("--apply-drafts", dest="drafts", action="store_const", const="none",
                        help="the same as --drafts none")
