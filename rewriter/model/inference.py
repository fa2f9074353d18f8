"""Generate rewrites with the shipped model, fast path first.

Two back ends load the same trained model: CTranslate2 (the int8 conversion
in ``ct2/``, with SentencePiece; no torch import, a few milliseconds a
sentence on a CPU) and plain transformers ``generate`` (needs torch). The
first available is used; ``REWRITER_MODEL_BACKEND=transformers`` forces the
second, for comparison.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from ..text.protect import sentinels
from .corpus import MAX_PLACEHOLDERS, from_model_output, model_input

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "models" / "default"
MAX_LENGTH = 128
# The model learned sentences of a few dozen words with at most MAX_PLACEHOLDERS
# protected spans; a longer "sentence" (a line of 100 kB without a full stop)
# is not given to it at all: the templates alone handle it, in linear time.
MAX_INPUT_CHARS = 1000
_SURROGATE = re.compile("[\ud800-\udfff]")


class Generator:
    """Rewrites masked sentences; ``beams`` > 1 returns several candidates each."""

    def __init__(self, model_dir: Path, backend: str | None = None):
        self.dir = Path(model_dir)
        backend = backend or os.environ.get("REWRITER_MODEL_BACKEND") or (
            "ctranslate2" if (self.dir / "ct2" / "model.bin").is_file() and _has("ctranslate2") else "transformers")
        self.backend = backend
        if backend == "ctranslate2":
            import ctranslate2  # noqa: PLC0415
            from tokenizers import Tokenizer  # noqa: PLC0415

            # The same tokenizer as in training (tokenizer.json), so ids agree.
            self._tok_fast = Tokenizer.from_file(str(self.dir / "tokenizer.json"))
            # One thread: on the 2-core machines here two threads made each
            # sentence ten times slower (6 ms against 64 ms, int8).
            threads = int(os.environ.get("REWRITER_MODEL_THREADS", "1"))
            self._ct2 = ctranslate2.Translator(str(self.dir / "ct2"), device="cpu", compute_type="int8",
                                               intra_threads=threads)
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
        # Lone surrogates cannot be encoded: no tokenizer takes them (masking never lets one through).
        inputs = [_SURROGATE.sub("\ufffd", text) for text in inputs]
        if self.backend == "ctranslate2":
            fast = self._tok_fast
            tokens = [fast.encode(text).tokens for text in inputs]
            results = self._ct2.translate_batch(tokens, beam_size=beams, num_hypotheses=beams,
                                                max_decoding_length=MAX_LENGTH)
            return [[_clean(fast.decode([fast.token_to_id(t) for t in h], skip_special_tokens=False))
                     for h in r.hypotheses] for r in results]
        tok, torch = self._tok, self._torch
        batch = tok(inputs, return_tensors="pt", padding=True)
        with torch.inference_mode():
            out = self._model.generate(**batch, max_new_tokens=MAX_LENGTH, num_beams=beams, num_return_sequences=beams,
                                       do_sample=False)
        texts = [_clean(t) for t in tok.batch_decode(out, skip_special_tokens=False)]
        return [texts[i * beams:(i + 1) * beams] for i in range(len(inputs))]


def _clean(text: str) -> str:
    """Decoded text without padding and end markers.

    The shipped tokenizer lacks the <date> and <day> tokens (its conversion
    from SentencePiece dropped them), so the model learned to spell them
    with <unk> around the word; that spelling is read back as the token.
    """
    text = text.replace("<pad>", "").replace("</s>", "")
    text = re.sub(r"(?:<unk>|\u2047)\s*da\s*te\s*(?:<unk>|\u2047)", "<date>", text)
    text = re.sub(r"(?:<unk>|\u2047)\s*da\s*y\s*(?:<unk>|\u2047)", "<day>", text)
    return text.strip()


def _has(module: str) -> bool:
    import importlib.util  # noqa: PLC0415

    return importlib.util.find_spec(module) is not None


@lru_cache(maxsize=4)
def generator(model_dir: str = str(DEFAULT_DIR)) -> Generator:
    return Generator(Path(model_dir))


def fits(sentence: str) -> bool:
    """Can the model take this masked sentence: not too long, not too many protected spans?"""
    return len(sentence) <= MAX_INPUT_CHARS and len(set(sentinels(sentence))) <= MAX_PLACEHOLDERS


def generate(sentences: list[str], lang: str, tone: str, beams: int = 1, model_dir: str | None = None,
             values: dict[str, str] | None = None) -> list[list[str]]:
    """Rewrites of masked sentences (sentinels in place), sentinels and computed ``values`` restored;
    bad outputs dropped. A sentence the model cannot take (see `fits`) gets none."""
    results: list[list[str]] = [[] for _ in sentences]
    todo = [i for i, s in enumerate(sentences) if fits(s)]
    if not todo:
        return results
    prepared = [model_input(sentences[i], lang, tone) for i in todo]
    outputs = generator(model_dir or str(DEFAULT_DIR)).generate([p for p, _ in prepared], beams)
    for i, (source, order), texts in zip(todo, prepared, outputs):
        restored = [from_model_output(t, order, source, values) for t in texts]
        results[i] = [r for r in restored if r]
    return results
