"""Errors a user can act on.

Every error that reaches the command line is a `RewriterError`: the CLI prints
its one-line message and exits with code 2, never a traceback.
"""
from __future__ import annotations


class RewriterError(Exception):
    """A problem with the user's input, files or options (exit code 2)."""


class BankError(RewriterError):
    """A phrase bank file is malformed. The message names file, line and entry."""

    def __init__(self, path: str, what: str, line: int | None = None, entry: str | None = None):
        where = path if line is None else f"{path}:{line}"
        if entry:
            where += f": {entry}"
        super().__init__(f"{where}: {what}")
        self.path, self.line, self.entry, self.what = path, line, entry, what
