"""One regex for many words, shaped as a trie: "n(?:ever|o(?:t|ne)?)".

Python's ``re`` tries the branches of a flat alternation one after another at
every position; in a trie each position follows one path, so screening a line
for a few hundred trigger words costs about as much as for one.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# The same edges as `model.tokens_of`: a word inside a contraction ("can" in
# "can't") is not a word of its own.
WORD_START = r"(?<!\w)(?<!\w')"
WORD_END = r"(?!\w|'\w)"


def trie_pattern(words: Iterable[str]) -> str:
    """A regex body that matches exactly the given strings (escaped, no edges)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        body = (body if len(branches) > 1 else "(?:" + body + ")") + "?"
    return body


def words_regex(words: Iterable[str]) -> str:
    """A regex that finds any of ``words`` as a whole word (see `WORD_START`)."""
    return WORD_START + "(?:" + trie_pattern(sorted(set(words))) + ")" + WORD_END
