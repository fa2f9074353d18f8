"""A fluency proxy: the share of words a spell checker does not know.

One API for all four languages through pyenchant: Voikko for Finnish,
Hunspell for Icelandic, Bokmål and English (Debian: libenchant-2-2,
libenchant-2-voikko, voikko-fi, hunspell-is, hunspell-no, hunspell-en-us;
`make eval-deps`). Without them the metric is reported as unavailable.
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=None)
def _dictionary(locale: str):
    try:
        import enchant  # noqa: PLC0415 - optional
    except Exception:  # ImportError, or the C library is missing
        return None
    for tag in (locale, locale.split("_")[0]):
        try:
            if enchant.dict_exists(tag):
                return enchant.Dict(tag)
        except Exception:
            return None
    return None


def available(locale: str) -> bool:
    return _dictionary(locale) is not None


def unknown_share(text: str, locale: str) -> float | None:
    """Share (0..1) of words in ``text`` the dictionary rejects; None when no dictionary."""
    dictionary = _dictionary(locale)
    if dictionary is None:
        return None
    words = [w for w in _WORD.findall(text) if not w[0].isupper()]
    if not words:
        return 0.0
    return sum(not dictionary.check(w) for w in words) / len(words)
