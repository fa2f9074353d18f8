"""Generate rewrites with the shipped model, fast path first.

Two back ends load the same trained model: CTranslate2 (the int8 conversion
in ``ct2/``, with SentencePiece; no torch import, a few milliseconds a
sentence on a CPU) and plain transformers ``generate`` (needs torch). The
first available is used; ``REWRITER_MODEL_BACKEND=transformers`` forces the
second, for comparison.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from .corpus import from_model_output, model_input

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "models" / "default"
MAX_LENGTH = 128


class Generator:
    """Rewrites masked sentences; ``beams`` > 1 returns several candidates each."""

    def __init__(self, model_dir: Path, backend: str | None = None):
        self.dir = Path(model_dir)
        backend = backend or os.environ.get("REWRITER_MODEL_BACKEND") or (
            "ctranslate2" if (self.dir / "ct2" / "model.bin").is_file() and _has("ctranslate2") else "transformers")
        self.backend = backend
        if backend == "ctranslate2":
            import ctranslate2  # noqa: PLC0415
            import sentencepiece  # noqa: PLC0415

            self._sp = sentencepiece.SentencePieceProcessor(model_file=str(self.dir / "spiece.model"))
            self._ct2 = ctranslate2.Translator(str(self.dir / "ct2"), device="cpu", compute_type="int8",
                                               intra_threads=max(1, min(4, os.cpu_count() or 1)))
        else:
            import torch  # noqa: PLC0415
            from transformers import T5ForConditionalGeneration  # noqa: PLC0415

            from .train import load_tokenizer  # noqa: PLC0415

            self._torch = torch
            self._tok = load_tokenizer(self.dir)
            self._model = T5ForConditionalGeneration.from_pretrained(str(self.dir), dtype=torch.float32).eval()

    def generate(self, inputs: list[str], beams: int = 1) -> list[list[str]]:
        """Model outputs for prepared inputs ("<nb> <formal> ..."), ``beams`` per input at most."""
        if not inputs:
            return []
        if self.backend == "ctranslate2":
            tokens = [self._sp.encode(text, out_type=str) + ["</s>"] for text in inputs]
            results = self._ct2.translate_batch(tokens, beam_size=beams, num_hypotheses=beams,
                                                max_decoding_length=MAX_LENGTH)
            return [[self._sp.decode(h) for h in r.hypotheses] for r in results]
        tok, torch = self._tok, self._torch
        batch = tok(inputs, return_tensors="pt", padding=True)
        with torch.inference_mode():
            out = self._model.generate(**batch, max_new_tokens=MAX_LENGTH, num_beams=beams, num_return_sequences=beams,
                                       do_sample=False)
        texts = tok.batch_decode(out, skip_special_tokens=False)
        texts = [t.replace("<pad>", "").replace("</s>", "").strip() for t in texts]
        return [texts[i * beams:(i + 1) * beams] for i in range(len(inputs))]


def _has(module: str) -> bool:
    import importlib.util  # noqa: PLC0415

    return importlib.util.find_spec(module) is not None


@lru_cache(maxsize=4)
def generator(model_dir: str = str(DEFAULT_DIR)) -> Generator:
    return Generator(Path(model_dir))


def generate(sentences: list[str], lang: str, tone: str, beams: int = 1, model_dir: str | None = None) -> list[list[str]]:
    """Rewrites of masked sentences (sentinels in place), sentinels restored; bad outputs dropped."""
    prepared = [model_input(s, lang, tone) for s in sentences]
    outputs = generator(model_dir or str(DEFAULT_DIR)).generate([p for p, _ in prepared], beams)
    results = []
    for (_, order), texts in zip(prepared, outputs):
        restored = [from_model_output(t, order) for t in texts]
        results.append([r for r in restored if r])
    return results
