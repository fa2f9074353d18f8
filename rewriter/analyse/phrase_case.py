"""A slot's noun phrase put into another case by the language's analyser (generate and test).

The lexicon knows the words agents write most; a template that needs
"{obj|nominative}" for "Alennettuja tuotteita" fails when a word is missing
there. Where the language has an analyser (Finnish: Voikko) and its
`language.yaml` gives `analysed_inflection`, the phrase is read word by word:

- the head is the last word, a noun or adjective (`agreeing` word classes)
  with no possessive suffix, in one of the cases `from` lists (an object or a
  subject: "sopimukseen" or "yhteydessä" ends no phrase a template can take); the words before it that agree with it (same
  case and number: "kaatumisesta johtuvia vaurioita") change with it;
- the words before those stay as written; each must be known to the analyser
  and not in the head's case itself ("Konduktöörin perimää 5 euron
  lisämaksua" is left alone: an agreeing word the numeral phrase separates;
  an unknown word before the head may agree with it), unless it carries a
  possessive suffix, which no agreeing word does ("Tilauksesi loppuosa":
  the genitive "tilauksesi" stays);
- a target keeps the head's number: a plural is never put into a singular case,
  and a head the analyser also reads in the other number is left alone.

Each changing word is made from its base form: the nominative singular is the
base form itself; other targets try the stems `stems` makes (every rule that
matches, in order) with the consonant gradation pairs of `gradation` at the
stem's last two syllable onsets, plus the target's ending, and keep the first
the analyser reads as the same base form in the target case and number. No
form is invented: one the analyser does not confirm leaves the phrase as it
is (None), and the template is skipped.

Cost: one analysis per word of the slot, and for a generated case a few
analyses per changing word (~20-60 µs each); answers are memoised.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..banks.phrase_cases import PhraseCases, Target
from ..text.protect import KIND_POOLS, is_sentinel
from .dictionaries import voikko

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Numbers and times are masked with sentinels from here up (`text.protect.KIND_POOLS`).
_NUMBER_SPANS = min(first for first, _ in KIND_POOLS.values())
_VOWELS = "aeiouyäöAEIOUYÄÖ"


@dataclass(frozen=True)
class Reading:
    """One analysis of a word: base form, word class, case, number, possessive suffix (or None)."""

    lemma: str
    word_class: str
    case: str | None
    number: str | None
    possessive: str | None


def readings(word: str, lang: str) -> tuple[Reading, ...]:
    """The analyser's readings of ``word`` (empty when it has none or there is no analyser)."""
    return _readings(word, lang)


@lru_cache(maxsize=65536)
def _readings(word: str, lang: str) -> tuple[Reading, ...]:
    analyser = voikko(lang)
    if analyser is None:
        return ()
    return tuple(Reading(a.get("BASEFORM", ""), a.get("CLASS", ""), a.get("SIJAMUOTO"), a.get("NUMBER"),
                         a.get("POSSESSIVE")) for a in analyser.analyze(word))


def inflect_phrase(text: str, name: str, cases: PhraseCases) -> str | None:
    """``text`` with its head and the words agreeing with it put into case ``name``; None when unsure."""
    return _inflect_phrase(text, name, cases)


@lru_cache(maxsize=16384)
def _inflect_phrase(text: str, name: str, cases: PhraseCases) -> str | None:
    target = cases.targets.get(name)
    if target is None:
        return None
    fixed, text = _fixed_prefix(text)
    if text is None or any(is_sentinel(ch) or ch.isdigit() for ch in text):
        return None
    words = list(_WORD.finditer(text))
    if not words or any(not gap.isspace() for gap in _gaps(text, words)):
        return None         # punctuation inside the slot: not a plain noun phrase
    head = [r for r in readings(words[-1].group(), cases.lang) if r.word_class in cases.agreeing and r.case]
    if not head or any(r.possessive or r.number != target.number for r in head):
        return None         # unknown, a possessive, or a reading in the other number ("toimituskuluja")
    if len({(r.lemma.casefold(), r.case) for r in head}) > 1:
        return None         # two readings of one word: unsure which to change
    source = (head[0].case, head[0].number)
    if source[0] not in cases.sources:
        return None         # "sopimukseen", "yhteydessä": no object or subject the template can take
    run = len(words) - 1
    while run > 0 and any((r.case, r.number) == source and r.word_class in cases.agreeing and not r.possessive
                          for r in readings(words[run - 1].group(), cases.lang)):
        run -= 1
    for m in [*_WORD.finditer(fixed), *words[:run]]:
        before = readings(m.group(), cases.lang)
        if not before or any(r.case == source[0] and r.word_class in cases.agreeing and not r.possessive
                             for r in before):
            return None     # an unknown word (it may agree), or an agreeing one apart from the head
        # (a word with a possessive suffix agrees with nothing: "Tilauksesi loppuosa" is "your order's rest")
    out, pos = [], 0
    for i, m in enumerate(words):
        out.append(text[pos:m.start()])
        word = m.group()
        if i >= run:
            made = _agreeing_form(word, source, target, cases, modifier=i < len(words) - 1)
            if made is None:
                return None
            word = _same_capital(word, made)
        out.append(word)
        pos = m.end()
    out.append(text[pos:])
    return fixed + "".join(out)


def _fixed_prefix(text: str) -> tuple[str, str | None]:
    """(the part of ``text`` up to its last protected span, the words after it that carry the case).

    A placeholder or name inside the phrase stays as written ("autonne %{plate}
    jakohihnan vaihtoa": the head comes after it). A number is no such span:
    before the head it governs its case ("2 viikkoa"), so the phrase is refused
    (None); so is a phrase that ends in its span.
    """
    last = max((i for i, ch in enumerate(text) if is_sentinel(ch) or ch.isdigit()), default=-1)
    if last < 0:
        return "", text
    if not is_sentinel(text[last]) or ord(text[last]) >= _NUMBER_SPANS or not text[last + 1:last + 2].isspace():
        return "", None
    return text[:last + 1], text[last + 1:]


def _agreeing_form(word: str, source: tuple[str | None, str | None], target: Target, cases: PhraseCases,
                   modifier: bool) -> str | None:
    """``word`` in ``target``, made from each base form it may have in the ``source`` case; None when unsure.

    Two base forms may make two forms: "kiinteitä" is the adjective "kiinteä"
    and the noun "kiinne", and "kiinteet pöytäpaikat" is wrong. A word before
    the head agrees with it as a modifier, so a reading that is no noun wins
    there; when that still leaves two forms, the phrase stays as it is.
    """
    found: dict[str, set[str]] = {}
    for r in readings(word, cases.lang):
        if (r.case, r.number) != source or r.word_class not in cases.agreeing or r.possessive:
            continue
        made = _form(r.lemma, target, cases)
        if made:
            found.setdefault(made, set()).add(r.word_class)
    if len(found) > 1 and modifier:
        found = {made: classes for made, classes in found.items() if classes - {"nimisana"}}
    return next(iter(found)) if len(found) == 1 else None


def _gaps(text: str, words: list[re.Match[str]]) -> list[str]:
    return [text[a.end():b.start()] for a, b in zip(words, words[1:])]


@lru_cache(maxsize=16384)
def _form(lemma: str, target: Target, cases: PhraseCases) -> str | None:
    """The form of ``lemma`` in ``target`` that the analyser confirms, or None."""
    for candidate in _candidates(lemma, target, cases):
        if any(r.lemma.casefold() == lemma.casefold() and r.case == target.case and r.number == target.number
               and not r.possessive for r in readings(candidate, cases.lang)):
            return candidate
    return None


def _candidates(lemma: str, target: Target, cases: PhraseCases):
    if not target.ending and target.number == "singular":
        yield lemma
        return
    seen = set()
    stems = [rx.sub(repl, lemma, count=1) for rx, repl in cases.stems if rx.search(lemma)]
    for stem in stems:
        for variant in (stem, *_graded(stem, cases.gradation)):
            if variant not in seen:
                seen.add(variant)
                yield variant + target.ending


def _graded(stem: str, pairs: tuple[tuple[str, str], ...]):
    """``stem`` with one gradation pair swapped at the onset of its last, then its second-last, syllable."""
    for onset in (r"(?=[%s]+$)" % _VOWELS, r"(?=[%s]+[^%s]+[%s]+$)" % (_VOWELS, _VOWELS, _VOWELS)):
        for strong, weak in pairs:
            for a, b in ((strong, weak), (weak, strong)):
                if not a:
                    continue
                m = None
                for m in re.finditer(re.escape(a) + onset, stem):
                    pass
                # not the second half of a double consonant: "k" in "takki" is the "kk" pair's business
                if m is not None and m.start() > 0 and stem[m.start() - 1] not in a[:1]:
                    yield stem[:m.start()] + b + stem[m.end():]


def _same_capital(written: str, made: str) -> str:
    return made[:1].upper() + made[1:] if written[:1].isupper() else made
