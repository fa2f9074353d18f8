"""The model card written next to a trained model."""
from __future__ import annotations

from pathlib import Path


def write_card(out_dir: Path, stats: dict) -> None:
    cfg = stats["config"]
    lines = [
        "# rewriter default model",
        "",
        "A small T5 encoder-decoder trained from scratch by `rewriter train` on pairs generated from the",
        "project's phrase banks (fi, is, nb, en). It rewrites one masked sentence (protected spans as",
        "`<p0>`, `<p1>`, ...; a language tag and a tone tag in front) into a positive sentence that offers",
        "an action. Every output still goes through verification; the template engine is the fallback.",
        "",
        "## Data",
        f"- {stats['train_pairs']} training pairs, {stats['test_pairs']} held-out pairs.",
        "- Negative sentences: every pattern of every bank rule, expanded with slot values from the bank examples;",
        "  targets: the template engine's verified rewrite in each tone; plus the bank examples themselves.",
        "- Held-out split by phrasing: one pattern per rule with three or more patterns is never trained on.",
        "",
        "## Configuration",
        f"- d_model {cfg['d_model']}, d_ff {cfg['d_ff']}, {cfg['layers']} encoder / {cfg['decoder_layers']} decoder layers,"
        f" {cfg['heads']} heads, SentencePiece unigram vocabulary of {cfg['vocab_size']} (with Babel locale words).",
        f"- {stats['parameters'] / 1e6:.1f}M parameters; stored as fp16 safetensors, plus a CTranslate2 int8 conversion (`ct2/`).",
        f"- AdamW, learning rate {cfg['learning_rate']}, batch {cfg['batch_size']}, bf16 autocast, seed {cfg['seed']}.",
        "",
        "## Training",
        f"- {stats['steps']} steps ({stats['epochs']} epochs) in {stats['minutes']} minutes on {stats['device']}"
        f" ({stats['cpu']}, {stats['threads']} threads); final training loss {stats['final_loss']}.",
        "- Reproduce: `rewriter train` (add `--minutes`, `--per-pattern` to change the budget).",
        "",
    ]
    held = stats.get("heldout")
    if held:
        lines += ["## Held-out phrasings (never seen in training)", "",
                  "Share of sentences with a verified rewrite, exact match with the bank's rewrite, and chrF++:", "",
                  "| lang | items | model verified | model exact | model chrF++ | templates verified | templates exact |"
                  " both verified | both chrF++ |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for lang, r in held.items():
            lines.append(f"| {lang} | {r['items']} | {r['model']['verified']:.2f} | {r['model']['exact']:.2f} | "
                         f"{r['model']['chrf']:.1f} | {r['templates']['verified']:.2f} | {r['templates']['exact']:.2f} | "
                         f"{r['both']['verified']:.2f} | {r['both']['chrf']:.1f} |")
        lines += ["", "Templates match these phrasings because they are still in the banks; the model never saw them.",
                  "How many real sentences the model rewrites that no template matches: see docs/BENCHMARKS.md.", ""]
    lines += ["## Limits", "- Trained only on bank phrasings: wording far from the banks is often left to the templates,",
              "  or kept unchanged when verification rejects the model's output.",
              "- Offline: nothing is downloaded; the files here are everything it needs.", ""]
    (out_dir / "README.md").write_text("\n".join(lines), encoding="utf-8")
