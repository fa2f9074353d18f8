"""``rewriter serve``'s command line: help, bad options and a missing extra, each one line and exit 2."""
from __future__ import annotations

import subprocess
import sys

import pytest

from rewriter.cli.main import main
from rewriter.serve.local import ROOT


def run(*code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "\n".join(code)], capture_output=True, text=True, timeout=60,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                         "REWRITER_NO_CACHE": "1"})


def test_help_names_the_endpoints(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["serve", "--help"])
    assert exit_.value.code == 0
    shown = capsys.readouterr().out
    assert "/v2/check" in shown and "127.0.0.1" in shown and "--max-bytes" in shown


def test_without_the_serve_extra_it_names_the_extra():
    done = run("import sys; sys.modules['uvicorn'] = None",
               "from rewriter.cli.main import main; raise SystemExit(main(['serve']))")
    assert done.returncode == 2
    assert done.stderr.strip() == ("rewriter: error: serve needs the 'serve' extra (uvicorn is missing): "
                                   "pip install 'rewriter[serve]'")


@pytest.mark.parametrize("args, message", [
    (["--port", "70000"], "--port must be from 0 to 65535"),
    (["--timeout", "0"], "must be positive"),
    (["--port", "0", "--config", "/nonexistent/rewriter.toml"], "/nonexistent/rewriter.toml"),
    (["--host", "203.0.113.1", "--port", "0"], "cannot listen on 203.0.113.1:0"),
])
def test_bad_options_are_one_line_and_exit_2(args, message, capsys):
    pytest.importorskip("uvicorn", reason="needs the 'serve' extra")
    assert main(["serve", *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("rewriter: error: ") and message in err and "\n" not in err
