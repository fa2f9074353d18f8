"""Compound sentences: rewrite clause by clause when the whole will not go.

Agents join statements: "The jacket is sold out, and we don't know when it
comes back." No rule covers every pairing, so when no candidate for the whole
sentence passes verification, the sentence is cut after a clause that a rule
matches completely, at a comma, semicolon or dash; a coordinating conjunction right after the
comma (the language's ``clause_joiners``: "and", "og", "ja", "en") is
dropped. Each part becomes a sentence of its own; a part without findings is
kept as it was. Subordinate conjunctions ("because", "fordi") are not
joiners: a reason cannot stand alone as a sentence.

Without a comma ("The lamp is sold out and won't be back before May") the
cut is made only where a rule explains both parts; a second part with no
subject of its own gets the first part's subject (the slot its rule
captured as {item}).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..banks.model import Bank
from ..banks.trigger import SOFTENER
from ..text.protect import SENTINEL_CLASS


def split_points(sentence: str, bank: Bank) -> Iterator[tuple[str, str]]:
    """(head, rest) pairs: the sentence cut at a comma, semicolon or dash, left to right.

    Cuts at a bare conjunction ("sold out and won't be back") come after, in
    `bare_joins`: the caller accepts those only when a rule explains both parts.
    """
    # Only at punctuation: without it, the second clause often shares the
    # first one's subject ("I'm busy now but will look later") and cannot
    # stand alone.
    joiners = bank.language.clause_joiners
    cut = re.compile(r"(?:,|;|\s+[\u2013\u2014])\s+(?:(?:%s)\s+)?" % joiners if joiners else r"(?:,|;|\s+[\u2013\u2014])\s+",
                     re.IGNORECASE)
    subordinate = bank.language.subordinators
    appositive = bank.language.appositive_openers
    for m in cut.finditer(sentence):
        if _inside_parentheses(sentence, m.start()):
            continue        # "(Bergans Nordmarka, str. M, mørk grønn)": a list inside a name, no clause ends there
        head, rest = sentence[:m.start()].rstrip(), sentence[m.end():].strip()
        rest = standing_alone(rest, bank)
        if subordinate is not None and subordinate.match(rest):
            continue        # "..., because you paid by card": a reason cannot stand alone
        if appositive is not None and m.group().strip() == "," and appositive.match(rest):
            continue        # "..., normalt tidligst ett år etter": a tail, kept alone it is a fragment
        if _APPOSITIVE.match(rest) or _APPOSITIVE_END.match(rest):
            continue        # "... afborganir, 184.300 kr., áður en ...", "..., 2 400 kr per besøk.": an amount is no clause
        if head and re.search(r"\w", rest):
            yield head, rest


# An amount or a placeholder and at most one more word, then a comma: an
# apposition to the clause before ("the arrears, 184.300 kr., before ..."),
# not a clause of its own.
_APPOSITIVE = re.compile(rf"[\d{SENTINEL_CLASS}][^\s,]*(?:\s+[^\s,]+)?\s*,")
# ... or an amount and at most three more words closing the sentence ("...
# next week, 2 400 kr per visit."): cut off, it would stand as a fragment.
_APPOSITIVE_END = re.compile(rf"[\d{SENTINEL_CLASS}][^\s,]*(?:\s+[^\s,.!?]+){{0,3}}\s*[.!?\u2026]*$")


def _inside_parentheses(sentence: str, at: int) -> bool:
    """Whether position ``at`` lies inside a parenthesis that closes later in the sentence."""
    before = sentence[:at]
    opened = before.rfind("(")
    return opened > before.rfind(")") and sentence.find(")", at) != -1


def standing_alone(rest: str, bank: Bank) -> str:
    """A clause that starts with a negative conjunction, as it reads on its own: "eikä sitä saada" -> "ei sitä saada"."""
    joiners = bank.language.negative_joiners
    if not joiners:
        return rest
    first, _, after = rest.partition(" ")
    replacement = joiners.get(first.lower())
    return f"{replacement} {after}" if replacement and after else rest


def bare_joins(sentence: str, bank: Bank) -> Iterator[tuple[str, str]]:
    """(head, rest) pairs cut at a coordinating conjunction with no comma before it."""
    joiners = bank.language.clause_joiners
    if joiners:
        for m in re.finditer(r"(?<![,;])\s+(?:%s)\s+" % joiners, sentence, re.IGNORECASE):
            head, rest = sentence[:m.start()].rstrip(), sentence[m.end():].strip()
            if head and re.search(r"\w", rest):
                yield head, rest
    negative = bank.language.negative_joiners
    if negative:
        alternation = "|".join(re.escape(w) for w in sorted(negative, key=len, reverse=True))
        for m in re.finditer(r",?\s+(?=(?:%s)\s)" % alternation, sentence, re.IGNORECASE):
            head, rest = sentence[:m.start()].rstrip(), standing_alone(sentence[m.end():].strip(), bank)
            if head and re.search(r"\w", rest):
                yield head, rest


# A lead clause kept word for word before a rewritten one: at most this many
# words unless a coordinating conjunction joins them ("Hi Anna, ...").
SHORT_LEAD_WORDS = 3


# Markup and placeholders before a lead's first word ("<p>Hei Kari,").
_OPENING = re.compile(rf"^[\s{SENTINEL_CLASS}]*")
# A name or placeholder alone before a comma ("{name}, ", "Edda, " once masked): a vocative.
_VOCATIVE = re.compile(rf"\s*[{SENTINEL_CLASS}]+\s*,\s*")


def is_greeting(lead: str, bank: Bank) -> bool:
    """Whether ``lead`` opens with a greeting ("Sæl Edda, ") or is a bare vocative ("{name}, "): the sentence after it starts afresh."""
    greetings = bank.language.greetings
    return greetings is not None and (bool(greetings.match(_OPENING.sub("", lead))) or bool(_VOCATIVE.fullmatch(lead)))


def keepable_lead(head: str, between: str, bank: Bank, *, short: bool = True) -> bool:
    """Whether ``head`` can stay word for word in front of a rewritten clause.

    A main clause joined by a coordinating conjunction reads on ("The
    workshop is full, so I can ..."), and so does a subordinate clause
    ("Because the workshop is full, I can ..."), except in the verb-second
    languages (`language.yaml: verb_second`), where the main clause after it
    must start with its verb and every template starts with its subject
    ("Før vi kan behandle den, jeg kan ..." is broken). With ``short``, any
    other lead must be short (a greeting: "Hi Anna, ..."), since a longer main
    clause before a comma makes a comma splice.
    A lead that is the first part of the subject, cut off by a comma ("The
    lift in Block C, Riverside Court is ..."), is never kept
    (`language.yaml: subject_leads`).
    """
    cut_subject = bank.language.subject_leads
    if cut_subject is not None and cut_subject.search(head):
        return False
    joiners = bank.language.clause_joiners
    if joiners and re.search(r"(?<!\w)(?:%s)(?!\w)" % joiners, between, re.IGNORECASE):
        return True
    if bank.language.verb_second and (head.rstrip()[-1:] in (":", ";") or ":" in between or ";" in between):
        # "Til info: hjelmer kan ...", "Som jeg skrev i forrige svar: ...": after a colon a new clause starts with its subject
        return True
    subordinate = bank.language.subordinators
    if subordinate is not None and subordinate.match(head):
        return not bank.language.verb_second
    fronted = bank.language.fronted_adverbials
    if bank.language.verb_second and fronted is not None and fronted.match(head.lstrip()):
        return False        # "På grunn av uværet, bestillinger blir ...": the verb must come first
    if bank.language.verb_second and bank.language.greetings is not None:
        # After anything but a greeting ("Blir hun dårligere, ..."), the verb must come first.
        return is_greeting(head, bank)
    return not short or len(head.split()) <= SHORT_LEAD_WORDS


# The first clause of a rewrite: up to its first comma, semicolon or dash.
_FIRST_CLAUSE = re.compile(r"[,;:–—]")


def contrast_against_nothing(lead: str, rewrite: str, bank: Bank) -> bool:
    """Whether a kept lead ends in a contrast that a rewrite opening with its offer sets against nothing.

    "Thanks for your patience, but we can let you know ...", "Ég athugaði
    lagerinn, en við getum látið þig vita ...": the "but" stood against the
    bad news the rewrite no longer says. A lead that says something negative
    itself keeps it ("The workshop is full, but we can ..."), and so does a
    rewrite that still states the limit first ("..., men de har tidligst
    mulighet til å se på den tirsdag"). ``rewrite`` may be a template's text,
    slots and all (`language.yaml: contrastives`, `action_markers`).
    """
    return neutral_contrast(lead, bank) and opens_with_offer(rewrite, bank)


def neutral_contrast(lead: str, bank: Bank) -> bool:
    """Whether ``lead`` ends in a contrast ("..., but") and says nothing negative itself.

    A softener is no negative content: "Sorry, Tom, but" (the name keeps the
    softener "Sorry, but" apart) contrasts with nothing before an offer.
    """
    if not _ends_in_contrast(lead, bank):
        return False
    return not bank.may_have_findings(lead) or set(bank.trigger.phrases(lead)) <= {SOFTENER}


def opens_with_offer(rewrite: str, bank: Bank) -> bool:
    """Whether the first clause of ``rewrite`` (a template's text, slots and all) holds an action marker."""
    actions = bank.language.actions
    return actions is not None and actions.search(_FIRST_CLAUSE.split(rewrite, 1)[0]) is not None


def _ends_in_contrast(text: str, bank: Bank) -> bool:
    """Whether ``text`` ends in a contrastive conjunction ("..., but", "..., men"), punctuation aside."""
    contrast = bank.language.contrastives
    if contrast is None:
        return False
    last = None
    for last in contrast.finditer(text):
        pass
    return last is not None and not text[last.end():].strip(" ,;:–—")


def with_subject(rest: str, subject: str) -> str:
    """The second clause with the first one's subject carried in: "won't be back" -> "the lamp won't be back"."""
    return f"{subject} {rest}"


# Words of this length or more, compared by their first letters, carry content ("avgang", "address").
_CONTENT_WORD = re.compile(r"\w{5,}")
_STEM = 5


def echoes(rewritten: str, head: str, rest: str) -> bool:
    """Whether a rewritten clause adds a word the kept clause after it says too.

    "The courier doesn't deliver to PO boxes, so we'll need a street address":
    a rewrite of the first clause that offers help adding a street address
    repeats the second, and "Ferja går ikke i natt, men første avgang i morgen
    er kl. 05:50" needs no offer to find a departure. Words are compared by
    their first five letters, so inflected forms meet.
    """
    def stems(text: str) -> set[str]:
        return {w.lower()[:_STEM] for w in _CONTENT_WORD.findall(text)}

    added = stems(rewritten) - stems(head)
    return bool(added & stems(rest))


def as_sentence(text: str) -> str:
    """A clause made to stand alone: capital first letter and a final full stop."""
    text = text.strip()
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".!?…":
        text += "."
    return text
