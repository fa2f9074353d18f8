"""Slow grammar checks: for the tests and ``rewriter eval``, never at rewrite time.

- Finnish: Voikko's grammar checker (``libvoikko`` ``grammarErrors``). It is
  shallow (repeated words, capitals, a missing or extra main verb, a few verb
  forms) and, on text with placeholders and tags taken out, mostly reports
  spaces. Its whitespace, final-punctuation and spelling codes
  (`FI_NOT_GATED`) are left out; every other code is a finding (`FI_CODES`
  names them).
- Icelandic: GreynirCorrect (``reynir-correct`` 4.2.0). Its specific codes
  (``P_*`` case and mood rules, ``BEYGVILLA`` inflection, ``Z002``
  capitals, ...) caught 7 truly unnatural outputs in 10 flagged
  (/work/shared/quality/LANGUAGE_TOOLS.md). ``E001`` ("could not parse")
  fires on natural and unnatural text alike and is never reported;
  ``U001`` is reported apart, as an unknown word (a name that lost its
  capital, or a word BÍN lacks), not as a grammar error; so are its
  warnings (codes ending in ``/w``) and ``E005`` ("rather long sentence").

GreynirCorrect's spelling step needs the Icegrams trigram model, which
icegrams 2.x does not ship: ``scripts/fetch-icegrams-model.sh`` takes it out
of the icegrams 1.1.7 wheel into ``<venv>/cache/icegrams/trigrams.bin``
(``make test`` runs it). `icegrams_model` finds it there or through
``ICEGRAMS_MODEL_FILE``. Each check returns None when its tool is missing
and `why_unavailable` says why.

Costs (`python scripts/bench_language.py`; docs/BENCHMARKS.md, "Language
checks"): Voikko grammar ~0.1 ms a sentence (at most a few ms);
GreynirCorrect 1.3–1.7 s to load (BÍN, the grammar, the first parse), then
0.08–0.12 s a sentence (median; long ones up to ~1 s).

What they cannot tell: calques ("aðstoða með"), unfaithful content, or
whether a sentence sounds natural. A finding is worth a look; no finding is
no proof.
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..analyse import dictionaries
from ..text.protect import is_sentinel, mask

# Voikko's grammar error codes (libvoikko's GCERR_* constants).
FI_CODES = {
    1: "invalid spelling", 2: "extra whitespace", 3: "space before punctuation", 4: "extra comma",
    5: "invalid sentence starter", 6: "write first letter in lower case", 7: "write first letter in upper case",
    8: "repeated word", 9: "terminating punctuation missing", 10: "invalid punctuation at end of quotation",
    11: "foreign sentence starter", 12: "misplaced closing parenthesis", 13: "negative verb mismatch",
    14: "a-infinitive required", 15: "ma-infinitive required", 16: "misplaced conjunction",
    17: "missing main verb", 18: "extra main verb",
}
# Spelling is the analyser's job (verification.wordforms); spaces are what taking
# out placeholders and tags leaves behind; a greeting or sign-off on a line of its
# own ("Hei {{name}},", "Terveisin") has no final punctuation and needs none.
FI_NOT_GATED = frozenset({1, 2, 3, 9})

IS_NEVER = frozenset({"E001"})          # "could not parse": noise (LANGUAGE_TOOLS.md)
IS_NOT_GATED = frozenset({"E005"})      # "the sentence is rather long": a style remark, reported only
# Codes ending in "/w" are GreynirCorrect's own warnings (less sure than its errors): reported only.
IS_UNKNOWN_WORD = "U001"

ICEGRAMS_ENV = "ICEGRAMS_MODEL_FILE"
_MODEL_HEADER = b"Reynir 001.00.00"
# What each protected kind becomes for a grammar checker (names and numbers stay as written).
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?])\s*$")
_STAND_IN = {"placeholder": " ", "html": "", "entity": " ", "url": " ", "email": " "}


@dataclass(frozen=True)
class Finding:
    code: str            # "fi:8", "P_WRONG_CASE_þgf_þf", "U001"
    word: str            # the words it is about ("" when the whole sentence)
    message: str
    sentence: str
    suggestion: str = ""

    @property
    def gated(self) -> bool:
        """Whether a test should fail on it: not a style remark (E005), an unknown word (U001) or a warning ("/w")."""
        return self.code not in IS_NOT_GATED and self.code != IS_UNKNOWN_WORD and not self.code.endswith("/w")

    def __str__(self) -> str:
        hint = f" -> {self.suggestion!r}" if self.suggestion else ""
        return f"{self.code} {self.word!r}{hint}: {self.message} [{self.sentence}]"


def readable_parts(text: str, not_names: frozenset[str] = frozenset()) -> list[str]:
    """What a grammar checker should read: placeholders, tags, URLs and e-mails out; names and numbers kept.

    A line break, a block tag (``</p><p>``, ``<br>``) or a Liquid ``{% %}``
    ends a part, so "Hei {{name}},<br>Kiitos ..." is two parts, and the space
    a placeholder leaves before a comma is closed.
    """
    masked = mask(text, not_names)
    parts, current = [], []
    for ch in masked.text:
        if not is_sentinel(ch) and ch != "\n":
            current.append(ch)
            continue
        # A line break in a plain-text reply starts a line of its own, as a block tag does.
        if ch == "\n" or masked.span_of(ch).block:
            parts.append("".join(current))
            current = []
        else:
            span = masked.span_of(ch)
            stand_in = _STAND_IN.get(span.kind, span.value)
            # A placeholder that opens a sentence ("%s on saatavilla") is its subject: without a
            # stand-in word the checker would ask for a capital on the next word.
            if span.kind == "placeholder" and _SENTENCE_OPEN.search("".join(current)):
                stand_in = " X "
            current.append(stand_in)
    parts.append("".join(current))
    tidy = [re.sub(r"\s+([,.!?;:])", r"\1", re.sub(r"\s+", " ", p)).strip() for p in parts]
    return [p for p in tidy if re.search(r"[^\W\d_]", p)]


# --- Finnish: Voikko -------------------------------------------------------------------------

def finnish_available() -> bool:
    return dictionaries.voikko("fi") is not None


def finnish_errors(text: str, gated_only: bool = True, not_names: frozenset[str] = frozenset()) -> list[Finding] | None:
    """Voikko's grammar findings in ``text`` (none of `FI_NOT_GATED` unless told); None without Voikko."""
    voikko = dictionaries.voikko("fi")
    if voikko is None:
        return None
    out: list[Finding] = []
    for part in readable_parts(text, not_names):
        for err in voikko.grammarErrors(part, "en"):
            if gated_only and err.errorCode in FI_NOT_GATED:
                continue
            word = part[err.startPos:err.startPos + err.errorLen]
            out.append(Finding(f"fi:{err.errorCode}", word,
                               FI_CODES.get(err.errorCode, err.shortDescription), _sentence_around(part, err.startPos),
                               ", ".join(err.suggestions)))
    return out


def _sentence_around(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos), text.rfind("! ", 0, pos), text.rfind("? ", 0, pos))
    start = 0 if start < 0 else start + 2
    end = min([i + 1 for i in (text.find(c, pos) for c in ".!?") if i >= 0] or [len(text)])
    return text[start:end].strip()


# --- Icelandic: GreynirCorrect --------------------------------------------------------------

def icegrams_model() -> Path | None:
    """The trigram model file: $ICEGRAMS_MODEL_FILE, else <venv>/cache/icegrams/trigrams.bin (this venv, or the repository's .venv)."""
    env = os.environ.get(ICEGRAMS_ENV)
    candidates = [Path(env)] if env else []
    candidates += [Path(sys.prefix) / "cache" / "icegrams" / "trigrams.bin",
                   Path(__file__).resolve().parents[2] / ".venv" / "cache" / "icegrams" / "trigrams.bin"]
    for path in candidates:
        try:
            with path.open("rb") as f:
                if f.read(len(_MODEL_HEADER)) == _MODEL_HEADER:
                    return path
        except OSError:
            continue
    return None


def why_unavailable(lang: str) -> str | None:
    """Why the grammar check for ``lang`` cannot run here (None: it can)."""
    if lang == "fi":
        return None if finnish_available() else "Voikko (Debian libvoikko1 + voikko-fi, PyPI libvoikko) is not installed"
    if lang == "is":
        try:
            import reynir_correct  # noqa: F401, PLC0415
        except Exception as exc:      # ImportError, or a broken install
            return f"GreynirCorrect is not installed (pip install 'reynir-correct==4.2.0': the test extra): {exc}"
        if icegrams_model() is None:
            return ("the Icegrams trigram model is missing: run scripts/fetch-icegrams-model.sh "
                    f"(or set {ICEGRAMS_ENV} to a trigrams.bin)")
        return None
    return f"no grammar checker for {lang!r}"


@lru_cache(maxsize=1)
def _greynir():
    """One GreynirCorrect instance (loading BÍN and the grammar takes a second or two)."""
    model = icegrams_model()
    if model is None or why_unavailable("is") is not None:
        return None
    os.environ[ICEGRAMS_ENV] = str(model)    # the one found: a stale value would make icegrams fail
    from reynir_correct.checker import CorrectionPipeline, GreynirCorrect  # noqa: PLC0415
    from reynir_correct.settings import Settings  # noqa: PLC0415

    settings = Settings()
    return GreynirCorrect(settings, CorrectionPipeline("", settings))


def icelandic_errors(text: str, not_names: frozenset[str] = frozenset()) -> list[Finding] | None:
    """GreynirCorrect's specific findings in ``text`` (never E001; U001 as an unknown word); None when unavailable."""
    checker = _greynir()
    if checker is None:
        return None
    from reynir_correct import check  # noqa: PLC0415

    out: list[Finding] = []
    for part in readable_parts(text, not_names):
        for paragraph in check(part, rc=checker):
            for sentence in paragraph:
                tokens = [t.txt for t in sentence.tokens]
                shown = sentence.tidy_text or " ".join(tokens)
                for ann in sentence.annotations:
                    if ann.code in IS_NEVER:
                        continue
                    word = ann.original or " ".join(tokens[ann.start:ann.end + 1])
                    message = "unknown word" if ann.code == IS_UNKNOWN_WORD else ann.text
                    out.append(Finding(ann.code, word, message, shown, ann.suggest or ""))
    return out


_FI_WORD_CODES = frozenset({"fi:6", "fi:7"})     # capitals: about one word as the agent wrote it


def not_in_input(findings: list[Finding], input_text: str, not_names: frozenset[str] = frozenset()) -> list[Finding]:
    """The findings the rewrite is answerable for: not about a sentence copied whole from the input.

    "Kiitos viestistä." has no main verb, and the agent wrote it; so did the
    capital of "Oma tili" (Voikko's capitals codes, about one word, are
    dropped when the input has that word as written).
    """
    if not findings or not input_text:
        return findings
    given = " ".join(readable_parts(input_text, not_names))
    words = set(re.findall(r"[^\W\d_]+", given))
    folded = given.casefold()           # "Ég er að athuga þetta." copies "..., ég er að athuga þetta."
    return [f for f in findings
            if f.sentence.casefold() not in folded and not (f.code in _FI_WORD_CODES and f.word in words)]


def grammar_errors(text: str, lang: str, not_names: frozenset[str] = frozenset()) -> list[Finding] | None:
    """The language's grammar findings (fi: Voikko, is: GreynirCorrect), None when there is no checker here."""
    if lang == "fi":
        return finnish_errors(text, not_names=not_names)
    if lang == "is":
        return icelandic_errors(text, not_names=not_names)
    return None
