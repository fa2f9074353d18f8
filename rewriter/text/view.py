"""A copy of a sentence with some phrases dropped, that still knows where it came from.

Softeners ("unfortunately", "valitettavasti") are dropped before matching, so a
bank pattern need not list every place they can stand. The index map lets a
match in the view be reported at its place in the real sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .protect import is_sentinel

if TYPE_CHECKING:
    from ..banks.lazy_regex import LazyRegex


@dataclass(frozen=True)
class View:
    text: str
    origin: tuple[int, ...]   # for each view char, its index in the source; plus one end entry

    @classmethod
    def of(cls, text: str) -> View:
        """The whole text, nothing dropped."""
        return cls(text, tuple(range(len(text) + 1)))

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def drop(text: str, regex: LazyRegex | None) -> View:
    """``text`` without the phrases ``regex`` matches, tidying the commas around them."""
    if regex is None:
        return View.of(text)
    bounded = re.compile(r"(?<!\w)(?:" + regex.pattern + r")(?!\w)", regex.flags)
    keep: list[int] = []
    pos = 0
    for m in bounded.finditer(text):
        start, end = m.start(), m.end()
        if start < pos:
            continue
        before = start - _space_comma_space_before(text, pos, start)
        after_text = _SPACE_COMMA_SPACE.match(text, end).group()
        after = len(after_text)
        comma_before = "," in text[start - before:start]
        at_end = end + after >= len(text) or not text[end + after].isalnum() and text[end + after] not in "\"'“«(" and not is_sentinel(text[end + after])
        if not keep and start - before == pos:
            cut = (pos, end + after)                    # "Unfortunately, the lamp ...", "no sorry, the lamp ..."
        elif at_end:
            cut = (start - before, end)                 # "... is out, unfortunately."
        elif comma_before:
            cut = (start, end + after)                  # "Hello, unfortunately(,) the lamp": keep the first comma
        else:
            cut = (start - before, end + after - (1 if after_text[-1:].isspace() else 0))  # "ei valitettavasti saa"
        keep.extend(range(pos, cut[0]))
        pos = cut[1]
    keep.extend(range(pos, len(text)))
    return View("".join(text[i] for i in keep), tuple(keep) + (len(text),))


_SPACE_COMMA_SPACE = re.compile(r"\s*,?\s*")


def _space_comma_space_before(text: str, pos: int, end: int) -> int:
    """Where the run of space, one optional comma and space that ends at ``end`` starts (not before ``pos``).

    The same as searching ``\\s*,?\\s*$`` in ``text[pos:end]``, without the
    quadratic scan a search for ``$`` makes over a long run of spaces.
    """
    i = end
    while i > pos and text[i - 1].isspace():
        i -= 1
    if i > pos and text[i - 1] == ",":
        i -= 1
        while i > pos and text[i - 1].isspace():
            i -= 1
    return i
