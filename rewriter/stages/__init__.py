"""Rewriting stages. Each proposes candidate sentences; verification decides.

Order: the seq2seq model (when installed), then the template engine. A stage
never returns text itself: the pipeline keeps the first candidate that passes
verification, or the original sentence.
"""
