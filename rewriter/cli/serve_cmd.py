"""``rewriter serve``: the web page and HTTP API on one local port."""
from __future__ import annotations

import argparse
import socket
import sys

from ..errors import RewriterError
from .options import add_config

HELP = """\
Serve a web page and an HTTP API on http://127.0.0.1:8765/ (by default only
this machine can reach it):
  GET  /               the page: check a message, accept suggestions, copy the rewrite
  POST /v1/rewrite     {"text": ..., "lang": "auto"} -> the same object as rewrite --json
  POST /v1/check       findings only
  POST /v2/check       LanguageTool's API, for LanguageTool clients (browser add-ons, LTeX)
  GET  /v2/languages   LanguageTool's language list
  GET  /health, GET /openapi.json
Banks and the model load once, before the port opens. --port 0 picks a free port.
"""


def register(commands: argparse._SubParsersAction) -> None:
    from ..serve import limits  # noqa: PLC0415 - constants only

    p = commands.add_parser("serve", help="web page and HTTP API (LanguageTool-compatible)", description=HELP,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--host", default=limits.DEFAULT_HOST,
                   help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 opens it to the "
                        "network, with no authentication)")
    p.add_argument("--port", type=int, default=limits.DEFAULT_PORT, help="port (default: 8765; 0: any free port)")
    add_config(p)
    p.add_argument("--max-bytes", type=int, default=limits.DEFAULT_MAX_BYTES, metavar="N",
                   help="largest request body; larger is answered 413 (default: 100000)")
    p.add_argument("--timeout", type=float, default=limits.DEFAULT_TIMEOUT_S, metavar="SECONDS",
                   help="time limit of one request's work; past it the answer is 503 (default: 10)")
    p.add_argument("--workers", type=int, default=limits.DEFAULT_WORKERS, metavar="N",
                   help="threads that run rewrites (default: 4)")
    p.add_argument("--engine", default="template", metavar="LIST",
                   help="stages to use, in order: template (default, as in rewrite and polish); template,model "
                        "lets the seq2seq model try the sentences no template rewrote; model,template lets it "
                        "try first")
    p.add_argument("--allow-origin", action="append", default=[], metavar="ORIGIN",
                   help="let web pages from ORIGIN call the API (CORS); repeatable, * for any (default: none)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import starlette  # noqa: F401, PLC0415
        import uvicorn  # noqa: PLC0415
    except ImportError as exc:
        raise RewriterError(f"serve needs the 'serve' extra ({exc.name} is missing): "
                            "pip install 'rewriter[serve]'") from None
    from ..serve.app import create_app  # noqa: PLC0415
    from ..serve.engine import Engine  # noqa: PLC0415
    from ..serve.limits import Settings  # noqa: PLC0415

    if not 0 <= args.port <= 65535:
        raise RewriterError(f"--port must be from 0 to 65535, not {args.port}")
    if args.max_bytes < 1 or args.timeout <= 0 or args.workers < 1:
        raise RewriterError("--max-bytes, --timeout and --workers must be positive")
    engines = tuple(e.strip() for e in args.engine.split(",") if e.strip())
    settings = Settings(host=args.host, port=args.port, max_bytes=args.max_bytes, timeout_s=args.timeout,
                        workers=args.workers, config=args.config, engines=engines,
                        allow_origins=tuple(args.allow_origin))
    sock = _listen(args.host, args.port)       # before warming: a taken port fails at once
    try:
        engine = Engine(settings)
        print(f"rewriter serve: loading {', '.join(engine.languages)}...", file=sys.stderr, flush=True)
        engine.warm()
    except BaseException:
        sock.close()
        raise
    app = create_app(settings, engine)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"rewriter serve: listening on http://{shown}:{port}/ (Ctrl-C to stop)", flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=3)
    server = uvicorn.Server(config)
    try:
        server.run(sockets=[sock])
    finally:
        engine.close()
        sock.close()
    return 0


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise RewriterError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock
