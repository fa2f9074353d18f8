"""Verification: the gate every candidate passes before it is returned."""
from .verify import Verdict, verify

__all__ = ["Verdict", "verify"]
