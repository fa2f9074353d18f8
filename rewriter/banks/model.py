"""What a loaded phrase bank holds: plain data, compiled once."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from . import regex_programs
from .lazy_regex import LazyRegex
from .lexicon import Lexicon
from .literals import Screen, lowered, screen_literals
from .patterns import CompiledPattern, join_alternatives, literal_width, order_screen, phrase_alternatives
from .tokens import WORD_FORM, may_match, rarest_keys, tokens_of

__all__ = ["AvoidEntry", "Bank", "Example", "Language", "Matcher", "Memo", "Reply", "Rule", "Situation", "SlotType",
           "Template", "Vetoes", "tokens_of"]
from .trigger import AVOID, DISCOURAGED, NEGATION, SOFTENER, STATUS, Trigger

if TYPE_CHECKING:
    from .phrase_cases import PhraseCases
    from .advice import Advice
    from .flips import Flips


@dataclass(frozen=True)
class Example:
    """An input and the exact rewrite it must get; runs as a test."""

    input: str
    output: str | None
    tone: str | None
    unchanged: bool
    source: str          # "file:line", for test ids and error messages
    offers: tuple[str, ...] = ()          # organisation settings the example runs with
    follow_up_days: int | None = None
    partial_messages: bool = True         # False: the example shows a message in --whole mode


@dataclass(frozen=True)
class Template:
    text: str
    actions: tuple[str, ...]
    tone: str            # "formal", "casual" or "any"
    slots: tuple[str, ...]
    source: str
    after_lead: bool = False   # starts with the verb: only after a kept fronted lead ("På grunn av X, vil ...")
    exceptions: LazyRegex | None = None   # phrases of the sentence that rule this template out (its rule's others stay)

    @property
    def dated(self) -> bool:
        """Whether the template writes a calendar date or weekday of its own."""
        return any(s in ("followup_date", "followup_day") for s in self.slots)

    @property
    def statement_only(self) -> bool:
        """A positive statement without an offer: only after an offer made earlier in the message."""
        return not self.actions


class Matcher:
    """A pattern anchored to a whole clause, compiled on first use.

    Most patterns never meet a sentence that holds their required words, so
    compiling lazily keeps start-up fast.
    """

    __slots__ = ("pattern", "required", "required_any", "max_literal", "_source", "_regex", "screen_source",
                 "_screen")

    def __init__(self, pattern: CompiledPattern, source: str):
        self.pattern = pattern
        self.required = frozenset(pattern.required)
        self.required_any = pattern.required_any
        # The most characters a match's clause holds outside its slots
        # (`patterns.literal_width`; None: no bound): what the specificity of
        # a match can reach, so `templates.first_fitting` can stop early.
        self.max_literal = literal_width(pattern.regex)
        self._source = source
        self._regex: re.Pattern[str] | None = None
        # The clause's words between its slots, in order (`patterns.order_screen`): most candidate
        # patterns meet sentences that hold their words but not in that order, and fail slowly.
        self.screen_source = order_screen(source)
        self._screen: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        if self._regex is None:
            self._regex = regex_programs.compile(self._source, re.IGNORECASE)
        return self._regex

    def match(self, view: str) -> re.Match[str] | None:
        """Match the clause (``Bank.candidate_rules`` has checked its words first; the screen, their order)."""
        if self.screen_source is not None:
            screen = self._screen
            if screen is None:
                screen = self._screen = regex_programs.compile(self.screen_source, re.IGNORECASE)
            if screen.search(view) is None:
                return None
        regex = self._regex
        return (regex if regex is not None else self.regex).match(view)




@dataclass
class Rule:
    """Negative patterns that share slots, and the positive templates for them."""

    id: str              # "<situation>.<rule>", stable across languages
    situation: str
    message: str
    severity: str
    patterns: list[CompiledPattern]
    matchers: list[Matcher]   # one per pattern: lead-in, the pattern, final punctuation
    templates: list[Template]
    examples: list[Example]
    slots: frozenset[str]
    source: str
    exceptions: LazyRegex | None = None   # an idiom anywhere in the sentence vetoes the rule
    requires: LazyRegex | None = None     # the rule applies only where this occurs in the sentence


@dataclass
class Situation:
    id: str
    description: str
    default_tone: str | None
    rules: list[Rule]
    source: str
    general: bool = False    # domain-free constructions: after every other situation in bank order


@dataclass
class AvoidEntry:
    """A phrase never to say, replaced in place where a replacement is given."""

    id: str
    patterns: list[CompiledPattern]
    regex: LazyRegex
    phrases: tuple[str, ...]
    replacement: str | None
    message: str
    severity: str
    examples: list[Example]
    source: str
    verify: bool = True      # False: detection only; a rewrite may say it (avoid.yaml `verify`)


@dataclass
class Reply:
    """Sentences around a rewrite in full-reply mode (H.E.L.P.), per tone."""

    empathy: dict[str, str]                     # tone -> sentence
    follow_up: dict[str, str]                   # tone -> sentence, may use {followup_date}
    by_situation: dict[str, dict[str, str]]     # situation -> tone -> empathy sentence
    examples: list[Example]
    follow_up_undated: dict[str, str] = field(default_factory=dict)   # tone -> sentence without a date


@dataclass
class Language:
    code: str
    name: str
    locale: str
    lingua: str | None
    default_tone: str
    abbreviations: frozenset[str]
    softeners: LazyRegex | None
    negation: LazyRegex
    discouraged: LazyRegex | None
    actions: LazyRegex
    not_names: frozenset[str]                # never names, and keep their capital ("I")
    inflections: dict[str, list[tuple[LazyRegex, str]]]
    # cases the analyser can put a slot's noun phrase into (`analyse.phrase_case`), or None
    phrase_cases: PhraseCases | None = None
    clause_joiners: str = ""                 # regex alternation of coordinating conjunctions
    negative_joiners: dict[str, str] = field(default_factory=dict)   # "eikä" -> "ei": the clause standing alone
    subordinators: LazyRegex | None = None   # a clause starting with one cannot stand alone
    appositive_openers: LazyRegex | None = None   # ", normally a year after ...": a tail, not a clause
    negative_polarity: LazyRegex | None = None    # "anymore", "myöskään": words that need a negation to stand
    sympathy: LazyRegex | None = None        # "Sorry to hear", "Leit å høre at": the clause after it is the customer's news
    negation_phrases: tuple[str, ...] = ()
    discouraged_phrases: tuple[str, ...] = ()
    softener_phrases: tuple[str, ...] = ()
    status_phrases: tuple[str, ...] = ()     # "innstilt", "cancelled": no finding alone, but a rule may match
    address_forms: dict[str, LazyRegex] = field(default_factory=dict)   # tone -> phrases that mark it in the input
    slot_types: dict[str, "SlotType"] = field(default_factory=dict)     # slot name -> what it may hold
    guidance: dict[str, str] = field(default_factory=dict)              # finding kind -> advice, in this language
    slot_trailers: LazyRegex | None = None   # "yet", "either": dropped from the end of a slot value
    limiters: LazyRegex | None = None        # "only", "vain": a rewrite of a limit keeps one
    contrastives: LazyRegex | None = None    # "but", "men": twice in one sentence of a rewrite is a stack
    chain_joiners: LazyRegex | None = None   # ", and", ", og": twice in one sentence of a rewrite is a run-on
    main_clause_leads: LazyRegex | None = None   # a lead that is a whole main clause: a comma after it splices
    offer_markers: LazyRegex | None = None   # an offer the input already makes: no second one
    # (what a message says, what a rewrite in it then never says): "we won't be restocking it" -> no "back in stock"
    contradictions: tuple[tuple[LazyRegex, LazyRegex], ...] = ()
    # per pair, a trie of the strings one of which every match of its "says" holds (`literals.Screen`; None: none)
    contradiction_screens: tuple[Screen | None, ...] = ()
    verb_second: bool = False                # a main clause after a fronted clause starts with its verb
    dotted_dates: bool = False               # "30.9.": a day.month date that ends a sentence shares its stop
    back_references: LazyRegex | None = None   # "That's why", "Derfor": a sentence opening on one leans on the one before
    inner_back_references: LazyRegex | None = None   # "therefore", "siksi": anywhere in a sentence, it leans on the one before
    ordinal_days: LazyRegex | None = None   # "den 18": a day that keeps its ordinal stop when the sentence's stop ended it
    fronted_adverbials: LazyRegex | None = None   # verb-second: "På grunn av ...," is followed by the verb
    list_joiners: LazyRegex | None = None    # ", ", " og ", " eða ": a slot inflected conjunct by conjunct
    # "or" -> "and": `{slot|and}` says a list the input negated ("not to A or B") as the both it means
    list_and: tuple[tuple[str, str], ...] = ()
    subject_leads: LazyRegex | None = None   # "The lift in Block C," before "Riverside Court is ...": part of the subject
    greetings: LazyRegex | None = None       # verb-second: the only leads kept before a subject-first template
    titles: frozenset[str] = frozenset()
    kept_reasons: frozenset[str] = frozenset()   # slot names whose value, copied word for word, may hold a negation
    greeting_openers: frozenset[str] = frozenset()   # "Unfortunately" after "Hi Anna,": never masked as a name
    # name -> phrases: "@name" in a rule's or template's exceptions/requires, or a contradiction, stands for them
    phrase_sets: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @cached_property
    def unmasked(self) -> frozenset[str]:
        """Capitalised words the mask never takes for names: `not_names` and `greeting_openers`."""
        return self.not_names | self.greeting_openers     # "dr", "mrs": with their stop and the name after, one name


@dataclass(frozen=True)
class SlotType:
    """What a captured slot may hold: refused when it starts with ``reject_start``, holds ``reject``, or lacks ``require``.

    ``last_word_cases``: the cases (in the analyser's own names, Voikko's
    "sisaeronto") one reading of the value's last word must have; a regex
    cannot tell the partitive "hakemusta" from an elative. `accepts` checks
    the regexes only; the stage that has the analyser checks the cases.
    """

    reject_start: LazyRegex | None = None
    require: LazyRegex | None = None
    reject: LazyRegex | None = None
    last_word_cases: frozenset[str] = frozenset()

    def accepts(self, value: str) -> bool:
        if self.reject_start is not None:
            m = self.reject_start.compiled.search(value)
            if m and not value[:m.start()].strip():
                return False
        if self.reject is not None and self.reject.compiled.search(value):
            return False
        return self.require is None or self.require.compiled.search(value) is not None


class Memo(dict):
    """Answers per sentence, forgotten all at once when there are too many (memory stays bounded)."""

    def __init__(self, limit: int = 4096):
        super().__init__()
        self.limit = limit

    def put(self, key, value) -> None:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value

    def __reduce__(self):
        return Memo, (self.limit,)      # a cached bank is stored without the answers


class Vetoes(dict):
    """Regex source -> whether it occurs in one sentence, as `stages.templates` memoises it per sentence.

    A rule's `exceptions` are searched in the sentence as the rules match it
    (softeners dropped); what a rule `requires`, in the sentence as written,
    since a softener can say something a rewrite depends on ("X eru búnir í
    bili" is a stock gap; "Útsalan er búin" is over).

    ``get`` answers False without running an exceptions regex whose screen
    (`literals.screen_source`: strings one of which every match holds,
    searched as one trie) does not occur in the text. Idiom lists run to
    dozens of choices, some starting ``\\w*`` or holding ``.*``: searched
    whole, one cost about 20 µs a sentence; the screen, a few.
    """

    __slots__ = ("_text", "_written", "_screens", "_lowered")

    def __init__(self, text: str, screens: dict[str, Screen], written: str | None = None):
        super().__init__()
        self._text = text
        self._written = text if written is None else written
        self._screens = screens
        self._lowered: str | None | bool = False      # False: not made yet

    def get(self, source: str, default=None):
        found = dict.get(self, source)
        if found is None:
            screen = self._screens.get(source)
            if screen is not None:
                low = self._lowered
                if low is False:
                    low = self._lowered = lowered(self._text)
                if not screen.occurs(self._text, low):
                    self[source] = False
                    return False
            return default
        return found

    def occurs(self, regex: LazyRegex) -> bool:
        """Whether ``regex`` occurs in the sentence as the rules match it (memoised by its source)."""
        source = regex.pattern
        found = self.get(source)
        if found is None:
            found = self[source] = regex.search(self._text) is not None
        return found

    def written(self, regex: LazyRegex) -> bool:
        """Whether ``regex`` occurs in the sentence as written, softeners included."""
        return regex.search(self._written) is not None


@dataclass
class Bank:
    """Everything the pipeline knows about one language."""

    language: Language
    situations: dict[str, Situation]
    avoid: list[AvoidEntry]
    root: str
    reply: Reply | None = None
    rules: list[Rule] = field(default_factory=list)
    flips: Flips | None = None             # general constructions (flips.yaml), see banks.flips
    advice: Advice | None = None           # advice for sentences left as they are (advice.yaml), see banks.advice
    lexicon: Lexicon = field(default_factory=Lexicon)
    trigger: Trigger = field(init=False, repr=False)
    # word -> (required words, choices, rows of _matcher_table): the rows filed under the word, grouped by what they need
    _matchers_by_word: dict[str, tuple[tuple[frozenset[str], tuple[frozenset[str], ...], tuple[int, ...]], ...]] = \
        field(init=False, repr=False)
    _matcher_table: list[tuple[int, Rule, Matcher]] = field(init=False, repr=False)  # (rule order, rule, matcher)
    _avoid_by_word: dict[str, list[int]] = field(init=False, repr=False)                   # word -> avoid entry
    _pattern_words: frozenset[str] = field(init=False, repr=False)     # every word a pattern is filed under or needs
    candidate_cache: Memo = field(default_factory=lambda: Memo(), init=False, repr=False)  # see candidate_rules
    match_cache: Memo = field(default_factory=lambda: Memo(), init=False, repr=False)      # stages.templates.match_rules
    findings_cache: Memo = field(default_factory=lambda: Memo(), init=False, repr=False)   # detection.detector
    lower_words: frozenset[str] = field(init=False, repr=False)    # see _lower_case_words
    written_words: frozenset[str] = field(init=False, repr=False)  # see _written_words
    marker_cache: Memo = field(default_factory=lambda: Memo(1024), init=False, repr=False)   # see markers
    slot_cache: Memo = field(default_factory=lambda: Memo(), init=False, repr=False)       # stages.templates.slots_fit
    _marker_parts: dict = field(init=False, repr=False)       # kind -> (alternatives, wrapper before, after)
    _veto_screens: dict[str, Screen] = field(init=False, repr=False)   # exceptions source -> its screen (see Vetoes)

    def __post_init__(self) -> None:
        if not self.rules:
            self.rules = [rule for s in self.situations.values() for rule in s.rules]
        # Built once here, so a cached bank carries them: every phrase is
        # filed under its rarest word (`tokens.rarest_keys`).
        lang = self.language
        self.lower_words = self._lower_case_words()
        self.written_words = self._written_words()
        common = self._template_word_counts()
        self.trigger = Trigger({NEGATION: lang.negation_phrases, DISCOURAGED: lang.discouraged_phrases,
                                SOFTENER: lang.softener_phrases, AVOID: [p for a in self.avoid for p in a.phrases],
                                STATUS: lang.status_phrases},
                               common)
        # Every pattern in bank order, numbered, so a sentence's candidates sort as plain ints.
        self._matcher_table = [(order, rule, m) for order, rule in enumerate(self.rules) for m in rule.matchers]
        by_word: dict[str, list[int]] = {}
        frequent = self._pattern_word_counts(common)
        for row, (_, _, m) in enumerate(self._matcher_table):
            for word in rarest_keys(m.pattern.required, m.pattern.required_any, frequent):
                by_word.setdefault(word, []).append(row)
        self._matchers_by_word = {word: self._grouped(rows) for word, rows in by_word.items()}
        words = set(by_word)
        for _, _, m in self._matcher_table:
            words.update(m.required)
            for choice in m.required_any:
                words.update(choice)
        self._pattern_words = frozenset(words)
        self._marker_parts = {kind: self._reducible(full, listed) for kind, (full, listed) in self._marker_lists().items()}
        self._build_screens()
        self._avoid_by_word = {}
        for order, entry in enumerate(self.avoid):
            for p in entry.patterns:
                for word in rarest_keys(p.required, p.required_any, common):
                    self._avoid_by_word.setdefault(word, []).append(order)

    def _build_screens(self) -> None:
        """Screens for the rules' exceptions (`Vetoes`) and the advice entries (`Advice.screens`).

        Of the strings a regex's match must hold, those least frequent in the
        bank's own example inputs are chosen: they are the sentences the
        screens will see.
        """
        examples = "\n".join(example.input.lower() for _, example in self.examples())
        counts: dict[str, int] = {}

        def cost(text: str) -> int:
            n = counts.get(text)
            if n is None:
                n = counts[text] = examples.count(text)
            return n

        self._veto_screens = {}
        for rule in self.rules:
            regex = rule.exceptions
            if regex is not None and regex.pattern not in self._veto_screens:
                literals = screen_literals(regex.pattern, regex.flags, cost)
                if literals:
                    self._veto_screens[regex.pattern] = Screen(literals, regex.flags)
        if self.advice is not None and self.advice.entries:
            found = [screen_literals(e.when.pattern, e.when.flags, cost) for e in self.advice.entries]
            screens = tuple(Screen(lits, e.when.flags) if lits else None for e, lits in zip(self.advice.entries, found))
            flags = {e.when.flags for e in self.advice.entries}
            joined = Screen(set().union(*found), flags.pop()) if all(found) and len(flags) == 1 else None
            self.advice = replace(self.advice, screens=screens, any_screen=joined)

    def vetoes(self, text: str, written: str | None = None) -> Vetoes:
        """An empty memo of which rule exceptions occur in ``text`` (screened), and of ``written``: the sentence
        as written, softeners included, for what rules `require` (see `Vetoes`)."""
        return Vetoes(text, self._veto_screens, written)

    def _grouped(self, rows: list[int]) -> tuple:
        """``rows`` as (required, choices, rows) groups: the patterns of a rule, and many rules, need the same words."""
        groups: dict[tuple, list[int]] = {}
        for row in rows:
            m = self._matcher_table[row][2]
            groups.setdefault((m.required, tuple(m.required_any)), []).append(row)
        return tuple((required, choices, tuple(rs)) for (required, choices), rs in groups.items())

    def _lower_case_words(self) -> frozenset[str]:
        """Words the bank writes in lower case (templates, examples): the fallback dictionary for names."""
        texts = [t.text for r in self.rules for t in r.templates]
        texts += [x for r in self.rules for e in r.examples for x in (e.input, e.output or "")]
        return frozenset(w for text in texts for w in re.findall(r"[^\W\d_]+", text) if w.islower())

    def _written_words(self) -> frozenset[str]:
        """Words (lower case) of the templates and example outputs: what the bank writes itself.

        `verification.wordforms` takes them as known without the dictionary:
        the language tests hold every one of them to it.
        """
        texts = [t.text for r in self.rules for t in r.templates]
        texts += [e.output for r in self.rules for e in r.examples if e.output]
        return frozenset(w.lower() for text in texts for w in WORD_FORM.findall(text))

    def may_have_findings(self, text: str) -> bool:
        """False when ``text`` certainly holds no finding (see `trigger`)."""
        return self.trigger.any(text)

    def _marker_lists(self) -> dict[str, tuple[LazyRegex | None, tuple[str, ...]]]:
        lang = self.language
        return {NEGATION: (lang.negation, lang.negation_phrases), DISCOURAGED: (lang.discouraged, lang.discouraged_phrases),
                SOFTENER: (lang.softeners, lang.softener_phrases)}

    @staticmethod
    def _reducible(full: LazyRegex | None, listed: tuple[str, ...]) -> tuple[list, str, str] | None:
        """The phrase list's alternatives and the text around them in ``full``; None when ``full`` is not built that way."""
        if full is None or not listed:
            return None
        alternatives = phrase_alternatives(list(listed))
        whole = join_alternatives(alternatives)
        if full.pattern == whole:
            return alternatives, "", ""
        if full.pattern.startswith(f"(?:{whole})"):
            # softeners: the whole list wrapped in a guard (see loader._kept_before_conjunctions)
            return alternatives, "(?:", full.pattern[len(whole) + 3:]
        return None

    def markers(self, kind: str, phrases: frozenset[int]) -> LazyRegex | None:
        """The language's regex of ``kind`` (negation, discouraged, softener) reduced to the given phrases.

        ``phrases`` are what ``trigger.phrases`` says may occur in a text:
        the others cannot match it, so on that text this regex finds exactly
        what the whole list finds (same order of alternatives, same edges),
        without trying a few hundred alternatives at every position.
        """
        full = self._marker_lists()[kind][0]
        parts = self._marker_parts.get(kind)
        if parts is None or not phrases or len(phrases) >= len(parts[0]):
            return full
        key = (kind, phrases)
        regex = self.marker_cache.get(key)
        if regex is None:
            alternatives, before, after = parts
            source = join_alternatives([alternatives[i] for i in sorted(phrases)])
            regex = LazyRegex(before + source + after, full.flags) if source else full
            self.marker_cache.put(key, regex)
        return regex

    def _template_word_counts(self) -> dict[str, int]:
        """How often each word occurs in the bank's positive templates."""
        counts: dict[str, int] = {}
        for rule in self.rules:
            for template in rule.templates:
                for word in tokens_of(template.text):
                    counts[word] = counts.get(word, 0) + 1
        return counts

    def _pattern_word_counts(self, common: dict[str, int]) -> dict[str, int]:
        """How often each word occurs in the bank's own text: templates, example inputs and rule patterns.

        A rule pattern is filed under its rarest word by this count. The
        template count alone ranks "ikke" or "not" as rare (no positive
        template says them), yet nearly every negative sentence does, and
        hundreds of patterns need them: filed under such a word, they were
        all looked at for almost every sentence. The example inputs are
        negative sentences and the patterns count what other patterns need,
        so such words rank as common and a pattern goes under a word that
        tells it apart ("lager", "levere"). Only the choice of key changes:
        every pattern found is still checked for all its words.
        """
        counts = dict(common)
        for rule in self.rules:
            for example in rule.examples:
                for word in tokens_of(example.input):
                    counts[word] = counts.get(word, 0) + 1
            for m in rule.matchers:
                for word in m.pattern.required:
                    counts[word] = counts.get(word, 0) + 1
                for choice in m.pattern.required_any:
                    for word in choice:
                        counts[word] = counts.get(word, 0) + 1
        return counts

    def avoid_candidates(self, tokens: frozenset[str]) -> list[AvoidEntry]:
        """The avoid-phrases whose words are all in ``tokens`` (the others cannot match)."""
        orders = {order for token in tokens | {""} for order in self._avoid_by_word.get(token, ())}
        return [self.avoid[i] for i in sorted(orders)
                if any(may_match(p.required, p.required_any, tokens) for p in self.avoid[i].patterns)]

    def pattern_words(self, tokens: frozenset[str]) -> frozenset[str]:
        """The words of ``tokens`` that some rule pattern is filed under or needs: all `candidate_rules` reads.

        Sentences differ mostly in words no pattern asks for (products,
        places, dates), so far fewer of these than sentences come up
        (78 for 3,300 Norwegian sentences of the benchmark corpus).
        """
        return tokens & self._pattern_words

    def candidate_rules(self, tokens: frozenset[str]) -> list[tuple[int, Rule, list[Matcher]]]:
        """(bank order, rule, its matchers whose words are all in ``tokens``), in bank order.

        Only the patterns filed under a word of the sentence are looked at.
        The answer depends only on `pattern_words`, so it is memoised by
        them; the list is shared between callers, which only read it.
        """
        key = self.pattern_words(tokens)
        found = self.candidate_cache.get(key)
        if found is None:
            found = self._candidate_rules(key)
            self.candidate_cache.put(key, found)
        return found

    def _candidate_rules(self, tokens: frozenset[str]) -> list[tuple[int, Rule, list[Matcher]]]:
        by_word = self._matchers_by_word
        hits: set[int] = set()
        # Each group of rows filed under a word of the sentence is checked once for all its
        # words (`tokens.may_match`, written out): this runs for dozens of patterns per sentence.
        for token in ("", *tokens):
            filed = by_word.get(token)
            if filed is None:
                continue
            for required, choices, rows in filed:
                if not required <= tokens:
                    continue      # another of its words is missing
                missing = False
                for choice in choices:
                    if choice.isdisjoint(tokens):
                        missing = True
                        break
                if not missing:
                    hits.update(rows)
        out: list[tuple[int, Rule, list[Matcher]]] = []
        table = self._matcher_table
        for row in sorted(hits):
            order, rule, matcher = table[row]
            if out and out[-1][0] == order:
                out[-1][2].append(matcher)
            else:
                out.append((order, rule, [matcher]))
        return out

    def rule(self, rule_id: str | None) -> Rule | None:
        """The rule with this id ("<situation>.<rule>"), looked up in its situation; None when there is none."""
        situation = self.situations.get((rule_id or "").split(".", 1)[0])
        return next((r for r in situation.rules if r.id == rule_id), None) if situation else None

    def examples(self) -> list[tuple[str, Example]]:
        """Every (rule id, example) pair of the bank: rules, avoid-phrases, full replies ("reply"), flips ("flips")."""
        pairs = [(rule.id, ex) for rule in self.rules for ex in rule.examples]
        pairs += [(f"avoid.{a.id}", ex) for a in self.avoid for ex in a.examples]
        if self.reply:
            pairs += [("reply", ex) for ex in self.reply.examples]
        if self.flips:
            pairs += [("flips", ex) for ex in self.flips.examples]
        return pairs
