"""Write files atomically: a reader never sees half a file, and a failure leaves none.

Several outputs of one command (``polish -o out --report r.html``) are written
together: every one goes to a temporary file next to its target first, and
only when all of them are written are they renamed into place, so a failure
leaves all targets as they were. A target that is a symbolic link is written
through (the file it points to is replaced, the link stays); an existing file
keeps its permission bits, a new one gets the usual ones (0666 less the umask).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import RewriterError


def write_text_atomic(path: str | Path, text: str) -> None:
    write_all_atomic([(path, text.encode("utf-8"))])


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    write_all_atomic([(path, data)])


def real_target(path: str | Path) -> Path:
    """The file a write to ``path`` should replace: the end of a chain of symbolic links, else ``path``."""
    p = Path(path)
    return Path(os.path.realpath(p)) if p.is_symlink() else p


def check_writable(path: str | Path) -> Path:
    """Fail now, with one line, if ``path`` cannot be written; returns the file that will be replaced."""
    target = real_target(path)
    if target.is_dir():
        raise RewriterError(f"{path}: is a directory")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise RewriterError(f"{path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise RewriterError(f"{path}: cannot write in folder {folder} (no permission or a read-only file system)")
    return target


def same_file(a: str | Path, b: str | Path) -> bool:
    """Do two paths name the same file (through links, ``..`` or hard links)?"""
    if str(a) == "-" or str(b) == "-":
        return False
    try:
        if os.path.realpath(a) == os.path.realpath(b):
            return True
        return Path(a).exists() and Path(b).exists() and os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _new_file_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_all_atomic(outputs: list[tuple[str | Path, bytes]]) -> None:
    """Write every (path, data) or none: all are staged in temporary files, then renamed."""
    staged: list[tuple[str, Path]] = []      # (temporary file, target)
    shown: str | Path = ""
    try:
        for shown, data in outputs:
            target = check_writable(shown)
            try:
                st = target.stat()
            except FileNotFoundError:
                st = None
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            staged.append((tmp, target))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fchmod(handle.fileno(), (st.st_mode & 0o7777) if st else _new_file_mode())
                if st and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                    try:
                        os.fchown(handle.fileno(), st.st_uid, st.st_gid)
                    except OSError:
                        pass
                os.fsync(handle.fileno())
        for index, (tmp, target) in enumerate(staged):
            shown = outputs[index][0]
            os.replace(tmp, target)
    except OSError as exc:
        _discard(staged)
        raise RewriterError(f"{shown}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        _discard(staged)
        raise


def _discard(staged: list[tuple[str, Path]]) -> None:
    for tmp, _ in staged:
        try:
            os.unlink(tmp)
        except OSError:
            pass
