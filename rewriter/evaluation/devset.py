"""Dev-set items: JSONL, one item per line, checked with file:line errors.

Fields: id, lang, text, reference, keep (tokens that must survive), optional
situation and expect_unchanged. Without a reference an item gets no chrF++. The format is the one ../shared/eval uses, with
a reference rewrite added.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..cli.inputs import read_file
from ..errors import RewriterError

DEFAULT_GLOB = "eval/dev_*.jsonl"


@dataclass(frozen=True)
class Item:
    id: str
    lang: str
    text: str
    reference: str | None
    keep: tuple[str, ...] = ()
    situation: str = ""
    expect_unchanged: bool = False
    source: str = field(default="", compare=False)


def load_items(paths: list[str]) -> list[Item]:
    """Items of every file, in order; a malformed line raises RewriterError naming file and line."""
    items: list[Item] = []
    for path in paths:
        for number, line in enumerate(read_file(path).split("\n"), start=1):   # not splitlines: U+2028 may sit in a string
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RewriterError(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from None
            except RecursionError:
                raise RewriterError(f"{where}: not JSON (nested too deeply)") from None
            items.append(_item(raw, where))
    seen: dict[str, str] = {}
    dupes: dict[str, str] = {}
    for item in items:                       # one pass: a 40k-item set loads in milliseconds
        if item.id in seen:
            dupes.setdefault(item.id, f"{seen[item.id]} and {item.source}")
        else:
            seen[item.id] = item.source
    if dupes:
        shown = "; ".join(f"{i} ({where})" for i, where in sorted(dupes.items())[:5])
        raise RewriterError(f"duplicate item id(s): {shown}" + (f" and {len(dupes) - 5} more" if len(dupes) > 5 else ""))
    return items


def _item(raw: object, where: str) -> Item:
    if not isinstance(raw, dict):
        raise RewriterError(f"{where}: an item is a JSON object")
    missing = [k for k in ("id", "lang", "text") if not isinstance(raw.get(k), str) or not raw.get(k)]
    if missing:
        raise RewriterError(f"{where}: item {raw.get('id', '?')}: missing or empty {', '.join(missing)}")
    keep = raw.get("keep", [])
    if not isinstance(keep, list) or not all(isinstance(k, str) and k for k in keep):
        raise RewriterError(f"{where}: item {raw['id']}: keep must be a list of strings")
    unchanged = bool(raw.get("expect_unchanged", False))
    reference = raw.get("reference", raw["text"] if unchanged else None)
    if reference is not None and not isinstance(reference, str):
        raise RewriterError(f"{where}: item {raw['id']}: reference must be a string")
    return Item(raw["id"], raw["lang"], raw["text"], reference, tuple(keep), str(raw.get("situation", "")),
                unchanged, where)


def default_paths(root: Path | None = None) -> list[str]:
    base = root or Path.cwd()
    return [str(p) for p in sorted(base.glob(DEFAULT_GLOB))]
