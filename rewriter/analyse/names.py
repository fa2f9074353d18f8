"""Is a sentence-initial capitalised word a common word or a name?

A slot that started a sentence ("Polaris 3 speakers are sold out") moves
inside the rewrite, where only a common word loses its capital. Position
cannot tell "Tuote" from "Turun"; the language's own dictionary can:

- Finnish: Voikko's analyser (Debian ``libvoikko1`` + ``voikko-fi``, PyPI
  ``libvoikko``): a word with any proper-noun reading (first name, surname,
  place) is a name; an unknown word is a name.
- Icelandic: BÍN through ``islenska``: a word is common when every lemma
  BÍN gives for it is written in lower case ("Túlípanarnir" -> túlípani);
  a name's lemma has its capital ("Reykjavíkur" -> Reykjavík, "Helga").
  Unknown to BÍN: a name.
- English, Bokmål, Icelandic without ``islenska``: Hunspell through Enchant (Debian
  ``libenchant-2-2`` + ``hunspell-en-us``/``-no``/``-is``, PyPI ``pyenchant``):
  a word is common when its lower-case form is in the dictionary, or is a
  compound of two words that are ("kaffivélin", "betalingsløsningen").

Without the tools, a word is common only when the bank itself writes it in
lower case (its templates, patterns and examples): an unknown word keeps its
capital, which is the safer mistake. The dictionaries are loaded by
`analyse.dictionaries`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .dictionaries import bin_lookup as _bin_lookup
from .dictionaries import hunspell as _hunspell
from .dictionaries import known_compound
from .dictionaries import tool_for
from .dictionaries import voikko as _voikko

__all__ = ["is_common_word", "tool_for"]

_PROPER = {"etunimi", "sukunimi", "paikannimi", "nimi"}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


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
    bin_forms = _bin_lookup(lang)
    if bin_forms is not None:
        lemmas = {lemma for lemma, _ in bin_forms(word)}
        return bool(lemmas) and all(lemma[:1].islower() for lemma in lemmas)
    speller = _hunspell(lang)
    if speller is not None:
        lower = word.lower()
        # a compound's last part may be a form only the bank writes ("slutt" + "fakturaen")
        return bool(_WORD.fullmatch(word)) and (speller.check(lower) or known_compound(
            lower, lambda part: part in bank_words or speller.check(part)))
    return word.lower() in bank_words
