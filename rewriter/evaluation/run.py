"""Run the dev set through the pipeline and compare with an earlier run."""
from __future__ import annotations

import json
from collections import defaultdict

from ..errors import RewriterError
from .devset import Item
from .metrics import ItemScore, score_item, summarise


def evaluate(items: list[Item], engines: tuple[str, ...], progress=None) -> dict:
    """Scores per item and summaries per language, as one JSON-ready dict."""
    from ..pipeline import Rewriter  # noqa: PLC0415

    rewriters: dict[str, Rewriter] = {}
    scores: list[ItemScore] = []
    for item in items:
        rewriter = rewriters.setdefault(item.lang, Rewriter(item.lang, engines=engines))
        result = rewriter.rewrite(item.text)
        scores.append(score_item(item, result.output, result.engine))
        if progress:
            progress()
    by_lang: dict[str, list[ItemScore]] = defaultdict(list)
    for s in scores:
        by_lang[s.lang].append(s)
    return {
        "engines": list(engines),
        "languages": {lang: summarise(group) for lang, group in sorted(by_lang.items())},
        "items": [s.to_dict() for s in scores],
    }


def load_run(path: str) -> dict:
    """An earlier ``eval --json`` file, checked so a comparison cannot trip over its shape."""
    from ..cli.inputs import read_file  # noqa: PLC0415

    text = read_file(path)
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise RewriterError(f"{path}: not an eval JSON file ({exc})") from None
    except RecursionError:
        raise RewriterError(f"{path}: not an eval JSON file (nested too deeply)") from None
    if not isinstance(data, dict) or "languages" not in data or "items" not in data:
        raise RewriterError(f"{path}: not an eval JSON file (no 'languages' and 'items')")
    languages, items = data["languages"], data["items"]
    if not isinstance(languages, dict) or not all(isinstance(k, str) and isinstance(v, dict) for k, v in languages.items()):
        raise RewriterError(f"{path}: not an eval JSON file ('languages' must map each language to its metrics)")
    if not isinstance(items, list):
        raise RewriterError(f"{path}: not an eval JSON file ('items' must be a list)")
    for n, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise RewriterError(f"{path}: not an eval JSON file (item {n} has no string 'id')")
        for key in ("joint", "unchanged", "expect_unchanged"):
            if not isinstance(item.get(key), (int, float)):
                raise RewriterError(f"{path}: not an eval JSON file (item {item['id']}: {key!r} must be a number or true/false)")
    return data


def compare(current: dict, baseline: dict) -> dict:
    """Per-language metric deltas and the items whose joint score or unchanged-ness moved."""
    deltas: dict[str, dict[str, float]] = {}
    for lang, now in current["languages"].items():
        before = baseline["languages"].get(lang, {})
        deltas[lang] = {k: now[k] - before[k] for k in now
                        if isinstance(now.get(k), (int, float)) and isinstance(before.get(k), (int, float))}
    old = {i["id"]: i for i in baseline["items"]}
    better, worse = [], []
    for item in current["items"]:
        prev = old.get(item["id"])
        if prev is None:
            continue
        key = "unchanged" if item["expect_unchanged"] else "joint"
        if item[key] > prev[key]:
            better.append(item["id"])
        elif item[key] < prev[key]:
            worse.append(item["id"])
    return {"deltas": deltas, "better": better, "worse": worse}
