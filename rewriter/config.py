"""What the organisation can really offer, read from rewriter.toml.

The seeds are firm: never promise what cannot be delivered. A team lists the
actions it can deliver (or the ones it cannot), and templates that offer any
other action are never used.

    # rewriter.toml (or [tool.rewriter] in pyproject.toml)
    deny_actions = ["order"]                 # or: allow_actions = [...]
    offers = ["store_credit", "call_back"]   # concrete offers this team really has (OPT_IN)
    follow_up_days = 2                       # dated follow-ups ("by 3 March"); off by default
    partial_messages = false                 # hold a message back whole when one negative sentence has no rewrite
    drafts = "strict"                        # which rewrites stay suggestions: clauses (default), strict, none

Two kinds of promise are never made unless the settings ask for them: a
calendar date (a reusable macro with "by 1 December" baked in is wrong the
next day), and the concrete offers in OPT_IN (a call-back, store credit, a
repair, a reservation ...), which only the organisation knows it has.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import RewriterError

# Which verified rewrites stay suggestions (rewriter/verification/drafts.py): those of a
# sentence with more than one clause; those and the ones that add more than five words; none.
DRAFT_LEVELS = ("clauses", "strict", "none")
ACTIONS = ("order", "reserve", "notify", "alternative", "follow_up", "connect", "refund", "call_back", "book",
           "check", "explain", "deliver", "exchange", "help", "escalate", "store_credit", "repair", "discount",
           "pick_up")
# Offers that depend on what the organisation really has: used only when `offers` lists them.
# "order" is a pre-order or backorder of an item that is out of stock: not every shop takes them.
OPT_IN = frozenset({"order", "reserve", "refund", "call_back", "book", "deliver", "exchange", "escalate",
                    "store_credit", "repair", "discount", "pick_up"})


@dataclass(frozen=True)
class OrgConfig:
    allowed_actions: frozenset[str] = frozenset(ACTIONS)
    follow_up_days: int | None = None      # None: no calendar date in any rewrite
    offers: frozenset[str] = frozenset()   # the OPT_IN offers this organisation has
    partial_messages: bool = True          # False: a message is rewritten whole or not at all
    drafts: str = "clauses"                # which rewrites stay suggestions (DRAFT_LEVELS)
    source: str = "defaults"

    def allows(self, actions: tuple[str, ...]) -> bool:
        return all(a in self.allowed_actions and (a not in OPT_IN or a in self.offers) for a in actions)

    @property
    def dated(self) -> bool:
        """Whether follow-ups may name a calendar date."""
        return self.follow_up_days is not None


def load_config(path: str | Path | None = None, start: Path | None = None) -> OrgConfig:
    """Read ``path``, else the nearest rewriter.toml or pyproject [tool.rewriter], else defaults.

    A ``pyproject.toml`` (given or found) is read for its ``[tool.rewriter]`` table only.
    ``REWRITER_CONFIG`` in the environment names the file when neither ``path``
    nor ``start`` is given (a CI job, a server started by a service manager)."""
    if path is None and start is None and os.environ.get("REWRITER_CONFIG"):
        path = os.environ["REWRITER_CONFIG"]
    if path is not None:
        path = Path(path)
        if path.name == "pyproject.toml":
            table = _tool_table(path, _read_toml(path))
            if table is None:
                raise RewriterError(f"{path}: no [tool.rewriter] table")
            return _parse(path, table)
        return _parse(path, _read_toml(path))
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "rewriter.toml"
        if candidate.is_file():
            return _parse(candidate, _read_toml(candidate))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _tool_table(pyproject, _read_toml(pyproject))
            if table is not None:
                return _parse(pyproject, table)
    return OrgConfig()


def _tool_table(path: Path, data: dict) -> dict | None:
    """The [tool.rewriter] table of a pyproject.toml; None when there is none."""
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise RewriterError(f"{path}: 'tool' must be a table ([tool.rewriter])")
    table = tool.get("rewriter")
    if table is not None and not isinstance(table, dict):
        raise RewriterError(f"{path}: [tool.rewriter] must be a table of settings, not {type(table).__name__}")
    return table


def _read_toml(path: Path) -> dict:
    import tomllib  # noqa: PLC0415 - only when there is a file to read

    if path.is_dir():
        raise RewriterError(f"{path}: is a directory")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RewriterError(f"{path}: no such file") from None
    except OSError as exc:
        raise RewriterError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RewriterError(f"{path}: {exc}") from None
    except UnicodeDecodeError:
        raise RewriterError(f"{path}: not UTF-8") from None
    except RecursionError:
        raise RewriterError(f"{path}: nested too deeply to be a settings file") from None


def _parse(path: Path, table: object) -> OrgConfig:
    if not isinstance(table, dict):
        raise RewriterError(f"{path}: the settings must be a table")
    unknown = set(table) - {"allow_actions", "deny_actions", "follow_up_days", "offers", "partial_messages",
                          "drafts"}
    if unknown:
        raise RewriterError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
    allowed = set(ACTIONS)
    if "allow_actions" in table:
        allowed = set(_actions(path, "allow_actions", table["allow_actions"]))
    allowed -= set(_actions(path, "deny_actions", table.get("deny_actions", [])))
    days = table.get("follow_up_days")
    if days is not None and (not isinstance(days, int) or isinstance(days, bool) or not 0 <= days <= 60):
        raise RewriterError(f"{path}: follow_up_days must be a whole number of working days from 0 to 60")
    offers = set(_actions(path, "offers", table.get("offers", [])))
    not_offers = sorted(offers - OPT_IN)
    if not_offers:
        raise RewriterError(f"{path}: offers: {', '.join(not_offers)} need no setting (offers are: {', '.join(sorted(OPT_IN))})")
    partial = table.get("partial_messages", True)
    if not isinstance(partial, bool):
        raise RewriterError(f"{path}: partial_messages must be true or false")
    drafts = table.get("drafts", "clauses")
    if drafts not in DRAFT_LEVELS:
        raise RewriterError(f"{path}: drafts must be one of {', '.join(DRAFT_LEVELS)}")
    return OrgConfig(frozenset(allowed), days, frozenset(offers), partial, drafts, str(path))


def _actions(path: Path, key: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RewriterError(f"{path}: {key} must be a list of action names")
    bad = [v for v in value if v not in ACTIONS]
    if bad:
        raise RewriterError(f"{path}: {key}: unknown action(s) {', '.join(bad)} (known: {', '.join(ACTIONS)})")
    return value
