"""The pattern mini-language of the phrase banks, compiled to regular expressions.

Bank authors write patterns as plain phrases, not regexes:

    {item} is [currently] (out of stock|sold out)
    we (don't|do not) have {item} in stock

- words match case-insensitively on word boundaries; any space matches any run
  of whitespace; a typographic apostrophe matches a straight one;
- ``{name}`` captures a slot: a short stretch of text without clause
  punctuation (, ; : ! ? and a full stop that ends a sentence), reused by
  the positive template; "15. janúar" and "kl. 10" fit in one slot;
- ``(a|b|c)`` is a choice, ``[a|b]`` or ``[a]`` an optional choice; groups nest;
- ``\\`` escapes the next character.

Why not raw regexes: translators extend the banks, and slot names must be
checkable (a template may only use the slots its patterns capture).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lazy_regex import LazyRegex

# A slot never crosses clause punctuation, so a greeting before a comma stays
# outside it. Masked protected spans (private-use characters) are allowed.
# Sentinels (masked tags, names) are not word characters, so "<b>not</b>"
# still holds the word "not". A word followed by an apostrophe and letters
# is a contraction ("can't"), not the word "can". A dash between spaces ends a
# clause too ("Vi er tomme for juleølet – den siste kassen gikk i går").
SLOT_BODY = (r"(?:(?!\s[\u2013\u2014]\s)[^,;:.!?\n]"
             r"|\.(?=\s*(?:(?-i:[a-z0-9à-ÿ])|[\U000F0000-\U000FFFFD])))+?")   # "15. janúar", "kl. 10" fit
_WORD_EDGE_START = r"(?<!\w)"
_WORD_EDGE_END = r"(?!\w|['’]\w)"


class PatternSyntaxError(ValueError):
    """The pattern is not valid mini-language; the message says where."""


@dataclass(frozen=True)
class CompiledPattern:
    source: str
    regex: str          # the pattern body, without anchors
    slots: tuple[str, ...]
    required: tuple[str, ...] = ()   # lower-case words every match contains (a cheap pre-check)
    required_any: tuple[frozenset[str], ...] = ()   # for each choice, one of these words is in every match


def compile_pattern(source: str) -> CompiledPattern:
    """Translate one bank pattern into a regex body and its slot names."""
    parser = _Parser(source)
    body = parser.parse_sequence(top=True)
    if parser.pos != len(source):
        raise PatternSyntaxError(f"unexpected {source[parser.pos]!r} at column {parser.pos + 1}")
    if not body.strip():
        raise PatternSyntaxError("empty pattern")
    first, last = source.lstrip()[:1], source.rstrip()[-1:]
    prefix = _WORD_EDGE_START if first.isalnum() or first in "([" else ""
    suffix = _WORD_EDGE_END if last.isalnum() or last in ")]" else ""
    return CompiledPattern(source, prefix + body + suffix, tuple(parser.slots), tuple(parser.required_words()),
                           tuple(_choice_requirements(parser.src)))


class _Parser:
    def __init__(self, source: str):
        self.src = source.strip()
        self.pos = 0
        self.slots: list[str] = []
        self.depth = 0
        self._top: list[str] = []        # top-level literal characters, "\0" between words

    def required_words(self) -> list[str]:
        """Whole words at the top level, which every match contains as tokens.

        A word that touches a group or slot ("loppu(un|i)", "{item}s") is only
        part of a token, so it is left out.
        """
        text = "".join(self._top).replace("’", "'").lower()
        words = []
        for m in re.finditer(r"[^\0\1]+", text):
            clean_before = m.start() == 0 or text[m.start() - 1] == "\0"
            clean_after = m.end() == len(text) or text[m.end()] == "\0"
            word = m.group()
            # Tokens never start or end with an apostrophe ("it's" is one token).
            if clean_before and clean_after and len(word) > 1 and word[0] != "'" and word[-1] != "'":
                words.append(word)
        return words

    def parse_sequence(self, top: bool = False) -> str:
        out: list[str] = []
        while self.pos < len(self.src):
            ch = self.src[self.pos]
            if self.depth == 0:
                # Letters and apostrophes build words; brackets, braces and
                # escapes leave the touching words incomplete ("\1").
                self._top.append(ch if (ch.isalnum() or ch in "'’") else "\1" if ch in "([{}])\\" else "\0")
            if ch in ")]|":
                if top:
                    raise PatternSyntaxError(f"unbalanced {ch!r} at column {self.pos + 1}")
                break
            if ch == "(":
                out.append(self._group(")"))
            elif ch == "[":
                group = self._group("]")
                glued = self.pos < len(self.src) and (self.src[self.pos].isalnum() or self.src[self.pos] in "({")
                if out and out[-1] == r"\s+" and not glued:
                    # "is [currently] out", "x {s} [a] [b]": the optional word
                    # owns the space before it (not a prefix glued to the next
                    # word: "er [inn]betalt" keeps its space).
                    out[-1] = f"(?:\\s+{group})?"
                elif (not out or out[-1].endswith(r"\s+)?")) and self.src[self.pos:self.pos + 1].isspace():
                    # "[please] send", "[I'm] [so] sorry": at the start it owns the space after it.
                    while self.pos < len(self.src) and self.src[self.pos].isspace():
                        self.pos += 1
                    out.append(f"(?:{group}\\s+)?")
                else:
                    out.append(group + "?")
            elif ch == "{":
                out.append(self._slot())
            elif ch.isspace():
                while self.pos < len(self.src) and self.src[self.pos].isspace():
                    self.pos += 1
                out.append(r"\s+")
            elif ch == "\\" and self.pos + 1 < len(self.src):
                out.append(re.escape(self.src[self.pos + 1]))
                self.pos += 2
            elif ch in "'’":
                out.append("['’]")
                self.pos += 1
            elif ch == "}":
                raise PatternSyntaxError(f"'}}' without '{{' at column {self.pos + 1}")
            else:
                out.append(re.escape(ch))
                self.pos += 1
        return "".join(out)

    def _group(self, close: str) -> str:
        start = self.pos
        self.pos += 1
        self.depth += 1
        alternatives = [self.parse_sequence()]
        while self.pos < len(self.src) and self.src[self.pos] == "|":
            self.pos += 1
            alternatives.append(self.parse_sequence())
        self.depth -= 1
        if self.pos >= len(self.src) or self.src[self.pos] != close:
            raise PatternSyntaxError(f"group opened at column {start + 1} is not closed with {close!r}")
        self.pos += 1
        if close == ")" and self.src.startswith("?", self.pos):
            # "(also )?" reads as a literal question mark here and never matches prose
            raise PatternSyntaxError(f"'?' after the group at column {start + 1}: an optional part is written "
                                     f"[like this] (or use a 're:' regex)")
        return "(?:" + "|".join(alternatives) + ")"

    def _slot(self) -> str:
        end = self.src.find("}", self.pos)
        if end < 0:
            raise PatternSyntaxError(f"slot at column {self.pos + 1} is not closed with '}}'")
        name = self.src[self.pos + 1:end]
        if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
            raise PatternSyntaxError(f"bad slot name {name!r} at column {self.pos + 1} (use lower_case)")
        if name in ("lead", "clause"):
            raise PatternSyntaxError(f"slot name {name!r} is reserved")
        if name in self.slots:
            raise PatternSyntaxError(f"slot {{{name}}} appears twice")
        self.slots.append(name)
        self.pos = end + 1
        return f"(?P<{name}>{SLOT_BODY})"


def _choice_requirements(src: str) -> list[frozenset[str]]:
    """For each mandatory top-level choice "(a b|c)", the set holding one whole word of each alternative.

    A match contains at least one word of each set. Choices with an
    alternative that has no whole word (only slots or nested groups) give
    no set. The pattern is already known to be valid.
    """
    sets: list[frozenset[str]] = []
    depth, start = 0, -1
    for i, ch in enumerate(src):
        if ch == "\\":
            continue
        if ch in "([":
            if depth == 0:
                start = i if ch == "(" else -1
            depth += 1
        elif ch in ")]":
            depth -= 1
            before = src[start - 1] if start > 0 else " "
            after = src[i + 1] if i + 1 < len(src) else " "
            glued = before.isalnum() or before in "'’)]}" or after.isalnum() or after in "'’([{"
            if depth == 0 and start >= 0 and ch == ")" and not glued:
                # "you('ve| have)" is glued to a word: its parts are not tokens.
                words = []
                for alternative in _split_top(src[start + 1:i]):
                    found = _Parser(alternative)
                    try:
                        found.parse_sequence(top=True)
                    except PatternSyntaxError:
                        found._top = []
                    best = found.required_words()
                    if not best:
                        words = []
                        break
                    words.append(max(best, key=len))
                if words:
                    sets.append(frozenset(words))
                start = -1
    return sets


def _split_top(body: str) -> list[str]:
    """The alternatives of a group body, split on its own top-level '|'."""
    parts, depth, last = [], 0, 0
    for i, ch in enumerate(body):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(body[last:i])
            last = i + 1
    parts.append(body[last:])
    return parts


def template_slots(text: str) -> list[str]:
    """Slot names used by a template, in order."""
    return re.findall(r"\{([a-z][a-z0-9_]*)\}", text)


def compile_phrase(phrase: str) -> CompiledPattern:
    """One phrase of a list: a bank pattern, or a raw regex after 're:' (which names no words to screen by)."""
    if phrase.startswith("re:"):
        return CompiledPattern(phrase, "(?:" + _from_word_start(phrase[3:]) + ")", ())
    return compile_pattern(phrase)


def compile_phrase_list(phrases: list[str]) -> LazyRegex | None:
    """One case-insensitive regex for a list of phrases ('re:' entries are raw regexes).

    The word boundaries are factored out of the alternation, so the engine
    tests them once per position instead of once per phrase: marker lists
    are searched in every sentence.
    """
    source = phrase_list_source(phrases)
    return None if source is None else LazyRegex.checked(source, re.IGNORECASE)


def phrase_list_source(phrases: list[str]) -> str | None:
    """The source of `compile_phrase_list`'s regex (None for no phrases)."""
    return join_alternatives(phrase_alternatives(phrases))


def phrase_alternatives(phrases: list[str]) -> list[tuple[bool, str]]:
    """Each phrase as (inside the shared word edges?, its regex), in the list's order."""
    out = []
    for phrase in phrases:
        if phrase.startswith("re:"):
            out.append((False, "(?:" + _from_word_start(phrase[3:]) + ")"))
            continue
        cp = compile_pattern(phrase)
        if cp.regex.startswith(_WORD_EDGE_START) and cp.regex.endswith(_WORD_EDGE_END):
            out.append((True, cp.regex.removeprefix(_WORD_EDGE_START).removesuffix(_WORD_EDGE_END)))
        else:
            out.append((False, "(?:" + cp.regex + ")"))   # starts or ends with punctuation ("?"): no word edge there
    return out


def join_alternatives(alternatives: list[tuple[bool, str]]) -> str | None:
    """One regex source for `phrase_alternatives` (or a sub-list of them: it keeps their order)."""
    words = [rx for edged, rx in alternatives if edged]
    raw = [rx for edged, rx in alternatives if not edged]
    # Longer alternatives first, so "out of stock" wins over "out" (a stable sort: ties keep list order).
    words.sort(key=len, reverse=True)
    parts = ([_WORD_EDGE_START + "(?:" + "|".join(words) + ")" + _WORD_EDGE_END] if words else []) + raw
    return "|".join(parts) if parts else None


def _from_word_start(regex: str) -> str:
    """A raw regex that opens with a run of word characters ("\\w+n't", "\\w*häiriö") tried at word starts only.

    It finds the same words: a match that could start inside a word can start
    at the word's first letter too. Tried at every position of a long word,
    the run made the scan quadratic: seconds to minutes on a 100 kB word.
    """
    if regex.startswith(("\\w+", "\\w*")):
        return r"(?<!\w)" + regex
    return regex


def literal_width(regex: str) -> int | None:
    """The most characters a match of ``regex`` (a pattern body) can hold outside its named slots.

    Each run of whitespace (``\\s+``) counts as one character: the bound holds
    only for a text without two whitespace characters in a row (see
    `Bank.first_fitting`). None when there is no such bound (an unbounded
    repeat other than ``\\s+``) or the regex cannot be read.
    """
    try:
        from re import _parser  # noqa: PLC0415 - only while a bank is built
        tree = _parser.parse(regex, re.IGNORECASE)
    except Exception:  # noqa: BLE001 - no bound: the pattern is never skipped on it
        return None
    slots = frozenset(tree.state.groupdict.values())
    return _width(tree, slots, _parser)


def _width(items, slots: frozenset[int], _parser) -> int | None:
    c = _parser
    total = 0
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN, c.CATEGORY):
            total += 1
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        elif op is c.SUBPATTERN:
            if av[0] in slots:
                continue
            width = _width(av[3], slots, _parser)
            if width is None:
                return None
            total += width
        elif op is c.BRANCH:
            widths = [_width(branch, slots, _parser) for branch in av[1]]
            if any(w is None for w in widths):
                return None
            total += max(widths)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, high, item = av
            if high == c.MAXREPEAT:
                if low == 1 and list(item) == [(c.IN, [(c.CATEGORY, c.CATEGORY_SPACE)])]:
                    total += 1          # \s+: one character in a text without whitespace runs
                    continue
                return None
            width = _width(item, slots, _parser)
            if width is None:
                return None
            total += high * width
        else:
            return None
    return total


def required_words(regex: str) -> frozenset[str]:
    """Lower-case words every match of ``regex`` holds whole, as ``\\w+`` runs of the matched text.

    A screen, as ``required`` is for rule patterns: a text whose ``\\w+``
    words lack one of them cannot match. Only words the regex spells out
    letter by letter, in its main sequence and set off on both sides (by a
    space or other non-word literal, ``\\b``, or the word-boundary assertions
    the regex starts or ends with) count; anything else (a choice, a class, a
    repeat) ends the word in hand without counting it. Empty when the regex
    cannot be read.
    """
    try:
        from re import _parser  # noqa: PLC0415 - only while a bank is built
        tree = _parser.parse(regex, re.IGNORECASE)
    except Exception:  # noqa: BLE001 - no screen: the regex is always tried
        return frozenset()
    words: set[str] = set()
    state = {"word": "", "left": False}

    def boundary() -> None:
        if state["word"] and state["left"]:
            words.add(state["word"].lower())
        state["word"], state["left"] = "", True

    def unknown() -> None:
        state["word"], state["left"] = "", False

    def walk(items, top: bool) -> None:
        c = _parser
        last = len(items) - 1
        for i, (op, av) in enumerate(items):
            if op is c.LITERAL:
                char = chr(av)
                if char.isalnum() or char == "_":
                    state["word"] += char
                else:
                    boundary()
            elif op is c.AT:
                if av in (c.AT_BOUNDARY, c.AT_BEGINNING, c.AT_BEGINNING_STRING, c.AT_END, c.AT_END_STRING):
                    boundary()
                else:
                    unknown()
            elif op in (c.ASSERT, c.ASSERT_NOT):
                if top and i == 0:
                    state["word"], state["left"] = "", True     # the word-start assertion a screen is built on
                elif top and i == last:
                    boundary()                                 # ... and the word-end one
            elif op is c.SUBPATTERN:
                walk(av[3], False)
            else:
                unknown()

    walk(list(tree), True)
    return frozenset(words)


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_LETTERS = re.compile(r"(?<!\\)[^\W\d_]{2}")         # two letters in a row, not an escape such as \s
# What a screen cannot be cut from: back references, conditionals, inline global flags.
_UNSPLITTABLE = re.compile(r"\(\?P=|\(\?\(|(?<!\\)(?:\\\\)*\\[1-9]|\(\?[aiLmsux]+\)")


def order_screen(source: str) -> str | None:
    """A regex that finds something in every text ``source`` (a rule matcher: lead, clause group, tail) matches.

    The clause's words between its slots, in order: "{tnp} {tverb} ikke før
    {bound}, {grunnled}" needs "ikke før" somewhere after a word. A matcher
    whose side-by-side slots meet a sentence without its words tries every
    way to cut the sentence between them before it fails (0.1-0.2 ms for
    three slots); one search of the words costs about a microsecond. Each
    piece is a stretch of ``source`` itself, searched in the same text, so it
    matches where the full match put it (lookarounds see the same
    neighbours); pieces are joined by ``[\\s\\S]*?``. A clause that ends in
    words keeps the tail after it, so they must end the text. None when the
    clause has no slot (the match is as cheap) or no words between its
    slots, or the regex holds something a piece cannot carry alone.
    """
    start = source.find("(?P<clause>")
    if start < 0 or _UNSPLITTABLE.search(source):
        return None
    try:
        end = _group_end(source, start)
    except ValueError:
        return None
    body, tail = source[start + len("(?P<clause>"):end - 1], source[end:]
    pieces, pos, i, slots = [], 0, 0, 0
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
        elif ch == "[":
            i = _class_end(body, i)
        elif ch == "(":
            close = _group_end(body, i)
            if body.startswith("(?P<", i):
                pieces.append(body[pos:i])
                pos, slots = close, slots + 1
            i = close
        else:
            i += 1
    pieces.append(body[pos:])
    if not slots:
        return None
    if pieces[-1]:
        pieces[-1] += tail
    kept = [_NAMED_GROUP.sub("(?:", p) for p in pieces if _LETTERS.search(p)]
    return r"[\s\S]*?".join(f"(?:{p})" for p in kept) or None


def _class_end(src: str, i: int) -> int:
    """The index just past the character class opening at ``src[i]``."""
    i += 1
    if src.startswith("^", i):
        i += 1
    if src.startswith("]", i):
        i += 1
    while i < len(src) and src[i] != "]":
        i += 2 if src[i] == "\\" else 1
    if i >= len(src):
        raise ValueError("unclosed class")
    return i + 1


def _group_end(src: str, i: int) -> int:
    """The index just past the group opening at ``src[i]``."""
    depth = 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(src, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError("unclosed group")
