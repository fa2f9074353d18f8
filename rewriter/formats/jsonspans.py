"""Where each JSON string value sits in the original text.

``json.loads`` forgets positions; this scanner records, for every string
value, its path (keys and indexes) and the span of its literal, so a rewrite
can replace just that literal and leave every other byte alone.
"""
from __future__ import annotations

import json
import re

from ..errors import RewriterError

Path = tuple[str | int, ...]
_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\.)*"', re.DOTALL)


MAX_DEPTH = 500


class _Constant(ValueError):
    """NaN, Infinity or -Infinity: Python's json reads them, JSON has no such values."""


def _reject_constant(name: str):
    raise _Constant(name)


def parse(text: str, where: str) -> tuple[object, dict[Path, tuple[int, int]]]:
    """The JSON value of ``text`` and the spans of its string values; errors name line and column."""
    try:
        data = json.loads(text, parse_constant=_reject_constant)
        spans: dict[Path, tuple[int, int]] = {}
        end = _value(text, _WS.match(text, 0).end(), (), spans)
    except json.JSONDecodeError as exc:
        raise RewriterError(f"{where}:{exc.lineno}:{exc.colno}: malformed JSON: {exc.msg}") from None
    except _Constant as exc:
        line, col = _line_col(text, _scan_error_at(text))
        raise RewriterError(f"{where}:{line}:{col}: malformed JSON: {exc} is not a JSON value") from None
    except RecursionError:
        line, col = _line_col(text, _too_deep_at(text))
        raise RewriterError(f"{where}:{line}:{col}: JSON nested too deeply (more than {MAX_DEPTH} levels)") from None
    assert _WS.match(text, end).end() == len(text)
    return data, spans


def _line_col(text: str, pos: int) -> tuple[int, int]:
    return text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _scan_error_at(text: str) -> int:
    """Where the span scanner stops: the first thing that is not a JSON value."""
    try:
        _value(text, _WS.match(text, 0).end(), (), {})
    except _ScanError as exc:
        return exc.pos
    except RecursionError:
        return _too_deep_at(text)
    return 0


def _too_deep_at(text: str) -> int:
    """The position where brackets outside strings first nest deeper than MAX_DEPTH."""
    depth = 0
    for m in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text, re.DOTALL):
        ch = m.group()
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return m.start()
        elif ch in "]}":
            depth -= 1
    return 0


class _ScanError(ValueError):
    def __init__(self, pos: int, char: str):
        super().__init__(f"unexpected {char!r} at {pos}")
        self.pos = pos


def _value(text: str, pos: int, path: Path, spans: dict[Path, tuple[int, int]]) -> int:
    ch = text[pos]
    if ch == "{":
        pos = _WS.match(text, pos + 1).end()
        if text[pos] == "}":
            return pos + 1
        while True:
            key_match = _STRING.match(text, pos)
            key = json.loads(key_match.group())
            pos = _WS.match(text, key_match.end()).end() + 1          # ':'
            pos = _value(text, _WS.match(text, pos).end(), path + (key,), spans)
            pos = _WS.match(text, pos).end()
            if text[pos] == "}":
                return pos + 1
            pos = _WS.match(text, pos + 1).end()                      # ','
    if ch == "[":
        pos = _WS.match(text, pos + 1).end()
        if text[pos] == "]":
            return pos + 1
        index = 0
        while True:
            pos = _value(text, pos, path + (index,), spans)
            pos = _WS.match(text, pos).end()
            if text[pos] == "]":
                return pos + 1
            pos = _WS.match(text, pos + 1).end()
            index += 1
    if ch == '"':
        m = _STRING.match(text, pos)
        spans[path] = (m.start(), m.end())
        return m.end()
    m = _NUMBER.match(text, pos)
    if m and m.end() > pos:
        return m.end()
    for literal in ("true", "false", "null"):
        if text.startswith(literal, pos):
            return pos + len(literal)
    raise _ScanError(pos, ch)


def literal_like(original_literal: str, value: str) -> str:
    """A JSON literal for ``value`` written in the same style as the original literal."""
    ascii_only = bool(re.search(r"\\u00[89a-fA-F][0-9a-fA-F]|\\u0[1-9a-fA-F][0-9a-fA-F]{2}|\\u[1-9a-fA-F]", original_literal))
    out = json.dumps(value, ensure_ascii=ascii_only)
    if "\\/" in original_literal:
        out = out.replace("/", "\\/")
    return out


def replace(text: str, spans: dict[Path, tuple[int, int]], changes: dict[Path, str]) -> str:
    """``text`` with the string values at the changed paths replaced, everything else untouched."""
    out, pos = [], 0
    for path in sorted(changes, key=lambda p: spans[p][0]):
        start, end = spans[path]
        out.append(text[pos:start])
        out.append(literal_like(text[start:end], changes[path]))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def get(data: object, path: Path) -> object:
    for key in path:
        data = data[key]  # type: ignore[index]
    return data
