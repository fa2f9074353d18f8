"""Locale-aware rendering of values that templates insert (Babel)."""
