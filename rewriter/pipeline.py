"""The rewriting pipeline: protect, split, detect, propose, verify, splice.

For each sentence with a finding, the stages propose candidates (model first,
then templates) and the first candidate that passes verification replaces the
sentence. Everything else, and every sentence without a verified candidate,
comes back byte for byte.
"""
from __future__ import annotations

import datetime as _dt
import itertools
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from dataclasses import asdict, dataclass, field, replace

from .banks import load_bank
from .banks.model import Bank
from .banks.trigger import DISCOURAGED, NEGATION
from .config import DRAFT_LEVELS, OrgConfig, load_config
from .detection.detector import find_in_sentence
from .detection.findings import Finding
from .errors import RewriterError
from . import reply
from .plan.address import address_tone
from .plan.message import MessagePlan
from .plan.offers import IN_INPUT, RuledOut, offered_in
from .plan.references import leans_back, points_back
from .stages import clauses, flips, seq2seq, templates
from .stages.candidate import Candidate
from .text import sentences
from .text.protect import Masked, is_sentinel, mask, visible
from .verification import verify
from .verification.drafts import draft_reasons
from .verification.fidelity import fidelity_failures, repeated_placeholders
from .verification.langid import identify
from .verification.wordforms import unknown_forms

ENGINES = ("model", "template")
# The model runs only when asked: on the sealed sets it added no rewrite a blind
# reader judged good, and it invented products (docs/BENCHMARKS.md).
DEFAULT_ENGINES = ("template",)
TONES = ("formal", "casual")
STYLES = ("sentence", "full")
# The longest text one call takes (characters); Rewriter(max_chars=...) or
# $REWRITER_MAX_CHARS changes it, 0 lifts it. Every stage is linear in the
# text's length, but a macro of this size is a mistake, not a reply.
MAX_CHARS = 200_000
# Cutting a sentence at each of its commas matches the rules once per cut: on
# a line of 100 kB with no full stop ("a, a, a, ...") that took minutes. No
# sentence a person writes is this long; a longer one is only matched whole.
MAX_CLAUSES_CHARS = 1000
# A message is planned again with the offer on each of its last few negative
# sentences at most (each plan rewrites the message's sentences once more).
MAX_REPLANS = 4


@dataclass
class Edit:
    """One replaced sentence: where it was, what it became, and who wrote it."""

    start: int
    end: int
    original: str
    replacement: str
    engine: str
    rule: str | None
    lead: str = ""          # the kept lead-in the replacement starts with


@dataclass
class Attempt:
    """A candidate and why verification kept or dropped it (for --explain)."""

    engine: str
    rule: str | None
    text: str
    failures: list[str]
    source: str | None = None


@dataclass
class SentenceTrace:
    start: int
    end: int
    text: str
    attempts: list[Attempt] = field(default_factory=list)
    held_back: bool = False     # rewritten, but kept: see held_because
    # why: "message" (whole-message mode: another negative sentence has no rewrite),
    # "order" (an order to the customer is left as it is), "leaned_on" (a later
    # sentence kept as it is points back at this one) or "draft"
    held_because: str = ""
    # Rules whose pattern matched but whose slot type refused the words it took
    # (filled only by a Rewriter made with explain=True: "rule: {slot} took 'value'").
    unfit: list[str] = field(default_factory=list)
    # ... and, for the rules that did fit, why each template made no candidate here
    skipped: list[str] = field(default_factory=list)
    # why the verified rewrite is only a draft (verification/drafts.py; empty: it is not)
    draft: list[str] = field(default_factory=list)


@dataclass
class Result:
    input: str
    output: str
    lang: str
    changed: bool
    engine: str                      # "model", "template" or "none"
    findings: list[Finding]
    edits: list[Edit]
    trace: list[SentenceTrace] = field(default_factory=list)

    def to_dict(self, explain: bool = False) -> dict:
        data = {
            "input": self.input,
            "output": self.output,
            "lang": self.lang,
            "changed": self.changed,
            "engine": self.engine,
            "findings": [f.to_dict() for f in self.findings],
            "edits": [asdict(e) for e in self.edits],
        }
        if explain:
            data["trace"] = [asdict(t) for t in self.trace]
        return data


class Rewriter:
    """A configured pipeline for one language; reuse it for many texts."""

    def __init__(self, lang: str = "en", tone: str | None = None, engines: tuple[str, ...] = DEFAULT_ENGINES,
                 config: OrgConfig | None = None, today: _dt.date | None = None, style: str = "sentence",
                 beams: int = 1, model_dir: Path | None = None, max_chars: int | None = None,
                 partial: bool | None = None, explain: bool = False, drafts: str | None = None):
        self.max_chars = _max_chars(max_chars)
        if tone is not None and tone not in TONES:
            raise RewriterError(f"unknown tone {tone!r} (use formal or casual)")
        if style not in STYLES:
            raise RewriterError(f"unknown style {style!r} (use sentence or full)")
        self.style = style
        if not 1 <= beams <= 8:
            raise RewriterError("beams must be between 1 and 8")
        self.beams = beams
        self.model_dir = model_dir or seq2seq.MODEL_DIR
        unknown = set(engines) - set(ENGINES)
        if unknown:
            raise RewriterError(f"unknown engine(s) {', '.join(sorted(unknown))} (use {', '.join(ENGINES)})")
        self.lang = lang
        self.tone = tone
        self.engines = engines
        self.config = config or load_config()
        # Rewrite some sentences of a message and leave another that says no (the default:
        # on set T, read blind, more of such outputs were natural and faithful than of
        # whole-message ones, and three times as many would be sent; docs/BENCHMARKS.md).
        self.partial = self.config.partial_messages if partial is None else partial
        # Which rewrites stay suggestions (verification/drafts.py; config.DRAFT_LEVELS): by default
        # those of a sentence with more than one clause (read blind on unseen sets, about half of
        # them were natural and faithful; docs/BENCHMARKS.md, twenty-fifth session).
        self.drafts = self.config.drafts if drafts is None else drafts
        if self.drafts not in DRAFT_LEVELS:
            raise RewriterError(f"unknown drafts level {self.drafts!r} (use {', '.join(DRAFT_LEVELS)})")
        # Trace also the rules that matched a sentence but whose slot types refused it (costs a full match).
        self.explain = explain
        self.today = today or _dt.date.today()
        self._computed_cache: dict[str, dict[str, str]] = {}
        self._generated: dict[tuple[str, str, str], list[str]] = {}   # see rewrite_stream
        self._asked: dict[tuple[str, str], dict[str, None]] | None = None     # set by _left_to_model
        self._locales: dict[str, str] = {}      # language -> locale, for the model's computed values

    def bank_for(self, text: str) -> Bank:
        """The bank of the text's language (identified when ``lang`` is auto)."""
        return self._bank_and_mask(text)[0]

    def _bank_and_mask(self, text: str) -> tuple[Bank, Masked | None]:
        """The bank, and for ``auto`` the masked text language ID already made (None: not made yet)."""
        if self.lang != "auto":
            return load_bank(self.lang), None
        masked = mask(text)
        lang = identify(visible(masked.text)) or ""
        if not lang:
            raise RewriterError("cannot tell the language of the input; pass --lang")
        return load_bank(lang), masked

    def rewrite(self, text: str, rewrite: bool = True) -> Result:
        """Rewrite every negative sentence of ``text`` that can be rewritten safely.

        With ``rewrite=False`` only detection runs (a linter that shows no
        suggestions saves the candidates and their verification).
        """
        if self.max_chars and len(text) > self.max_chars:
            raise RewriterError(f"text of {len(text):,} characters is over the limit of {self.max_chars:,} "
                                "(raise it with REWRITER_MAX_CHARS, 0 for none)")
        bank, masked = self._bank_and_mask(text)
        if not bank.may_have_findings(text):
            return Result(text, text, bank.language.code, False, "none", [], [], [])
        # The mask language ID made serves, unless a word this language never
        # takes for a name ("Te", "I") or a title ("Dr. Patel") needs masking differently.
        if masked is None or _masks_differently(text, bank):
            masked = _mask_for(text, bank)
        computed = self._computed(bank.language.locale) if rewrite else {}
        findings: list[Finding] = []
        edits: list[Edit] = []
        spans = sentences.split(masked.text, bank.language.abbreviations, masked.is_block)
        # Rewriting matches every rule of a sentence with a finding anyway: detection does it once for both.
        found = [(start, end, find_in_sentence(masked.text[start:end], bank, rewrite)) for start, end in spans]
        chosen_by, step_by = self._choose(text, found, bank, masked, computed, rewrite)
        if rewrite and _left_negative(found, chosen_by) and _worth_replanning(found, chosen_by, step_by):
            # The first rewrite made the offer, and a later sentence's rule can only
            # offer (or the first could only state): the offer goes to a later sentence.
            # (the first sentence as the one to offer is the plan just made)
            for offer_at in sorted(step_by, reverse=True)[:-1][:MAX_REPLANS]:
                tried = self._choose(text, found, bank, masked, computed, rewrite, offer_at)
                if _all_rewritten(found, tried[0]):
                    chosen_by, step_by = tried
                    break
        if rewrite:
            pointed = _offers_pointed_at(found, chosen_by, masked.text, bank)
            if pointed:
                # "... men vi kan forklare deg hva som er dekket. Kravet er derfor avslått.": a next
                # sentence that still points back would point at the offer; that sentence only states.
                # Precision first: the plan again, even where it rewrites fewer sentences (a pointer
                # at an offer is a fault an editor reads; a sentence kept as it was is none).
                chosen_by, step_by = self._choose(text, found, bank, masked, computed, rewrite, states_only=pointed)
        trace = [step_by[index] for index in sorted(step_by)]
        if rewrite and self.drafts != "none":
            # Precision first: a rewrite of a sentence with more than one clause (and with
            # "strict" one that adds more than a few words) stays a suggestion.
            for index, chosen in chosen_by.items():
                if chosen is not None:
                    start, end, _ = found[index]
                    step_by[index].draft = draft_reasons(masked.text[start:end], chosen.text, bank, self.drafts)
        # What each sentence becomes once drafts are kept as they are.
        applied = {index: None if step_by[index].draft else chosen for index, chosen in chosen_by.items()}
        if _left_order(found, applied, masked.text, bank) or (
                not self.partial and _left_negative(found, applied)):
            # An order left as it is ("You must also send the receipt.") beside a rewrite
            # reads as a second voice (the rubric: no orders left in), in either mode; with
            # --whole, so does any sentence that still says no ("... I can order it in.
            # We can't do that either."): the message comes back whole, every finding
            # with its guidance. Each rewrite stays a suggestion on its finding.
            why = "order" if self.partial else "message"
            for index, chosen in applied.items():
                step_by[index].held_back = chosen is not None
                step_by[index].held_because = why if chosen is not None else ""
        elif self.partial:
            # "... We also can't apply the deal." left as it is: "also" would add a
            # refusal to an offer, so the sentence it leans on stays as it was too.
            for index in _leaned_on_by_kept(found, applied, masked.text, bank):
                step_by[index].held_back = True
                step_by[index].held_because = "leaned_on"
        for index in chosen_by:
            if step_by[index].draft and not step_by[index].held_back:
                step_by[index].held_back = True
                step_by[index].held_because = "draft"
        for index, chosen in chosen_by.items():
            start, end, raw = found[index]
            o_start, o_end = masked.original_range(start, end)
            suggestion = masked.unmask(chosen.text) if chosen else None
            advice = _advice_for(masked.text[start:end], bank, raw) if chosen is None else None
            for f in raw:
                f_start, f_end = masked.original_range(start + f.start, start + f.end)
                message = f.message if chosen is not None else _with_guidance(f, bank, advice, rewrite)
                findings.append(Finding(f_start, f_end, f.category, f.severity, f.rule, message,
                                        text[f_start:f_end], suggestion))
            if chosen is not None and not step_by[index].held_back:
                edits.append(Edit(o_start, o_end, text[o_start:o_end], suggestion or "", chosen.engine, chosen.rule,
                                  masked.unmask(chosen.lead)))
        if self.style == "full" and edits:
            self._wrap_full_reply(edits, bank, computed)
        output = _splice(text, edits)
        engine = next((e for e in ENGINES if any(ed.engine == e for ed in edits)), "none")
        return Result(text, output, bank.language.code, output != text, engine, findings, edits, trace)

    def _choose(self, text: str, found: list[tuple[int, int, tuple]], bank: Bank, masked: Masked,
                computed: dict[str, str], rewrite: bool, offer_at: int | None = None,
                states_only: frozenset[int] = frozenset(),
                ) -> tuple[dict[int, Candidate | None], dict[int, SentenceTrace]]:
        """The rewrite of each sentence with a finding (None: kept), planned as one message, and its trace.

        ``offer_at``: the index of the sentence that makes the message's offer;
        the sentences before it only state what is possible. None: the first
        rewrite makes it. ``states_only``: sentences that may not offer (the
        next one points back at them).
        """
        plan = None      # made for the first sentence to rewrite (the address-form scan is not free)
        chosen_by: dict[int, Candidate | None] = {}
        step_by: dict[int, SentenceTrace] = {}
        for index, (start, end, raw) in enumerate(found):
            sentence = masked.text[start:end]
            if not raw:
                continue
            o_start, o_end = masked.original_range(start, end)
            step = SentenceTrace(o_start, o_end, text[o_start:o_end])
            chosen = None
            # "... That's why the order was cancelled.": a next sentence that stays as it
            # is (no finding) and leans on this one keeps this one as it is too.
            after = found[index + 1] if index + 1 < len(found) else None
            # A question ("Fæst kjóllinn ekki lengur í bláu?") asks; a statement in its place answers it.
            if rewrite and not _asks(sentence) and not (after and not after[2]
                                                        and points_back(masked.text[after[0]:after[1]], bank)):
                plan = plan or self.plan_for(masked.text, bank, _without_findings(masked.text, found),
                                             masked.unmask_kind(masked.text, "name"))
                trial = plan.fork()
                trial.owed = (offer_at is not None and index < offer_at) or index in states_only
                chosen = self._first_verified(sentence, bank, masked, computed, step, trial)
                if self.explain and not step.attempts:
                    step.unfit = [f"{rule}: {{{slot}}} cannot take {masked.unmask(value)!r}"
                                  for rule, slot, value in templates.unfit_rules(sentence, bank)]
                    step.skipped = [masked.unmask(line)
                                    for line in templates.why_no_template(sentence, bank, trial, computed)]
                if chosen is not None:
                    plan.adopt(trial)
                    if sentence[:1].islower() and masked.text[:start].rstrip().endswith(","):
                        # "Hyvä vastaanottaja,\nasiakasmaksuanne ...": the letter goes on after its greeting.
                        chosen = replace(chosen, text=templates.lower_first(chosen.text, bank))
            chosen_by[index] = chosen
            step_by[index] = step
        return chosen_by, step_by

    def rewrite_many(self, texts: Iterable[str], batch: int = 32) -> list[Result]:
        """``[self.rewrite(t) for t in texts]``, with the model's sentences generated in batches (`rewrite_stream`)."""
        return list(self.rewrite_stream(texts, batch))

    def rewrite_stream(self, texts: Iterable[str], batch: int = 32, ahead: int = 256) -> Iterator[Result]:
        """``rewrite`` of each text, in order; with the model on, its sentences are generated in batches.

        For up to ``ahead`` texts at a time, the sentences the model will be
        asked about are found first and sent to it in ``generate`` calls of
        ``batch`` sentences (one language and tone per call); ``rewrite`` then
        takes the model's answers from there and verifies and splices as
        usual. With the model first (``model,template``) that is every
        sentence with a finding; with the templates first (``template,model``)
        a first pass without the model notes the sentences the templates left
        to it. A sentence the look-ahead did not foresee (a clause of a split
        sentence) is generated on its own, as ``rewrite`` does. Without the
        model this is ``rewrite``, text by text.
        """
        batched = "model" in self.engines and seq2seq.available(self.model_dir)
        model_first = batched and ("template" not in self.engines
                                   or self.engines.index("model") < self.engines.index("template"))
        texts = iter(texts)
        while chunk := list(itertools.islice(texts, ahead)):
            try:
                if model_first:
                    self._generate(self._with_findings(chunk), batch)
                elif batched:
                    self._generate(self._left_to_model(chunk), batch)
                for text in chunk:
                    yield self.rewrite(text)
            finally:
                self._generated.clear()

    def _left_to_model(self, texts: list[str]) -> dict[tuple[str, str], dict[str, None]]:
        """The sentences of ``texts`` that reach the model stage once the templates had their turn."""
        self._asked, self._locales = {}, {}
        try:
            for text in texts:
                try:
                    self.rewrite(text)
                except RewriterError:
                    continue                # rewrite() reports it in its turn
            return self._asked
        finally:
            self._asked = None

    def _with_findings(self, texts: list[str]) -> dict[tuple[str, str], dict[str, None]]:
        """Every sentence of ``texts`` with a finding, by (language, tone): the model goes first on each."""
        wanted: dict[tuple[str, str], dict[str, None]] = {}     # (language, tone) -> sentences, in order
        for text in texts:
            try:
                bank, masked = self._bank_and_mask(text)
            except RewriterError:
                continue                    # rewrite() reports it in its turn
            if not bank.may_have_findings(text):
                continue
            if masked is None or _masks_differently(text, bank):
                masked = _mask_for(text, bank)
            spans = sentences.split(masked.text, bank.language.abbreviations, masked.is_block)
            found = [(start, end, find_in_sentence(masked.text[start:end], bank)) for start, end in spans]
            plan = self.plan_for(masked.text, bank, _without_findings(masked.text, found),
                                 masked.unmask_kind(masked.text, "name"))
            for start, end, raw in found:
                sentence = masked.text[start:end]
                if raw:
                    key = (bank.language.code, self._model_tone(sentence, bank, plan))
                    wanted.setdefault(key, {})[sentence] = None
                    self._locales[bank.language.code] = bank.language.locale
        return wanted

    def _generate(self, wanted: dict[tuple[str, str], dict[str, None]], batch: int) -> None:
        """The model's rewrites of the ``wanted`` sentences, in batches, for `_model_candidates` to take."""
        if not wanted:
            return
        from .model.inference import generate  # noqa: PLC0415 - heavy import, only with the model on

        for (lang, tone), asked in wanted.items():
            items = list(asked)
            values = self._computed(self._locales[lang])
            for at in range(0, len(items), batch):
                chunk = items[at:at + batch]
                outputs = generate(chunk, lang=lang, tone=tone, beams=self.beams, model_dir=str(self.model_dir),
                                   values=values)
                for sentence, texts_out in zip(chunk, outputs):
                    self._generated[(sentence, lang, tone)] = list(dict.fromkeys(texts_out))

    def plan_for(self, masked_text: str, bank: Bank, others: Iterable[str] = (),
                 address_text: str | None = None) -> MessagePlan:
        """A fresh plan for one message: the caller's tone, else the one the input's address form shows.

        A message whose ``others`` (its sentences without a finding) already
        offer a next step gets no second offer. ``address_text``: the text
        the address form is read from (default ``masked_text``; the pipeline
        gives it with the names put back: "Panacod-reseptisi" says *sinä*).
        """
        tone = self.tone or address_tone(masked_text if address_text is None else address_text, bank)
        plan = MessagePlan(tone, self.config,
                           never=RuledOut(masked_text, bank))
        if any(offered_in(sentence, bank) for sentence in others):
            plan.made((IN_INPUT,))
        return plan

    def _model_tone(self, sentence: str, bank: Bank, plan: MessagePlan) -> str:
        """The message's tone, else that of the situation a rule recognises, else the language's."""
        if plan.tone:
            return plan.tone
        matches = templates.match_rules(sentence, bank)
        return templates.tone_for(matches[0][0], bank, None) if matches else bank.language.default_tone

    def _computed(self, locale: str) -> dict[str, str]:
        """Computed template values for a locale (none unless the settings ask for dates); made once a day."""
        if not self.config.dated:
            return {}
        if locale not in self._computed_cache:
            from .render.values import computed_slots  # noqa: PLC0415 - Babel only when rewriting
            self._computed_cache[locale] = computed_slots(locale, self.today, self.config.follow_up_days)
        return self._computed_cache[locale]

    def _wrap_full_reply(self, edits: list[Edit], bank: Bank, computed: dict[str, str]) -> None:
        situation = (edits[0].rule or "").split(".")[0]
        rule = bank.rule(edits[0].rule)
        tone = templates.tone_for(rule, bank, self.tone) if rule else (self.tone or bank.language.default_tone)
        wrapped = reply.wrap([e.replacement for e in edits], situation, tone, bank, self.config, computed,
                             lead=edits[0].lead)
        for edit, text in zip(edits, wrapped):
            edit.replacement = text

    def _first_verified(self, sentence: str, bank: Bank, masked: Masked, computed: dict[str, str],
                        step: SentenceTrace, plan: MessagePlan, depth: int = 0) -> Candidate | None:
        """The first candidate for ``sentence`` that passes verification, stage by stage in ``engines`` order.

        The template stage tries the rules' templates and the general
        constructions, then the sentence clause by clause; the model stage its
        own rewrites. With ``template,model`` the model sees only what the
        templates could not rewrite. The offers of the chosen candidate are
        recorded in ``plan``.
        """
        for engine in self.engines:
            if engine == "template":
                chosen = self._verified_first(self._template_candidates(sentence, bank, computed, plan), sentence,
                                              bank, masked, step, plan)
                if chosen is None and depth < 3 and len(sentence) <= MAX_CLAUSES_CHARS:
                    chosen = self._by_clauses(sentence, bank, masked, computed, step, plan, depth)
            else:
                chosen = self._verified_first(self._model_candidates(sentence, bank, computed, plan), sentence,
                                              bank, masked, step, plan)
            if chosen is not None:
                return chosen
        return None

    def _verified_first(self, candidates: Iterable[Candidate], sentence: str, bank: Bank, masked: Masked,
                        step: SentenceTrace, plan: MessagePlan) -> Candidate | None:
        """The first of ``candidates`` that passes verification (each attempt is traced)."""
        for candidate in candidates:
            candidate = _tidied(candidate, masked, sentence, bank)
            verdict = verify(candidate.text, sentence, bank, masked.unmask, check_language=candidate.engine == "model",
                             needs_action=(candidate.engine == "model" or bool(candidate.actions) or not plan.states_only)
                             and not candidate.says_action,
                             reasons=candidate.reasons)
            verdict.failures += repeated_placeholders(candidate.text, sentence, masked)
            contradiction = plan.contradicts(visible(candidate.text), visible(sentence))
            if contradiction is not None:
                verdict.failures.append(f"says what the message rules out: {contradiction!r}")
            said = _rule_template(candidate)
            if plan.says_again(said):
                verdict.failures.append("says it the way an earlier sentence of the message did")
            if candidate.template is not None:
                unknown = unknown_forms(candidate.text, sentence, candidate.template, bank.language.code,
                                        bank.written_words)
                if unknown:
                    verdict.failures.append(f"word forms the dictionary does not know: {', '.join(unknown)}")
            if candidate.engine == "model":
                verdict.failures += fidelity_failures(candidate.text, sentence, bank)
            step.attempts.append(Attempt(candidate.engine, candidate.rule, masked.unmask(candidate.text),
                                         verdict.failures, candidate.source))
            if verdict.ok:
                plan.made(candidate.actions, said)
                return candidate
        return None

    def _by_clauses(self, sentence: str, bank: Bank, masked: Masked, computed: dict[str, str],
                    step: SentenceTrace, plan: MessagePlan, depth: int) -> Candidate | None:
        """Cut after a clause a rule matches whole; rewrite or keep the rest (see stages.clauses).

        The second clause is planned after the first: it states what is
        possible without repeating the first one's offer.
        """
        cuts = [(head, rest, False) for head, rest in clauses.split_points(sentence, bank)]
        cuts += [(head, rest, True) for head, rest in clauses.bare_joins(sentence, bank)]
        for head, rest, bare in cuts:
            # Only rules whose slots fit explain a clause: "Korjaamo on täynnä, joten ..."
            # keeps its neutral first clause even where a pattern matches it loosely.
            head_matches = templates.fitting_rules(head, bank)
            if not head_matches:
                # A neutral first clause (a greeting, a reason: "The workshop is fully
                # booked, so ...") stays word for word, joiner and all, when a rule
                # explains the second one.
                if (bare or find_in_sentence(head, bank) or not sentence.endswith(rest)
                        or not clauses.keepable_lead(head, sentence[len(head):len(sentence) - len(rest)], bank)
                        or not (templates.fitting_rules(rest, bank) or flips.covers(rest, bank))):
                    continue
                trial = plan.fork()
                second = self._first_verified(rest, bank, masked, computed, step, trial, depth + 1)
                kept = sentence[:len(sentence) - len(rest)]
                if (second is None or templates.vetoed(second.rule, sentence, bank, second.source)
                        or _loses_pointer(rest, second, bank) or clauses.contrast_against_nothing(kept, second.text, bank)):
                    continue
                # After a colon, a capital the rewrite kept from the input is the writer's
                # ("leiksins Stormheimar: Gullútgáfa hefur ..."), not a sentence start.
                body = (second.text if templates.keeps_capital_after_colon(kept, rest, second.text)
                        else templates.lower_first(second.text, bank))
                text = kept + body
                combined = self._verified_whole(Candidate(text, "template", second.rule, None, second.actions,
                                                          reasons=second.reasons, says_action=second.says_action),
                                                sentence, bank, masked, step, plan, trial)
                if combined is not None:
                    return combined
                continue
            if bare:
                rest = self._explained_rest(rest, head_matches, bank)
                if rest is None:
                    continue
            trial = plan.fork()
            rest_found = find_in_sentence(rest, bank)
            if not rest_found:
                if depth or points_back(rest, bank):
                    # A clause cut again keeps a piece that reads as a fragment ("Til en større størrelse."),
                    # and one that points back ("..., ja tilauksenne on siksi pysäytetty") would point at
                    # the rewrite.
                    continue
                if offered_in(rest, bank):
                    trial.made((IN_INPUT,))     # "..., men vi sender deg gjerne ...": the kept clause offers
            first = self._first_verified(head, bank, masked, computed, step, trial, depth + 1)
            if first is not None and not rest_found and first.actions and clauses.echoes(first.text, head, rest):
                # "..., so I can help you add a street address. We'll need a street address.": the kept
                # clause already says what the offer would; the rewritten clause only states.
                trial = plan.fork()
                trial.made((IN_INPUT,))
                first = self._first_verified(head, bank, masked, computed, step, trial, depth + 1)
            if first is None or templates.vetoed(first.rule, sentence, bank, first.source):
                continue
            if rest_found:
                second = self._first_verified(rest, bank, masked, computed, step, trial, depth + 1)
                if (second is None or templates.vetoed(second.rule, sentence, bank, second.source)
                        or _loses_pointer(rest, second, bank)):
                    continue
                rest_text, rules = clauses.as_sentence(second.text), [first.rule, second.rule]
                actions = first.actions + second.actions
                reasons = first.reasons + second.reasons
            else:
                rest_text, rules, actions = clauses.as_sentence(rest), [first.rule], first.actions
                reasons = first.reasons
            head_text = clauses.as_sentence(first.text)
            # Two clauses saying the same thing get one rewrite, not the same sentence twice.
            text = head_text if rest_text == head_text else head_text + " " + rest_text
            says = first.says_action or (rest_found and second.says_action)
            combined = self._verified_whole(Candidate(text, "template", ",".join(r for r in rules if r), None, actions,
                                                      reasons=reasons, says_action=says),
                                            sentence, bank, masked, step, plan, trial)
            if combined is not None:
                return combined
        return None

    @staticmethod
    def _verified_whole(combined: Candidate, sentence: str, bank: Bank, masked: Masked, step: SentenceTrace,
                        plan: MessagePlan, trial: MessagePlan) -> Candidate | None:
        """A sentence put together clause by clause, if it passes verification as a whole (the trial's offers kept)."""
        # Statement-only clauses need no action when the message already made its offer.
        verdict = verify(combined.text, sentence, bank, masked.unmask, check_language=False,
                         needs_action=(bool(combined.actions) or not plan.states_only) and not combined.says_action,
                         reasons=combined.reasons)
        step.attempts.append(Attempt("template", combined.rule, masked.unmask(combined.text), verdict.failures,
                                     "clauses"))
        if not verdict.ok:
            return None
        plan.adopt(trial)
        return combined

    @staticmethod
    def _explained_rest(rest: str, head_matches, bank: Bank) -> str | None:
        """The clause after a bare conjunction, as a rule can read it, or None when no rule explains it."""
        if templates.fitting_rules(rest, bank):
            return rest
        _, m, _ = head_matches[0]
        subject = m.group("item") if "item" in m.re.groupindex and m.group("item") else None
        if subject:
            carried = clauses.with_subject(rest, subject.strip())
            if templates.fitting_rules(carried, bank):
                return carried
        return None

    def _model_candidates(self, sentence: str, bank: Bank, computed: dict[str, str], plan: MessagePlan):
        """The model's rewrites of ``sentence``: made ahead in a batch (`rewrite_stream`), else now."""
        if plan.states_only:
            return
        tone = self._model_tone(sentence, bank, plan)
        key = (sentence, bank.language.code, tone)
        if self._asked is not None:          # rewrite_stream's first pass: note what the model is asked
            self._asked.setdefault((bank.language.code, tone), {})[sentence] = None
            self._locales[bank.language.code] = bank.language.locale
            return
        ready = self._generated.get(key)
        if ready is not None:
            yield from (Candidate(text, "model", "model") for text in ready)
        else:
            yield from seq2seq.candidates(sentence, bank.language.code, tone, self.beams, self.model_dir, computed)

    @staticmethod
    def _template_candidates(sentence: str, bank: Bank, computed: dict[str, str], plan: MessagePlan):
        """The matching rules' templates, then a general construction (`flips.yaml`)."""
        yield from templates.candidates(sentence, bank, plan, computed)
        yield from flips.candidates(sentence, bank, plan)


def _rule_template(candidate: Candidate) -> str | None:
    """The situation template ("file:line") a candidate was made from; None for a general construction or the model.

    A flip copies the sentence's own words, so two flips in a message do not read alike.
    """
    if candidate.engine != "template" or not candidate.rule or candidate.rule.startswith("flips."):
        return None
    return candidate.source


def _offers_pointed_at(found: list[tuple[int, int, tuple]], chosen_by: dict[int, Candidate | None],
                       masked_text: str, bank: Bank) -> frozenset[int]:
    """Sentences whose rewrite offers while the next sentence, as it will read, points back at them.

    "Kravet ditt er derfor avslått" after "..., men vi kan forklare deg hva som er
    dekket" reads as if the offer were the reason (s16 read nb-o-014, is-p-038).
    """
    pointed = []
    for index, chosen in chosen_by.items():
        if chosen is None or not chosen.actions or index + 1 >= len(found):
            continue
        start, end, _ = found[index + 1]
        after = chosen_by.get(index + 1)
        if points_back(after.text if after is not None else masked_text[start:end], bank):
            pointed.append(index)
    return frozenset(pointed)


def _leaned_on_by_kept(found: list[tuple[int, int, tuple]], chosen_by: dict[int, Candidate | None],
                       masked_text: str, bank: Bank) -> frozenset[int]:
    """Rewritten sentences that a later sentence, kept as it is, points back at (partial mode).

    A kept negative sentence that adds to the one before ("We also can't ...",
    "... ei myöskään ...", "... heller ikke ...") or draws on it ("That's why
    ...") leans on the nearest sentence before it with a finding; once that one
    is rewritten the pointer points at an offer (s20 partial read: 25 of the 36
    such messages failed). Kept in turn, that sentence may lean on the one before it.
    """
    with_findings = sorted(chosen_by)
    kept = {index for index, chosen in chosen_by.items() if chosen is None and found[index][2]}
    held: set[int] = set()
    for position in range(len(with_findings) - 1, 0, -1):
        index = with_findings[position]
        if index not in kept and index not in held:
            continue
        start, end, _ = found[index]
        if not points_back(masked_text[start:end], bank):
            continue
        before = with_findings[position - 1]
        if chosen_by.get(before) is not None:
            held.add(before)
    return frozenset(held)


def _loses_pointer(clause: str, rewritten: Candidate, bank: Bank) -> bool:
    """Whether a clause that points back ("da må du ...", "then you need ...") lost its pointer in the rewrite.

    "..., og da må du legge ved legeerklæring" -> "..., og vi ber deg om å legge
    ved legeerklæring" drops the condition "da" stood for (s15 read nb-o-035).
    """
    return leans_back(clause, bank) and not leans_back(rewritten.text, bank)


def _tidied(candidate: Candidate, masked: Masked, sentence: str, bank: Bank) -> Candidate:
    """A template candidate with the full stops of its slots where the sentence around them needs them.

    Slots for dates keep their final full stop ("15.3."); after a
    placeholder ("{{restock_date}}.") that stop was the sentence's own, and
    before a comma it is wrong ("aikaisintaan {{restock_date}}., ja ...").
    The other way round, a day.month date that ended the input ("päättyy
    30.9.") shared its stop with the sentence; a rewrite that goes on after
    it gives the date its own back (`language.yaml: dotted_dates`).
    """
    if candidate.engine != "template":
        return candidate
    text = candidate.text
    if ".," in text:
        out, pos = [], 0
        for m in re.finditer(r"(.)\.(?=,)", text):
            char = m.group(1)
            if is_sentinel(char) and masked.span_of(char).kind in ("placeholder", "reserved"):
                out.append(text[pos:m.end(1)])
                pos = m.end()
        out.append(text[pos:])
        text = "".join(out)
    if bank.language.dotted_dates:
        text = _with_date_stop(text, sentence, masked)
    return candidate if text == candidate.text else replace(candidate, text=text)


_DAY_MONTH = re.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])")
_ENDS_ON_SPAN = re.compile(r"(.)\.\W*$")


def _with_date_stop(text: str, sentence: str, masked: Masked) -> str:
    """``text`` with a stop after the date that ended ``sentence`` ("30.9."), where the text goes on after it."""
    end = _ENDS_ON_SPAN.search(sentence)
    if end is None or not is_sentinel(end.group(1)):
        return text
    char = end.group(1)
    span = masked.span_of(char)
    if span.kind != "number" or not _DAY_MONTH.fullmatch(span.value):
        return text
    return re.sub(re.escape(char) + r"(?=,|;| [^\W\d_])", char + ".", text)


def _mask_for(text: str, bank: Bank) -> Masked:
    """The text masked with the language's own knowledge: not-names, titles, greetings."""
    language = bank.language
    greetings = language.greetings.compiled if language.greetings is not None else None
    return mask(text, language.unmasked, language.titles, greetings)


def _masks_differently(text: str, bank: Bank) -> bool:
    """Whether the language's own mask may differ from the one language ID made.

    A not-name ("Te", "I", "Unfortunately"), a title ("Dr.") or a greeting
    ("Hi Tom, Hearing aids ...") is masked by what the language knows.
    """
    language = bank.language
    if language.greetings is not None and "," in text and language.greetings.search(text):
        return True
    return any(w in language.unmasked or (w[-1:] == "." and w[:-1].lower() in language.titles) for w in text.split())


def _left_negative(found: list[tuple[int, int, tuple]], chosen_by: dict[int, Candidate | None]) -> bool:
    """Whether some sentences are rewritten while another that says no is left as it is.

    A sentence whose only findings are discouraged words ("policy",
    "unfortunately" in a good-news sentence) does not count: it may well be
    neutral, and a reader does not see it as a second refusal.
    """
    if not any(chosen_by.values()):
        return False
    return any(chosen is None and any(f.category != DISCOURAGED for f in found[index][2])
               for index, chosen in chosen_by.items())


def _left_order(found: list[tuple[int, int, tuple]], chosen_by: dict[int, Candidate | None], masked_text: str,
                bank: Bank) -> bool:
    """Whether some sentences are rewritten while another, left as it is, orders the customer about.

    Its findings are only discouraged words ("You must also send us ..."), so
    `_left_negative` lets it pass; but next to a rewrite an order left in
    reads as a second voice. Which shapes hold a message is the bank's
    advice data (``holds_message``).
    """
    if bank.advice is None or not any(chosen_by.values()):
        return False
    return any(chosen is None and found[index][2]
               and bank.advice.holds_message(masked_text[found[index][0]:found[index][1]])
               for index, chosen in chosen_by.items())


def _all_rewritten(found: list[tuple[int, int, tuple]], chosen_by: dict[int, Candidate | None]) -> bool:
    """Whether every sentence that says no has a rewrite (and some sentence has one)."""
    return any(chosen_by.values()) and not _left_negative(found, chosen_by)


def _worth_replanning(found: list[tuple[int, int, tuple]], chosen_by: dict[int, Candidate | None],
                      step_by: dict[int, SentenceTrace]) -> bool:
    """Whether moving the offer to a later sentence may rewrite the whole message.

    Only where two or more sentences were planned and each one left as it
    is had a rule that explains it (its first finding is a situation's, not
    a bare negation marker) or a candidate that verification weighed.
    """
    if len(step_by) < 2:
        return False
    for index, chosen in chosen_by.items():
        if chosen is not None:
            continue
        raw = found[index][2]
        if not step_by[index].attempts and not (raw and raw[0].category not in (NEGATION, DISCOURAGED, "avoid")):
            return False
    return True


def _without_findings(masked_text: str, found: list[tuple[int, int, list]]) -> Iterator[str]:
    """The sentences of a message that have no finding (where an offer already made would be)."""
    return (masked_text[start:end] for start, end, raw in found if not raw)


def _asks(sentence: str) -> bool:
    """Whether the sentence is a question (its last mark, before closing quotes and brackets, is "?")."""
    return sentence.rstrip().rstrip("\"'”’»)]").endswith(("?", "？"))


def _advice_for(sentence: str, bank: Bank, raw: list[Finding]) -> str | None:
    """The advice for a sentence's shape (``advice.yaml``), if a bare marker's finding may take it."""
    if not bank.advice or not any(f.category in (NEGATION, DISCOURAGED) for f in raw):
        return None
    entry = bank.advice.entry_for(sentence)
    return entry.says if entry else None


def _with_guidance(finding: Finding, bank: Bank, advice: str | None, tried: bool) -> str:
    """A finding left without a rewrite says what to do instead, in the bank's language.

    A bare marker's finding (no situation rule explains the sentence) gets the
    advice for the sentence's shape (a refused channel, "no longer", a
    reason) where one fits; otherwise the general ``no_rewrite``, which says
    no rewrite was found, so only when one was ``tried`` (the linter's plain
    formats look for none).
    """
    message = finding.message
    shaped = advice if finding.category in (NEGATION, DISCOURAGED) else None
    advice = shaped or (bank.language.guidance.get("no_rewrite") if tried else None)
    return f"{message} {advice}" if advice and advice not in message else message


def _max_chars(value: int | None) -> int:
    """The size limit: the argument, else $REWRITER_MAX_CHARS, else MAX_CHARS; 0 means none."""
    if value is None:
        env = os.environ.get("REWRITER_MAX_CHARS", "").strip()
        if not env:
            return MAX_CHARS
        try:
            value = int(env.replace("_", ""))
        except ValueError:
            raise RewriterError(f"REWRITER_MAX_CHARS must be a whole number, not {env!r}") from None
    if value < 0:
        raise RewriterError("the size limit (max_chars, REWRITER_MAX_CHARS) must be 0 or more")
    return value


def _splice(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        out.append(text[pos:edit.start])
        out.append(edit.replacement)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def rewrite(text: str, lang: str = "en", tone: str | None = None, **options) -> Result:
    """Rewrite negative customer-service text into positive text that offers an action.

    >>> rewrite("Unfortunately the red dress is out of stock.", lang="en").output  # doctest: +SKIP
    "We can let you know as soon as we have the red dress back in stock, ..."
    """
    return Rewriter(lang, tone, **options).rewrite(text)


def detect(text: str, lang: str = "en", **options) -> list[Finding]:
    """Findings in ``text``: span, category, severity, rule id and a verified suggestion."""
    return Rewriter(lang, **options).rewrite(text).findings
