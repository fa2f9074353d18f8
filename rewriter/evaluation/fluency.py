"""A fluency proxy: the share of words a spell checker does not know.

The dictionaries come from `analyse.dictionaries`: Voikko's speller for
Finnish (libvoikko directly: Debian has no Enchant provider for it unless
libenchant-2-voikko is installed), Hunspell through Enchant for Icelandic,
Bokmål and English (Debian: libvoikko1, voikko-fi, libenchant-2-2,
hunspell-is, hunspell-no, hunspell-en-us; `make eval-deps`). Without them the
metric is reported as unavailable.
"""
from __future__ import annotations

import re

from ..analyse import dictionaries

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def available(locale: str) -> bool:
    return dictionaries.tool_for(dictionaries.lang_of(locale)) is not None


def unknown_share(text: str, locale: str) -> float | None:
    """Share (0..1) of words in ``text`` the dictionary rejects; None when no dictionary."""
    lang = dictionaries.lang_of(locale)
    if dictionaries.tool_for(lang) is None:
        return None
    words = [w for w in _WORD.findall(text) if not w[0].isupper()]
    if not words:
        return 0.0
    return sum(not dictionaries.spells(w, lang) for w in words) / len(words)
