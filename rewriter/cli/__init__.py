"""The ``rewriter`` command line. Kept import-light: no torch unless a model runs."""
