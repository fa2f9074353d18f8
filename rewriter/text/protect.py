"""Protected spans: text that no stage may alter.

Placeholders of help-desk tools, HTML tags and entities, URLs, e-mail
addresses, numbers (amounts, dates, order numbers) and product names are
replaced by one private-use character each before matching or generation, and
put back afterwards. Stages therefore cannot change them, and verification
can check that every one survived by looking for its sentinel.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, field

# Plane 15 of Unicode's private use areas: never in real text, and a regex
# class over it compiles in microseconds (a class over the BMP private use
# area costs half a millisecond per pattern, and banks have hundreds).
SENTINEL_FIRST = 0xF0000
SENTINEL_LAST = 0xFFFFD
SENTINEL_CLASS = "\U000F0000-\U000FFFFD"

BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table tbody thead blockquote hr section article pre".split()
)

# Order matters: earlier kinds win where spans overlap.
_KINDS: list[tuple[str, str]] = [
    ("placeholder", r"\{\{.*?\}\}|\{%.*?%\}|`[^`\n]+`|#\{[^}\n]*\}|%\{[^}\n]*\}|\{[A-Za-z_][\w.]*\}|<attribute\b[^>]*/?>"),
    ("html", r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->"),
    ("entity", r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);"),
    ("url", r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)]"),
    ("email", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),
    ("amount", r"(?:[€$£]\s?\d[\d\s.,]*\d|[€$£]\s?\d)|\b\d[\d\s.,]*\d?\s?(?:€|EUR|NOK|ISK|USD|SEK|DKK|kr(?:\.(?=\s+[a-zæøåäöþðáéíóúý0-9]|</?[A-Za-z]))?|krónur|kronor|kroner|euroa?|£|\$)(?!\w)"),
    ("number", r"#?\b[A-Z]{0,4}-?\d+(?:[.,:/\-]\d+)*\b"),
]
_DIGIT = re.compile(r"\d")


def _kinds_regex(text: str) -> re.Pattern[str] | None:
    """The protected kinds that ``text`` can hold at all, as one regex.

    Each kind needs a character that most sentences lack ("{", "<", "&", "@",
    a digit); leaving out the kinds that cannot occur makes the scan several
    times faster on plain sentences.
    """
    digit = _DIGIT.search(text) is not None
    key = ("{" in text or "`" in text or "<" in text, "<" in text, "&" in text,
           "://" in text or "www." in text, "@" in text,
           digit and any(mark in text for mark in _CURRENCY_MARKS), digit)
    return _compiled_kinds(key)


# Every amount names its currency with one of these (see the "amount" kind).
_CURRENCY_MARKS = ("€", "$", "£", "EUR", "NOK", "ISK", "USD", "SEK", "DKK", "kr", "euro")


@lru_cache(maxsize=None)
def _compiled_kinds(key: tuple[bool, ...]) -> re.Pattern[str] | None:
    placeholder, html, entity, url, email, amount, digit = key
    present = {"placeholder": placeholder, "html": html, "entity": entity, "url": url, "email": email,
               "amount": amount, "number": digit}
    parts = [f"(?P<{name}>{rx})" for name, rx in _KINDS if present[name]]
    return re.compile("|".join(parts), re.DOTALL) if parts else None
# A capitalised word inside a sentence (not after . ! ? : or a line start) is
# taken as a name: product, brand or person. So is any word with a capital or
# a digit after its first letter (iPhone, XR200), and the capitalised part
# before a hyphen in compounds such as "Aurora-lampinn".
_NAME_RE = re.compile(
    r"(?<![\w\-])(?:[^\W\d_]+[A-Z0-9][\w]*|[A-ZÀ-ÖØ-ÞĀ-Ž][^\W_]*(?=-[^\W\d_])|[A-ZÀ-ÖØ-ÞĀ-Ž][^\W_]*)"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n>]|[\"“”«»(])\s*$")


@dataclass(frozen=True)
class Protected:
    kind: str
    start: int
    end: int
    value: str
    block: bool = False


@dataclass
class Masked:
    """A text with protected spans replaced by sentinels, and the way back."""

    original: str
    text: str
    spans: list[Protected]
    at: list[int] = field(repr=False)      # masked position of each span's sentinel

    def sentinel(self, index: int) -> str:
        return chr(SENTINEL_FIRST + index)

    def span_of(self, char: str) -> Protected:
        return self.spans[ord(char) - SENTINEL_FIRST]

    def unmask(self, text: str) -> str:
        """Put every protected span back in place of its sentinel."""
        if not self.spans:
            return text
        return re.sub(f"[{SENTINEL_CLASS}]", lambda m: self.span_of(m.group()).value, text)

    def _start_of(self, pos: int) -> int:
        """Original offset where masked character ``pos`` starts."""
        i = bisect.bisect_right(self.at, pos) - 1       # the last sentinel at or before pos
        if i < 0:
            return pos
        if self.at[i] == pos:
            return self.spans[i].start
        return self.spans[i].end + (pos - self.at[i] - 1)

    def _end_of(self, pos: int) -> int:
        """Original offset where masked character ``pos`` ends."""
        i = bisect.bisect_right(self.at, pos) - 1
        if i >= 0 and self.at[i] == pos:
            return self.spans[i].end
        return self._start_of(pos) + 1

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the masked text to the same span of the original text."""
        if start >= end:
            pos = self._start_of(start) if start < len(self.text) else len(self.original)
            return pos, pos
        return self._start_of(start), self._end_of(end - 1)

    def is_block(self, char: str) -> bool:
        return is_sentinel(char) and self.span_of(char).block


def is_sentinel(char: str) -> bool:
    return SENTINEL_FIRST <= ord(char) <= SENTINEL_LAST


def sentinels(text: str) -> list[str]:
    return re.findall(f"[{SENTINEL_CLASS}]", text)


def visible(text: str) -> str:
    """Masked text as a reader sees it: sentinels dropped, spaces tidied."""
    return re.sub(r"\s+", " ", re.sub(f"[{SENTINEL_CLASS}]", " ", text)).strip()


def find_protected(text: str, not_names: frozenset[str] = frozenset()) -> list[Protected]:
    """All protected spans of ``text``, sorted and non-overlapping."""
    found: list[Protected] = []
    kinds = _kinds_regex(text)
    for m in kinds.finditer(text) if kinds else ():
        kind = m.lastgroup or "placeholder"
        value = m.group()
        block = False
        if kind == "html":
            name = re.match(r"</?\s*([A-Za-z0-9-]+)", value)
            block = bool(name) and name.group(1).lower() in BLOCK_TAGS
        elif kind == "placeholder" and value.startswith("{%"):
            block = True   # Liquid control flow ({% if %}...{% endif %}) frames sentences
        found.append(Protected(kind, m.start(), m.end(), value, block))
    taken = [(p.start, p.end) for p in found]
    maybe: list[re.Match[str]] = []
    names: set[str] = set()
    for m in _NAME_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        word = m.group()
        if word in not_names or len(word) < 2:
            continue
        is_mixed = any(c.isupper() or c.isdigit() for c in word[1:])
        hyphen_compound = text[m.end():m.end() + 1] == "-"
        if is_mixed or hyphen_compound or not _at_sentence_start(text, m.start()):
            found.append(Protected("name", m.start(), m.end(), word))
            names.add(word)
        else:
            maybe.append(m)
    # A sentence-initial word that is capitalised elsewhere in the text too
    # ("Aurora is sold out. The Aurora lamp ...") is the same name. (A word
    # before a number is not: "Kokoa 38", "Size 38".)
    found += [Protected("name", m.start(), m.end(), m.group()) for m in maybe if m.group() in names]
    found.sort(key=lambda p: p.start)
    return found


_BLOCK_TAG = re.compile(r"</?\s*(?:%s)\b[^<>]*>" % "|".join(sorted(BLOCK_TAGS)), re.IGNORECASE)


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 200):pos]
    if "<" in before or "{" in before:
        before = _strip_tags_and_placeholders(before)
    return bool(_SENTENCE_START.search(before))


def _strip_tags_and_placeholders(text: str) -> str:
    # A word right after "<p>" or "{{x}} " still sits at a sentence start; a
    # block tag ("</p><p>") ends the sentence before it.
    text = re.sub(r"\{%.*?%\}", "\n", _BLOCK_TAG.sub("\n", text))
    return re.sub(r"<[^<>]*>|\{\{.*?\}\}", "", text)


def mask(text: str, not_names: frozenset[str] = frozenset()) -> Masked:
    """Replace protected spans by sentinels; keep where they were for the way back."""
    spans = find_protected(text, not_names)[: SENTINEL_LAST - SENTINEL_FIRST + 1]
    out: list[str] = []
    at: list[int] = []
    pos = length = 0
    for i, span in enumerate(spans):
        out.append(text[pos:span.start])
        length += span.start - pos
        at.append(length)
        out.append(chr(SENTINEL_FIRST + i))
        length += 1
        pos = span.end
    out.append(text[pos:])
    return Masked(text, "".join(out), spans, at)
