"""Train the seq2seq model from scratch on the bank corpus (``rewriter train``).

A small T5 encoder-decoder: the task is mostly copying slot text and choosing
a template, which a few million parameters learn in well under an hour on two
CPU cores (bf16 autocast). A GPU is used when there is one. The result is a
folder with ``model.safetensors`` (fp16), the tokenizer, a CTranslate2 int8
conversion for fast inference (``ct2/``) and a model card with the metrics.
"""
from __future__ import annotations

import json
import math
import platform
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .corpus import TAGS, Pair, generate, write_jsonl
from .vocabulary import EOS_ID, PAD_ID, train_tokenizer


@dataclass
class TrainConfig:
    d_model: int = 256
    d_ff: int = 1024
    layers: int = 4
    decoder_layers: int = 3
    heads: int = 4
    vocab_size: int = 6000
    batch_size: int = 48
    learning_rate: float = 1.5e-3
    warmup_steps: int = 300
    minutes: float = 50.0
    max_steps: int = 0          # 0: until time runs out or epochs are done
    epochs: int = 30
    per_pattern: int = 6
    seed: int = 13
    languages: tuple[str, ...] = ()


def load_tokenizer(folder: Path):
    """The SentencePiece model through transformers, every tag a single token."""
    from transformers import T5Tokenizer  # noqa: PLC0415

    tok = T5Tokenizer.from_pretrained(str(folder), extra_ids=0, additional_special_tokens=TAGS, legacy=False)
    # The conversion can drop user-defined pieces (it dropped <date> and <day>
    # once); add any tag that does not come out as one token.
    missing = [t for t in TAGS if len(tok(t, add_special_tokens=False).input_ids) != 1]
    if missing:
        tok.add_tokens(missing, special_tokens=True)
    return tok


def build_model(cfg: TrainConfig, vocab: int):
    from transformers import T5Config, T5ForConditionalGeneration  # noqa: PLC0415

    config = T5Config(vocab_size=vocab, d_model=cfg.d_model, d_kv=cfg.d_model // cfg.heads, d_ff=cfg.d_ff,
                      num_layers=cfg.layers, num_decoder_layers=cfg.decoder_layers, num_heads=cfg.heads,
                      feed_forward_proj="relu", dropout_rate=0.1, pad_token_id=PAD_ID, eos_token_id=EOS_ID,
                      decoder_start_token_id=PAD_ID, tie_word_embeddings=True)
    return T5ForConditionalGeneration(config)


def _batches(items: list[tuple[list[int], list[int]]], size: int, rng: random.Random):
    """Length-bucketed batches in random order: little padding, so fast on a CPU."""
    order = sorted(range(len(items)), key=lambda i: (len(items[i][0]), rng.random()))
    chunks = [order[i:i + size] for i in range(0, len(order), size)]
    rng.shuffle(chunks)
    return chunks


def _tensors(items, chunk, torch):
    src = [items[i][0] for i in chunk]
    tgt = [items[i][1] for i in chunk]
    width_s, width_t = max(map(len, src)), max(map(len, tgt))
    input_ids = torch.tensor([s + [PAD_ID] * (width_s - len(s)) for s in src])
    labels = torch.tensor([t + [-100] * (width_t - len(t)) for t in tgt])
    return input_ids, (input_ids != PAD_ID).long(), labels


def train(out_dir: Path, cfg: TrainConfig, log=print, work_dir: Path | None = None) -> dict:
    import torch  # noqa: PLC0415

    started = time.time()
    torch.manual_seed(cfg.seed)
    rng = random.Random(cfg.seed)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cpu":
        torch.set_num_threads(max(1, min(8, torch.get_num_threads())))
    out_dir.mkdir(parents=True, exist_ok=True)
    work = work_dir or out_dir.parent / f"{out_dir.name}-data"

    pairs = generate(list(cfg.languages) or None, per_pattern=cfg.per_pattern, seed=cfg.seed)
    train_pairs = [p for p in pairs if p.split == "train"]
    test_pairs = [p for p in pairs if p.split == "test"]
    write_jsonl(train_pairs, work / "train.jsonl")
    write_jsonl(test_pairs, work / "test.jsonl")
    log(f"corpus: {len(train_pairs)} training pairs, {len(test_pairs)} held-out pairs (unseen phrasings)")

    locales = sorted({_locale(p.lang) for p in pairs})
    train_tokenizer(train_pairs, locales, out_dir, cfg.vocab_size)
    tok = load_tokenizer(out_dir)
    encode = lambda text: tok(text, add_special_tokens=True).input_ids[:96]  # noqa: E731
    items = [(encode(p.source), encode(p.target)) for p in train_pairs]

    model = build_model(cfg, len(tok)).to(device)
    params = sum(p.numel() for p in model.parameters())
    log(f"model: {params / 1e6:.1f}M parameters, device {device}")
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg.learning_rate, weight_decay=0.01)
    total_steps = cfg.max_steps or cfg.epochs * math.ceil(len(items) / cfg.batch_size)
    deadline = started + cfg.minutes * 60
    # The learning rate decays to the end of the run; when time, not steps,
    # ends it, the end is re-estimated from the speed of the first 50 steps.
    horizon = {"steps": total_steps}
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / cfg.warmup_steps) * max(0.05, 1 - s / horizon["steps"]))
    step, epoch, losses = 0, 0, []
    loop_start = time.time()
    model.train()
    while step < total_steps and time.time() < deadline:
        epoch += 1
        for chunk in _batches(items, cfg.batch_size, rng):
            input_ids, attention, labels = (t.to(device) for t in _tensors(items, chunk, torch))
            with torch.autocast(device_type=device, dtype=torch.bfloat16):
                loss = model(input_ids=input_ids, attention_mask=attention, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad(set_to_none=True)
            losses.append(loss.item())
            step += 1
            if step == 50 and not cfg.max_steps:
                per_step = (time.time() - loop_start) / 50
                horizon["steps"] = min(total_steps, 50 + int((deadline - time.time()) / per_step))
                log(f"about {horizon['steps']} steps fit in the time budget")
            if step % 100 == 0:
                log(f"step {step}/{total_steps} epoch {epoch} loss {sum(losses[-100:]) / len(losses[-100:]):.3f} "
                    f"{(time.time() - started) / 60:.1f} min")
            if step >= total_steps or time.time() >= deadline:
                break
    minutes = (time.time() - started) / 60
    model.eval()
    model = model.to("cpu").float()
    stats = {
        "steps": step, "epochs": epoch, "final_loss": round(sum(losses[-100:]) / max(1, len(losses[-100:])), 4),
        "train_pairs": len(train_pairs), "test_pairs": len(test_pairs), "parameters": params,
        "minutes": round(minutes, 1), "device": device, "cpu": platform.processor() or platform.machine(),
        "threads": torch.get_num_threads(), "config": asdict(cfg),
    }
    save(model, tok, out_dir, stats)
    log(f"saved {out_dir} after {minutes:.1f} min, {step} steps")
    return stats


def save(model, tok, out_dir: Path, stats: dict) -> None:
    """fp16 safetensors + tokenizer + CTranslate2 int8 conversion + training stats."""
    model.half().save_pretrained(str(out_dir), safe_serialization=True)
    tok.save_pretrained(str(out_dir))
    model.float()
    (out_dir / "training.json").write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")
    try:
        import ctranslate2  # noqa: PLC0415

        ctranslate2.converters.TransformersConverter(str(out_dir)).convert(str(out_dir / "ct2"), quantization="int8",
                                                                            force=True)
    except ImportError:
        pass


def _locale(lang: str) -> str:
    from ..banks.loader import load_language  # noqa: PLC0415

    return load_language(lang).locale
