"""Measure rewrite quality per language on an independent dev set (``rewriter eval``)."""
