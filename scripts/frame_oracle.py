"""What a perfect frame parser would add: frames written by hand, realised by the templates.

The parser design of issue 11 has a model read a sentence and write a frame
(a bank rule and the words of the sentence that fill its slots); the rule's
templates realise it (`rewriter/stages/frames.py`). Before training such a
model, this measures its ceiling: a person (or a helper) writes the best
frame for each negative sentence the banks leave unchanged, the templates
realise it, verification checks it, and a blind reader judges the result.

    python scripts/frame_oracle.py catalogue LANG OUT.md
        every rule of the bank: id, slots, up to three patterns, one example
    python scripts/frame_oracle.py misses LANG OUT.jsonl SET.jsonl [...] [--limit N --seed S]
        the negative sentences no rule rewrites (each sentence of a message on its own)
    python scripts/frame_oracle.py realise LANG FRAMES.jsonl OUT.jsonl [--no-slot-types]
        FRAMES lines: {"id", "sentence", "frame": "rule | slot = value | ..." or null};
        OUT lines: the frame's first verified rewrite, or why there is none
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from rewriter.banks import load_bank
from rewriter.config import OrgConfig
from rewriter.pipeline import Rewriter
from rewriter.plan.message import MessagePlan
from rewriter.stages import frames
from rewriter.text.protect import mask
from rewriter.verification import verify
from rewriter.verification.wordforms import unknown_forms


def catalogue(lang: str, out: Path) -> None:
    bank = load_bank(lang)
    lines = [f"# Rules of the {lang} bank ({len(bank.rules)})", "",
             "Each rule: id, its slots, up to three of its patterns ((a|b) one of, [x] optional, {slot} a slot),",
             "and one example input -> rewrite.", ""]
    for rule in bank.rules:
        lines.append(f"## {rule.id}  slots: {', '.join(sorted(rule.slots)) or '-'}")
        for pattern in rule.patterns[:3]:
            lines.append(f"- {pattern.source}")
        example = next((e for e in rule.examples if not e.unchanged and e.output), None)
        if example:
            lines.append(f"  e.g. {example.input}  ->  {example.output}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{out}: {len(bank.rules)} rules")


def misses(lang: str, out: Path, files: list[str], limit: int, seed: int) -> None:
    rewriter = Rewriter(lang, partial=True)
    found = []
    for path in files:
        tag = Path(path).parent.name
        for line in open(path, encoding="utf-8"):
            if not line.strip():
                continue
            item = json.loads(line)
            result = rewriter.rewrite(item["text"])
            rewritten = {e.start for e in result.edits}
            for n, sentence in enumerate(result.trace):
                if sentence.start in rewritten or sentence.text.rstrip().endswith("?"):
                    continue
                found.append({"id": f"{tag}:{item['id']}:{n}", "lang": lang, "sentence": sentence.text.strip()})
    random.Random(seed).shuffle(found)
    chosen = found[:limit] if limit else found
    out.write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in chosen), encoding="utf-8")
    print(f"{out}: {len(chosen)} of {len(found)} sentences left unchanged")


def _masked_value(masked, value: str) -> str | None:
    """The masked form of a span of the original sentence (None when it is not one)."""
    start = masked.original.find(value)
    if start < 0:
        return None
    end = start + len(value)
    begin = stop = None
    for pos in range(len(masked.text)):
        first, last = masked.original_range(pos, pos + 1)
        if first == start and begin is None:
            begin = pos
        if last == end:
            stop = pos + 1
    if begin is None or stop is None or stop <= begin:
        return None
    return masked.text[begin:stop]


def realise(lang: str, frames_file: Path, out: Path, check_types: bool = True) -> None:
    bank = load_bank(lang)
    rewriter = Rewriter(lang, config=OrgConfig())
    rows = []
    counts = {"frames": 0, "realised": 0, "no frame": 0}
    for line in open(frames_file, encoding="utf-8"):
        if not line.strip():
            continue
        item = json.loads(line)
        row = {"id": item["id"], "lang": lang, "sentence": item["sentence"], "frame": item.get("frame"),
               "rewrite": None, "why": ""}
        rows.append(row)
        if not item.get("frame"):
            counts["no frame"] += 1
            row["why"] = "no frame"
            continue
        counts["frames"] += 1
        frame = frames.Frame.parse(item["frame"])
        if frame is None:
            row["why"] = "not a frame"
            continue
        masked = mask(item["sentence"], bank.language.unmasked, bank.language.titles)
        slots = []
        for name, value in frame.slots:
            inner = _masked_value(masked, value)
            if inner is None:
                row["why"] = f"slot {name}: {value!r} is not a span of the sentence"
                break
            slots.append((name, inner))
        else:
            frame = frames.Frame(frame.rule, tuple(slots))
            problems = frames.problems(frame, masked.text, bank, check_types)
            if problems:
                row["why"] = "; ".join(problems)
                continue
            plan = MessagePlan(None, rewriter.config)
            failures = []
            for candidate in frames.candidates(frame, masked.text, bank, plan, {}, check_types):
                verdict = verify(candidate.text, masked.text, bank, masked.unmask, check_language=False,
                                 needs_action=bool(candidate.actions) or not plan.states_only,
                                 reasons=candidate.reasons)
                unknown = unknown_forms(candidate.text, masked.text, candidate.template, lang)
                if unknown:
                    verdict.failures.append(f"unknown word forms: {', '.join(unknown)}")
                if verdict.ok:
                    row["rewrite"] = masked.unmask(candidate.text)
                    row["rule"] = candidate.rule
                    counts["realised"] += 1
                    break
                failures += verdict.failures
            else:
                row["why"] = "; ".join(dict.fromkeys(failures))[:300] or "no template takes these slots"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{lang}: {len(rows)} sentences, {counts['frames']} frames, {counts['realised']} realised and verified, "
          f"{counts['no frame']} with no frame")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("catalogue")
    c.add_argument("lang")
    c.add_argument("out", type=Path)
    m = sub.add_parser("misses")
    m.add_argument("lang")
    m.add_argument("out", type=Path)
    m.add_argument("files", nargs="+")
    m.add_argument("--limit", type=int, default=0)
    m.add_argument("--seed", type=int, default=12)
    r = sub.add_parser("realise")
    r.add_argument("lang")
    r.add_argument("frames", type=Path)
    r.add_argument("out", type=Path)
    r.add_argument("--no-slot-types", action="store_true", help="skip the slot types (to measure what they refuse)")
    args = parser.parse_args()
    if args.command == "catalogue":
        catalogue(args.lang, args.out)
    elif args.command == "misses":
        misses(args.lang, args.out, args.files, args.limit, args.seed)
    else:
        realise(args.lang, args.frames, args.out, not args.no_slot_types)


if __name__ == "__main__":
    sys.exit(main())
