"""Where each YAML string scalar sits in the original text, and how to replace one.

The YAML twin of ``jsonspans``: PyYAML's composer keeps the start and end of
every node, so a rewrite replaces just the changed scalars and leaves every
other byte (comments, key order, quoting, indentation) alone. A new value is
written in the style of the old one (plain, quoted, a ``|`` or ``>`` block
with the same header and indentation); the result is read back, and a value
that does not read back exactly is written double-quoted instead.

Anchors and aliases are refused: an export has no use for them, and nested
aliases (a "billion laughs") expand to more data than fits in memory.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass

from ..errors import RewriterError
from .jsonspans import Path, get

MAX_DEPTH = 200


@dataclass(frozen=True)
class Scalar:
    start: int
    end: int
    style: str          # "", "'", '"', "|" or ">"


def _loader():
    import yaml  # noqa: PLC0415 - only for YAML exports

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse(text: str, where: str) -> tuple[object, dict[Path, Scalar]]:
    """The data of a YAML document and the spans of its string scalars; errors name line and column."""
    import yaml  # noqa: PLC0415

    from ..banks.yamlsource import refuse_anchors  # noqa: PLC0415

    loader = _loader()
    try:
        refuse_anchors(text, loader, where, _error)
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise RewriterError(f"{where}{at}: malformed YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise RewriterError(f"{where}: malformed YAML: {' '.join(str(exc).split())}") from None
    if node is None:
        return None, {}
    spans: dict[Path, Scalar] = {}
    constructor = yaml.SafeLoader("")
    try:
        data = _build(node, (), spans, constructor, where, 0)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise RewriterError(f"{where}{at}: malformed YAML: {getattr(exc, 'problem', None) or exc}") from None
    return data, spans


def _error(name: str, what: str, line: int | None = None) -> RewriterError:
    return RewriterError(f"{name}:{line}: {what}" if line else f"{name}: {what}")


def _build(node, at: Path, spans: dict[Path, Scalar], constructor, where: str, depth: int):
    import yaml  # noqa: PLC0415

    if depth > MAX_DEPTH:
        mark = node.start_mark
        raise RewriterError(f"{where}:{mark.line + 1}:{mark.column + 1}: YAML nested too deeply (more than {MAX_DEPTH} levels)")
    if isinstance(node, yaml.MappingNode):
        out = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict)):
                raise RewriterError(f"{where}:{key_node.start_mark.line + 1}: a mapping key must be a plain value")
            out[key] = _build(value_node, at + (key,), spans, constructor, where, depth + 1)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, at + (i,), spans, constructor, where, depth + 1) for i, item in enumerate(node.value)]
    value = constructor.construct_object(node, deep=True)
    if isinstance(value, str):
        spans[at] = Scalar(node.start_mark.index, node.end_mark.index, node.style or "")
    return value


def replace(text: str, data: object, spans: dict[Path, Scalar], changes: dict[Path, str], where: str) -> str:
    """``text`` with the string scalars at the changed paths replaced; checked by reading it back."""
    expected = copy.deepcopy(data)
    for path, value in changes.items():
        node = expected
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    quoted: set[Path] = set()                 # paths that fell back to double quotes
    for _ in range(3):
        out = _splice(text, spans, changes, quoted)
        try:
            again, _ = parse(out, where)
        except RewriterError:
            again = None
        if again == expected:
            return out
        wrong = {p for p in changes if p not in quoted and not _holds(again, p, changes[p])}
        quoted |= wrong or set(changes)
    raise RewriterError(f"{where}: cannot write the rewritten YAML back exactly; nothing was written")


def _holds(data: object, path: Path, value: str) -> bool:
    try:
        return get(data, path) == value
    except (KeyError, IndexError, TypeError):
        return False


def _splice(text: str, spans: dict[Path, Scalar], changes: dict[Path, str], quoted: set[Path]) -> str:
    out, pos = [], 0
    for path in sorted(changes, key=lambda p: spans[p].start):
        span = spans[path]
        out.append(text[pos:span.start])
        original = text[span.start:span.end]
        out.append(double_quoted(changes[path]) + _tail(original, span.style) if path in quoted
                   else _like(original, span.style, changes[path]))
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def double_quoted(value: str) -> str:
    """A YAML double-quoted scalar on one line (JSON's escapes are YAML's, plus a few characters YAML reads as breaks)."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def _tail(original: str, style: str) -> str:
    """The line breaks a block scalar's span ends with (they belong to the layout, not the value)."""
    if style not in ("|", ">"):
        return ""
    m = re.search(r"(?:\r?\n[ \t]*)*\r?\n\Z", original)
    return m.group() if m else ""


def _like(original: str, style: str, value: str) -> str:
    """``value`` written in the style of the ``original`` scalar (read back by ``replace``)."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'" if "\n" not in value else double_quoted(value)
    if style == '"':
        return double_quoted(value)
    if style in ("|", ">"):
        return _block(original, style, value)
    return value if "\n" not in value and value == value.strip() and value else double_quoted(value)


def _block(original: str, style: str, value: str) -> str:
    """A block scalar with the original's header line and indentation."""
    newline = "\r\n" if "\r\n" in original else "\n"
    header, _, body = original.partition("\n")
    header = header.rstrip("\r")
    first = next((line for line in body.split("\n") if line.strip()), None)
    if first is None:
        return double_quoted(value) + _tail(original, style)
    indent = first[:len(first) - len(first.lstrip(" "))]
    lines = value.rstrip("\n").split("\n")
    if style == ">":
        # Folded: a single break between two lines reads as a space, so every run of breaks gets one more.
        lines = re.sub(r"\n+", lambda m: "\n" + m.group(), "\n".join(lines)).split("\n")
    content = newline.join(indent + line if line else "" for line in lines)
    return header + newline + content + _tail(original, style)
