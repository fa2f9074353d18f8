"""``rewriter serve``: a local web page and HTTP API (rewriter's own, and LanguageTool's).

Needs the ``serve`` extra (Starlette, uvicorn): ``pip install 'rewriter[serve]'``.
"""
