"""rewriter: turn negative customer-service language into positive language that offers an action.

    >>> from rewriter import rewrite
    >>> rewrite("Unfortunately the red dress is out of stock.", lang="en").output  # doctest: +SKIP

Languages: every folder of ``phrasebanks/`` (fi, is, nb, en). The public API
is ``rewrite``, ``detect``, ``Rewriter`` and the ``Result``/``Finding`` types.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .detection.findings import Finding
from .errors import BankError, RewriterError
from .pipeline import Result, Rewriter, detect, rewrite

__all__ = ["BankError", "Finding", "Result", "Rewriter", "RewriterError", "detect", "rewrite", "__version__"]
