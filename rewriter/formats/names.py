"""The names ``rewriter polish --format`` accepts; kept apart so ``--help`` need not import the pipeline."""
from __future__ import annotations

from .helpdesk import FORMATS

FORMAT_NAMES = ("auto", *[f.name for f in FORMATS], "csv", "text", "markdown")
