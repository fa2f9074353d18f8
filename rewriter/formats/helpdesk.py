"""Where each help desk keeps the reply text in its JSON export.

A format is a name, a test that recognises its export, and a function that
lists the text fields: path in the JSON, HTML or plain, which macro they
belong to, and (for plain copies a tool derives from the HTML) the field they
are derived from.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .jsonspans import Path


@dataclass(frozen=True)
class TextField:
    path: Path
    markup: str                      # "html" or "plain"
    macro: int                       # index of the macro in the export
    title: str
    derived_from: Path | None = None  # a plain twin of this HTML field: gets the same edits


@dataclass(frozen=True)
class JsonFormat:
    name: str
    recognise: Callable[[object], bool]
    fields: Callable[[object], Iterator[TextField]]
    keys: tuple[str, ...]            # where the list of macros lives


def _records(data: object, *keys: str) -> tuple[Path, list]:
    """The list of records: the data itself, or under one of ``keys`` (nested keys with '/')."""
    if isinstance(data, list):
        return (), data
    if isinstance(data, dict):
        for key in keys:
            node, path = data, ()
            for part in key.split("/"):
                if not isinstance(node, dict) or part not in node:
                    break
                node, path = node[part], path + (part,)
            else:
                if isinstance(node, list):
                    return path, node
    return (), []


def _single(data: object, key: str) -> bool:
    return isinstance(data, dict) and isinstance(data.get(key), dict)


def _list_of(data: object, keys: tuple[str, ...], has: Callable[[dict], bool]) -> bool:
    base, records = _records(data, *keys)
    return bool(records) and all(isinstance(r, dict) for r in records) and any(has(r) for r in records)


def _title(record: dict, *keys: str) -> str:
    return next((str(record[k]) for k in keys if isinstance(record.get(k), (str, int))), "")


def _html_and_plain(at: Path, node: dict, html: str, plain: str | None, macro: int, title: str) -> Iterator[TextField]:
    """The HTML field of ``node`` and its plain twin, when they are there; the twin gets the HTML field's edits."""
    if not isinstance(node, dict):
        return
    has_html = isinstance(node.get(html), str)
    if has_html:
        yield TextField(at + (html,), "html", macro, title)
    if plain and isinstance(node.get(plain), str):
        yield TextField(at + (plain,), "plain", macro, title, at + (html,) if has_html else None)


def record_count(data: object, fmt: "JsonFormat") -> int:
    """How many macros the export holds (with or without reply text)."""
    return len(list(_iter(data, fmt.keys)))


def _iter(data: object, keys: tuple[str, ...]) -> Iterator[tuple[Path, int, dict]]:
    if isinstance(data, dict):
        for key in keys:
            if _single(data, key):
                yield (key,), 0, data[key]
                return
    base, records = _records(data, *keys)
    for i, record in enumerate(records):
        if isinstance(record, dict):
            yield base + (i,), i, record


# --- Zendesk macros: actions[] with field comment_value(_html); value is a string or [channel, text]

def _zendesk_has(r: dict) -> bool:
    return isinstance(r.get("actions"), list) and any(
        isinstance(a, dict) and a.get("field") in ("comment_value", "comment_value_html") for a in r["actions"])


def _zendesk_fields(data: object) -> Iterator[TextField]:
    for path, i, macro in _iter(data, ("macros", "macro")):
        yield from action_fields(macro.get("actions"), path + ("actions",), i, _title(macro, "title", "id"))


def action_fields(actions: object, at: Path, macro: int, title: str) -> Iterator[TextField]:
    """Reply texts in a list of macro actions: Zendesk ``comment_value(_html)`` (a string or
    ``[channel, text]``) and Gorgias ``setResponseText`` (``arguments.body_html`` / ``body_text``)."""
    if not isinstance(actions, list):
        return
    for j, action in enumerate(actions):
        if not isinstance(action, dict):
            continue
        if action.get("name") == "setResponseText" and isinstance(action.get("arguments"), dict):
            yield from _html_and_plain(at + (j, "arguments"), action["arguments"], "body_html", "body_text", macro, title)
            continue
        if action.get("field") not in ("comment_value", "comment_value_html"):
            continue
        markup = "html" if action["field"] == "comment_value_html" else "plain"
        value = action.get("value")
        where = at + (j, "value")
        if isinstance(value, str):
            yield TextField(where, markup, macro, title)
        elif isinstance(value, list):
            for k, part in enumerate(value):
                # ["channel:all", "text"]: the channel selector is not reply text.
                if isinstance(part, str) and not (k == 0 and len(value) > 1 and part.startswith("channel:")):
                    yield TextField(where + (k,), markup, macro, title)


# --- Freshdesk canned responses: content_html, content derived from it

def _freshdesk_fields(data: object) -> Iterator[TextField]:
    for path, i, r in _iter(data, ("canned_responses", "canned_response")):
        yield from _html_and_plain(path, r, "content_html", "content", i, _title(r, "title", "id"))


HELPSCOUT_KEYS = ("_embedded/saved-replies", "savedReplies", "saved_replies")


# --- Help Scout saved replies: text (HTML), chatText (plain)

def _helpscout_fields(data: object) -> Iterator[TextField]:
    for path, i, r in _iter(data, HELPSCOUT_KEYS):
        yield from _html_and_plain(path, r, "text", "chatText", i, _title(r, "name", "id"))


# --- Intercom macros: body (HTML with <attribute/> placeholders), body_text (plain)

def _intercom_fields(data: object) -> Iterator[TextField]:
    for path, i, r in _iter(data, ("data", "macros")):
        yield from _html_and_plain(path, r, "body", "body_text", i, _title(r, "name", "id"))


# --- Front message templates: body (HTML)

def _front_fields(data: object) -> Iterator[TextField]:
    for path, i, r in _iter(data, ("_results", "results")):
        yield from _html_and_plain(path, r, "body", None, i, _title(r, "name", "id"))


# --- Gorgias macros: actions[] named setResponseText with arguments.body_html / body_text

def _gorgias_has(r: dict) -> bool:
    return isinstance(r.get("actions"), list) and any(
        isinstance(a, dict) and a.get("name") == "setResponseText" for a in r["actions"])


def _gorgias_fields(data: object) -> Iterator[TextField]:
    for path, i, macro in _iter(data, ("data", "macros")):
        for j, action in enumerate(macro.get("actions") or []):
            if not isinstance(action, dict) or action.get("name") != "setResponseText":
                continue
            args = action.get("arguments") or {}
            at = path + ("actions", j, "arguments")
            yield from _html_and_plain(at, args, "body_html", "body_text", i, _title(macro, "name", "id"))


# --- Zammad text modules: content (HTML, #{...} placeholders)

def _zammad_fields(data: object) -> Iterator[TextField]:
    for path, i, r in _iter(data, ("text_modules", "text_module")):
        yield from _html_and_plain(path, r, "content", None, i, _title(r, "name", "id"))


FORMATS: list[JsonFormat] = [
    JsonFormat("zendesk", lambda d: _single(d, "macro") and _zendesk_has(d["macro"]) or _list_of(d, ("macros",), _zendesk_has),
               _zendesk_fields, ("macros", "macro")),
    JsonFormat("gorgias", lambda d: _list_of(d, ("data", "macros"), _gorgias_has), _gorgias_fields, ("data", "macros")),
    JsonFormat("freshdesk", lambda d: _list_of(d, ("canned_responses",), lambda r: "content_html" in r), _freshdesk_fields,
               ("canned_responses", "canned_response")),
    JsonFormat("helpscout", lambda d: _list_of(d, HELPSCOUT_KEYS, lambda r: "text" in r and ("chatText" in r or "name" in r)),
               _helpscout_fields, HELPSCOUT_KEYS),
    JsonFormat("intercom", lambda d: _list_of(d, ("data", "macros"), lambda r: "body" in r and ("body_text" in r or r.get("type") == "macro")),
               _intercom_fields, ("data", "macros")),
    JsonFormat("front", lambda d: _list_of(d, ("_results", "results"), lambda r: "body" in r and ("subject" in r or "name" in r)),
               _front_fields, ("_results", "results")),
    JsonFormat("zammad", lambda d: _list_of(d, ("text_modules",), lambda r: "content" in r and ("keywords" in r or "name" in r)),
               _zammad_fields, ("text_modules", "text_module")),
]
BY_NAME = {f.name: f for f in FORMATS}


# --- YAML exports (read and written by yamlspans, the same way)

def _osticket_fields(data: object) -> Iterator[TextField]:
    for path, i, r in _iter(data, OSTICKET_KEYS):
        yield from _html_and_plain(path, r, "response", None, i, _title(r, "title", "id"))


OSTICKET_KEYS = ("canned_responses", "canned_response", "premade")

YAML_FORMATS: list[JsonFormat] = [
    # Zammad text modules: name, keywords, content (HTML with #{...} placeholders), note, active
    JsonFormat("zammad-yaml", lambda d: _list_of(d, ("text_modules",), lambda r: "content" in r and ("keywords" in r or "name" in r)),
               _zammad_fields, ("text_modules", "text_module")),
    # osTicket canned responses: title, response (HTML with %{...} placeholders), notes, lang, isenabled
    JsonFormat("osticket", lambda d: _list_of(d, OSTICKET_KEYS, lambda r: "response" in r and "title" in r),
               _osticket_fields, OSTICKET_KEYS),
]
YAML_BY_NAME = {f.name: f for f in YAML_FORMATS}
