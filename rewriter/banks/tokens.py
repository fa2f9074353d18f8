"""The words of a text as the banks' pre-checks see them: lower case, apostrophes straightened."""
from __future__ import annotations

import re

TOKEN = re.compile(r"\w+(?:'\w+)*")   # "can't" is one word, not "can" and "t"


def tokens_of(text: str) -> frozenset[str]:
    """Lower-case words of ``text``, apostrophes straightened: what `required` words are looked up in."""
    return frozenset(TOKEN.findall(text.lower().replace("’", "'")))
