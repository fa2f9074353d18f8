"""Reading the user's text: files and stdin, strictly UTF-8, with clear errors."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import RewriterError


def decode(data: bytes, where: str) -> str:
    """UTF-8 text of ``data``; bad bytes raise an error naming line and column."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RewriterError(f"{where}:{line}:{col}: not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8") from None
    return text[1:] if text.startswith("\ufeff") else text


def read_stdin() -> str:
    return decode(sys.stdin.buffer.read(), "<stdin>")


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


def read_file(path: str) -> str:
    if path == "-":
        return read_stdin()
    p = Path(path)
    if p.is_dir():
        raise RewriterError(f"{path}: is a directory")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise RewriterError(f"{path}: no such file") from None
    except OSError as exc:
        raise RewriterError(f"{path}: {exc.strerror or exc}") from None
    return decode(data, path)
