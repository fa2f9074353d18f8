"""Shared fixtures: the real banks, and a scratch bank folder for error cases."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rewriter.banks.loader import bank_root, load_bank

REPO = Path(__file__).resolve().parents[1]

# The engine's tests see every verified rewrite, drafts too (tests/fixtures/apply_drafts.toml: drafts = "none"),
# set before any test module builds its Rewriter. The default, which keeps a draft as a
# suggestion, is tested in test_drafts.py (and wherever a test names its own settings).
os.environ["REWRITER_CONFIG"] = str(REPO / "tests" / "fixtures" / "apply_drafts.toml")


@pytest.fixture(autouse=True, scope="session")
def _private_bank_cache(tmp_path_factory):
    """Tests keep their bank cache to themselves, away from the user's."""
    import os

    os.environ["REWRITER_CACHE_DIR"] = str(tmp_path_factory.mktemp("bank-cache"))
    yield


@pytest.fixture
def en_bank():
    return load_bank("en")


@pytest.fixture
def scratch_root(tmp_path: Path) -> Path:
    """A bank root with the real schemas and a copy of the English bank."""
    root = tmp_path / "banks"
    shutil.copytree(bank_root() / "schema", root / "schema")
    shutil.copytree(bank_root() / "en", root / "en")
    load_bank.cache_clear()
    yield root
    load_bank.cache_clear()



@pytest.fixture
def load_error(scratch_root: Path):
    """``load_error(name, text)``: the error loading the scratch English bank gives once ``name`` holds ``text``."""
    from rewriter.errors import BankError

    def error(name: str, text: str) -> str:
        (scratch_root / "en" / name).write_text(text, encoding="utf-8")
        with pytest.raises(BankError) as err:
            load_bank("en", str(scratch_root))
        return str(err.value)
    return error
