"""The seq2seq stage: a small model trained from the banks rewrites first.

This module stays import-light: the model's libraries are imported only when
a model is shipped and a sentence reaches this stage, so ``--help``,
detection and the template path start fast and never import torch. With
CTranslate2 installed (a core dependency) the shipped int8 conversion runs
without torch at all.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from .candidate import Candidate

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "default"


@lru_cache(maxsize=4)
def available(model_dir: Path = MODEL_DIR) -> bool:
    """True when a model is shipped and a back end for it is installed."""
    def has(*modules: str) -> bool:
        return all(importlib.util.find_spec(m) is not None for m in modules)

    fast = (model_dir / "ct2" / "model.bin").is_file() and has("ctranslate2", "tokenizers")
    plain = (model_dir / "model.safetensors").is_file() and has("torch", "transformers", "sentencepiece")
    return fast or plain


def candidates(sentence: str, lang: str, tone: str, beams: int = 1, model_dir: Path = MODEL_DIR,
               values: dict[str, str] | None = None) -> list[Candidate]:
    """Model rewrites of one masked sentence, best first (empty when no model is available).

    ``values`` are the computed template values (the follow-up date), which
    the model writes as tokens.
    """
    if not available(model_dir):
        return []
    from ..model.inference import generate  # noqa: PLC0415 - heavy import, on purpose late

    [texts] = generate([sentence], lang=lang, tone=tone, beams=beams, model_dir=str(model_dir), values=values)
    return [Candidate(text, "model", "model") for text in dict.fromkeys(texts)]
