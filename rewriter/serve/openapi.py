"""The OpenAPI 3.1 document served at /openapi.json (written by hand: Starlette makes none)."""
from __future__ import annotations

from .. import __version__
from .limits import Settings

_ERROR = {"description": "one-line reason", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _errors(*codes: int) -> dict:
    words = {400: "malformed JSON, a missing or wrong field, an unknown language", 413: "body over the size limit",
             503: "the job ran past the time limit; the server keeps serving"}
    return {str(c): {**_ERROR, "description": words[c]} for c in codes}


def document(settings: Settings) -> dict:
    lang = {"type": "string", "default": "auto", "examples": ["auto", "en", "fi", "is", "nb"],
            "description": "fi, is, nb, en, or auto to identify the language of each text"}
    request = {
        "type": "object", "required": ["text"], "additionalProperties": False,
        "properties": {
            "text": {"type": "string", "description": f"the message (the whole body at most {settings.max_bytes} bytes)"},
            "lang": lang,
            "tone": {"type": ["string", "null"], "enum": ["formal", "casual", None],
                     "description": "default: the situation's own (formal for refusals and complaints)"},
            "style": {"type": "string", "enum": ["sentence", "full"], "default": "sentence",
                      "description": "full also wraps the rewrite in a complete reply (H.E.L.P.)"},
            "explain": {"type": "boolean", "default": False, "description": "add the trace of candidates"},
        },
    }
    check_request = {**request, "properties": {k: request["properties"][k] for k in ("text", "lang", "tone")}}
    finding = {
        "type": "object",
        "properties": {
            "start": {"type": "integer", "description": "offset in code points (Python str index)"},
            "end": {"type": "integer"},
            "category": {"type": "string"}, "severity": {"type": "string", "enum": ["suggestion", "warning", "error"]},
            "rule": {"type": "string", "examples": ["out_of_stock.item_out_of_stock"]},
            "message": {"type": "string"}, "text": {"type": "string"},
            "suggestion": {"type": ["string", "null"], "description": "a verified rewrite of the finding's sentence"},
        },
    }
    edit = {"type": "object", "properties": {k: {"type": t} for k, t in (
        ("start", "integer"), ("end", "integer"), ("original", "string"), ("replacement", "string"),
        ("engine", "string"), ("rule", ["string", "null"]), ("lead", "string"))}}
    result = {
        "type": "object",
        "properties": {
            "input": {"type": "string"}, "output": {"type": "string"}, "lang": {"type": "string"},
            "changed": {"type": "boolean"}, "engine": {"type": "string", "enum": ["model", "template", "none"]},
            "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
            "edits": {"type": "array", "items": {"$ref": "#/components/schemas/Edit"}},
        },
    }
    lt_form = {
        "type": "object",
        "properties": {
            "text": {"type": "string"},
            "data": {"type": "string", "description": 'JSON: {"annotation": [{"text": ...}, {"markup": ..., "interpretAs": ...}]}'},
            "language": {"type": "string", "examples": ["auto", "en-US", "fi-FI", "is-IS", "nb-NO"]},
            "preferredVariants": {"type": "string"}, "motherTongue": {"type": "string"},
            "level": {"type": "string"}, "enabledOnly": {"type": "string"},
            "enabledRules": {"type": "string"}, "disabledRules": {"type": "string"},
            "enabledCategories": {"type": "string"}, "disabledCategories": {"type": "string"},
        },
        "required": ["language"],
    }
    json_body = lambda ref: {"required": True, "content": {"application/json": {"schema": {"$ref": ref}}}}  # noqa: E731
    ok = lambda description, schema: {"200": {"description": description,  # noqa: E731
                                              "content": {"application/json": {"schema": schema}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "rewriter", "version": __version__,
                 "description": "Rewrite negative customer-service text (fi, is, nb, en) into positive text that "
                                "offers an action; LanguageTool-compatible checking at /v2."},
        "paths": {
            "/v1/rewrite": {"post": {"summary": "rewrite a text: the same object as `rewriter rewrite --json`",
                                     "requestBody": json_body("#/components/schemas/RewriteRequest"),
                                     "responses": {**ok("the result", {"$ref": "#/components/schemas/Result"}),
                                                   **_errors(400, 413, 503)}}},
            "/v1/check": {"post": {"summary": "findings only, with positions, rule ids and suggestions",
                                   "requestBody": json_body("#/components/schemas/CheckRequest"),
                                   "responses": {**ok("the findings", {"type": "object", "properties": {
                                       "lang": {"type": "string"},
                                       "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}}),
                                       **_errors(400, 413, 503)}}},
            "/v2/check": {"post": {"summary": "LanguageTool's check: offsets and lengths in UTF-16 code units",
                                   "requestBody": {"required": True, "content": {
                                       "application/x-www-form-urlencoded": {"schema": lt_form}}},
                                   "responses": {**ok("LanguageTool's answer", {"type": "object", "required": [
                                       "software", "language", "matches"]}), **_errors(400, 413, 503)}},
                          "get": {"summary": "the same with the fields in the query string",
                                  "responses": {**ok("LanguageTool's answer", {"type": "object"}), **_errors(400, 503)}}},
            "/v2/languages": {"get": {"summary": "LanguageTool's language list", "responses": ok(
                "[{name, code, longCode}]", {"type": "array", "items": {"type": "object", "properties": {
                    "name": {"type": "string"}, "code": {"type": "string"}, "longCode": {"type": "string"}}}})}},
            "/health": {"get": {"summary": "liveness, version, languages", "responses": ok("ok", {"type": "object"})}},
            "/": {"get": {"summary": "the web page", "responses": {"200": {"description": "HTML",
                                                                            "content": {"text/html": {}}}}}},
        },
        "components": {"schemas": {
            "RewriteRequest": request, "CheckRequest": check_request, "Finding": finding, "Edit": edit,
            "Result": result,
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
        }},
    }
