"""Protected spans: text that no stage may alter.

Placeholders of help-desk tools, HTML tags and entities, URLs, e-mail
addresses, numbers (amounts, dates, order numbers) and product names are
replaced by one private-use character each before matching or generation, and
put back afterwards. So are characters no stage could handle as text: the
private-use code points the sentinels come from, and lone surrogates. Stages therefore cannot change them, and verification
can check that every one survived by looking for its sentinel.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass, field

# Plane 15 of Unicode's private use areas: rare in real text, and a regex
# class over it compiles in microseconds (a class over the BMP private use
# area costs half a millisecond per pattern, and banks have hundreds). Input
# that does use the range is masked itself (see _RESERVED), so a sentinel in
# masked text is always one of ours.
SENTINEL_FIRST = 0xF0000
SENTINEL_LAST = 0xFFFFD
SENTINEL_CLASS = "\U000F0000-\U000FFFFD"
# Clock times get sentinels of their own at the top of the range, so the
# masked text still says what such a span is: a slot type can tell "2pm" or
# "08:00" from a date or an order number (`<time>` in a bank's slot_types),
# and a memo keyed on the masked text never confuses the two. Every other
# span takes the next sentinel of the main pool.
# Numbers and codes ("20-pakning", "#12345", "12.1.2026") have a pool of their
# own below it (`<number>`), so a slot type that wants a name or a placeholder
# ("i <span>" for a shop) can refuse a pack size.
KIND_POOLS = {"time": (0xFF000, SENTINEL_LAST), "number": (0xFE000, 0xFEFFF)}
POOL_LAST = 0xFDFFF                     # the main pool: SENTINEL_FIRST .. POOL_LAST
SPAN_LAST = 0xFEFFF                     # every span but a clock time: SENTINEL_FIRST .. SPAN_LAST


def kind_class(kind: str) -> str:
    """A regex character class matching the sentinels of a kind with a pool of its own."""
    first, last = KIND_POOLS[kind]
    return f"[{chr(first)}-{chr(last)}]"


BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table tbody thead blockquote hr section article pre".split()
)

# Placeholders of help-desk tools and string formats. Every form is bounded:
# one line, at most _MAX characters, no second opener inside, so an unclosed
# "{{" cannot swallow the sentences after it and no scan is quadratic. Where
# two forms match at one place the longest wins (`_longest_placeholder`).
_MAX = 200
# Inside a placeholder: no line break and no sentence end (". " before the next word).
_IN = r"(?:(?![.!?]\s)[^\n])"
_IN_BRACES = r"(?:(?![.!?]\s)[^{}\n])"
_GLUED = r"(?::[a-zåäö]{1,5}(?![\w]))?"       # a Finnish case ending glued on: "{{ step }}:n", "%s:ssa"
PLACEHOLDERS: tuple[str, ...] = (
    r"#?\{\{\{%s{1,%d}\}\}\}" % (_IN_BRACES, _MAX),                         # {{{raw}}}
    r"#?\{\{(?:(?!\{\{|\}\})%s){0,%d}\}\}" % (_IN, _MAX),                  # {{ x | filter }}, #{{id}}
    r"\{%%(?>\{\{%s{0,%d}\}\}|(?!%%\}|\{%%)%s){0,%d}%%\}" % (_IN_BRACES, _MAX, _IN, _MAX),  # {% if %}, {%{{x}}%}
    r"`[^`\s](?:[^`\n]{0,%d}[^`\s])?`" % _MAX,                              # `code`, no space inside its edges
    r"#\{(?!\{)%s{0,%d}\}" % (_IN_BRACES, _MAX),                             # Zammad #{ticket.number}
    r"#?[%%$]\{%s{1,%d}\}" % (_IN_BRACES, _MAX),                              # %{name}, #%{name}, ${x}
    # printf forms, glued to a word or not ("%sx" is "%s" and "x"; "20%discount" loses nothing by it)
    r"%\([A-Za-z_]\w{0,60}\)[-+#0]?\d{0,3}(?:\.\d{1,3})?[sdifr]",              # %(name)s
    r"%(?:\d{1,2}\$)?[-+#0]?\d{0,3}(?:\.\d{1,3})?[sdif]",                    # %s %d %1$s %.2f
    r"(?<![\d%])%\d{1,2}(?:%\d{1,2})*(?![\d%])",                              # %1, %1%2
    r"\{(?:[A-Za-z_][\w.]{0,%d}|\d{1,2})\}(?:[A-Za-z]{1,4}(?![\w]))?" % _MAX,  # {name}, {0}, {n}MB
    r"(?<!\S):[a-z_]+(?![\w:])",                                              # Laravel :name
    r"<OTRS_[A-Za-z0-9_]{1,%d}(?:\[\d{1,4}\])?>" % _MAX,                      # <OTRS_CUSTOMER_SUBJECT[24]>
    r"&lt;OTRS_[A-Za-z0-9_]{1,%d}(?:\[\d{1,4}\])?&gt;" % _MAX,
    r"<attribute\b[^<>\n]{0,%d}>" % _MAX,                                      # Intercom <attribute .../>
)
_PLACEHOLDER_RES = tuple(re.compile(p + _GLUED) for p in PLACEHOLDERS)

# Order matters: earlier kinds win where spans overlap.
_KINDS: list[tuple[str, str]] = [
    ("placeholder", "(?:" + "|".join(PLACEHOLDERS) + ")" + _GLUED),
    # An HTML comment may span lines; it ends at the first "-->" and holds no second "<!--".
    ("html", r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--(?:(?!<!--|-->)[\s\S])*-->"),
    ("entity", r"&(?:[A-Za-z]{1,40}|#\d{1,8}|#x[0-9A-Fa-f]{1,8});"),
    ("url", r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)]"),
    ("email", r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b"),
    # An amount is a short run of digits, spaces and separators before or after a currency.
    ("amount", r"(?:[€$£]\s?\d[\d\s.,]{0,24}\d|[€$£]\s?\d)|\b\d[\d\s.,]{0,24}\d?\s?(?:€|EUR|NOK|ISK|USD|SEK|DKK|kr(?:\.(?=\s+[a-zæøåäöþðáéíóúý0-9]))?|krónur|kronor|kroner|euroa?|£|\$)(?!\w)"),
    # A clock time: "2pm", "10.30 a.m.", "08:00"; with a full stop only after "klo"/"kl." ("16.05." is a date).
    ("time", r"(?<![\w.:])(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?\s?(?:[ap]m|[ap]\.m\.)(?!\w)"
             r"|(?<![\w.:/])(?:[01]?\d|2[0-3]):[0-5]\d(?![\w]|[.:,/]\d)"
             r"|(?:(?<=klo )|(?<=kl\. )|(?<=kl )|(?<=kello )|(?<=Klo )|(?<=Kl\. ))(?:[01]?\d|2[0-3])\.[0-5]\d(?![\w]|[.:,/]\d)"),
    # Numbers and codes with digits, one span each: 12.1.2026, #12345, XR-2000, 42EU, 1.5L, 3XL, A4, 5:llä;
    # a range of days is one ("7.–9. mars", "3.-5. maí", "7–9 March"), so a date slot takes it as one day.
    ("number", r"#?(?<!\w)(?:[A-Za-z]{1,4}-)?(?=[^\W_]*\d)[^\W_]++(?:(?:\.?\u2013|\.-|[.,:/\-])\d[^\W_]*+)*+" + _GLUED),
]
_DIGIT = re.compile(r"\d")
_TAG_NAME = re.compile(r"</?\s*([A-Za-z0-9-]+)")


def _kinds_regex(text: str) -> re.Pattern[str] | None:
    """The protected kinds that ``text`` can hold at all, as one regex.

    Each kind needs a character that most sentences lack ("{", "<", "&", "@",
    a digit); leaving out the kinds that cannot occur makes the scan several
    times faster on plain sentences.
    """
    digit = _DIGIT.search(text) is not None
    placeholder = ("{" in text or "`" in text or "<" in text or "%" in text or "&lt;OTRS" in text
                   or (":" in text and _LARAVEL_HINT.search(text) is not None))
    key = (placeholder, "<" in text, "&" in text,
           "://" in text or "www." in text, "@" in text,
           digit and any(mark in text for mark in _CURRENCY_MARKS), digit)
    return _compiled_kinds(key)


_LARAVEL_HINT = re.compile(r"(?<!\S):[a-z_]")
# Every amount names its currency with one of these (see the "amount" kind).
_CURRENCY_MARKS = ("€", "$", "£", "EUR", "NOK", "ISK", "USD", "SEK", "DKK", "kr", "euro")


@lru_cache(maxsize=None)
def _compiled_kinds(key: tuple[bool, ...]) -> re.Pattern[str] | None:
    placeholder, html, entity, url, email, amount, digit = key
    present = {"placeholder": placeholder, "html": html, "entity": entity, "url": url, "email": email,
               "amount": amount, "time": digit, "number": digit}
    parts = [f"(?P<{name}>{rx})" for name, rx in _KINDS if present[name]]
    return re.compile("|".join(parts)) if parts else None


def _longest_placeholder(text: str, start: int, end: int) -> int:
    """The end of the longest placeholder form that matches at ``start`` (a placeholder is never cut short)."""
    for regex in _PLACEHOLDER_RES:
        m = regex.match(text, start)
        if m and m.end() > end:
            end = m.end()
    return end


# Characters the masked text must never hold as text: code points of the
# sentinel range (they would read as another span's sentinel) and lone
# surrogates (no codec, tokenizer or language detector takes them). A run of
# them is masked as one span of its own, so it comes back unchanged.
_RESERVED = re.compile(f"[{SENTINEL_CLASS}\ud800-\udfff]+")
# A capitalised word inside a sentence (not after . ! ? : or a line start) is
# taken as a name: product, brand or person. So is any word with a capital or
# a digit after its first letter (iPhone, XR200), and a compound of a
# capitalised word, a hyphen and a suffix ("Aurora-lampinn"), which is one
# name: the suffix stays glued to it.
_COMPOUND = r"(?:-[^\W\d_][^\W_]*+)"
_NAME_RE = re.compile(
    rf"(?<![\w\-])(?:[^\W\d_]+[A-Z0-9]\w*+{_COMPOUND}*+|[A-ZÀ-ÖØ-ÞĀ-Ž][^\W_]*+{_COMPOUND}*+)"
)
# The capitalised name after an abbreviated title and its stop ("Dr. Patel").
_TITLED_NAME = re.compile(r"\.[ \t]{1,3}[A-ZÀ-ÖØ-ÞĀ-Ž][^\W_]*+")
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
    chars: list[str] = field(default_factory=list, repr=False)     # each span's sentinel (see KIND_POOLS)
    _index: dict[str, int] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.chars:
            self.chars = [chr(SENTINEL_FIRST + i) for i in range(len(self.spans))]
        self._index = {c: i for i, c in enumerate(self.chars)}

    def sentinel(self, index: int) -> str:
        return self.chars[index]

    def span_of(self, char: str) -> Protected:
        return self.spans[self._index[char]]

    def unmask(self, text: str) -> str:
        """Put every protected span back in place of its sentinel."""
        if not self.spans:
            return text
        return re.sub(f"[{SENTINEL_CLASS}]", lambda m: self.span_of(m.group()).value, text)

    def unmask_kind(self, text: str, kind: str) -> str:
        """Put back only the spans of one ``kind`` ("name"): the words of a name, without placeholders or URLs."""
        if not self.spans:
            return text
        return re.sub(f"[{SENTINEL_CLASS}]", lambda m: (span.value if (span := self.span_of(m.group())).kind == kind
                                                        else m.group()), text)

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


_ANY_SENTINEL = re.compile(f"[{SENTINEL_CLASS}]")


def sentinels(text: str) -> list[str]:
    return _ANY_SENTINEL.findall(text)


def visible(text: str) -> str:
    """Masked text as a reader sees it: sentinels dropped, spaces tidied."""
    if _ANY_SENTINEL.search(text) is None:
        return " ".join(text.split())       # most sentences: no sentinel to drop
    return " ".join(_ANY_SENTINEL.sub(" ", text).split())


def find_protected(text: str, not_names: frozenset[str] = frozenset(),
                   titles: frozenset[str] = frozenset(), greetings: re.Pattern[str] | None = None) -> list[Protected]:
    """All protected spans of ``text``, sorted and non-overlapping; linear in the text's length.

    ``titles`` (lower case, no stop: a bank's ``titles``) are abbreviations
    written before a name: "Dr. Patel" is one name span, so its stop neither
    ends a sentence nor leaves "Dr" on its own; without a stop ("Dr Khan") the
    title stays a word wherever it stands, and only the name is masked. ``greetings`` (a bank's
    ``greetings``) open a short address before a comma ("Hi Tom, ", "Hæ
    {name}, "): the word after it is capitalised because the message starts
    there, as a sentence-initial word is, not because it is a name; as at a
    sentence start, the language's dictionary then tells a name from a word.
    """
    found: list[Protected] = []
    kinds = _kinds_regex(text)
    pos = 0
    while kinds is not None:
        m = kinds.search(text, pos)
        if m is None:
            break
        kind = m.lastgroup or "placeholder"
        start, end = m.start(), m.end()
        if kind == "placeholder":
            end = _longest_placeholder(text, start, end)
        value = text[start:end]
        block = False
        if kind == "html":
            name = _TAG_NAME.match(value)
            block = bool(name) and name.group(1).lower() in BLOCK_TAGS
        elif kind == "placeholder" and value.startswith("{%"):
            block = True   # Liquid control flow ({% if %}...{% endif %}) frames sentences
        found.append(Protected(kind, start, end, value, block))
        pos = max(end, start + 1)
    starts = [p.start for p in found]
    ends = [p.end for p in found]

    def taken(start: int, end: int) -> bool:
        i = bisect.bisect_left(starts, end) - 1      # the last span that starts before ``end``
        return i >= 0 and ends[i] > start

    maybe: list[re.Match[str]] = []
    names: set[str] = set()
    named: list[Protected] = []
    titled_end = -1
    for m in _NAME_RE.finditer(text):
        if m.start() < titled_end or (found and taken(m.start(), m.end())):
            continue
        word = m.group()
        if titles and word.lower() in titles:
            after = _TITLED_NAME.match(text, m.end())
            if after and not (found and taken(m.start(), after.end())):
                titled_end = after.end()
                named.append(Protected("name", m.start(), titled_end, text[m.start():titled_end]))
                continue
            if word[:1].isupper():
                continue    # "Sorry, Dr Khan": a title is no name of its own, after a comma as at a sentence start
        if word in not_names or len(word) < 2:
            continue
        rest = word[1:]
        # All lower-case letters after the first (the common case): no capital or digit inside.
        is_mixed = not (rest.isalpha() and rest.islower()) and any(c.isupper() or c.isdigit() for c in rest)
        if is_mixed or "-" in word or not (_at_sentence_start(text, m.start())
                                          or greetings is not None and _after_greeting(text, m.start(), greetings)):
            named.append(Protected("name", m.start(), m.end(), word))
            names.add(word)
        else:
            maybe.append(m)
    # A sentence-initial word that is capitalised elsewhere in the text too
    # ("Aurora is sold out. The Aurora lamp ...") is the same name. (A word
    # before a number is not: "Kokoa 38", "Size 38".)
    named += [Protected("name", m.start(), m.end(), m.group()) for m in maybe if m.group() in names]
    found = sorted(found + named, key=lambda p: p.start)
    return _with_reserved(text, found)


def _with_reserved(text: str, found: list[Protected]) -> list[Protected]:
    """``found`` plus a span for each run of reserved characters that no span covers."""
    if _RESERVED.search(text) is None:
        return found
    extra: list[Protected] = []
    starts, ends = [p.start for p in found], [p.end for p in found]
    for m in _RESERVED.finditer(text):
        pos, stop = m.start(), m.end()
        i = bisect.bisect_right(ends, pos)          # the first span that ends after pos
        while pos < stop:
            if i < len(found) and starts[i] <= pos:
                pos = ends[i]                       # inside a span: protected already
                i += 1
                continue
            gap_end = min(stop, starts[i]) if i < len(found) else stop
            extra.append(Protected("reserved", pos, gap_end, text[pos:gap_end]))
            pos = gap_end
    return sorted(found + extra, key=lambda p: p.start)


_BLOCK_TAG = re.compile(r"</?\s*(?:%s)\b[^<>]*>" % "|".join(sorted(BLOCK_TAGS)), re.IGNORECASE)
_SENTENCE_END_CHARS = frozenset(".!?:\n>\"“”«»(")


# Emoji end a sentence in chat when a capital follows ("... velkommen 🐶 Dessverre ...").
EMOJI_CLASS = "\U0001F300-\U0001FAFF\u2600-\u27BF"
_EMOJI = re.compile(f"[{EMOJI_CLASS}]\ufe0f?$")


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 200):pos]
    if "<" in before or "{" in before:
        before = _strip_tags_and_placeholders(before)
    if _RESERVED.search(before):
        before = _RESERVED.sub("", before)     # masked on their own; they end no sentence and start none
    stripped = before.rstrip()
    if len(stripped) < len(before) and "\n" in before[len(stripped):]:
        return True
    # At the start of the text (or of the 200 characters looked at), or after . ! ? : > a quote or a bracket.
    return not stripped or stripped[-1] in _SENTENCE_END_CHARS or _EMOJI.search(stripped) is not None


# The most words of an address after its greeting word: "Hi Tom", "Dear Ms Lee", "Good morning Mr Hansen".
_ADDRESS_WORDS = 5


def _after_greeting(text: str, pos: int, greetings: re.Pattern[str]) -> bool:
    """Whether ``pos`` follows a short greeting and address that open a sentence ("Hi {name}, Hearing aids ...")."""
    before = text[max(0, pos - 120):pos]
    if not before.rstrip().endswith(","):
        return False
    if "<" in before or "{" in before:
        before = _strip_tags_and_placeholders(before)
    if _RESERVED.search(before):
        before = _RESERVED.sub("", before)
    cut = max(before.rfind(ch) for ch in _SENTENCE_END_CHARS)
    address = before[cut + 1:].strip()
    return len(address.split()) <= _ADDRESS_WORDS and greetings.match(address) is not None


_LIQUID_TAG = re.compile(PLACEHOLDERS[2])
_TAG_OR_OUTPUT = re.compile(r"<[^<>]*>|" + PLACEHOLDERS[1][2:])


def _strip_tags_and_placeholders(text: str) -> str:
    # A word right after "<p>" or "{{x}} " still sits at a sentence start; a
    # block tag ("</p><p>") ends the sentence before it.
    return _TAG_OR_OUTPUT.sub("", _LIQUID_TAG.sub("\n", _BLOCK_TAG.sub("\n", text)))


# One sentinel per span; a text with more spans than sentinels gets one last
# span, a block, that protects all the rest of it.
CAPACITY = POOL_LAST - SENTINEL_FIRST + 1


def mask(text: str, not_names: frozenset[str] = frozenset(), titles: frozenset[str] = frozenset(),
         greetings: re.Pattern[str] | None = None) -> Masked:
    """Replace protected spans by sentinels; keep where they were for the way back."""
    spans = find_protected(text, not_names, titles, greetings)
    if len(spans) > CAPACITY:
        last = spans[CAPACITY - 1].start
        spans = spans[:CAPACITY - 1] + [Protected("overflow", last, len(text), text[last:], True)]
    out: list[str] = []
    at: list[int] = []
    chars: list[str] = []
    taken = {kind: first for kind, (first, _) in KIND_POOLS.items()}
    main = SENTINEL_FIRST
    pos = length = 0
    for span in spans:
        out.append(text[pos:span.start])
        length += span.start - pos
        at.append(length)
        code = taken.get(span.kind)
        if code is not None and code <= KIND_POOLS[span.kind][1]:
            taken[span.kind] = code + 1
        else:
            code, main = main, main + 1
        chars.append(chr(code))
        out.append(chars[-1])
        length += 1
        pos = span.end
    out.append(text[pos:])
    return Masked(text, "".join(out), spans, at, chars)
