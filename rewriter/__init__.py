"""rewriter: turn negative customer-service language into positive language that offers an action.

    >>> from rewriter import rewrite
    >>> rewrite("Unfortunately the red dress is out of stock.", lang="en").output  # doctest: +SKIP

Languages: every folder of ``phrasebanks/`` (fi, is, nb, en). The public API
is ``rewrite``, ``detect``, ``Rewriter`` and the ``Result``/``Finding`` types.
"""
from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from .errors import BankError, RewriterError

__all__ = ["BankError", "Finding", "Result", "Rewriter", "RewriterError", "detect", "rewrite", "__version__"]

if TYPE_CHECKING:
    from .detection.findings import Finding
    from .pipeline import Result, Rewriter, detect, rewrite


def __getattr__(name: str):
    """Import the pipeline on first use, so ``rewriter --help`` and other light commands start fast."""
    if name == "Finding":
        from .detection.findings import Finding  # noqa: PLC0415
        return Finding
    if name in ("Result", "Rewriter", "detect", "rewrite"):
        from . import pipeline  # noqa: PLC0415
        return getattr(pipeline, name)
    raise AttributeError(f"module 'rewriter' has no attribute {name!r}")
