"""The template engine: the deterministic stage.

For a sentence it tries every bank rule in order. When a rule's pattern
matches, each of the rule's templates that fits the tone and the actions the
organisation allows is filled with the captured slots and offered as a
candidate. Avoid-phrase replacements come last.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..analyse.names import is_common_word
from ..analyse.phrase_case import inflect_phrase, readings
from ..banks.lazy_regex import LazyRegex
from ..banks.loader import AND_LIST, COMPUTED_SLOTS
from ..banks.model import Bank, Rule, Template, Vetoes, tokens_of
from ..plan.message import MessagePlan
from ..text.protect import KIND_POOLS, SENTINEL_CLASS, is_sentinel
from ..banks.trigger import SOFTENER
from ..text.view import View, drop
from .candidate import Candidate
from .clauses import SHORT_LEAD_WORDS, is_greeting, keepable_lead, neutral_contrast, opens_with_offer
from .lazy_sorted import LazySorted

_SLOT = re.compile(r"\{([a-z][a-z0-9_]*)(?:\|([a-z][a-z0-9_]*))?\}")
_NUMBER_OR_SPAN = re.compile(rf"[\d.,:/-]+|[{SENTINEL_CLASS}]+")
_SENTENCE_END = re.compile(r"[.!?\u2026]\s*$")
# `slot_types` entry that applies to every slot: a conjunction or sentence adverb
# at the start ("og vi vet", "derfor ta kontakt") means the rule cut the
# sentence in the wrong place.
EVERY_SLOT = "*"
# A slot value that ends with a full stop ("14.3.", "klo 16.") before the
# template's own full stop.
DOUBLE_STOP = re.compile(rf"(?<=[\w{SENTINEL_CLASS}]\.)\.(?!\.)")


def tone_for(rule: Rule, bank: Bank, requested: str | None) -> str:
    """The caller's tone, else the situation's default, else the language's."""
    if requested:
        return requested
    situation = bank.situations.get(rule.situation)
    return (situation.default_tone if situation else None) or bank.language.default_tone


def ordered_templates(rule: Rule, tone: str, plan: MessagePlan) -> list[Template]:
    """Templates usable here: those the message plan allows, the tone's own first, then tone-neutral ones."""
    by_tone = [t for t in rule.templates if t.tone == tone] + [t for t in rule.templates if t.tone == "any"]
    return plan.usable(by_tone)


def softened(sentence: str, bank: Bank) -> View:
    """The sentence without its softeners (see `text.view`); only looked for where the trigger sees one."""
    kinds = bank.trigger.phrases(sentence)
    if SOFTENER not in kinds:
        return View.of(sentence)
    return drop(sentence, bank.markers(SOFTENER, kinds[SOFTENER]))


def match_rules(sentence: str, bank: Bank) -> list[tuple[Rule, re.Match[str], View]]:
    """Every (rule, match, view) whose pattern matches the sentence, most specific first.

    Specificity is the number of characters the pattern's own words matched
    (the clause minus its slots): "we can't deliver on {day}" beats
    "we can't {action}". Ties keep bank order (situation file, then rule).
    Detection and the template stage both ask, so the answer is memoised.
    """
    cached = bank.match_cache.get(sentence)
    if cached is not None:
        return cached
    soft = softened(sentence, bank)
    view = soft.text
    tokens = tokens_of(view)
    found = []
    vetoes = bank.vetoes(view, sentence)     # many rules share one exceptions regex: search it once per sentence
    for order, rule, matchers in bank.candidate_rules(tokens):
        best = _best_match(rule, matchers, view, vetoes)
        if best is not None:
            found.append((-_literal_length(best), order, rule, best))
    found.sort(key=lambda item: item[:2])
    result = [(rule, m, soft) for _, _, rule, m in found]
    bank.match_cache.put(sentence, result)
    return result


def _best_match(rule: Rule, matchers, view: str, vetoes: Vetoes) -> re.Match[str] | None:
    """The rule's most specific match of ``view`` (None when nothing matches, an exception
    vetoes it, or what it `requires` is not in the sentence as written).

    The exceptions are searched only once a pattern has matched: most
    candidate patterns do not, and the veto is the dearer search. ``vetoes``
    holds the answers already found for this sentence, by regex source.
    """
    best = None
    for matcher in matchers:
        m = matcher.match(view)
        if m and (best is None or _literal_length(m) > _literal_length(best)):
            best = m
    if best is None:
        return None
    if rule.exceptions is not None and vetoes.occurs(rule.exceptions):
        return None
    if rule.requires is not None and not vetoes.written(rule.requires):
        return None
    return best


def vetoed(rule_ids: str, text: str, bank: Bank, source: str | None = None) -> bool:
    """Whether an exception of one of the rules (ids joined by commas), or of the template at
    ``source``, occurs in ``text``.

    A rule that matched one clause of a cut sentence must still respect the
    idioms the rest of the sentence holds: "Kurset er fullbooket, men du står
    først på ventelisten" is no case for "I'll tell you if a place opens up".
    """
    for rule_id in filter(None, rule_ids.split(",")):
        rule = bank.rule(rule_id)
        if rule is None:
            continue
        if rule.exceptions is not None and rule.exceptions.search(text):
            return True
        if source is not None and any(t.source == source and t.exceptions is not None and t.exceptions.search(text)
                                      for t in rule.templates):
            return True
    return False


def _literal_length(m: re.Match[str]) -> int:
    slots = sum(len(m.group(name) or "") for name in m.re.groupindex if name not in ("lead", "clause"))
    return len(m.group("clause")) - slots


def candidates(sentence: str, bank: Bank, plan: MessagePlan, computed: dict[str, str]) -> Iterator[Candidate]:
    """Candidate rewrites of one masked sentence, best first."""
    for rule, m, _view in fitting_rules(sentence, bank):
        lead = _Lead(m, bank)
        captured = captured_slots(m)
        for template in ordered_templates(rule, tone_for(rule, bank, plan.tone), plan):
            if lead.refuses(template) or ruled_out(template, m, sentence):
                continue
            if not captured <= slots_of(template):
                continue        # a template that leaves out a captured slot drops a fact ("in size M")
            text = fill(template, m, bank, computed)
            if text is not None:
                yield Candidate(text, "template", rule.id, template.source, template.actions, m.group("lead") or "",
                                template.text, kept_reasons(m, template, bank))
    replaced = replace_avoided(sentence, bank)
    if replaced is not None:
        yield replaced


def ruled_out(template: Template, m: re.Match[str], sentence: str) -> str | None:
    """The phrase of the template's own `exceptions` the sentence holds, as matched or as
    written (softeners included: "Regrettably, ..." says the customer is past the limit
    already); None when it holds none. The rule's other templates may still fit."""
    if template.exceptions is None:
        return None
    found = template.exceptions.search(m.string) or template.exceptions.search(sentence)
    if found is None:
        return None
    # A lookahead matches no characters and still rules the template out ("(?![\\s\\S]*flight)").
    return found.group() or f"what {found.re.pattern!r} looks for"


class _Lead:
    """What a match's lead allows: "Before we can process it, I can ..." would dangle
    before a subject-first template; an `after_lead` template goes on from a clause,
    never from nothing or from a greeting ("Sæl Edda, getum við ...")."""

    __slots__ = ("text", "kept", "greeted", "contrast", "bank")

    def __init__(self, m: re.Match[str], bank: Bank):
        self.text = (m.group("lead") or "").strip()
        self.kept = not self.text or keepable_lead(self.text, "", bank, short=False)
        self.greeted = bool(self.text) and is_greeting(self.text, bank)
        # "Thanks for your patience, but": no template that opens with its offer after it
        self.contrast = bool(self.text) and neutral_contrast(self.text, bank)
        self.bank = bank

    def refuses(self, template: Template) -> bool:
        if template.after_lead:
            return not self.text or self.greeted
        return not self.kept or (self.contrast and opens_with_offer(template.text, self.bank))


def why_no_template(sentence: str, bank: Bank, plan: MessagePlan, computed: dict[str, str],
                    limit: int = 12) -> list[str]:
    """Why each template of each fitting rule made no candidate here (for --explain; slow, never on the hot path)."""
    out: list[str] = []
    tone = None
    for rule, m, _view in fitting_rules(sentence, bank):
        tone = tone_for(rule, bank, plan.tone)
        lead = _Lead(m, bank)
        captured = captured_slots(m)
        usable = ordered_templates(rule, tone, plan)
        for template in rule.templates:
            where = template.source or rule.id
            if template.tone not in (tone, "any"):
                why = f"written for the {template.tone} tone"
            elif template not in usable:
                why = ("states only, and this sentence must make the message's offer" if template.statement_only
                       and not plan.states_only else "makes an offer, and the message's offer is made elsewhere"
                       if plan.states_only else "needs an action the settings do not offer")
            elif lead.refuses(template):
                why = f"cannot follow the lead {lead.text!r}" if lead.text else "goes on from a lead there is none of"
            elif (phrase := ruled_out(template, m, sentence)) is not None:
                why = f"the sentence holds {phrase!r}, which its exceptions rule out"
            elif not captured <= slots_of(template):
                why = f"leaves out {', '.join(sorted(captured - slots_of(template)))}"
            elif fill(template, m, bank, computed) is None:
                why = "; ".join(_unfilled(template, m, bank, computed)) or "a slot cannot take the form asked for"
            else:
                continue
            out.append(f"{rule.id} ({where}): {why}")
            if len(out) >= limit:
                return out
    return out


def _unfilled(template: Template, m: re.Match[str], bank: Bank, computed: dict[str, str]) -> list[str]:
    """The slots of ``template`` whose value cannot take the case it asks for ("{obj|nominative} cannot take ...")."""
    found = []
    for slot in _SLOT.finditer(template.text):
        name, inflection = slot.group(1), slot.group(2)
        if not inflection or name not in m.re.groupindex or not m.group(name):
            continue
        if fill(replace(template, text=f"{{{name}|{inflection}}}"), m, bank, computed) is None:
            found.append(f"{{{name}|{inflection}}} cannot take {m.group(name).strip()!r}")
    return found


def kept_reasons(m, template: Template, bank: Bank) -> tuple[str, ...]:
    """The reason slots (`kept_reasons`) the template copies word for word, as captured."""
    names = bank.language.kept_reasons
    if not names:
        return ()
    return tuple(m.group(n).strip() for n in names
                 if n in m.re.groupindex and m.group(n) and "{%s}" % n in template.text)


def captured_slots(m: re.Match[str]) -> frozenset[str]:
    """The slots a match captured with some text in them: the facts a rewrite must carry on."""
    return frozenset(name for name in m.re.groupindex
                     if name not in ("lead", "clause") and (m.group(name) or "").strip())


def slots_of(template: Template) -> frozenset[str]:
    """The slots a template's text names."""
    return frozenset(slot.group(1) for slot in _SLOT.finditer(template.text))


def slots_fit(m: re.Match[str], bank: Bank) -> bool:
    """Whether every captured slot holds what its type allows ("to Sweden" is no {item})."""
    return unfit_slot(m, bank) is None


def unfit_slot(m: re.Match[str], bank: Bank) -> str | None:
    """The first captured slot whose value its type refuses; None when every slot fits."""
    types = bank.language.slot_types
    every = types.get(EVERY_SLOT)
    # (slot, value) -> fits: the same product or date fills many sentences (a stand-in bank may have no memo)
    memo = getattr(bank, "slot_cache", None)
    for name in m.re.groupindex:
        value = m.group(name)
        if value is None or name in ("lead", "clause"):
            continue
        kind = types.get(name)
        if kind is None and every is None:
            continue
        key = (name, value)
        fits = memo.get(key) if memo is not None else None
        if fits is None:
            trimmed_value = trimmed(value.strip(), bank)
            fits = all(k is None or k.accepts(trimmed_value) for k in (kind, every))
            if fits and kind is not None and kind.last_word_cases:
                fits = _last_word_in_case(trimmed_value, kind.last_word_cases, bank.language.code)
            if memo is not None:
                memo.put(key, fits)
        if not fits:
            return name
    return None


_LAST_WORD = re.compile(r"([^\W\d_][\w'’-]*)\W*$")


def _last_word_in_case(value: str, cases: frozenset[str], lang: str) -> bool:
    """Whether one reading of the value's last word is in one of ``cases`` (a word the analyser
    does not know, a protected span, or no analyser: the regexes of the type decided)."""
    m = _LAST_WORD.search(value)
    if m is None:
        return True
    found = readings(m.group(1), lang)
    return not found or any(r.case in cases for r in found)


def unfit_rules(sentence: str, bank: Bank) -> list[tuple[str, str, str]]:
    """(rule id, slot, value) for each rule whose pattern matches ``sentence`` but whose slot
    type refuses what it captured, on every cut tried: why a rule that seems to apply made no candidate (--explain)."""
    out = []
    for rule, m, _view in match_rules(sentence, bank):
        if fitting_split(m, bank) is None:
            name = unfit_slot(m, bank) or ""
            out.append((rule.id, name, (m.group(name) or "").strip() if name else ""))
    return out


class _SplitMatch:
    """A match whose two side-by-side slots are cut at another space ("{team} {action}").

    The regex engine gives the first cut that matches (the shortest first
    slot); when that cut fails a slot type, other cuts of the same words
    may not. Only what the template stage reads is offered.
    """

    def __init__(self, m: re.Match[str], cuts: dict[str, tuple[int, int]]):
        self._m, self._cuts, self.re = m, cuts, m.re

    @property
    def string(self) -> str:
        return self._m.string

    def group(self, name="clause"):
        if name in self._cuts:
            start, end = self._cuts[name]
            return self._m.string[start:end]
        return self._m.group(name)

    def start(self, name=0) -> int:
        return self._cuts[name][0] if name in self._cuts else self._m.start(name)

    def end(self, name=0) -> int:
        return self._cuts[name][1] if name in self._cuts else self._m.end(name)


# At most this many other cuts are tried for one pair of side-by-side slots.
_MAX_CUTS = 8


def fitting_split(m: re.Match[str], bank: Bank):
    """``m`` when its slots fit their types, else the first other cut of two side-by-side slots that does, else None."""
    if slots_fit(m, bank):
        return m
    names = sorted((m.start(n), n) for n in m.re.groupindex
                   if n not in ("lead", "clause") and m.group(n) is not None)
    for (start_a, a), (start_b, b) in zip(names, names[1:]):
        between = m.string[m.end(a):start_b]
        if between.strip() or not between:
            continue
        end_b = m.end(b)
        spaces = [i for i in range(start_a + 1, end_b - 1) if m.string[i].isspace() and not m.string[i - 1].isspace()]
        for cut in spaces[:_MAX_CUTS]:
            rest = cut
            while rest < end_b and m.string[rest].isspace():
                rest += 1
            if cut == m.end(a) or rest >= end_b:
                continue
            other = _SplitMatch(m, {a: (start_a, cut), b: (rest, end_b)})
            if slots_fit(other, bank):
                return other
    return None


def fitting_rules(sentence: str, bank: Bank) -> LazySorted | list:
    """`match_rules`, keeping only the matches whose slots fit their types (cut again where needed).

    Made as far as it is read (`lazy_sorted`): the rules are tried from the
    highest specificity they could reach (``Matcher.max_literal``, valid when
    the text has no whitespace run; else every rule is tried), and an entry is
    handed out once no rule left could beat its (specificity, bank order), the
    minimum `match_rules` sorts by. A caller that reads the first entry only
    runs, compiles and slot-checks none of the patterns that cannot come first.
    Detection, the clause cutter and the template stage all ask: memoised.
    """
    key = ("fitting", sentence)
    cached = bank.match_cache.get(key)
    if cached is not None:
        return cached
    matches = bank.match_cache.get(sentence)
    out = _FitsOf(matches, bank) if matches is not None else _RankedFits(sentence, bank)
    bank.match_cache.put(key, out)
    return out


def first_fitting(sentence: str, bank: Bank):
    """``fitting_rules(sentence, bank)[0]``, None when the list is empty (only the first entry is worked out)."""
    fits = fitting_rules(sentence, bank)
    return fits[0] if fits else None


class _FitsOf(LazySorted):
    """The fitting entries of a full `match_rules` list, slot-checked as far as they are read."""

    __slots__ = ("_bank",)

    def __init__(self, matches: list, bank: Bank):
        super().__init__([(i, rule, m, view) for i, (rule, m, view) in enumerate(matches)])
        self._bank = bank

    def evaluate(self, source):
        return source

    def keep(self, found):
        _, rule, m, view = found
        fitted = fitting_split(m, self._bank)
        return None if fitted is None else (rule, fitted, view)


_WHITESPACE_RUN = re.compile(r"\s\s")
_NO_BOUND = 1 << 30


class _RankedFits(LazySorted):
    """`fitting_rules` of one sentence: the rules tried in order of the specificity they could reach.

    A source is (-reach, bank order, rule, matchers); a key, (-specificity,
    bank order, rule, match): the order `match_rules` sorts by.
    """

    __slots__ = ("_bank", "_soft", "_vetoes")

    def __init__(self, sentence: str, bank: Bank):
        soft = softened(sentence, bank)
        view = soft.text
        bounded = _WHITESPACE_RUN.search(view) is None
        # The order depends only on the words patterns ask for (`Bank.pattern_words`) and the
        # bound: far fewer of those than sentences, so it is memoised (the list is only read).
        words = bank.pattern_words(tokens_of(view))
        key = ("ranked", words, bounded)
        ranked = bank.match_cache.get(key)
        if ranked is None:
            ranked = _ranked(bank.candidate_rules(words), bounded)
            bank.match_cache.put(key, ranked)
        super().__init__(ranked)
        self._bank, self._soft, self._vetoes = bank, soft, bank.vetoes(view, sentence)

    def evaluate(self, source):
        _, order, rule, matchers = source
        found = _best_match(rule, matchers, self._soft.text, self._vetoes)
        return None if found is None else (-_specificity(found), order, rule, found)

    def keep(self, found):
        _, _, rule, m = found
        fitted = fitting_split(m, self._bank)
        return None if fitted is None else (rule, fitted, self._soft)


def _ranked(candidates: list, bounded: bool) -> list:
    """(-reach, bank order, rule, matchers) for each candidate rule, highest reach first."""
    ranked = []
    for order, rule, matchers in candidates:
        reach = _NO_BOUND
        if bounded:
            reach = 0
            for matcher in matchers:
                width = matcher.max_literal
                if width is None:
                    reach = _NO_BOUND
                    break
                if width > reach:
                    reach = width
        ranked.append((-reach, order, rule, matchers))
    ranked.sort(key=_bound)
    return ranked


def _bound(source):
    return source[0], source[1]


_SLOT_GROUPS: dict = {}    # a rule pattern's regex -> the number of its clause group, those of its slots


def _specificity(m: re.Match[str]) -> int:
    """`_literal_length`, from the groups' spans (a group that took no part spans (-1, -1))."""
    groups = _SLOT_GROUPS.get(m.re)
    if groups is None:
        index = m.re.groupindex
        groups = _SLOT_GROUPS[m.re] = (index["clause"], tuple(i for n, i in index.items() if n not in ("lead", "clause")))
    clause, slots = groups
    start, end = m.span(clause)
    width = end - start
    for slot in slots:
        start, end = m.span(slot)
        width -= end - start
    return width


# A number at the end of a slot value and a stop right after it that ends no sentence: a date ("26.12.,").
_ENDS_IN_NUMBER = re.compile("[%s-%s]$" % tuple(map(chr, KIND_POOLS["number"])))
_DATE_DOT = re.compile(r"\.(?=\.|\s*[,;:)]|\s+[a-zåäöæøþðáéíóúý])")


def _ordinal_day_at_end(value: str, sentence: str, end: int, bank: Bank) -> bool:
    """Whether a day written as an ordinal ("før den 18.") ends the sentence: one stop served
    both, and the rewrite, which goes on after the day, needs the day's own ("den 18., og ...")."""
    days = bank.language.ordinal_days
    return days is not None and sentence.startswith(".", end) and days.compiled.search(value) is not None


def fill(template: Template, m: re.Match[str], bank: Bank, computed: dict[str, str]) -> str | None:
    """The template with its slots filled, or None if a slot cannot take the form asked for."""
    lead = m.group("lead") or ""
    failed = False

    def value(slot: re.Match[str]) -> str:
        nonlocal failed
        name, inflection = slot.group(1), slot.group(2)
        if name in COMPUTED_SLOTS and name not in m.re.groupindex:
            text = computed[name]
        else:
            text = trimmed(m.group(name).strip(), bank)
            if _ENDS_IN_NUMBER.search(text) and (_DATE_DOT.match(m.string, m.end(name)) or _ordinal_day_at_end(
                    text, m.string, m.end(name), bank)):
                text += "."     # "vapaana 26.12., pahoittelut": the stop belongs to the date, not to the sentence
            if (m.start(name) == len(lead) and not lead.rstrip().endswith(":")
                    and not _SENTENCE_END.search(template.text[:slot.start()])):
                # The slot opened the input sentence; inside the template it stands mid-sentence,
                # unless the template puts it after a sentence of its own ("... lengist. Pöntunin þín ...").
                text = lower_first(text, bank)
        if inflection == AND_LIST:
            return _said_with_and(text, bank)
        if inflection:
            inflected = _inflected_list(text, inflection, bank)
            if inflected is None:
                failed = True
                return text
            text = inflected
        return text

    body = _SLOT.sub(value, template.text)
    if failed:
        return None
    body = DOUBLE_STOP.sub("", body)
    if lead[:1].islower():
        # The lead opens the sentence; a dropped softener ("Valitettavasti
        # luokanopettaja ...") leaves its first word in lower case.
        lead = lead[0].upper() + lead[1:]
    if lead.rstrip().endswith(":") and keeps_capital_after_colon(lead, m.string[m.end("lead"):], body):
        pass            # "Stormheimar: Gullútgáfa"
    elif lead and not _SENTENCE_END.search(lead):
        if _splices(lead, bank):
            lead = lead.rstrip()[:-1] + ". "      # "Your referral has been received, we can ..." -> "... received. We can ..."
            body = body[:1].upper() + body[1:]
        else:
            body = lower_first(body, bank)
    else:
        body = body[:1].upper() + body[1:]
    return lead + body


def _splices(lead: str, bank: Bank) -> bool:
    """Whether a lead ending in a comma is a whole main clause, so that a rewritten clause after
    the comma would splice two sentences (`language.yaml: main_clause_leads`; English only).

    Greetings ("Thanks for your patience, ...") and leads that open with a
    subordinator ("As we have no stock, ...") keep their comma.
    """
    marks = bank.language.main_clause_leads
    stripped = lead.strip()
    if marks is None or not stripped.endswith(",") or len(stripped.split()) <= SHORT_LEAD_WORDS:
        return False
    subordinate = bank.language.subordinators
    if subordinate is not None and subordinate.match(stripped):
        return False
    return marks.search(stripped) is not None and not is_greeting(stripped, bank)


def trimmed(value: str, bank: Bank) -> str:
    """A slot value without the words a negative clause ends on ("the price yet" -> "the price")."""
    trailers = bank.language.slot_trailers
    if trailers is None:
        return value
    while True:
        last = None
        for m in trailers.finditer(value):
            last = m
        if last is None or value[last.end():].strip() or not value[:last.start()].strip():
            return value
        value = value[:last.start()].rstrip(" ,")


def _said_with_and(text: str, bank: Bank) -> str:
    """A list the input negated, with its "or" said as "and": "not on Sundays or public holidays" is
    both days, so "every day except Sundays and public holidays" (`language.yaml: list_and`)."""
    for disjunction, conjunction in bank.language.list_and:
        text = re.sub(rf"(?<!\w){re.escape(disjunction)}(?!\w)", conjunction, text)
    return text


def _inflected_list(text: str, inflection: str, bank: Bank) -> str | None:
    """``text`` in ``inflection``; a list ("sunnudögum eða helgidögum", "sohva ja tuoli") conjunct by
    conjunct, each as a phrase of its own (`language.yaml: list_joiners`); None when one cannot take it."""
    joiners = bank.language.list_joiners
    parts = joiners.split(text) if joiners is not None else [text]
    if len(parts) == 1:
        return _inflected(text, inflection, bank)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(part)            # the joiner itself (split keeps its group)
            continue
        made = _inflected(part, inflection, bank) if part.strip() else None
        if made is None:
            return None
        out.append(made)
    return "".join(out)


def _inflected(text: str, inflection: str, bank: Bank) -> str | None:
    """One phrase in ``inflection``: the lexicon, then the language's rules, then the analyser."""
    inflected = bank.lexicon.inflect(text, inflection) if inflection in bank.lexicon.cases else None
    if inflected is None and inflection in bank.language.inflections:
        inflected = inflect(text, bank.language.inflections[inflection])
    if inflected is None and bank.language.phrase_cases is not None:
        # words the lexicon lacks: the analyser's reading of the phrase ("Alennettuja tuotteita")
        inflected = inflect_phrase(text, inflection, bank.language.phrase_cases)
    return inflected


def inflect(text: str, rules: list[tuple[LazyRegex, str]]) -> str | None:
    """Apply the first matching [regex, replacement] of an inflection to the last word.

    When no rule takes a last word that is a number or protected span
    ("viikkoa 12"), the word before it is inflected instead.
    """
    head, _, last = text.rpartition(" ")
    tail = ""
    while True:
        for regex, replacement in rules:
            if regex.search(last):
                new = regex.sub(replacement, last, count=1)
                return (f"{head} {new}" if head else new) + tail
        if not head or tail or not _NUMBER_OR_SPAN.fullmatch(last):
            return None
        tail, (head, _, last) = " " + last, head.rpartition(" ")


def keeps_capital_after_colon(kept: str, following: str, rewritten: str) -> bool:
    """Whether ``rewritten`` opens, after a ``kept`` lead ending in a colon, with the
    capitalised word the input has there (``following``): the writer's capital, not a sentence start."""
    if not kept.rstrip().endswith(":"):
        return False
    word = re.match(r"[\w'’-]+", following)
    return bool(word) and word.group()[:1].isupper() and rewritten.startswith(word.group())


def lower_first(text: str, bank: Bank) -> str:
    """Lower-case a sentence-initial word that now stands inside a sentence.

    Names are masked (sentinels), so they are never touched; words the bank
    lists as always capitalised (English "I") stay too, and so does a word
    the language's dictionary does not know as a common word
    (`analyse.names`).
    """
    if not text or is_sentinel(text[0]) or not text[0].isupper():
        return text
    first = re.match(r"[\w'’]+", text)
    if first and (first.group() in bank.language.not_names or first.group().isupper() and len(first.group()) > 1
                  or first.group().lower() in bank.language.titles):
        return text      # "I", "EU", a title before a name ("Dr Okafor")
    if first and not is_common_word(first.group(), bank.language.code, bank.lower_words):
        return text      # a name by the language's dictionary: "Polaris", "Turun"
    return text[0].lower() + text[1:]


def replace_avoided(sentence: str, bank: Bank) -> Candidate | None:
    """The sentence with every avoid-phrase that has a replacement replaced."""
    text, fired, actions = sentence, [], ()
    for entry in bank.avoid:
        if entry.replacement is None:
            continue
        new = entry.regex.sub(lambda m: _keep_case(m.group(), entry.replacement), text)
        if new != text:
            text, fired = new, fired + [f"avoid.{entry.id}"]
    if not fired:
        return None
    return Candidate(text, "template", ",".join(fired), None, actions)


def _keep_case(found: str, replacement: str) -> str:
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
