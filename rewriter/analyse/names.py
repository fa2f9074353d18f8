"""Is a sentence-initial capitalised word a common word or a name?

A slot that started a sentence ("Polaris 3 speakers are sold out") moves
inside the rewrite, where only a common word loses its capital. Position
cannot tell "Tuote" from "Turun"; the language's own dictionary can:

- Finnish: Voikko's analyser (Debian ``libvoikko1`` + ``voikko-fi``, PyPI
  ``libvoikko``): a word with any proper-noun reading (first name, surname,
  place) is a name; an unknown word is a name.
- English, Bokmål, Icelandic: Hunspell through Enchant (Debian
  ``libenchant-2-2`` + ``hunspell-en-us``/``-no``/``-is``, PyPI ``pyenchant``):
  a word is common when its lower-case form is in the dictionary, or is a
  compound of two words that are ("kaffivélin", "betalingsløsningen").

Without the tools, a word is common only when the bank itself writes it in
lower case (its templates, patterns and examples): an unknown word keeps its
capital, which is the safer mistake.
"""
from __future__ import annotations

import re
from functools import lru_cache

_PROPER = {"etunimi", "sukunimi", "paikannimi", "nimi"}
_HUNSPELL_TAGS = {"en": "en_US", "nb": "nb_NO", "is": "is_IS"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=8)
def _voikko(lang: str):
    if lang != "fi":
        return None
    try:
        import libvoikko  # noqa: PLC0415 - a system library; only when a capital is in doubt

        return libvoikko.Voikko("fi")
    except Exception:        # library or dictionary missing: fall back to the bank
        return None


@lru_cache(maxsize=8)
def _hunspell(lang: str):
    tag = _HUNSPELL_TAGS.get(lang)
    if tag is None:
        return None
    try:
        import enchant  # noqa: PLC0415

        return enchant.Dict(tag)
    except Exception:
        return None


def tool_for(lang: str) -> str | None:
    """The dictionary that decides for ``lang`` here ("voikko", "hunspell"), or None."""
    if _voikko(lang) is not None:
        return "voikko"
    if _hunspell(lang) is not None:
        return "hunspell"
    return None


@lru_cache(maxsize=4096)
def is_common_word(word: str, lang: str, bank_words: frozenset[str] = frozenset()) -> bool:
    """True when ``word`` (as written, capitalised) is an ordinary word, safe to lower-case mid-sentence.

    A word the bank itself writes in lower case ("the", "den") needs no
    dictionary: that keeps the dictionaries unloaded for most sentences.
    """
    if word.lower() in bank_words:
        return True
    voikko = _voikko(lang)
    if voikko is not None:
        classes = {a.get("CLASS") for a in voikko.analyze(word)}
        return bool(classes) and not classes & _PROPER
    speller = _hunspell(lang)
    if speller is not None:
        lower = word.lower()
        return bool(_WORD.fullmatch(word)) and (speller.check(lower) or _known_compound(lower, speller.check))
    return word.lower() in bank_words


def _known_compound(word: str, known) -> bool:
    """A closed compound the dictionary lacks but whose parts it knows: "kaffivélin" = kaffi + vélin.

    Hunspell lists few of the compounds Nordic languages make freely; the last
    part carries the inflection, the first may end in a linking -s.
    """
    for cut in range(4, len(word) - 3):      # both parts four letters or more: "ber" + "gen" is no compound
        head, tail = word[:cut], word[cut:]
        if known(tail) and (known(head) or (head.endswith("s") and known(head[:-1]))):
            return True
    return False
