"""A regex that is compiled when first used and pickled as its source.

A cached bank (see `bank_cache`) holds hundreds of regexes. Pickle stores a
compiled ``re.Pattern`` as its source and compiles it again on load, so
loading a cached bank used to compile every regex of the language, though a
typical run needs only a few. This wrapper keeps the source and compiles on
first use; it offers the ``re.Pattern`` methods the pipeline calls.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from . import regex_programs


class LazyRegex:
    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0, compiled: re.Pattern[str] | None = None):
        self.pattern = pattern
        self.flags = flags
        self._compiled = compiled

    @classmethod
    def checked(cls, pattern: str, flags: int = 0) -> LazyRegex:
        """Compile now, so a bad regex in a bank fails while the bank is loaded (raises ``re.error``)."""
        return cls(pattern, flags, re.compile(pattern, flags))

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = regex_programs.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, text: str, *args) -> re.Match[str] | None:
        return self.compiled.search(text, *args)

    def match(self, text: str, *args) -> re.Match[str] | None:
        return self.compiled.match(text, *args)

    def fullmatch(self, text: str, *args) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, *args)

    def finditer(self, text: str, *args) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, *args)

    def findall(self, text: str, *args) -> list:
        return self.compiled.findall(text, *args)

    def sub(self, repl, text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.compiled.split(text, maxsplit)

    def __getstate__(self) -> tuple[str, int]:
        return self.pattern, self.flags

    def __setstate__(self, state: tuple[str, int]) -> None:
        self.pattern, self.flags = state
        self._compiled = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazyRegex) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern[:40]!r}...)" if len(self.pattern) > 40 else f"LazyRegex({self.pattern!r})"
