"""Word forms the engine made that the language's dictionary does not know.

A cheap check for rewrite time. A candidate's words come from three places:
the input sentence (the agent's own words, names and typos included: not
ours to judge), the template's literal text (the bank's words, checked by the
tests once, see tests/test_language_tools.py), and the engine, which inflects
slot words ("harmaata sohvaa" -> "harmaa sohva", from the lexicon or the
bank's inflection rules), joins a slot to template text, or lets the model
write freely. Only the last kind is looked up:

- Finnish: Voikko's analyser; a form with no analysis is unknown
  ("puhelintä", a vowel-harmony slip, has none; "puhelinta" has one).
- Bokmål, Icelandic, English: Hunspell through Enchant.

The dictionaries are those of `analyse.dictionaries`; with none installed
for the language the check says nothing ([]). Answers are memoised per word.

Cost (`python scripts/bench_language.py`, docs/BENCHMARKS.md "Language
checks"; the banks' example outputs as candidates, a shared 2-core machine):
about 20 µs a candidate once its words have been looked up (memoised per
word), 30–100 µs when its words are new (a first lookup: Voikko analyse
~65 µs a word, Hunspell 12 µs (en, nb) to 60 µs (is)). The first call for a
language loads its dictionary: Voikko 10–60 ms, Hunspell 20–200 ms (en) and
0.1–0.9 s (nb, is): load it lazily, as `analyse.names` does, or the start-up
of a one-sentence rewrite pays for it.

What it cannot tell: a real word in the wrong case or number ("harmaa
sohvaa" is two known words), a wrong word choice, or a calque. Compound
words Hunspell lacks (Bokmål, Icelandic) are reported as unknown although
they may be fine: treat a hit as "look at this", not as an error.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..analyse import dictionaries
from ..banks.tokens import WORD_FORM
from ..text.protect import visible

_WORD = WORD_FORM
_SLOT = re.compile(r"\{[a-z][a-z0-9_]*(?:\|[a-z][a-z0-9_]*)?\}")


def words(text: str) -> list[str]:
    """The words of ``text``: letters, with inner apostrophes and hyphens ("e-post", "we'll")."""
    return _WORD.findall(text)


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


@lru_cache(maxsize=4096)
def _template_words(template_text: str) -> frozenset[str]:
    """The template's literal words (a bank has a few hundred templates: worked out once each)."""
    return frozenset(_lower_words(_SLOT.sub(" ", template_text)))


def unknown_forms(candidate: str, sentence: str, template_text: str | None, lang: str,
                  written: frozenset[str] = frozenset()) -> list[str]:
    """Words of ``candidate`` in neither ``sentence`` nor the template's literal text that the dictionary does not know.

    ``candidate`` and ``sentence`` may be masked (sentinels are dropped);
    ``template_text`` is the template as the bank writes it (``{slot|case}``
    markers are not words), or None for a model candidate. ``written``: words
    (lower case) the bank itself writes in its templates and example outputs
    (`Bank.written_words`), which the tests hold to the same dictionary, so a
    form an inflection makes ("fylt") need not load it. Each unknown word is
    listed once, in the order it appears. [] when no dictionary is installed
    for ``lang``.
    """
    given = _lower_words(visible(sentence))
    literal = _template_words(template_text) if template_text else frozenset()
    made = list(dict.fromkeys(w for w in _WORD.findall(visible(candidate))
                              if (low := w.lower()) not in given and low not in literal and low not in written))
    # Most candidates only copy words: no dictionary is loaded for them.
    if not made or dictionaries.tool_for(lang) is None:
        return []
    return [word for word in made if dictionaries.knows(word, lang) is False]
