"""``rewriter train``: make the training corpus and train the seq2seq model."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import RewriterError

HELP = """\
Train the seq2seq model from the phrase banks, from scratch, offline.
Generates (negative, positive) pairs from every rule's patterns with slot
values from the bank examples and the template engine's verified rewrites;
holds out one phrasing per rule to measure generalisation; trains a
SentencePiece tokenizer and a small T5; writes model.safetensors, the
tokenizer, a CTranslate2 int8 conversion and a model card to --out.
Needs the training extra: pip install -e '.[train]'.
"""


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("train", help="train the seq2seq model from the banks", description=HELP,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=None, metavar="DIR", help="model folder (default: the shipped rewriter/models/default)")
    p.add_argument("--minutes", type=float, default=50.0, help="time budget for training (default: 50)")
    p.add_argument("--max-steps", type=int, default=0, help="stop after this many steps (default: time budget)")
    p.add_argument("--per-pattern", type=int, default=6, help="sentences generated per pattern (default: 6)")
    p.add_argument("--lang", "-l", action="append", metavar="LANG", help="only these languages (repeatable)")
    p.add_argument("--data-only", action="store_true", help="write the corpus (train.jsonl, test.jsonl) and stop")
    p.add_argument("--tiny", action="store_true", help="a tiny model in seconds, for tests and trying things out")
    p.add_argument("--evaluate-only", action="store_true",
                   help="skip training: measure the model in --out on its held-out phrasings and rewrite its card")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import importlib.util  # noqa: PLC0415

    from ..model.corpus import generate, write_jsonl  # noqa: PLC0415
    from ..stages.seq2seq import MODEL_DIR  # noqa: PLC0415
    from .options import check_language  # noqa: PLC0415

    for code in args.lang or []:
        check_language(code)
    out = Path(args.out) if args.out else MODEL_DIR
    if args.data_only:
        pairs = generate(args.lang, per_pattern=args.per_pattern)
        out.mkdir(parents=True, exist_ok=True)
        write_jsonl([p for p in pairs if p.split == "train"], out / "train.jsonl")
        write_jsonl([p for p in pairs if p.split == "test"], out / "test.jsonl")
        print(f"wrote {out / 'train.jsonl'} and {out / 'test.jsonl'} ({len(pairs)} pairs)")
        return 0
    if args.evaluate_only:
        return _evaluate(out)
    missing = [m for m in ("torch", "transformers", "sentencepiece") if importlib.util.find_spec(m) is None]
    if missing:
        raise RewriterError(f"training needs {', '.join(missing)}: pip install -e '.[train]'")
    from ..model.card import write_card  # noqa: PLC0415
    from ..model.train import TrainConfig, train  # noqa: PLC0415

    cfg = TrainConfig(minutes=args.minutes, max_steps=args.max_steps, per_pattern=args.per_pattern,
                      languages=tuple(args.lang or ()))
    if args.tiny:
        cfg = TrainConfig(d_model=64, d_ff=128, layers=1, decoder_layers=1, heads=2, vocab_size=800, batch_size=16,
                          minutes=min(args.minutes, 2.0), max_steps=args.max_steps or 30, per_pattern=1,
                          languages=tuple(args.lang or ()), warmup_steps=5)
    train(out, cfg, log=lambda line: print(line, flush=True))
    if args.tiny:
        write_card(out, json.loads((out / "training.json").read_text(encoding="utf-8")))
        return 0
    return _evaluate(out)


def _evaluate(out: Path) -> int:
    """Held-out metrics into training.json and the model card."""
    from ..model.card import write_card  # noqa: PLC0415
    from ..model.corpus import Pair  # noqa: PLC0415
    from ..model.heldout import evaluate_heldout  # noqa: PLC0415
    from ..stages import seq2seq  # noqa: PLC0415

    stats_path, data = out / "training.json", out.parent / f"{out.name}-data" / "test.jsonl"
    if not stats_path.is_file() or not data.is_file():
        raise RewriterError(f"{out}: no trained model with its held-out data here (run rewriter train first)")
    stats = json.loads(stats_path.read_text(encoding="utf-8"))
    test = [Pair(**json.loads(line)) for line in data.read_text(encoding="utf-8").splitlines()]
    seq2seq.available.cache_clear()
    stats["heldout"] = evaluate_heldout(test, out)
    stats_path.write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    write_card(out, stats)
    print(f"model card: {out / 'README.md'}", file=sys.stderr)
    return 0
