"""Sentence segmentation over masked text.

Works on the masked text (see `protect`), so a full stop inside a URL or an
amount never ends a sentence. Line breaks and block-level HTML tags end a
sentence too. Abbreviations come from each language's bank, so "esim.",
"t.d." and "f.eks." do not split.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from .protect import EMOJI_CLASS, SENTINEL_CLASS

_HARD_BREAK = re.compile(f"[\n{SENTINEL_CLASS}]")
_END = re.compile(r"[.!?…]+[\"'”’»)]*(?=\s|$)")
_STARTS_SENTENCE = re.compile(rf"\s+(?:[\"'“”«(]*[^\W\d_]|[\"'“”«(]*[0-9{SENTINEL_CLASS}])")
# An emoji with no stop before it ends a sentence when a capital starts the next
# ("Hunder er hjertelig velkommen 🐶 Dessverre tar vi ..."): agents write that way in chat.
_EMOJI_END = re.compile(rf"[{EMOJI_CLASS}]+\ufe0f?(?=\s+[\"'“«(]*[^\W\d_])")


def split(text: str, abbreviations: Iterable[str], is_block: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of ``text``, without surrounding space.

    ``abbreviations`` are lower-case without the final stop (a bank's
    language.abbreviations); any other iterable is normalised first.
    """
    if _HARD_BREAK.search(text) is None and _EMOJI_END.search(text) is None:
        # One sentence, or none: nothing ends before the text does, so no cut
        # (abbreviation or not) changes the answer. Most lines are this.
        first = _END.search(text)
        if first is None or first.end() == len(text):
            whole: list[tuple[int, int]] = []
            _add(text, 0, len(text), whole)
            return whole
    abbrevs = abbreviations if isinstance(abbreviations, frozenset) else frozenset(
        a.lower().rstrip(".") for a in abbreviations)
    cuts: list[tuple[int, int]] = []   # (end of a sentence, start of the gap after it)
    pos = 0
    for m in _HARD_BREAK.finditer(text):
        if m.group() == "\n" or is_block(m.group()):
            cuts.append((m.start(), m.end()))
    for m in _EMOJI_END.finditer(text):
        nxt = _STARTS_SENTENCE.match(text, m.end())
        if nxt and _is_upper_or_other(text[nxt.end() - 1]):
            cuts.append((m.end(), m.end()))
    for m in _END.finditer(text):
        nxt = _STARTS_SENTENCE.match(text, m.end())
        if m.end() < len(text) and not nxt:
            if _symbol_follows(text, m.end()) or _dash_follows(text, m.end()):
                # "… out of stock. 👍", "… before then. – FixIt Bar": the emoji or the signed-off name is a piece of its own
                cuts.append((m.end(), m.end()))
            continue
        if nxt and not _is_upper_or_other(text[nxt.end() - 1]):
            continue
        if m.group().startswith(".") and _ends_in_abbreviation(text, m.start(), abbrevs):
            continue
        cuts.append((m.end(), m.end()))
    cuts.sort()
    spans: list[tuple[int, int]] = []
    for end, gap_end in cuts + [(len(text), len(text))]:
        if end >= pos:
            _add(text, pos, end, spans)
        pos = max(pos, gap_end)
    return spans


def _symbol_follows(text: str, pos: int) -> bool:
    """Is the next thing after the space at ``pos`` a symbol (an emoji, ":)", "→")?"""
    rest = text[pos:pos + 8].lstrip()
    return bool(rest) and len(rest) < len(text[pos:pos + 8]) and (
        unicodedata.category(rest[0]).startswith("S") or rest[:2] in (":)", ":-", ";)", ":D", ":("))


def _dash_follows(text: str, pos: int) -> bool:
    """Is the next thing after the space at ``pos`` a dash and a space, or a hyphen and a capital (a sign-off on the same line)?

    "… before then. – FixIt Bar", "… etukäteen. - Pyöräpaja Ketju", "… etukäteen. -Caddiemaster".
    """
    rest = text[pos:pos + 3]
    if len(rest) < 3 or not rest[0].isspace():
        return False
    if rest[1] in "\u2013\u2014-" and rest[2].isspace():
        return True
    return rest[1] == "-" and rest[2].isupper()


def _is_upper_or_other(ch: str) -> bool:
    # A lower-case letter after a stop is a continuation ("esim. kirja").
    return not ch.islower()


# No abbreviation is longer than this; a longer word before a stop is none.
_LONGEST_ABBREVIATION = 40


def _ends_in_abbreviation(text: str, end: int, abbrevs: set[str]) -> bool:
    """Does the word before ``text[end]`` (a full stop) end in an abbreviation? Looks back a bounded stretch."""
    window = text[max(0, end - _LONGEST_ABBREVIATION - 1):end]
    if not window or window[-1].isspace():
        return False
    words = window.split()
    if len(words) == 1 and len(window) > _LONGEST_ABBREVIATION:
        return False          # the word goes on beyond the window: too long for an abbreviation
    token = words[-1].lstrip("(\"'“«")
    if len(token) == 1:
        return token.islower() or token.lower() in abbrevs
    token = token.lower()
    return token in abbrevs or _DOTTED_SHORT.fullmatch(token) is not None


# Short lower-case parts joined by stops ("reg.nr", "o.s.frv", "tlf.nr") are
# abbreviations in every language the project has, listed or not.
_DOTTED_SHORT = re.compile(r"[^\W\d_]{1,4}(?:\.[^\W\d_]{1,4})+")


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    spans.append((start + lead, start + lead + len(stripped)))
