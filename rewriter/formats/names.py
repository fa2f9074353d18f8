"""The names ``rewriter polish --format`` accepts; kept apart so ``--help`` need not import the pipeline."""
from __future__ import annotations

from .helpdesk import FORMATS, YAML_FORMATS

FORMAT_NAMES = ("auto", *[f.name for f in FORMATS], *[f.name for f in YAML_FORMATS], "csv", "text", "markdown")
