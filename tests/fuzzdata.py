"""Inputs and invariants shared by tests/test_properties.py and scripts/fuzz.py (issue 13).

Texts are mixed from fragments: placeholders of every syntax the help desks
use, HTML, URLs, e-mail addresses, numbers and amounts, characters of the
sentinel range and lone surrogates, and negative sentences from the banks'
own examples (so the rewriting stages run, not only detection).

`violations` states what must hold for any input: the output keeps every
placeholder exactly as often as the input has it, every other protected
token at least once, and every reserved character as often; a text without
findings comes back byte for byte.
"""
from __future__ import annotations

import random
from collections import Counter
from functools import lru_cache

from rewriter.banks import load_bank
from rewriter.text.protect import find_protected

LANGS = ("fi", "is", "nb", "en")

PLACEHOLDERS = [
    "{{ticket.requester.first_name}}", "{{ name }}", "{{ step }}:n", "{{order.number}}", "{{{raw}}}",
    "{% if x %}", "{% endif %}", "{%{{%}}%}", "%{name}", "#%{name}", "%{beløp}", "#{ticket.number}",
    "#{a}#{b}", "#{{size}}", "%s", "%d", "%s:n", "%(name)s", "%1", "%1%2", "{name}", "{n}MB", "{0}",
    ":name", "${x}", "<OTRS_CUSTOMER_SUBJECT[24]>", "&lt;OTRS_CUSTOMER_SUBJECT&gt;",
    '<attribute key="name" default="there"/>', "`code`",
]
OTHER_PROTECTED = [
    "<p>", "</p>", "<b>", "</b>", "<br/>", '<a href="#{url}">', '<a href="https://shop.example/a?b=1">', "</a>",
    "<!-- note -->", '<span title="%1">', "https://shop.example/x.html", "www.shop.example", "help@shop.example",
    "&amp;", "&nbsp;", "12345", "#12345", "42EU", "1.5L", "3XL", "A4", "XR-2000", "12.1.2026",
    "49,90 €", "$49.50", "5 000 kr", "1.299,00 kr", "Aurora-lampen", "iPhone",
]
RESERVED_CHARS = ["\ud800", "\udfff", "\udc00\ud800", "\U000F0000", "\U000F0001", "\U000F0002", "\U000FFFFD"]
BROKEN = ["{{", "}}", "{%", "%}", "{", "}", "%", "#{", "<", ">", "&", "<!--", "-->", "`", ":"]
WORDS = ["the", "lamp", "Hi", "Hei", "Takk!", "Thanks,", "Note:", "a.", "1", "e.g.", "kr.", "-", "'", "Lise"]
SEPARATORS = ["", " ", " ", " ", "  ", "\n", ", ", ". ", "\t", "\r\n"]


@lru_cache(maxsize=None)
def negatives(lang: str) -> tuple[str, ...]:
    """The bank's example inputs: sentences its rules and avoid-phrases find."""
    return tuple(sorted({ex.input for _, ex in load_bank(lang).examples() if len(ex.input) < 300}))


def fragments(lang: str) -> list[str]:
    return PLACEHOLDERS + OTHER_PROTECTED + RESERVED_CHARS + BROKEN + WORDS + list(negatives(lang))


def random_text(rng: random.Random, lang: str) -> str:
    """One input for the campaign: mostly fragments, sometimes arbitrary code points."""
    pool = fragments(lang)
    out = []
    for _ in range(rng.randint(1, 12)):
        roll = rng.random()
        if roll < 0.3:
            out.append(rng.choice(negatives(lang)))
        elif roll < 0.9:
            out.append(rng.choice(pool))
        else:
            out.append("".join(chr(_random_code_point(rng)) for _ in range(rng.randint(1, 6))))
        out.append(rng.choice(SEPARATORS))
    return "".join(out)


def _random_code_point(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.25:
        return rng.randint(0xD800, 0xDFFF)
    if roll < 0.5:
        return rng.randint(0xF0000, 0x10FFFF)
    if roll < 0.75:
        return rng.randint(0x20, 0x7E)
    return rng.randint(0, 0x10FFFF)


def fragment_texts(lang: str):
    """Hypothesis strategy: texts mixed from the fragments and separators."""
    from hypothesis import strategies as st  # noqa: PLC0415 - only the tests need it

    pool = fragments(lang)
    part = st.tuples(st.sampled_from(pool) | st.sampled_from(negatives(lang)), st.sampled_from(SEPARATORS))
    return st.lists(part, min_size=1, max_size=10).map(lambda parts: "".join(a + b for a, b in parts))


def _reserved(text: str) -> Counter:
    """Lone surrogates and plane 15 (the sentinels' range): masked as spans, never touched.
    (Other private-use characters are ordinary text that a rewritten sentence may drop.)"""
    return Counter(c for c in text if 0xD800 <= ord(c) <= 0xDFFF or 0xF0000 <= ord(c) <= 0xFFFFF)


def violations(text: str, result) -> list[str]:
    """Everything ``result`` (a rewrite of ``text``) breaks; empty when all holds."""
    found: list[str] = []
    output = result.output
    if result.input != text:
        found.append("input not kept in the result")
    if not result.findings and output != text:
        found.append("text without findings changed")
    if not result.changed and output != text:
        found.append("output differs but changed is False")
    if _reserved(output) != _reserved(text):
        found.append("reserved characters (plane 15, surrogates) lost or added")
    language = load_bank(result.lang).language     # words the bank says are no names ("Teidän", "Því"), titles
    # the pipeline's own mask: after a greeting ("Hei Berit, Parkettslipingen ...") a capital is no name
    greetings = language.greetings.compiled if language.greetings is not None else None
    spans = find_protected(text, language.unmasked, language.titles, greetings)
    before = Counter(p.value for p in spans if p.kind == "placeholder")
    after = Counter(p.value for p in find_protected(output, language.unmasked, language.titles) if p.kind == "placeholder")
    if before != after:
        lost, added = before - after, after - before
        found.append(f"placeholders lost {dict(lost)} / added {dict(added)}")
    for p in spans:
        if p.kind != "placeholder" and p.value not in output:
            found.append(f"{p.kind} {p.value!r} lost")
    # Every placeholder fragment that stands alone (space or an edge on both sides) is protected.
    covered = set()
    for p in spans:
        covered.update(range(p.start, p.end))
    for placeholder in PLACEHOLDERS:
        start = text.find(placeholder)
        while start != -1:
            end = start + len(placeholder)
            alone = (start == 0 or text[start - 1] in " \n\t") and (end == len(text) or text[end] in " \n\t\r")
            if alone and not covered.issuperset(range(start, end)):
                found.append(f"placeholder {placeholder!r} not protected")
            start = text.find(placeholder, start + 1)
    return found
