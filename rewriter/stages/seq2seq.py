"""The seq2seq stage: a small model trained from the banks rewrites first.

This module stays import-light: torch and transformers are imported only when
a model is present and a sentence reaches this stage, so ``--help``,
detection and the template path start fast. Until a trained model is shipped
in ``rewriter/models/default/`` the stage is simply unavailable and the
pipeline goes straight to the templates.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from .candidate import Candidate

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "default"


@lru_cache(maxsize=1)
def available(model_dir: Path = MODEL_DIR) -> bool:
    """True when a model is shipped and its libraries are installed."""
    has_weights = (model_dir / "model.safetensors").is_file()
    has_libs = all(importlib.util.find_spec(m) is not None for m in ("torch", "transformers", "sentencepiece"))
    return has_weights and has_libs


def candidates(sentence: str, lang: str, tone: str | None) -> list[Candidate]:
    """Model rewrites of one masked sentence (empty when no model is available)."""
    if not available():
        return []
    from ..model.inference import generate  # noqa: PLC0415 - heavy import, on purpose late

    return [Candidate(text, "model") for text in generate([sentence], lang=lang, tone=tone)[0]]
