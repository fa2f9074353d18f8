"""Read YAML while remembering the line of every entry.

Bank errors must say where they are. PyYAML's composer keeps a position for
each node; this module builds plain Python data and a map from the entry's
path (e.g. ``("rules", 2, "patterns", 0)``) to its 1-based line.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import BankError

if TYPE_CHECKING:
    import yaml

Path_ = tuple[Any, ...]


def load_yaml(path: Path, shown: str | None = None) -> tuple[Any, dict[Path_, int]]:
    """Return (data, lines) for a YAML file; malformed YAML raises BankError naming ``shown``."""
    import yaml  # noqa: PLC0415 - only needed when a bank is built, not when it comes from the cache

    # libyaml's C parser when PyYAML was built with it (the wheels are): ~10x faster.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    name = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BankError(name, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise BankError(name, exc.strerror or str(exc)) from None
    try:
        refuse_anchors(text, loader, name)
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise BankError(name, f"YAML syntax: {exc.problem}", line=line) from None
    lines: dict[Path_, int] = {}
    if node is None:
        return None, lines
    try:
        return _build(node, (), lines, name), lines
    except RecursionError:
        raise BankError(name, "nested too deeply") from None


def refuse_anchors(text: str, loader: type, name: str, error=BankError) -> None:
    """Refuse YAML anchors and aliases: nothing in a bank needs them, and a few
    nested aliases (a "billion laughs") expand to more data than fits in memory.
    The check reads the parser's events only when the text has a '&' or a '*'."""
    import yaml  # noqa: PLC0415

    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise error(name, f"YAML alias *{event.anchor} is not allowed; write the value out",
                        line=event.start_mark.line + 1)
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            raise error(name, f"YAML anchor &{event.anchor} is not allowed; write the value out",
                        line=event.start_mark.line + 1)


def _build(node: yaml.Node, at: Path_, lines: dict[Path_, int], path: str) -> Any:
    import yaml  # noqa: PLC0415 - already loaded by load_yaml

    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in out:
                raise BankError(path, f"duplicate key {key!r}", line=key_node.start_mark.line + 1)
            out[key] = _build(value_node, at + (key,), lines, path)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, at + (i,), lines, path) for i, item in enumerate(node.value)]
    # Scalars: YAML 1.2 rules for booleans, so "no", "yes", "on" and "off"
    # stay words (an abbreviation list may well hold "no").
    if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in ("true", "false"):
        return node.value
    return yaml.SafeLoader("").construct_object(node, deep=True)


def line_of(lines: dict[Path_, int], at: Path_) -> int | None:
    """The line of the deepest known entry on the path ``at``."""
    at = tuple(at)
    while at not in lines and at:
        at = at[:-1]
    return lines.get(at)
