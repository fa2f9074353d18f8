"""Phrase banks: the per-language data every stage reads."""
from .loader import available_languages, bank_root, load_bank
from .model import AvoidEntry, Bank, Example, Language, Rule, Situation, Template

__all__ = ["available_languages", "bank_root", "load_bank", "AvoidEntry", "Bank", "Example", "Language", "Rule",
           "Situation", "Template"]
