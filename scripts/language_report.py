"""What the languages' own tools say about the banks, as Markdown for the bank writers.

    python scripts/language_report.py [--out FILE] [--lang fi --lang is ...] [--bank-root DIR]

The same checks as tests/test_language_tools.py (see its docstring and
rewriter/evaluation/language_checks.py), listed per language: file:line,
the word or code, and the text. Icelandic grammar needs GreynirCorrect and
the Icegrams model (scripts/fetch-icegrams-model.sh); without them that
section says why it is missing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rewriter.analyse.dictionaries import tool_for  # noqa: E402
from rewriter.banks import available_languages, load_bank  # noqa: E402
from rewriter.evaluation import language_checks as lc  # noqa: E402
from rewriter.verification import grammar  # noqa: E402

ALLOW = REPO / "tests" / "fixtures" / "hunspell_allow"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(rows: list[tuple[str, str, str]], head: tuple[str, str, str]) -> list[str]:
    if not rows:
        return ["None.", ""]
    out = [f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | --- | --- |"]
    out += [f"| {_cell(a)} | {_cell(b)} | {_cell(c)} |" for a, b, c in rows]
    return out + [""]


def language_section(lang: str, root: str | None) -> tuple[list[str], dict[str, int]]:
    bank = load_bank(lang, root) if root else load_bank(lang)
    allow = lc.load_allowlist(ALLOW / f"{lang}.txt")
    examples, renderings = lc.example_outputs(bank), lc.template_renderings(bank)
    tool = tool_for(lang)
    out = [f"## {lang}", ""]
    counts: dict[str, int] = {}
    out.append(f"{len(examples)} example outputs, {len(renderings)} lexicon-filled template renderings. "
               f"Dictionary: {tool or 'none installed'}; allowlist: {len(allow)} words "
               f"(tests/fixtures/hunspell_allow/{lang}.txt).")
    out.append("")
    if tool:
        rows = []
        flagged_outputs = 0
        for item in examples + renderings:
            words = lc.unknown_words(item, bank, allow)
            if words:
                flagged_outputs += 1
                rows.append((item.source, ", ".join(words), item.text))
        counts["words"] = flagged_outputs
        out += [f"### Words {tool} does not know ({flagged_outputs} outputs)", ""]
        out += _table(rows, ("where", "word", "text"))
        if lang == "fi":
            rows = [(item.source, ", ".join(words), item.text) for item in lc.lexicon_forms(bank)
                    if (words := lc.unknown_words(item, bank))]
            counts["lexicon"] = len(rows)
            out += [f"### Lexicon forms Voikko cannot analyse ({len(rows)} entries)", ""]
            out += _table(rows, ("where", "forms", "all forms"))
    reason = grammar.why_unavailable(lang)
    if lang in ("fi", "is"):
        tool_name = "Voikko's grammar checker" if lang == "fi" else "GreynirCorrect"
        if reason:
            out += [f"### {tool_name}: not run ({reason})", ""]
        else:
            gated, other = [], []
            flagged = set()
            for item in examples + renderings:
                for f in lc.grammar_findings(item, bank) or ():
                    row = (item.source, f"{f.code} {f.word!r}" + (f" → {f.suggestion!r}" if f.suggestion else ""),
                           f"{f.message} — {f.sentence}")
                    (gated if f.gated else other).append(row)
                    if f.gated:
                        flagged.add((item.source, item.text))
            counts["grammar"] = len(flagged)
            out += [f"### {tool_name}: {len(gated)} findings in {len(flagged)} outputs", ""]
            out += _table(gated, ("where", "code, words", "message — sentence"))
            if lang == "is":
                out += [f"Reported only (U001 unknown word, E005 long sentence; E001 never): {len(other)}", ""]
                out += _table(other, ("where", "code, words", "message — sentence"))
    return out, counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="-", help="Markdown file to write (default: standard output)")
    ap.add_argument("--lang", action="append", help="only this language (repeatable)")
    ap.add_argument("--bank-root", help="another phrasebanks folder")
    args = ap.parse_args()
    langs = args.lang or available_languages(Path(args.bank_root) if args.bank_root else None)
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                text=True, check=False).stdout.strip()
    except OSError:
        commit = "?"
    lines = ["# Language tools on the banks", "",
             f"Generated {dt.date.today()} by `python scripts/language_report.py` at commit {commit or '?'} "
             f"(banks: {args.bank_root or 'phrasebanks/'}). What each tool can and cannot tell: "
             "/work/shared/quality/LANGUAGE_TOOLS.md and the README's \"Language checks\". A finding is "
             "worth a look, not a verdict: GreynirCorrect in particular flags correct sentences too.", ""]
    summary = []
    sections = []
    for lang in langs:
        section, counts = language_section(lang, args.bank_root)
        sections += section
        summary.append(f"- {lang}: " + (", ".join(f"{k} {v}" for k, v in counts.items()) or "no tools"))
    lines += ["Outputs flagged per check:", ""] + summary + [""] + sections
    text = "\n".join(lines) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
