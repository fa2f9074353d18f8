"""The languages' own tools read what the banks write: tests, reports and ``rewriter eval``.

Three kinds of bank text are read:

- every example's output (the rewrite the bank promises; unchanged examples
  have none);
- every template that asks the lexicon for a case (``{item|nominative}``),
  rendered once per lexicon word of the slot's category (other slots become
  a protected span, so they are not read);
- every form of every lexicon word (the forms templates ask for, the forms
  inputs are recognised by, and the training fillers).

For each, `unknown_words` lists the words the language's dictionary does not
know (Voikko analyse for Finnish, Hunspell for the others), apart from words
of the example's input, protected spans (placeholders, tags, numbers, names)
and a per-language allowlist; `grammar_findings` lists the grammar checker's
findings (Finnish: Voikko; Icelandic: GreynirCorrect; see
`verification.grammar`). `report_markdown` writes it all down per language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..banks.model import Bank
from ..text.protect import SENTINEL_FIRST, mask
from ..verification import grammar, wordforms

_SLOT = re.compile(r"\{([a-z][a-z0-9_]*)(?:\|([a-z][a-z0-9_]*))?\}")
_STAND_IN = chr(SENTINEL_FIRST)          # a slot the rendering does not fill: a protected span


@dataclass(frozen=True)
class BankText:
    lang: str
    source: str          # "phrasebanks/fi/situations/x.yaml:12"
    kind: str            # "example", "template", "lexicon"
    text: str            # as a reader gets it (placeholders, tags, names as written)
    given: str = ""      # the example's input: its words are the agent's, not ours


def example_outputs(bank: Bank) -> list[BankText]:
    """Every example output that differs from its input (unchanged examples have none)."""
    return [BankText(bank.language.code, ex.source, "example", ex.output, ex.input)
            for _, ex in bank.examples() if not ex.unchanged and ex.output]


def lexicon_slots(text: str, bank: Bank) -> list[tuple[str, str]]:
    """(slot, case) of the template's slots that ask the lexicon for a case."""
    lexicon = bank.lexicon
    return [(slot, case) for slot, case in _SLOT.findall(text)
            if case and case in lexicon.cases and slot in lexicon.slots]


def template_renderings(bank: Bank) -> list[BankText]:
    """Templates that ask the lexicon for a case, once per word of the slot's category (cycled when several slots)."""
    lexicon = bank.lexicon
    out: list[BankText] = []
    for rule in bank.rules:
        for template in rule.templates:
            asked = lexicon_slots(template.text, bank)
            if not asked:
                continue
            if any(m.group(2) is None and template.text[m.end():m.end() + 1].isalpha()
                   for m in _SLOT.finditer(template.text)):
                continue      # a slot the rendering cannot fill is glued to a case ending ("{variant}na")
            fillers = {(s, c): lexicon.fillers(lexicon.slots[s], c) for s, c in asked}
            rounds = max(len(f) for f in fillers.values())
            for i in range(rounds):
                def fill(m: re.Match[str], i=i) -> str:
                    words = fillers.get((m.group(1), m.group(2) or ""))
                    return words[i % len(words)] if words else _STAND_IN
                # A leading slot the rendering leaves unfilled ("{cgen} {item|nominative} on ...") is a
                # genitive the engine capitalises; the checker reads the sentence from the filled word.
                text = _SLOT.sub(fill, template.text).removeprefix(_STAND_IN + " ")
                out.append(BankText(bank.language.code, template.source, "template", text[:1].upper() + text[1:]))
    return out


def lexicon_forms(bank: Bank) -> list[BankText]:
    """Every lexicon word, its forms joined by " · " (one text per word, so a report names the entry)."""
    lexicon = bank.lexicon
    if not lexicon:
        return []
    path = Path(bank.root) / bank.language.code / "lexicon.yaml"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    shown = _shown_path(path)
    out = []
    for entry in lexicon.entries():
        line = next((n for n, text in enumerate(lines, 1)
                     if re.match(rf"\s*[\"']?{re.escape(entry.lemma)}[\"']?\s*:", text)), 0)
        forms = [entry.forms[c] for c in lexicon.cases if c in entry.forms]
        out.append(BankText(bank.language.code, f"{shown}:{line}", "lexicon", " · ".join(forms)))
    return out


def _shown_path(path: Path) -> str:
    parts = path.parts
    return "/".join(parts[parts.index("phrasebanks"):]) if "phrasebanks" in parts else str(path)


def unknown_words(item: BankText, bank: Bank, allow: frozenset[str] = frozenset()) -> list[str]:
    """Words of ``item`` the dictionary does not know: not in the input, not protected, not allowed."""
    language = bank.language
    seen = mask(item.text, language.unmasked, language.titles).text
    given = mask(item.given, language.unmasked, language.titles).text if item.given else ""
    return [w for w in wordforms.unknown_forms(seen, given, None, item.lang) if w.lower() not in allow]


def grammar_findings(item: BankText, bank: Bank) -> list[grammar.Finding] | None:
    """The grammar checker's findings (fi, is) the bank answers for; None when there is no checker here.

    Findings about sentences the example copies whole from its input are
    the agent's, not the bank's (`grammar.not_in_input`).
    """
    not_names = bank.language.not_names
    found = grammar.grammar_errors(item.text, item.lang, not_names)
    return None if found is None else grammar.not_in_input(found, item.given, not_names)


def load_allowlist(path: Path) -> frozenset[str]:
    """Words, one a line (lower-cased); ``#`` starts a comment, which must say why the word is allowed."""
    if not path.exists():
        return frozenset()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word.lower())
    return frozenset(words)
