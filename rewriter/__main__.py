"""``python -m rewriter`` is the same as the ``rewriter`` command."""
from .cli.main import main

raise SystemExit(main())
