"""Offline language identification with lingua, restricted to the bank languages.

Restricting the candidates matters: an unrestricted detector confuses Bokmål
with Danish. Low-accuracy mode is right on short support sentences and takes
microseconds. The detector is built once, on first use.
"""
from __future__ import annotations

from functools import lru_cache

from ..banks import available_languages, load_bank


@lru_cache(maxsize=1)
def _detector() -> tuple[object, dict[object, str]]:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    by_language: dict[object, str] = {}
    for code in available_languages():
        bank = load_bank(code)
        if bank.language.lingua:
            language = getattr(Language, bank.language.lingua)
        else:
            language = Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
        by_language[language] = code
    detector = LanguageDetectorBuilder.from_languages(*by_language).with_low_accuracy_mode().build()
    return detector, by_language


def identify(text: str) -> str | None:
    """The bank language ``text`` is written in, or None when lingua cannot tell."""
    detector, by_language = _detector()
    found = detector.detect_language_of(text)  # type: ignore[attr-defined]
    return by_language.get(found)
