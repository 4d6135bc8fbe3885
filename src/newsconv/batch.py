"""Many articles to several formats on a pool of workers: the library behind ``newsconv convert``.

A batch runs in two stages.  :func:`plan` (in the calling process) finds the inputs, names every
output and settles what needs no work (inputs that cannot be found or are no regular files,
outputs that would collide, overwrite an input or leave OUTDIR, outputs already up to date), so
every conflict is known before a file is written.  :func:`run` hands the remaining tasks to an
executor (worker processes on this machine, see :mod:`newsconv.pool`, or a Dask cluster, see
:mod:`newsconv.cluster`), whose workers parse each article once and render it to every format,
and collects one :class:`Result` per input into a :class:`Report`, whose ``return_code`` is the
batch's exit policy (as black's ``Report``)::

    from newsconv.batch import Conversion, plan, run
    report = run(plan(["articles/"], Conversion(formats=("pdf", "html")), outdir="out"), jobs=4)
    print(report.summary())

A batch too big for one machine is cut into shards (``plan(..., shard=(k, n))``), one per machine
of an indexed job, and the shards' reports are merged with :func:`merge_reports`.
"""
from __future__ import annotations

import collections
import dataclasses
import fnmatch
import glob
import hashlib
import json
import logging
import os
import stat
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Callable, Iterable, Iterator, Optional, Protocol, Union

from .convert import STDIN_NAME, STDIO
from .errors import EXIT, NewsconvError, OutputError
from .options import RenderOptions
from .output import make_parent, remove_leftovers, write_atomic
from .reading import read_stream
from .version import __version__

# What walking a folder picks up.  Model .json files are converted only when named (or globbed):
# a folder of articles often holds other JSON, such as expected models or an earlier --report.
ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm"})

CONVERTED, FAILED, SKIPPED = "converted", "failed", "skipped"
log = logging.getLogger("newsconv")


@dataclass(frozen=True)
class Conversion:
    """What to do to every input of a batch: the formats to write, and how to read and render."""

    formats: tuple[str, ...]
    options: RenderOptions = RenderOptions()
    source_format: Optional[str] = None
    encoding: Optional[str] = None
    lang: Optional[str] = None
    dir: Optional[str] = None
    resource_path: tuple[str, ...] = ()  # folders images may also be read from


@dataclass(frozen=True)
class Source:
    """One input: its path (STDIN_NAME for stdin) and the relative name its outputs mirror under OUTDIR."""

    path: str
    relative: PurePath
    walked: bool = False  # found by walking a folder, not named or globbed by the user

    def output_base(self, outdir: Optional[str]) -> Path:
        """The output path without its extension: mirrored under ``outdir``, else beside the input."""
        if outdir:
            return Path(outdir, self.relative)
        return Path(self.path).parent / self.relative.name


@dataclass(frozen=True)
class Task:
    """One input to convert to every format.  ``data`` holds its bytes when the worker cannot read
    the file itself: stdin, or a cluster without a shared filesystem."""

    source: str
    outputs: tuple[tuple[str, Path], ...]
    data: Optional[bytes] = None


@dataclass
class Result:
    """What became of one input.  ``outputs`` holds the files written, even when a later format failed.

    ``rendered`` carries the outputs' bytes back from a worker that does not write them itself (a
    cluster without a shared filesystem); it is emptied once they are written, and never reported.
    """

    source: str
    status: str
    outputs: dict[str, str] = field(default_factory=dict)
    error: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    rendered: dict[str, bytes] = field(default_factory=dict, repr=False)

    def to_json(self) -> dict:
        return {key: value for key, value in dataclasses.asdict(self).items() if key != "rendered"}


@dataclass(frozen=True)
class Plan:
    """The work of a batch: ``tasks`` for the workers, and ``settled`` results that needed none."""

    conversion: Conversion
    tasks: tuple[Task, ...]
    settled: tuple[Result, ...]

    def claim(self, path: str | os.PathLike) -> Optional[str]:
        """What ``path`` already is in this batch (an input or an output), so nothing else may write it."""
        key = _key(path)
        for result in self.settled:
            if _key(result.source) == key and result.source != STDIN_NAME and os.path.lexists(result.source):
                return f"the input {result.source}"
            if any(_key(out) == key for out in result.outputs.values()):
                return f"an output of {result.source}"
        for task in self.tasks:
            if task.source != STDIN_NAME and _key(task.source) == key:
                return f"the input {task.source}"
            if any(_key(out) == key for _, out in task.outputs):
                return f"an output of {task.source}"
        return None


@dataclass
class Report:
    """Every result of a batch, its duration, and the exit code it amounts to."""

    formats: tuple[str, ...]
    results: list[Result] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False

    def count(self, status: str) -> int:
        return sum(1 for result in self.results if result.status == status)

    @property
    def return_code(self) -> int:
        """130 when stopped by Ctrl-C or a kill (the shell's convention), 1 when any input failed, else 0."""
        if self.interrupted:
            return EXIT.INTERRUPTED
        return EXIT.FAILED_INPUTS if self.count(FAILED) else EXIT.OK

    def summary(self) -> str:
        line = (f"{self.count(CONVERTED)} converted, {self.count(FAILED)} failed, {self.count(SKIPPED)} skipped "
                f"in {self.seconds:.1f} s")
        return line + " (interrupted)" if self.interrupted else line

    def to_json(self) -> dict:
        """The ``--report`` document: totals, then each input's result in input-path order."""
        totals = {status: self.count(status) for status in (CONVERTED, FAILED, SKIPPED)}
        return {"newsconv": __version__, "formats": list(self.formats), **totals,
                "seconds": round(self.seconds, 3), "interrupted": self.interrupted,
                "inputs": [r.to_json() for r in sorted(self.results, key=lambda r: r.source)]}

    @classmethod
    def from_json(cls, document: dict) -> "Report":
        """A report read back from its ``--report`` document (totals are recounted, not trusted)."""
        try:
            results = [Result(**entry) for entry in document["inputs"]]
            return cls(tuple(document["formats"]), results, float(document["seconds"]), bool(document["interrupted"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise NewsconvError(f"not a newsconv report ({type(exc).__name__}: {exc})") from None


def merge_reports(reports: Iterable[Report]) -> Report:
    """One report from the reports of a batch's shards (or of runs resumed with --skip-existing).

    An input reported twice keeps its most useful result: converted over skipped over failed, so a
    re-run that converted what an earlier run failed on reads as converted.  ``seconds`` is the sum
    of the runs' durations, the machine time the batch took.
    """
    rank = {FAILED: 0, SKIPPED: 1, CONVERTED: 2}
    merged = Report(())
    best: dict[str, Result] = {}
    for report in reports:
        merged.formats += tuple(f for f in report.formats if f not in merged.formats)
        merged.seconds += report.seconds
        merged.interrupted |= report.interrupted
        for result in report.results:
            kept = best.get(result.source)
            if kept is None or rank.get(result.status, -1) >= rank.get(kept.status, -1):
                best[result.source] = result
    merged.results = list(best.values())
    return merged


def write_report(report: Report, path: str | os.PathLike) -> None:
    """Write the report as JSON, atomically like every output.

    File names that are not valid UTF-8 (kept by Python as lone surrogates) are written as JSON
    escapes, ``\\udcff``, which read back to the same name: the file stays UTF-8 and nothing is lost.
    """
    text = json.dumps(report.to_json(), ensure_ascii=False, indent=1)
    write_atomic(path, text.encode("utf-8", "backslashreplace"))


def read_report(path: str | os.PathLike) -> Report:
    """A report written by :func:`write_report`."""
    try:
        with open(path, "rb") as handle:
            return Report.from_json(json.loads(handle.read().decode("utf-8")))
    except OSError as exc:
        raise NewsconvError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NewsconvError(f"{path}: not a newsconv report ({exc})") from None
    except NewsconvError as exc:
        raise NewsconvError(f"{path}: {exc}") from None


# ---- finding the inputs ------------------------------------------------------------------------------------


def shard_of(relative: PurePath, count: int) -> int:
    """The shard (1 to ``count``) an input belongs to: a stable hash of its path below its input root.

    The hash, not the input's rank in a listing, decides, so every machine of an indexed job puts a
    file in the same shard even if their listings differ (a file arriving mid-run): the shards are
    disjoint and complete whatever each one saw.  SHA-1 spreads names evenly (1,000 articles over 3
    shards: 317, 340 and 343).
    """
    digest = hashlib.sha1(os.fsencode(relative.as_posix())).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def plan(inputs: Iterable[str], conversion: Conversion, *, outdir: Optional[str] = None,
         skip_existing: bool = False, shard: Optional[tuple[int, int]] = None) -> Plan:
    """Find the inputs named by ``inputs`` (files, folders, globs, ``-``) and decide what to do with each.

    With ``skip_existing``, an input whose every output exists and is no older than it is skipped.
    With ``shard=(k, n)``, only the inputs of shard ``k`` of ``n`` (see :func:`shard_of`) are planned.
    Reads standard input if ``-`` is among the inputs (and in the shard).
    """
    sources, settled = find_sources(inputs, exclude=outdir)
    if shard:
        number, count = shard
        sources = [s for s in sources if shard_of(s.relative, count) == number]
        settled = [r for r in settled if shard_of(PurePath(r.source), count) == number]
    outputs = {s: tuple((fmt, s.output_base(outdir).with_suffix(f".{fmt}")) for fmt in conversion.formats)
               for s in sources}
    sources = _without_earlier_outputs(sources, outputs)
    conflicts = _conflicts(sources, outputs, outdir)
    tasks = []
    for source in sources:
        if source in conflicts:
            settled.append(Result(source.path, FAILED, error=conflicts[source]))
        elif skip_existing and _up_to_date(source.path, outputs[source]):
            settled.append(Result(source.path, SKIPPED, outputs={f: str(p) for f, p in outputs[source]}))
        elif source.path != STDIN_NAME:
            tasks.append(Task(source.path, outputs[source]))
        else:
            try:
                tasks.append(Task(source.path, outputs[source], read_stream(sys.stdin.buffer, STDIN_NAME)))
            except NewsconvError as exc:
                settled.append(Result(source.path, FAILED, error=str(exc)))
    return Plan(conversion, tuple(tasks), tuple(settled))


def find_sources(inputs: Iterable[str], *, exclude: Optional[str] = None) -> tuple[list[Source], list[Result]]:
    """The sources ``inputs`` name, each once, and a failed result for each input that cannot be one.

    A folder is walked for articles (ARTICLE_SUFFIXES), leaving out hidden entries and ``exclude``
    (the output folder, so a re-run never reads its own outputs).  Symbolic links to folders are
    never followed below a named folder or a ``**``, so a link loop cannot make the walk endless.
    Only regular files are inputs: a FIFO or a device found or named would block or never end, so
    it is a failed input.
    """
    sources: dict[str, Source] = {}
    refused: dict[str, Result] = {}
    for given in inputs:
        found = list(_expand(given, exclude))
        if not found and not os.path.isdir(given):
            refused.setdefault(given, Result(given, FAILED, error=f"{given}: no such file"))
        for item in found:
            if isinstance(item, Result):
                refused.setdefault(_key(item.source), item)
            else:
                sources.setdefault(_key(item.path), item)
    return list(sources.values()), list(refused.values())


Found = Union[Source, Result]


def _expand(given: str, exclude: Optional[str]) -> Iterator[Found]:
    if given == STDIO:
        yield Source(STDIN_NAME, PurePath("stdin"))
    elif os.path.isdir(given):
        yield from _walk(given, given, exclude)
    elif os.path.lexists(given):
        yield _file(given, PurePath(PurePath(given).name))
    elif glob.has_magic(given):
        yield from _glob(given, exclude)


def _file(path: str, relative: PurePath, walked: bool = False) -> Found:
    """The source at ``path``, or a failed result if it is no regular file (or a dangling link)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return Result(path, FAILED, error=f"{path}: cannot read ({exc.strerror or exc})")
    if not stat.S_ISREG(mode):
        return Result(path, FAILED, error=f"{path}: not a regular file (a FIFO, device or socket is no article)")
    return Source(path, relative, walked)


def _glob(pattern: str, exclude: Optional[str]) -> Iterator[Found]:
    """Matches of ``pattern``, named relative to its part without wildcards (``in/*/a.txt`` -> ``x/a``).

    Matched as Python's ``glob`` with ``recursive=True`` does (``**`` is any depth, wildcards skip
    hidden names), except that ``**`` never descends into a symbolic link to a folder, since a link
    loop would make it endless.  A match that ``..`` takes above the fixed part is named with a
    leading ``..``; :func:`plan` then refuses it, as its outputs would leave OUTDIR.
    """
    parts = PurePath(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root = str(PurePath(*parts[:fixed])) if fixed else "."
    for match in sorted(set(_matches(root if fixed else "", parts[fixed:]))):
        if os.path.isdir(match):
            yield from _walk(match, root, exclude)
        else:
            yield _file(match, PurePath(os.path.relpath(match, root)))


def _matches(folder: str, parts: tuple[str, ...]) -> Iterator[str]:
    """The paths below ``folder`` ("" for the current one) that match the pattern ``parts``."""
    if not parts:
        yield folder
        return
    head, rest = parts[0], parts[1:]
    if head == "**":
        yield from (_matches(folder, rest) if rest else [folder] if folder else [])
        for entry in _entries(folder, head):
            if entry.is_dir(follow_symlinks=False):
                yield from _matches(os.path.join(folder, entry.name), parts)
            elif not rest and not entry.is_dir():
                yield os.path.join(folder, entry.name)
    elif glob.has_magic(head):
        for entry in _entries(folder, head):
            if fnmatch.fnmatch(entry.name, head) and (not rest or entry.is_dir()):
                yield from _matches(os.path.join(folder, entry.name), rest)
    else:
        path = os.path.join(folder, head)
        if os.path.isdir(path) if rest else os.path.lexists(path):
            yield from _matches(path, rest)


def _entries(folder: str, part: str) -> list[os.DirEntry]:
    """The entries of ``folder`` a wildcard ``part`` may match: hidden ones only if it starts with a dot."""
    try:
        with os.scandir(folder or ".") as entries:
            return [e for e in entries if part.startswith(".") or not e.name.startswith(".")]
    except OSError:
        return []


def _walk(folder: str, root: str, exclude: Optional[str]) -> Iterator[Found]:
    excluded = _key(exclude) if exclude else None
    found = False
    for parent, folders, files in os.walk(folder):
        folders[:] = sorted(d for d in folders if not d.startswith(".") and _key(os.path.join(parent, d)) != excluded)
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES:
                found = True
                path = os.path.join(parent, name)
                yield _file(path, PurePath(os.path.relpath(path, root)), walked=True)
    if not found:
        log.warning("%s: no articles (%s) in this folder", folder, ", ".join(sorted(ARTICLE_SUFFIXES)))


def _writers(sources: list[Source], outputs: dict) -> dict[str, list[Source]]:
    """Each output path (as :func:`_key` spells it) and the sources that would write it."""
    writers: dict[str, list[Source]] = {}
    for source in sources:
        for _, path in outputs[source]:
            writers.setdefault(_key(path), []).append(source)
    return writers


def _without_earlier_outputs(sources: list[Source], outputs: dict) -> list[Source]:
    """Leave out walked files that this batch writes from another input: they are its earlier outputs.

    Without this, a second run over a folder converted in place would take ``a.html`` (written from
    ``a.txt``) for a second article, colliding with ``a.txt`` on ``a.pdf``.
    """
    writers = _writers(sources, outputs)
    return [s for s in sources if not (s.walked and set(writers.get(_key(s.path), ())) - {s})]


def _conflicts(sources: list[Source], outputs: dict, outdir: Optional[str]) -> dict[Source, str]:
    """Why each conflicting source cannot be converted: an output would leave OUTDIR, overwrite an
    input, or overwrite another output."""
    inputs = {_key(s.path): s.path for s in sources}
    writers = _writers(sources, outputs)
    inside = _key(outdir) if outdir else None

    def conflict(source: Source) -> Optional[str]:
        for _, path in outputs[source]:
            if inside and os.path.commonpath([inside, _key(path)]) != inside:
                return f"{source.path}: {path} would be written outside {outdir} (a '..' climbs above the glob)"
            if _key(path) in inputs:
                return f"{source.path}: {path} would overwrite the input {inputs[_key(path)]}"
            others = [s.path for s in writers[_key(path)] if s != source]
            if others:
                return f"{source.path}: {path} would also be written from {', '.join(others)}"
        return None

    return {source: problem for source in sources if (problem := conflict(source))}


def _up_to_date(path: str, outputs: tuple[tuple[str, Path], ...]) -> bool:
    if path == STDIN_NAME:
        return False
    try:
        modified = os.stat(path).st_mtime_ns
        return all(os.stat(output).st_mtime_ns >= modified for _, output in outputs)
    except OSError:
        return False


def _key(path: str | os.PathLike) -> str:
    """One spelling per file, so ``a.txt``, ``./a.txt`` and ``/abs/a.txt`` are recognised as the same."""
    return os.path.normcase(os.path.abspath(path))


# ---- running the tasks -------------------------------------------------------------------------------------


class Executor(Protocol):
    """Where a batch's tasks run: :class:`newsconv.pool.LocalPool` or :class:`newsconv.cluster.DaskExecutor`.

    Both take chunks of tasks and return futures of lists of results (concurrent.futures' interface,
    which dask.distributed shares), so one loop, :func:`_results`, drives either.
    """

    slots: int         # chunks in flight at most: enough to keep every worker busy, few enough to bound memory
    chunk_size: int    # tasks per submission
    ships_bytes: bool  # the workers share no filesystem: inputs go to them as bytes, outputs come back as bytes

    def submit(self, chunk: list[Task]): ...
    def wait(self, futures) -> set: ...
    def lost(self, error: BaseException) -> bool: ...
    def close(self) -> None: ...


def run(batch: Plan, *, jobs: Optional[int] = None, on_result: Optional[Callable[[Result], None]] = None,
        executor: Optional[Executor] = None) -> Report:
    """Convert the batch's tasks on ``executor`` (default: a pool of ``jobs`` processes, one per core),
    calling ``on_result`` with each result (settled ones first) as it arrives.

    Ctrl-C stops the workers (each discards the file it was writing) and returns the report so far.
    """
    report = Report(batch.conversion.formats)
    started = time.perf_counter()

    def receive(result: Result) -> None:
        report.results.append(result)
        if on_result:
            on_result(result)

    try:
        for result in batch.settled:
            receive(result)
        if batch.tasks:
            if executor is None:
                from .pool import LocalPool

                executor = LocalPool(batch.conversion, min(jobs or os.cpu_count() or 1, len(batch.tasks)))
            try:
                for result in _results(batch.tasks, executor):
                    receive(result)
            finally:
                executor.close()
                remove_leftovers(path for task in batch.tasks for _, path in task.outputs)
    except KeyboardInterrupt:
        report.interrupted = True
    report.seconds = time.perf_counter() - started
    return report


def _results(tasks: Iterable[Task], executor: Executor) -> Iterator[Result]:
    """Each task's result as the executor's workers finish it, with at most ``executor.slots`` chunks in flight.

    A chunk whose worker died (killed, out of memory, a crash in a library) is not lost: its tasks are
    tried again one at a time, alone, so that a task which kills its worker a second time fails with
    that message and takes no other article with it.
    """
    waiting = collections.deque(_chunks(tasks, executor.chunk_size))
    suspects: collections.deque[list[Task]] = collections.deque()
    running: dict = {}  # future -> (chunk, run alone)
    while waiting or suspects or running:
        ready: list[Result] = []
        if suspects:
            if not running:
                chunk = suspects.popleft()
                running[executor.submit(chunk)] = (chunk, True)
        else:
            while waiting and len(running) < executor.slots:
                chunk = _with_bytes(waiting.popleft(), ready) if executor.ships_bytes else waiting.popleft()
                if chunk:
                    running[executor.submit(chunk)] = (chunk, False)
        yield from ready
        for future in executor.wait(list(running)) if running else ():
            chunk, alone = running.pop(future)
            try:
                results = future.result()
            except Exception as exc:
                if not executor.lost(exc):
                    raise
                if alone:
                    results = [_failed(chunk[0], f"its worker died converting it, again when it ran alone ({exc})")]
                else:
                    suspects.extend([task] for task in chunk)
                    continue
            for task, result in zip(chunk, results):
                yield _delivered(task, result) if executor.ships_bytes else result


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _with_bytes(chunk: list[Task], failed: list[Result]) -> list[Task]:
    """The chunk's tasks carrying their inputs' bytes, read here for workers that share no filesystem
    with this machine; an input that cannot be read goes to ``failed`` instead."""
    from .reading import load_bytes

    loaded = []
    for task in chunk:
        try:
            loaded.append(task if task.data is not None else dataclasses.replace(task, data=load_bytes(task.source)))
        except NewsconvError as exc:
            failed.append(Result(task.source, FAILED, error=str(exc)))
    return loaded


def _delivered(task: Task, result: Result) -> Result:
    """Write the outputs a worker rendered but could not write, atomically, in the task's order."""
    for fmt, path in task.outputs:
        data = result.rendered.pop(fmt, None)
        if data is None:
            continue
        try:
            make_parent(path)
            write_atomic(path, data)
        except OutputError as exc:
            result.status, result.error = FAILED, str(exc)
            break
        result.outputs[fmt] = str(path)
    result.rendered.clear()
    return result


def _failed(task: Task, reason: str) -> Result:
    return Result(task.source, FAILED, error=f"{task.source}: {reason}")


def named(source: str, message: str) -> str:
    """The message, led by the input's name (readers' messages already start with it)."""
    return message if message.startswith(source) else f"{source}: {message}"
