"""A finding: one negative statement, where it is and what to do about it."""
from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("suggestion", "warning", "error")


@dataclass
class Finding:
    start: int                 # character offsets in the original text
    end: int
    category: str              # situation id, "avoid", "negation" or "discouraged"
    severity: str              # suggestion < warning < error
    rule: str                  # stable id, e.g. "out_of_stock.item_out_of_stock"
    message: str
    text: str                  # the flagged text
    suggestion: str | None = None   # a verified rewrite of the sentence, if any

    def to_dict(self) -> dict:
        # Plain fields only: faster than dataclasses.asdict, which deep-copies.
        return dict(self.__dict__)
