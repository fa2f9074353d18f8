"""The languages' own dictionaries, loaded in one place.

- Finnish: Voikko (Debian ``libvoikko1`` + ``voikko-fi``, PyPI ``libvoikko``).
  Its analyser tells base form, word class and case; a word with no analysis
  is unknown to it.
- Icelandic: BÍN, the Database of Icelandic Morphology, through ``islenska``
  (PyPI, data in the wheel, offline): every inflected form with its lemma
  and word class; a proper noun has a capitalised lemma. Hunspell (below)
  answers where ``islenska`` is missing; it lacks many inflected forms
  ("Túlípanarnir").
- Bokmål, Icelandic, English: Hunspell through Enchant (Debian
  ``libenchant-2-2`` + ``hunspell-no``/``-is``/``-en-us``, PyPI ``pyenchant``).
  Enchant is asked for its Hunspell provider first: with ``aspell-en`` also
  installed it would otherwise answer English from Aspell.

Every loader returns None when the library or the dictionary is missing, and
callers fall back (names: the bank's word lists; checks: nothing to say).
Used by `analyse.names` (is a capitalised word a name?), `evaluation.fluency`
(unknown-word share) and `verification.wordforms` (forms the engine made).
"""
from __future__ import annotations

from functools import lru_cache

HUNSPELL_TAGS = {"en": "en_US", "nb": "nb_NO", "is": "is_IS"}


def lang_of(locale_or_lang: str) -> str:
    """"nb_NO" -> "nb", "fi" -> "fi"."""
    return locale_or_lang.replace("-", "_").split("_")[0].lower()


@lru_cache(maxsize=8)
def voikko(lang: str):
    """A Voikko instance for ``lang`` (Finnish only), or None."""
    if lang != "fi":
        return None
    try:
        import libvoikko  # noqa: PLC0415 - a system library, loaded only when asked for

        return libvoikko.Voikko("fi")
    except Exception:        # library or dictionary missing
        return None


@lru_cache(maxsize=2)
def bin_lookup(lang: str):
    """BÍN's lookup for ``lang`` (Icelandic only) as ``word -> [(lemma, word class)]``, or None.

    Loading costs about 60 ms and the first lookup 30 ms: only sentences
    that need it pay.
    """
    if lang != "is":
        return None
    try:
        from islenska import Bin  # noqa: PLC0415 - 60 MB of data, loaded only when asked for

        database = Bin()
    except Exception:        # package missing
        return None

    def lookup(word: str) -> list[tuple[str, str]]:
        return [(m.ord, m.ofl) for m in database.lookup(word)[1]]

    return lookup


@lru_cache(maxsize=8)
def hunspell(lang: str):
    """An Enchant dictionary for ``lang`` (Hunspell preferred), or None."""
    tag = HUNSPELL_TAGS.get(lang)
    if tag is None:
        return None
    try:
        import enchant  # noqa: PLC0415

        broker = enchant.Broker()
        broker.set_ordering(tag, "hunspell,*")
        return broker.request_dict(tag)      # the dictionary keeps its broker alive
    except Exception:        # C library, provider or dictionary missing
        return None


def tool_for(lang: str) -> str | None:
    """The dictionary that decides for ``lang`` here ("voikko", "hunspell", another Enchant provider), or None."""
    if voikko(lang) is not None:
        return "voikko"
    if bin_lookup(lang) is not None:
        return "bin"
    speller = hunspell(lang)
    if speller is not None:
        try:
            return speller.provider.name
        except Exception:
            return "hunspell"
    return None


@lru_cache(maxsize=65536)
def knows(word: str, lang: str) -> bool | None:
    """Whether the language's dictionary knows ``word`` as written; None when there is no dictionary.

    Finnish: Voikko has at least one analysis of it. Icelandic: BÍN has (its
    own compound analysis included), or Hunspell accepts it. Others: Hunspell
    accepts it (as written, or lower-cased: a sentence-initial capital is no error).
    A hyphenated word is also known when each of its parts is.
    """
    analyser = voikko(lang)
    forms = bin_lookup(lang) if analyser is None else None
    if forms is not None and forms(word):
        return True
    speller = hunspell(lang) if analyser is None else None
    if analyser is None and speller is None:
        return False if forms is not None else None

    def known(w: str) -> bool:
        if analyser is not None:
            return bool(analyser.analyze(w))
        w = w.replace("’", "'")
        return bool(speller.check(w) or (w[:1].isupper() and speller.check(w.lower())))

    if known(word):
        return True
    # A hyphenated compound the dictionary does not list ("e-postadressen") is known when its
    # parts are; a one-letter part is a prefix ("e-", "x-"), not a word to look up.
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1:
        return all(len(p) == 1 or known(p) for p in parts)
    # Hunspell lists few of the closed compounds Bokmål and Icelandic make freely.
    return speller is not None and known_compound(word.lower(), known)


def known_compound(word: str, known) -> bool:
    """A closed compound whose parts are known words: "kaffivélin" = kaffi + vélin, "leveringsområdet".

    The last part carries the inflection; the first may end in a linking -s.
    Both parts must be long enough to be words ("bergen" is no "ber" + "gen").
    """
    if len(word) < 8:
        return False
    for cut in range(3, len(word) - 3):      # a head of three letters or more, a tail of four or more
        head, tail = word[:cut], word[cut:]
        if known(tail) and (known(head) or (head.endswith("s") and len(head) > 3 and known(head[:-1]))):
            return True
    return False


@lru_cache(maxsize=65536)
def spells(word: str, lang: str) -> bool | None:
    """A spell checker's verdict (Voikko's speller for Finnish); None when there is none."""
    analyser = voikko(lang)
    if analyser is not None:
        return bool(analyser.spell(word))
    speller = hunspell(lang)
    if speller is None:
        return None
    return bool(speller.check(word.replace("’", "'")))
