"""Run the dev set through the pipeline and compare with an earlier run."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

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
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RewriterError(f"{path}: no such file") from None
    except (OSError, ValueError) as exc:
        raise RewriterError(f"{path}: not an eval JSON file ({exc})") from None
    if not isinstance(data, dict) or "languages" not in data or "items" not in data:
        raise RewriterError(f"{path}: not an eval JSON file (no 'languages' and 'items')")
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
