"""Analyse: what the language's own tools say about the words of a sentence."""
