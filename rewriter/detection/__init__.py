"""Detection: find negative statements and say what kind they are."""
from .findings import Finding
from .detector import find_in_sentence

__all__ = ["Finding", "find_in_sentence"]
