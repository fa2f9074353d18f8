"""Load and check a language's phrase bank.

A bank is a folder ``phrasebanks/<lang>/`` with ``language.yaml``,
``avoid.yaml`` and one ``situations/<id>.yaml`` per situation. Files are
checked against the JSON Schemas in ``phrasebanks/schema/`` and then against
the rules a schema cannot express (patterns compile, a rule's patterns and
templates use the same slots, templates are positive). Any problem raises
`BankError` with file, line and entry.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any


from ..errors import BankError, RewriterError
from . import bank_cache
from .model import AvoidEntry, Bank, Example, Language, Matcher, Reply, Rule, Situation, SlotType, Template
from .advice import advice_file, load_advice
from .flips import flips_file, load_flips
from .lazy_regex import LazyRegex
from .lexicon import Entry, Lexicon
from .literals import Screen, screen_literals
from .phrase_cases import compile_phrase_cases
from .patterns import PatternSyntaxError, compile_pattern, compile_phrase, compile_phrase_list
from .yamlsource import line_of, load_yaml
from ..text.protect import kind_class

# Values a template may use without a pattern capturing them (see render.values).
COMPUTED_SLOTS = frozenset({"followup_date", "followup_day"})
# A rule matches a whole clause: an optional lead-in that ends in a comma or
# colon ("Hello {{name}}, ") stays as it is, and the sentence's final
# punctuation goes with the clause.
# The lead-in is written as runs up to the next comma, colon or dash, each run
# taken whole (possessive), not as ".*?" before one: the same leads in the same
# order (a run never holds a line break, as "." never does), but the engine
# steps from delimiter to delimiter instead of character by character: rule
# matching, the dearest step of a sentence, ran 10-35 % faster on the nb
# corpus, about 6 % of a whole 10,000-line run (nineteenth session). Its
# class costs ~0.4 ms more to compile per pattern, once per machine
# (`regex_programs` keeps compiled programs between runs).
# A parenthesis is taken whole within a run ("Jakka (Bergans Nordmarka, str. M)
# er utsolgt"): a lead never ends at a comma inside one.
LEAD = r"^(?P<lead>(?:(?:(?:[^,;:\n\u2013\u2014(]++|\([^()\n]*+\))*+(?:[,;:]|(?-i:[\u2013\u2014])))+?\s+)?)"
TAIL = r"\s*(?:[.!?]|(?-i:\u2026))*$"
_TEMPLATE_SLOT = re.compile(r"\{([a-z][a-z0-9_]*)(?:\|([a-z][a-z0-9_]*))?\}")
# What a slot stands for when a template is checked for negation markers: a
# span of its own, as a masked name or number is at run time (a space would join
# "myyty {period} loppuun" into the marker "myyty loppuun"). Action markers are
# checked with the slots left out ("Our {orgn} can" offers as "Our team can").
_SLOT_STAND_IN = " \U000F0000 "

# `{slot|and}`: a list the input negated ("not to A or B"), said with "and" (language.yaml: list_and)
AND_LIST = "and"


def bank_root() -> Path:
    """Where the banks live: $REWRITER_BANKS, else the repository's phrasebanks/."""
    env = os.environ.get("REWRITER_BANKS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "phrasebanks"


def display_path(path: Path) -> str:
    """A path as a user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def available_languages(root: Path | None = None) -> list[str]:
    """Language codes with a bank: every folder holding a language.yaml."""
    root = root or bank_root()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / "language.yaml").is_file())


def require_languages(root: Path | None = None) -> list[str]:
    """The languages with a bank; no bank at all is an error naming where they were looked for."""
    root = root or bank_root()
    found = available_languages(root)
    if found:
        return found
    origin = " ($REWRITER_BANKS)" if os.environ.get("REWRITER_BANKS") else ""
    if not root.exists():
        problem = "no such folder"
    elif not root.is_dir():
        problem = "not a folder"
    else:
        problem = "no phrase banks in this folder (none of its folders has a language.yaml)"
    raise RewriterError(f"{root}{origin}: {problem}; the banks are a folder with one <lang>/language.yaml per language")


@lru_cache(maxsize=None)
def load_bank(lang: str, root: str | None = None) -> Bank:
    """The checked bank of ``lang``; cached in memory and on disk, so call it freely."""
    base = Path(root) if root else bank_root()
    folder = base / lang
    if not (folder / "language.yaml").is_file():
        known = ", ".join(available_languages(base)) or "none"
        raise RewriterError(f"unknown language {lang!r}: no phrase bank at {folder} (available: {known})")
    return bank_cache.load_or_build(base, lang, lambda: _build_bank(base, lang, root))


def _build_bank(base: Path, lang: str, root: str | None) -> Bank:
    folder = base / lang
    language = load_language(lang, root)
    lexicon_path = folder / "lexicon.yaml"
    lexicon = _load_lexicon(lexicon_path) if lexicon_path.is_file() else Lexicon()
    situations: dict[str, Situation] = {}
    sit_dir = folder / "situations"
    for path in sorted(sit_dir.glob("*.yaml")) if sit_dir.is_dir() else []:
        situation = _load_situation(path, language, lexicon)
        situations[situation.id] = situation
    # General constructions ("can't ... before {time}") lose ties to the
    # situations written for a domain: they come last in bank order.
    situations = dict(sorted(situations.items(), key=lambda item: item[1].general))
    avoid_path = folder / "avoid.yaml"
    avoid = _load_avoid(avoid_path, language) if avoid_path.is_file() else []
    reply_path = folder / "reply.yaml"
    reply = _load_reply(reply_path, language) if reply_path.is_file() else None
    flips_path = flips_file(folder)
    flips = None
    if flips_path.is_file():
        data, lines = _read(flips_path, "flips")
        flips = load_flips(data, lines, display_path(flips_path))
    advice_path = advice_file(folder)
    advice = None
    if advice_path.is_file():
        data, lines = _read(advice_path, "advice")
        advice = load_advice(data, lines, display_path(advice_path))
    bank = Bank(language, situations, avoid, str(base), reply, lexicon=lexicon, flips=flips, advice=advice)
    _check_unique_rule_ids(bank)
    return bank


# A top-level ``lingua:`` key in language.yaml, with its plain or quoted value.
_LINGUA_KEY = re.compile(r"""^lingua[ \t]*:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#'"][^\s#]*))""", re.MULTILINE)


@lru_cache(maxsize=None)
def lingua_name(lang: str, root: str | None = None) -> str | None:
    """The lingua Language name a bank declares (None: use the ISO code); reads no rules.

    Verification of a model rewrite asks for every bank's name; a YAML parse of
    four large language files cost ~250 ms of the model path's start-up, so the
    one top-level key is read off the text (the full load validates it).
    """
    base = Path(root) if root else bank_root()
    try:
        text = (base / lang / "language.yaml").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    m = _LINGUA_KEY.search(text)
    return next((g for g in m.groups() if g is not None), None) if m else None


@lru_cache(maxsize=None)
def load_language(lang: str, root: str | None = None) -> Language:
    """Only the language.yaml of a bank: cheap, for callers that need no rules."""
    base = Path(root) if root else bank_root()
    path = base / lang / "language.yaml"
    if not path.is_file():
        known = ", ".join(available_languages(base)) or "none"
        raise RewriterError(f"unknown language {lang!r}: no phrase bank at {base / lang} (available: {known})")
    return _load_language(path, lang)


# --- files -------------------------------------------------------------------

@lru_cache(maxsize=None)
def _schema(root: str, name: str):
    import json  # noqa: PLC0415 - only when a bank is built, not when it comes from the cache

    import jsonschema  # noqa: PLC0415

    path = Path(root) / "schema" / f"{name}.schema.json"
    try:
        schema = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BankError(display_path(path), f"cannot read schema: {exc}") from None
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _read(path: Path, schema_name: str) -> tuple[dict[str, Any], dict]:
    data, lines = load_yaml(path, display_path(path))
    validator = _schema(str(_root_of(path)), schema_name)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        err = max(errors, key=lambda e: len(e.absolute_path))
        at = tuple(err.absolute_path)
        raise BankError(display_path(path), _schema_message(err), line=line_of(lines, at), entry=_entry_name(at) or None)
    return data, lines


def _root_of(path: Path) -> Path:
    # <root>/<lang>/language.yaml or <root>/<lang>/situations/<id>.yaml
    return path.parent.parent if path.parent.name != "situations" else path.parent.parent.parent


def _schema_message(err) -> str:
    if err.validator == "additionalProperties":
        return err.message.replace("Additional properties are not allowed", "unknown key(s)")
    if err.validator == "enum":
        return f"{err.instance!r} is not one of {', '.join(map(str, err.validator_value))}"
    if err.validator == "oneOf" and isinstance(err.instance, dict):
        return "an example needs either 'out' or 'unchanged: true', not both"
    return err.message


def _entry_name(at: tuple) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(at))


def _phrase_cases(data: dict, lang: str, path: Path, lines):
    """`analysed_inflection`, compiled; a bad stem regex names its entry."""
    try:
        return compile_phrase_cases(lang, data.get("analysed_inflection"))
    except re.error as exc:
        raise BankError(display_path(path), f"bad regex: {exc}", line=line_of(lines, ("analysed_inflection",)),
                        entry="analysed_inflection") from None


def _load_language(path: Path, lang: str) -> Language:
    data, lines = _read(path, "language")
    if data["code"] != lang:
        raise BankError(display_path(path), f"code {data['code']!r} differs from folder name {lang!r}", line=line_of(lines, ("code",)))
    compiled = {}
    for key in ("softeners", "negation_markers", "discouraged", "action_markers", "subordinators", "appositive_openers",
                "slot_trailers", "negative_polarity", "sympathy",
                "limiters", "offer_markers", "back_references", "status_words", "fronted_adverbials", "subject_leads", "greetings",
                "contrastives", "chain_joiners", "inner_back_references", "ordinal_days", "main_clause_leads"):
        phrases = data.get(key, [])
        if key == "ordinal_days":       # "re:\\bden <number>$": a masked number, as in slot types
            phrases = [_with_span_kinds(p) for p in phrases]
        try:
            compiled[key] = compile_phrase_list(phrases)
        except (PatternSyntaxError, re.error) as exc:
            raise BankError(display_path(path), f"bad phrase: {exc}", line=line_of(lines, (key,)), entry=key) from None
    compiled["softeners"] = _kept_before_conjunctions(compiled["softeners"], data)
    inflections = {}
    for name, pairs in data.get("inflections", {}).items():
        try:
            inflections[name] = [(LazyRegex.checked(rx), repl) for rx, repl in pairs]
        except re.error as exc:
            raise BankError(display_path(path), f"bad regex: {exc}", line=line_of(lines, ("inflections", name)), entry=f"inflections.{name}") from None
    phrase_sets = {}
    for name, phrases in data.get("phrase_sets", {}).items():
        try:
            compile_phrase_list(phrases)
        except (PatternSyntaxError, re.error) as exc:
            raise BankError(display_path(path), f"bad phrase: {exc}", line=line_of(lines, ("phrase_sets", name)),
                            entry=f"phrase_sets.{name}") from None
        phrase_sets[name] = tuple(phrases)
    contradictions, said = [], []
    for index, pair in enumerate(data.get("contradictions", [])):
        try:
            says = compile_phrase_list(expand_sets(pair["says"], phrase_sets))
            never = compile_phrase_list(expand_sets(pair["never"], phrase_sets))
        except (PatternSyntaxError, re.error, KeyError) as exc:
            message = exc.args[0] if isinstance(exc, KeyError) else f"bad phrase: {exc}"
            raise BankError(display_path(path), message, line=line_of(lines, ("contradictions", index)),
                            entry=f"contradictions[{index}]") from None
        if says is not None and never is not None:
            contradictions.append((says, never))
            literals = screen_literals(says.pattern, says.flags)
            said.append(Screen(literals, says.flags) if literals else None)
    address_forms, slot_types = {}, {}
    try:
        for tone, phrases in data.get("address_forms", {}).items():
            if phrases:
                address_forms[tone] = compile_phrase_list(phrases)
        for slot, kinds in data.get("slot_types", {}).items():
            slot_types[slot] = SlotType(**{kind: compile_phrase_list([_with_span_kinds(p) for p in phrases])
                                           for kind, phrases in kinds.items() if phrases and kind != "last_word_cases"},
                                        last_word_cases=frozenset(kinds.get("last_word_cases") or ()))
    except (PatternSyntaxError, re.error) as exc:
        raise BankError(display_path(path), f"bad phrase: {exc}", line=line_of(lines, ("slot_types",)), entry="slot_types") from None
    return Language(
        code=lang,
        name=data["name"],
        locale=data["locale"],
        lingua=data.get("lingua"),
        default_tone=data.get("default_tone", "formal"),
        abbreviations=frozenset(a.lower().rstrip(".") for a in data.get("abbreviations", [])),
        softeners=compiled["softeners"],
        negation=compiled["negation_markers"],
        discouraged=compiled["discouraged"],
        actions=compiled["action_markers"],
        not_names=frozenset(data.get("not_names", [])),
        inflections=inflections,
        phrase_cases=_phrase_cases(data, lang, path, lines),
        clause_joiners="|".join(re.escape(j).replace(r"\ ", r"\s+") for j in data.get("clause_joiners", [])),
        negative_joiners={k.lower(): v for k, v in data.get("negative_joiners", {}).items()},
        subordinators=compiled["subordinators"],
        appositive_openers=compiled["appositive_openers"],
        negative_polarity=compiled["negative_polarity"],
        sympathy=compiled["sympathy"],
        negation_phrases=tuple(data.get("negation_markers", [])),
        discouraged_phrases=tuple(data.get("discouraged", [])),
        softener_phrases=tuple(data.get("softeners", [])),
        status_phrases=tuple(data.get("status_words", [])),
        address_forms=address_forms,
        slot_types=slot_types,
        guidance=dict(data.get("guidance", {})),
        slot_trailers=compiled["slot_trailers"],
        limiters=compiled["limiters"],
        contrastives=compiled["contrastives"],
        chain_joiners=compiled["chain_joiners"],
        main_clause_leads=compiled["main_clause_leads"],
        offer_markers=compiled["offer_markers"],
        contradictions=tuple(contradictions),
        contradiction_screens=tuple(said),
        verb_second=bool(data.get("verb_second", False)),
        dotted_dates=bool(data.get("dotted_dates", False)),
        back_references=compiled["back_references"],
        inner_back_references=compiled["inner_back_references"],
        ordinal_days=compiled["ordinal_days"],
        fronted_adverbials=compiled["fronted_adverbials"],
        subject_leads=compiled["subject_leads"],
        list_joiners=_list_joiners(data.get("list_joiners", [])),
        list_and=tuple((k, v) for k, v in data.get("list_and", {}).items()),
        greetings=compiled["greetings"],
        greeting_openers=frozenset(data.get("greeting_openers", [])),
        kept_reasons=frozenset(data.get("kept_reasons", [])),
        titles=frozenset(t.lower().rstrip(".") for t in data.get("titles", [])),
        phrase_sets=tuple(phrase_sets.items()),
    )


def _list_joiners(words: list[str]) -> LazyRegex | None:
    """The words that join a list ("og", "eða") as one splitting regex, with ", " before the last one."""
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return LazyRegex.checked(rf"(,?\s+(?:{alternation})\s+|,\s+)", re.IGNORECASE)


def expand_sets(phrases: list[str], sets: dict[str, tuple[str, ...]]) -> list[str]:
    """``phrases`` with each "@name" replaced by the phrases of `phrase_sets`' entry ``name``.

    One list of, say, the customer's own steps serves every template whose
    notice would be empty after one, so a fix reaches them all. An unknown
    name raises KeyError with a message that names it.
    """
    out: list[str] = []
    for phrase in phrases:
        if phrase.startswith("@"):
            name = phrase[1:]
            if name not in sets:
                known = ", ".join(f"@{n}" for n in sets) or "none"
                raise KeyError(f"unknown phrase set {phrase!r} (language.yaml phrase_sets: {known})")
            out.extend(sets[name])
        else:
            out.append(phrase)
    return out


def _with_span_kinds(phrase: str) -> str:
    """A slot type's raw regex with ``<time>`` standing for a masked clock time ("re:^<time>$")
    and ``<number>`` for a masked number or code ("20-pakning", "#12345")."""
    if not phrase.startswith("re:"):
        return phrase
    return phrase.replace("<time>", kind_class("time")).replace("<number>", kind_class("number"))


def _kept_before_conjunctions(softeners: LazyRegex | None, data: dict) -> LazyRegex | None:
    """Softeners that do not match right before ", but" / ", because": dropping
    "unfortunately" from "Unfortunately, but ..." would glue the clauses."""
    words = [*data.get("clause_joiners", []), *data.get("subordinators", [])]
    if softeners is None or not words:
        return softeners
    conjunctions = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return LazyRegex.checked(rf"(?:{softeners.pattern})(?!\s*,\s*(?:{conjunctions})(?!\w))", softeners.flags)


def _examples(raw: list[dict], path: Path, lines: dict, at: tuple) -> list[Example]:
    return [
        Example(ex["in"], ex.get("out"), ex.get("tone"), bool(ex.get("unchanged")), f"{display_path(path)}:{line_of(lines, at + (i,))}",
                tuple(ex.get("settings", {}).get("offers", ())), ex.get("settings", {}).get("follow_up_days"),
                ex.get("settings", {}).get("partial_messages", True))
        for i, ex in enumerate(raw)
    ]


def _load_situation(path: Path, language: Language, lexicon: Lexicon) -> Situation:
    data, lines = _read(path, "situation")
    sets = dict(language.phrase_sets)       # "@name" in exceptions and requires
    sid = data["situation"]
    if sid != path.stem:
        raise BankError(display_path(path), f"situation {sid!r} differs from the file name {path.stem!r}", line=line_of(lines, ("situation",)))
    rules = []
    for r, raw in enumerate(data["rules"]):
        at = ("rules", r)
        entry = f"rule {raw['id']}"
        patterns, matchers, slots = [], [], None
        for p, source in enumerate(raw["patterns"]):
            where = line_of(lines, at + ("patterns", p))
            try:
                cp = compile_pattern(source)
                matchers.append(Matcher(cp, LEAD + "(?P<clause>" + cp.regex + ")" + TAIL))
            except (PatternSyntaxError, re.error) as exc:
                raise BankError(display_path(path), f"pattern {source!r}: {exc}", line=where, entry=entry) from None
            if slots is None:
                slots = frozenset(cp.slots)
            elif frozenset(cp.slots) != slots:
                raise BankError(display_path(path), f"pattern {source!r} captures {sorted(cp.slots)}, the rule's first pattern {sorted(slots)}; "
                                "all patterns of a rule capture the same slots", line=where, entry=entry)
            patterns.append(cp)
        templates = []
        for t, raw_t in enumerate(raw["templates"]):
            where = line_of(lines, at + ("templates", t))
            text = raw_t["text"]
            used = _TEMPLATE_SLOT.findall(text)
            captured = {name for name, _ in used if name not in COMPUTED_SLOTS}
            if captured != slots:
                raise BankError(display_path(path), f"template uses slots {sorted(captured)} but the patterns capture {sorted(slots or [])}",
                                line=where, entry=entry)
            for name, inflection in used:
                if inflection == AND_LIST and not language.list_and:
                    raise BankError(display_path(path), f"{{{name}|and}} needs language.yaml's list_and ('or' -> 'and')",
                                    line=where, entry=entry)
                if (inflection and inflection != AND_LIST and inflection not in language.inflections
                        and inflection not in lexicon.cases):
                    raise BankError(display_path(path), f"unknown inflection {{{name}|{inflection}}}: language.yaml defines "
                                    f"{sorted(language.inflections) or 'none'}, lexicon.yaml "
                                    f"{list(lexicon.cases) or 'none'}", line=where, entry=entry)
            plain = _TEMPLATE_SLOT.sub(_SLOT_STAND_IN, text)
            for marker_kind, regex in (("negation marker", language.negation), ("discouraged word", language.discouraged)):
                hit = regex.search(plain) if regex else None
                if hit:
                    raise BankError(display_path(path), f"template contains the {marker_kind} {hit.group()!r}", line=where, entry=entry)
            if raw_t["actions"] and not language.actions.search(_TEMPLATE_SLOT.sub(" ", text)):
                raise BankError(display_path(path), "template offers no action (none of language.yaml's action_markers); "
                                "a statement without an offer has `actions: []`", line=where, entry=entry)
            templates.append(Template(text, tuple(raw_t["actions"]), raw_t.get("tone", "any"),
                                      tuple(n for n, _ in used), f"{display_path(path)}:{where}",
                                      bool(raw_t.get("after_lead", False)),
                                      _exceptions(raw_t.get("exceptions", []), path, lines, at + ("templates", t), entry,
                                                  sets)))
        rules.append(Rule(
            id=f"{sid}.{raw['id']}",
            situation=sid,
            message=raw.get("message", data.get("description", sid)),
            severity=raw.get("severity", data.get("severity", "warning")),
            patterns=patterns,
            matchers=matchers,
            templates=templates,
            examples=_examples(raw["examples"], path, lines, at + ("examples",)),
            slots=slots or frozenset(),
            source=f"{display_path(path)}:{line_of(lines, at)}",
            exceptions=_exceptions(raw.get("exceptions", []), path, lines, at, entry, sets),
            requires=_exceptions(raw.get("requires", []), path, lines, at, entry, sets, key="requires"),
        ))
    return Situation(sid, data.get("description", ""), data.get("default_tone"), rules, display_path(path),
                     general=bool(data.get("general", False)))


def _exceptions(phrases: list[str], path: Path, lines: dict, at: tuple, entry: str,
                sets: dict[str, tuple[str, ...]], key: str = "exceptions") -> LazyRegex | None:
    """A rule's ``exceptions`` (or ``requires``) phrases as one regex ("@name": a phrase set); None for none."""
    try:
        return compile_phrase_list(expand_sets(phrases, sets))
    except (PatternSyntaxError, re.error, KeyError) as exc:
        what = "exception" if key == "exceptions" else key
        message = exc.args[0] if isinstance(exc, KeyError) else exc
        raise BankError(display_path(path), f"{what}: {message}", line=line_of(lines, at + (key,)), entry=entry) from None


def _load_avoid(path: Path, language: Language) -> list[AvoidEntry]:
    data, lines = _read(path, "avoid")
    entries = []
    for i, raw in enumerate(data["avoid"]):
        at = ("avoid", i)
        try:
            patterns = [compile_phrase(p) for p in raw["phrases"]]
            if any(p.slots for p in patterns):
                raise PatternSyntaxError("avoid-phrases take no slots")
            regex = compile_phrase_list(raw["phrases"])
        except (PatternSyntaxError, re.error) as exc:
            raise BankError(display_path(path), str(exc), line=line_of(lines, at + ("phrases",)), entry=f"avoid {raw['id']}") from None
        replacement = raw.get("replacement")
        if replacement and language.negation.search(replacement):
            raise BankError(display_path(path), "replacement contains a negation marker", line=line_of(lines, at + ("replacement",)),
                            entry=f"avoid {raw['id']}")
        entries.append(AvoidEntry(raw["id"], patterns, regex, tuple(raw["phrases"]), replacement, raw["message"], raw.get("severity", "error"),
                                  _examples(raw.get("examples", []), path, lines, at + ("examples",)),
                                  f"{display_path(path)}:{line_of(lines, at)}", raw.get("verify", True)))
    return entries


def _load_lexicon(path: Path) -> Lexicon:
    data, lines = _read(path, "lexicon")
    cases = tuple(data["cases"])
    categories: dict[str, list[Entry]] = {}
    for category, words in data["categories"].items():
        entries = []
        for lemma, raw in words.items():
            forms = raw if isinstance(raw, list) else raw["forms"]
            if len(forms) != len(cases):
                raise BankError(display_path(path), f"{len(forms)} forms for {len(cases)} cases ({', '.join(cases)})",
                                line=line_of(lines, ("categories", category, lemma)), entry=f"{category}.{lemma}")
            entries.append(Entry(lemma, category, dict(zip(cases, forms))))
        categories[category] = entries
    unknown = {slot: cat for slot, cat in data.get("slots", {}).items() if cat not in categories}
    if unknown:
        slot = next(iter(unknown))
        raise BankError(display_path(path), f"slot {slot!r} names the unknown category {unknown[slot]!r}",
                        line=line_of(lines, ("slots", slot)), entry=f"slots.{slot}")
    return Lexicon(cases, categories, dict(data.get("slots", {})))


def _load_reply(path: Path, language: Language) -> Reply:
    data, lines = _read(path, "reply")
    shown = display_path(path)

    def positive(text: str, at: tuple) -> str:
        plain = _TEMPLATE_SLOT.sub(_SLOT_STAND_IN, text)
        hit = language.negation.search(plain) or (language.discouraged.search(plain) if language.discouraged else None)
        if hit:
            raise BankError(shown, f"contains the negative or discouraged {hit.group()!r}", line=line_of(lines, at),
                            entry=_entry_name(at))
        unknown = {name for name, _ in _TEMPLATE_SLOT.findall(text)} - COMPUTED_SLOTS
        if unknown:
            raise BankError(shown, f"unknown slot(s) {sorted(unknown)}; only {sorted(COMPUTED_SLOTS)} are available",
                            line=line_of(lines, at), entry=_entry_name(at))
        return text

    empathy = {t: positive(data[t]["empathy"], (t, "empathy")) for t in ("formal", "casual")}
    follow_up = {t: positive(data[t]["follow_up"], (t, "follow_up")) for t in ("formal", "casual")}
    undated = {t: positive(data[t]["follow_up_undated"], (t, "follow_up_undated")) for t in ("formal", "casual")
               if "follow_up_undated" in data[t]}
    by_situation = {sid: {t: positive(v, ("situations", sid, t)) for t, v in tones.items()}
                    for sid, tones in data.get("situations", {}).items()}
    examples = [Example(ex["in"], ex["out"], ex.get("tone"), False, f"{shown}:{line_of(lines, ('examples', i))}")
                for i, ex in enumerate(data.get("examples", []))]
    return Reply(empathy, follow_up, by_situation, examples, undated)


def compile_all(bank: Bank) -> None:
    """Compile every pattern now (they compile lazily); a failure names the rule's file and line."""
    for rule in bank.rules:
        for matcher in rule.matchers:
            try:
                matcher.regex
            except re.error as exc:
                raise BankError(rule.source, f"pattern {matcher.pattern.source!r} does not compile: {exc}",
                                entry=f"rule {rule.id}") from None


def _check_unique_rule_ids(bank: Bank) -> None:
    seen: dict[str, str] = {}
    for rule in bank.rules:
        if rule.id in seen:
            raise BankError(rule.source, f"rule id {rule.id!r} is also used at {seen[rule.id]}")
        seen[rule.id] = rule.source
