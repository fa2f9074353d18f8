"""The web app: a page, rewriter's JSON API (/v1) and LanguageTool's (/v2), on Starlette.

Every error is one line of JSON, ``{"error": "..."}``, with a status a client
can act on: 400 for a request to change, 404/405, 413 for a body over the
limit, 503 for a job past the time limit. A traceback never reaches a client.
"""
from __future__ import annotations

import json
import logging
import time
from functools import wraps
from importlib import resources

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import __version__
from ..errors import RewriterError
from . import languagetool as lt
from .engine import Engine, Timeout
from .limits import Settings
from .openapi import document as openapi_document

log = logging.getLogger("rewriter.serve")

PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
ASSETS = {"page.html": "text/html; charset=utf-8", "page.js": "text/javascript; charset=utf-8",
          "page.css": "text/css; charset=utf-8"}
TONES = ("formal", "casual")
STYLES = ("sentence", "full")


class TooLarge(Exception):
    pass


def error(status: int, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": " ".join(str(message).split())}, status_code=status, headers=headers)


def answers_errors(handler):
    """Turn what a handler raises into a one-line JSON error."""
    @wraps(handler)
    async def wrapped(request: Request):
        try:
            return await handler(request)
        except TooLarge:
            limit = request.app.state.settings.max_bytes
            return error(413, f"request body over the limit of {limit} bytes")
        except (lt.RequestError, RewriterError) as exc:
            return error(400, str(exc))
        except Timeout:
            limit = request.app.state.settings.timeout_s
            return error(503, f"the request took longer than the limit of {limit:g} s; try a shorter text",
                         {"Retry-After": "1"})
        except Exception:  # noqa: BLE001 - never a traceback to the client; the log keeps it
            log.exception("internal error on %s %s", request.method, request.url.path)
            return error(500, "internal error")
    return wrapped


async def read_body(request: Request) -> bytes:
    """The body, or TooLarge as soon as it is over the limit (by its Content-Length, or while reading)."""
    limit = request.app.state.settings.max_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


async def read_json(request: Request) -> dict:
    body = await read_body(request)
    try:
        payload = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise lt.RequestError("the request body is not UTF-8") from None
    except ValueError as exc:
        raise lt.RequestError(f"malformed JSON: {exc}") from None
    if not isinstance(payload, dict):
        raise lt.RequestError("the body must be a JSON object such as {\"text\": \"...\", \"lang\": \"auto\"}")
    return payload


def v1_fields(payload: dict, allowed: tuple[str, ...]) -> dict:
    """text, lang, tone, style (and explain) from a /v1 body, each checked."""
    unknown = sorted(set(payload) - set(allowed))
    if unknown:
        raise lt.RequestError(f"unknown field(s) {', '.join(unknown)} (known: {', '.join(allowed)})")
    if "text" not in payload:
        raise lt.RequestError("missing field 'text'")
    text, lang = payload["text"], payload.get("lang", "auto")
    tone, style = payload.get("tone"), payload.get("style", "sentence")
    if not isinstance(text, str):
        raise lt.RequestError("'text' must be a string")
    if not isinstance(lang, str):
        raise lt.RequestError("'lang' must be a string: fi, is, nb, en or auto")
    if tone in ("", "default"):
        tone = None
    if tone is not None and tone not in TONES:
        raise lt.RequestError(f"unknown tone {tone!r} (use formal, casual, or leave it out)")
    if style not in STYLES:
        raise lt.RequestError(f"unknown style {style!r} (use sentence or full)")
    explain = payload.get("explain", False)
    if not isinstance(explain, bool):
        raise lt.RequestError("'explain' must be true or false")
    return {"text": text, "lang": lang.strip(), "tone": tone, "style": style, "explain": explain}


def _empty(text: str, lang: str) -> dict:
    return {"input": text, "output": text, "lang": lang, "changed": False, "engine": "none", "findings": [],
            "edits": []}


# --- handlers ---------------------------------------------------------------

@answers_errors
async def v1_rewrite(request: Request) -> Response:
    """The same object as ``rewriter rewrite --json``."""
    engine: Engine = request.app.state.engine
    f = v1_fields(await read_json(request), ("text", "lang", "tone", "style", "explain"))
    engine.check_language(f["lang"])
    if not f["text"].strip():
        return JSONResponse(_empty(f["text"], f["lang"]))

    def job():
        return engine.rewriter(f["lang"], f["tone"], f["style"]).rewrite(f["text"]).to_dict(explain=f["explain"])

    return JSONResponse(await engine.run(job))


@answers_errors
async def v1_check(request: Request) -> Response:
    """Findings only: positions (code points), rule ids, messages and verified suggestions."""
    engine: Engine = request.app.state.engine
    f = v1_fields(await read_json(request), ("text", "lang", "tone"))
    engine.check_language(f["lang"])
    if not f["text"].strip():
        return JSONResponse({"lang": f["lang"], "findings": []})

    def job():
        result = engine.rewriter(f["lang"], f["tone"]).rewrite(f["text"])
        return {"lang": result.lang, "findings": [finding.to_dict() for finding in result.findings]}

    return JSONResponse(await engine.run(job))


@answers_errors
async def v2_check(request: Request) -> Response:
    """LanguageTool's /v2/check: a form (or query) with text or data, and language."""
    engine: Engine = request.app.state.engine
    fields = dict(request.query_params)
    if request.method == "POST":
        if request.headers.get("content-type", "").startswith("multipart/"):
            raise lt.RequestError("send the fields form-encoded (application/x-www-form-urlencoded), not multipart")
        fields.update(lt.parse_form(await read_body(request)))
    req = lt.check_request(fields)
    resolved = lt.resolve_language(req.language, engine.languages)
    plain = req.document.plain

    def job():
        if resolved is not None:
            bank, code = resolved
            result = engine.rewriter(bank).rewrite(plain) if plain.strip() else None
            return lt.response(result, req, code, bank, 1.0)
        result, confidence = None, 0.0
        if plain.strip():
            try:
                result, confidence = engine.rewriter("auto").rewrite(plain), 1.0
            except RewriterError:      # too little text to tell: check it as the client's likely language
                result = None
        if result is None:
            bank = _fallback(req, engine.languages)
            result = engine.rewriter(bank).rewrite(plain) if plain.strip() else None
        else:
            bank = result.lang
        return lt.response(result, req, lt.preferred_code(bank, req.preferred_variants), bank, confidence)

    return JSONResponse(await engine.run(job))


def _fallback(req: lt.CheckRequest, banks: list[str]) -> str:
    for code in (*req.preferred_variants.split(","), req.mother_tongue):
        try:
            resolved = lt.resolve_language(code, banks) if code.strip() else None
        except lt.RequestError:
            continue
        if resolved:
            return resolved[0]
    return "en" if "en" in banks else banks[0]


async def v2_languages(request: Request) -> Response:
    return JSONResponse(lt.languages(request.app.state.engine.languages))


async def health(request: Request) -> Response:
    engine: Engine = request.app.state.engine
    return JSONResponse({"status": "ok", "version": __version__, "languages": engine.languages,
                         "warm_s": None if engine.warm_s is None else round(engine.warm_s, 3),
                         "uptime_s": round(time.time() - engine.started, 1)})


async def openapi(request: Request) -> Response:
    return JSONResponse(openapi_document(request.app.state.settings))


def _asset(name: str) -> bytes:
    return (resources.files("rewriter.serve") / "static" / name).read_bytes()


def asset_route(name: str):
    async def serve(request: Request) -> Response:
        return Response(request.app.state.assets[name], media_type=ASSETS[name],
                        headers={"Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-cache"})
    return serve


async def http_error(request: Request, exc: HTTPException) -> Response:
    return error(exc.status_code, exc.detail or "error", getattr(exc, "headers", None))


def _host_name(header: str) -> str:
    """The host of a Host header, without the port ("[::1]:8765" -> "[::1]")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[:header.find("]") + 1]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """Every response gets nosniff and no-referrer; a Host header not allowed gets 400.

    Bound to loopback, only loopback names are answered, so a web page that
    re-points its own domain at 127.0.0.1 (DNS rebinding) cannot read the API.
    """

    def __init__(self, app, allowed_hosts: list[str]):
        self.app = app
        self.any_host = "*" in allowed_hosts
        self.allowed = {h.lower() for h in allowed_hosts}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-content-type-options", b"nosniff"),
                                      (b"referrer-policy", b"no-referrer")]
            await send(message)

        if not self.any_host:
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if _host_name(host) not in self.allowed:
                response = error(400, f"host {host!r} not answered: use http://127.0.0.1 or http://localhost")
                return await response(scope, receive, send_with_headers)
        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> Starlette:
    """The ASGI app. Pass an `Engine` to share one (warmed) between apps; else one is made, not warmed."""
    settings = settings or Settings()
    routes = [
        Route("/", asset_route("page.html"), methods=["GET"]),
        Route("/static/page.js", asset_route("page.js"), methods=["GET"]),
        Route("/static/page.css", asset_route("page.css"), methods=["GET"]),
        Route("/health", health, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/v1/rewrite", v1_rewrite, methods=["POST"]),
        Route("/v1/check", v1_check, methods=["POST"]),
        Route("/v2/check", v2_check, methods=["GET", "POST"]),
        Route("/v2/languages", v2_languages, methods=["GET"]),
    ]
    middleware = [Middleware(Guard, allowed_hosts=settings.hosts())]
    if settings.allow_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(settings.allow_origins),
                                     allow_methods=["GET", "POST"], allow_headers=["*"], max_age=600))
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={HTTPException: http_error})
    app.state.settings = settings
    app.state.engine = engine or Engine(settings)
    app.state.assets = {name: _asset(name) for name in ASSETS}
    return app
