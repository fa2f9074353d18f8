"""Reading the user's text: files and stdin, strictly UTF-8, size-limited, with clear errors."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import RewriterError

MAX_BYTES = 100 * 1024 * 1024      # the most a command reads from one file or from stdin


def decode(data: bytes, where: str) -> str:
    """UTF-8 text of ``data``; bad bytes raise an error naming line and column."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RewriterError(f"{where}:{line}:{col}: not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8") from None
    return text[1:] if text.startswith("\ufeff") else text


def _too_large(where: str, limit: int) -> RewriterError:
    return RewriterError(f"{where}: too large (the limit is {_mb(limit)})")


def _mb(size: int) -> str:
    return f"{size // (1024 * 1024)} MB" if size >= 1024 * 1024 else f"{size} bytes"


def stdin_is_terminal() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        return False


def read_stdin(limit: int | None = None) -> str:
    """All of stdin as text, at most ``limit`` bytes (default: MAX_BYTES)."""
    limit = MAX_BYTES if limit is None else limit
    stream = sys.stdin
    if stream is None:
        raise RewriterError("<stdin>: closed; pipe the text in or give a file")
    try:
        data = stream.buffer.read(limit + 1)
    except (OSError, ValueError, AttributeError) as exc:
        raise RewriterError(f"<stdin>: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if len(data) > limit:
        raise _too_large("<stdin>", limit)
    return decode(data, "<stdin>")


TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; a folder stands for the text files under it (.txt, .md, .html), sorted, hidden ones skipped."""
    out: list[str] = []
    for path in paths:
        p = Path(path)
        if path == "-" or not p.is_dir():
            out.append(path)
            continue
        found = sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES
                       and not any(part.startswith(".") for part in f.relative_to(p).parts))
        if not found:
            raise RewriterError(f"{path}: no text files ({', '.join(TEXT_SUFFIXES)}) in this folder")
        out.extend(found)
    return out


def read_file(path: str, limit: int | None = None) -> str:
    """A file (or stdin for "-") as text, at most ``limit`` bytes (default: MAX_BYTES)."""
    limit = MAX_BYTES if limit is None else limit
    if path == "-":
        return read_stdin(limit)
    p = Path(path)
    if p.is_dir():
        raise RewriterError(f"{path}: is a directory")
    try:
        with p.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise RewriterError(f"{path}: no such file") from None
    except OSError as exc:
        raise RewriterError(f"{path}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise _too_large(path, limit)
    return decode(data, path)
