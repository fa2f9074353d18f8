"""``rewriter check``: a linter for negative phrasing, in files or stdin."""
from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Iterator

from ..lint.report_formats import FORMATS
from .inputs import expand_paths, read_file
from .options import add_config, add_language, check_language

HELP = """\
Lint files for negative phrasing. Formats:
  text    path:line:col: severity rule message   (default)
  line    path:line:col:rule:message
  json    a list of findings with suggestions
  sarif   SARIF 2.1.0 for code-scanning upload
  github  GitHub Actions workflow annotations
Exit code 0 when nothing at or above --min-level is found, 1 when something
is, 2 for usage or input errors. Use - to read stdin.

--jobs: worker processes (default auto: one per CPU that the load average
leaves free, up to 8, for input of 2,000 lines or more; 1 otherwise). The
output is the same for any number.
"""
LEVELS = ("suggestion", "warning", "error")
SHOWS_SUGGESTIONS = ("json", "sarif", "github")   # text and line skip computing rewrites
# --jobs auto: worker processes only for input this long (in lines checked),
# each with at least LINES_PER_JOB of them, at most MAX_AUTO_JOBS; forking and
# each worker compiling the rule regexes it meets cost more on less.
AUTO_JOBS_FROM = 2000
LINES_PER_JOB = 1000
MAX_AUTO_JOBS = 8
CHUNKS_PER_JOB = 8      # chunks per process, taken in turn: a slowed process takes fewer


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("check", help="lint files for negative phrasing", description=HELP,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="files or folders to check (a folder: its .txt, .md and .html files), or - for stdin")
    add_language(p)
    p.add_argument("--format", "-f", choices=["text", "line", "json", "sarif", "github"], default="text",
                   help="output format (default: text)")
    p.add_argument("--min-level", choices=LEVELS, default="suggestion",
                   help="lowest severity that is reported and fails the check (default: suggestion)")
    p.add_argument("--jobs", "-j", type=_jobs_value, default=None, metavar="N",
                   help="worker processes (default: auto, one per free CPU for input of 2,000 lines or more; "
                        "the output is the same for any N)")
    add_config(p)
    p.set_defaults(run=run)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _jobs_value(value: str) -> int | None:
    """``--jobs``: a whole number from 1, or ``auto`` (None)."""
    if value == "auto":
        return None
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"invalid value {value!r} (use a whole number from 1, or auto)")
    return number


def run(args: argparse.Namespace) -> int:
    from ..config import load_config  # noqa: PLC0415
    from ..pipeline import Rewriter  # noqa: PLC0415

    check_language(args.lang)
    rewriter = Rewriter(args.lang, engines=("template",), config=load_config(args.config))
    floor = LEVELS.index(args.min_level)
    texts = [(("<stdin>" if path == "-" else path), read_file(path)) for path in expand_paths(args.files)]
    suggest = args.format in SHOWS_SUGGESTIONS
    work = [(path, line_no, line) for path, text in texts for line_no, line in _paragraphs(text) if line.strip()]
    jobs = job_count(getattr(args, "jobs", None), len(work))
    if work:
        if args.lang != "auto":
            rewriter.bank_for("")       # loaded before any line (and before workers fork, so they share it)
        # The bank and the input live until the process ends: frozen, the
        # garbage collector stops walking them again and again (~5 % of a
        # large check went to that).
        gc.freeze()
    try:
        if jobs > 1:
            reported = _in_workers(rewriter, work, jobs, floor, suggest)
        else:
            reported = _check_lines(rewriter, work, floor, suggest)
    finally:
        gc.unfreeze()       # run() called in a long-lived process leaves its collector as it was
    sys.stdout.write(FORMATS[args.format](reported))
    return 1 if reported else 0


def _cpus() -> int:
    """CPUs this process may run on, less those the load average says other work keeps busy (as ``make -l``)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):
        busy = 0.0
    # The CPU this process is on counts as free; on a 2-CPU machine one other
    # busy process already makes a second worker slower than none (measured).
    return max(1, min(cpus, int(cpus - busy + 1)))


def job_count(requested: int | None, lines: int) -> int:
    """How many processes check ``lines`` lines: ``requested`` (None: auto), never more than lines, 1 without fork."""
    if not hasattr(os, "fork"):
        return 1
    if requested is None:
        requested = min(_cpus(), MAX_AUTO_JOBS, lines // LINES_PER_JOB) if lines >= AUTO_JOBS_FROM else 1
    return max(1, min(requested, lines))


def _check_lines(rewriter, work: list[tuple[str, int, str]], floor: int, suggest: bool) -> list[dict]:
    """The findings of each (path, first line number, text) at or above ``floor``, in order."""
    reported = []
    for path, line_no, line in work:
        # A hard-wrapped sentence is checked whole; a space for each line
        # break keeps every offset where it was.
        for f in rewriter.rewrite(line.replace("\n", " "), rewrite=suggest).findings:
            if LEVELS.index(f.severity) < floor:
                continue
            ln, col = line_col(line, f.start)
            end_ln, end_col = line_col(line, max(f.start, f.end - 1))
            data = {k: v for k, v in f.to_dict().items() if k not in ("start", "end")}
            reported.append({"path": path, "line": line_no + ln - 1, "column": col,
                             "end_line": line_no + end_ln - 1, "end_column": end_col + 1, **data})
    return reported


def _run_chunks(rewriter, chunks: list[list], queue: int, floor: int, suggest: bool) -> dict[int, object]:
    """Take chunk numbers from the ``queue`` pipe (one byte each) until it is empty; chunk number -> its findings.

    An error is the answer for its chunk and ends this process's share: the
    parent raises the first one in input order, so later chunks never count.
    """
    out: dict[int, object] = {}
    while True:
        token = os.read(queue, 1)
        if not token:
            return out
        index = token[0]
        try:
            out[index] = _check_lines(rewriter, chunks[index], floor, suggest)
        except Exception as exc:  # noqa: BLE001 - re-raised by the parent in input order
            out[index] = exc
            return out


def _in_workers(rewriter, work: list[tuple[str, int, str]], jobs: int, floor: int, suggest: bool) -> list[dict]:
    """`_check_lines` over ``work`` in ``jobs`` processes: this one and jobs - 1 forked after the bank is loaded.

    The lines go in up to ``jobs * CHUNKS_PER_JOB`` chunks whose numbers wait
    in a pipe; each process takes the next one when it is done with its last,
    so a process slowed by other work on the machine takes fewer. The answers
    are put back in input order and the first error in input order is raised,
    as in one process. A chunk no worker answered (a worker killed, out of
    memory) is checked here.
    """
    import pickle  # noqa: PLC0415

    size = max(-(-len(work) // (jobs * CHUNKS_PER_JOB)), -(-len(work) // 255))   # chunk numbers travel as one byte
    chunks = [work[i:i + size] for i in range(0, len(work), size)]
    queue, feed = os.pipe()
    os.write(feed, bytes(range(len(chunks))))      # far below a pipe's buffer: never blocks
    os.close(feed)
    sys.stdout.flush()
    sys.stderr.flush()
    children = []
    for _ in range(1, jobs):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:                                     # the worker: answer, then leave without cleaning up
            code = 0
            try:
                os.close(read_end)
                for _pid, other in children:
                    os.close(other)
                answers = _run_chunks(rewriter, chunks, queue, floor, suggest)
                try:
                    data = pickle.dumps(answers, pickle.HIGHEST_PROTOCOL)
                except Exception:  # noqa: BLE001 - an error that does not pickle: the parent checks those chunks
                    data = b""
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(data)
            except BaseException:  # noqa: BLE001
                code = 1
            finally:
                os._exit(code)
        os.close(write_end)
        children.append((pid, read_end))
    answers = _run_chunks(rewriter, chunks, queue, floor, suggest)
    os.close(queue)
    for pid, read_end in children:
        with os.fdopen(read_end, "rb") as pipe:
            data = pipe.read()
        os.waitpid(pid, 0)
        try:
            answers.update(pickle.loads(data))
        except Exception:  # noqa: BLE001 - no answer: its chunks are checked below
            pass
    reported: list[dict] = []
    for index, chunk in enumerate(chunks):
        answer = answers[index] if index in answers else _check_lines(rewriter, chunk, floor, suggest)
        if isinstance(answer, Exception):
            raise answer
        reported += answer
    return reported


_SENTENCE_END_CHARS = frozenset(".!?:;…>]})\"'”»")


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    """(first line number, text) of each line, with a hard-wrapped sentence kept
    together: a line that does not end a sentence joins the next when that one
    goes on in lower case ("We can't deliver the" + "sofa on Saturday.").
    Lists, headings and tables start with a marker, not a lower-case word, so
    their lines stay apart."""
    lines = text.split("\n")
    number = 0
    while number < len(lines):
        start, chunk = number, lines[number]
        while number + 1 < len(lines) and _goes_on(lines[number], lines[number + 1]):
            number += 1
            chunk += "\n" + lines[number]
        yield start + 1, chunk
        number += 1


def _goes_on(line: str, following: str) -> bool:
    """Does ``following`` continue the sentence of ``line``? (Not after a sentence end; only in lower case.)"""
    last = line.rstrip()[-1:]
    if not last or last in _SENTENCE_END_CHARS:
        return False
    first = following.lstrip()[:1]
    return first.isalpha() and first.islower()
