"""Offline language identification with lingua, restricted to the bank languages.

Restricting the candidates matters: an unrestricted detector confuses Bokmål
with Danish. Two detectors, each built on first use:

- verification asks the fast low-accuracy detector how confident it is that
  a candidate is in the bank's language (microseconds a call, little memory);
- ``--lang auto`` asks the fast detector first and takes its answer when it
  is sure (>= 0.9); otherwise the high-accuracy detector decides: short
  English support sentences fool the low-accuracy one, and the ~1 s and
  ~130 MB it costs are paid only when the fast one hesitates.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..banks import available_languages
from ..banks.loader import lingua_name

# Verification rejects a candidate only when lingua gives its language less
# than this confidence: short sentences are often ambiguous, and a false
# rejection throws away a good rewrite.
MIN_CONFIDENCE = 0.2
# lingua takes UTF-8 only: a lone surrogate (valid in a Python str) would raise.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> str:
    return _SURROGATE.sub(" ", text)


def _languages() -> dict[object, str]:
    from lingua import IsoCode639_1, Language

    by_language: dict[object, str] = {}
    for code in available_languages():
        name = lingua_name(code)
        if name:
            language = getattr(Language, name)
        else:
            language = Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
        by_language[language] = code
    return by_language


@lru_cache(maxsize=2)
def _detector(accurate: bool) -> tuple[object, dict[object, str]]:
    from lingua import LanguageDetectorBuilder

    by_language = _languages()
    builder = LanguageDetectorBuilder.from_languages(*by_language)
    if not accurate:
        builder = builder.with_low_accuracy_mode()
    return builder.build(), by_language


# The fast detector's answer is taken when it is this sure; otherwise the
# accurate one decides (short English sentences fool the fast one).
SURE = 0.9


def identify(text: str) -> str | None:
    """The bank language ``text`` is written in, or None when lingua cannot tell.

    The fast detector answers first; the accurate one (~1 s to load, ~130 MB)
    only when the fast one is unsure.
    """
    text = _encodable(text)
    fast, by_language = _detector(False)
    values = fast.compute_language_confidence_values(text)  # type: ignore[attr-defined]
    if values and values[0].value >= SURE:
        return by_language.get(values[0].language)
    detector, by_language = _detector(True)
    return by_language.get(detector.detect_language_of(text))  # type: ignore[attr-defined]


def confidence(text: str, code: str) -> float:
    """How sure the fast detector is that ``text`` is in language ``code`` (0..1)."""
    detector, by_language = _detector(False)
    for value in detector.compute_language_confidence_values(_encodable(text)):  # type: ignore[attr-defined]
        if by_language.get(value.language) == code:
            return value.value
    return 0.0


def looks_like(text: str, code: str) -> str | None:
    """None when ``text`` may well be in ``code``; else the language it looks like."""
    if confidence(text, code) >= MIN_CONFIDENCE:
        return None
    detector, by_language = _detector(False)
    return by_language.get(detector.detect_language_of(_encodable(text)))  # type: ignore[attr-defined]
