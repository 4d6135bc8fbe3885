"""Many articles to several formats in a pool of worker processes: the library behind ``newsconv convert``.

A batch runs in two stages.  :func:`plan` (in the calling process) finds the inputs, names every
output and settles what needs no work (inputs that cannot be found, outputs that would collide or
overwrite an input, outputs already up to date), so every conflict is known before a file is
written.  :func:`run` hands the remaining tasks to worker processes, each of which parses its
article once and renders it to every format, and collects one :class:`Result` per input into a
:class:`Report`, whose ``return_code`` is the batch's exit policy (as black's ``Report``)::

    from newsconv.batch import Conversion, plan, run
    report = run(plan(["articles/"], Conversion(formats=("pdf", "html")), outdir="out"), jobs=4)
    print(report.summary())
"""
from __future__ import annotations

import contextlib
import dataclasses
import glob
import json
import logging
import multiprocessing
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Callable, Iterable, Iterator, Optional

from . import __version__, render
from .convert import STDIN_NAME, STDIO, read_source
from .errors import EXIT, NewsconvError
from .options import RenderOptions
from .output import make_parent, write_atomic

# What walking a folder picks up.  Model .json files are converted only when named (or globbed):
# a folder of articles often holds other JSON, such as expected models or an earlier --report.
ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm"})
# A worker is replaced after this many articles, so memory stays flat over a long batch whatever the
# libraries underneath keep per process; rare enough that the writers' shaping caches pay off first.
TASKS_PER_WORKER = 500

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
    """One input to convert to every format; stdin's bytes travel with it, as workers cannot read it."""

    source: str
    outputs: tuple[tuple[str, Path], ...]
    data: Optional[bytes] = None


@dataclass
class Result:
    """What became of one input.  ``outputs`` holds the files written, even when a later format failed."""

    source: str
    status: str
    outputs: dict[str, str] = field(default_factory=dict)
    error: Optional[str] = None
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Plan:
    """The work of a batch: ``tasks`` for the workers, and ``settled`` results that needed none."""

    conversion: Conversion
    tasks: tuple[Task, ...]
    settled: tuple[Result, ...]


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
        """130 when stopped by Ctrl-C (the shell's convention), 1 when any input failed, else 0."""
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
                "inputs": [dataclasses.asdict(r) for r in sorted(self.results, key=lambda r: r.source)]}


def plan(inputs: Iterable[str], conversion: Conversion, *, outdir: Optional[str] = None,
         skip_existing: bool = False) -> Plan:
    """Find the inputs named by ``inputs`` (files, folders, globs, ``-``) and decide what to do with each.

    With ``skip_existing``, an input whose every output exists and is no older than it is skipped.
    Reads standard input if ``-`` is among the inputs.
    """
    sources, settled = find_sources(inputs, exclude=outdir)
    outputs = {s: tuple((fmt, s.output_base(outdir).with_suffix(f".{fmt}")) for fmt in conversion.formats)
               for s in sources}
    sources = _without_earlier_outputs(sources, outputs)
    conflicts = _conflicts(sources, outputs)
    tasks = []
    for source in sources:
        if source in conflicts:
            settled.append(Result(source.path, FAILED, error=conflicts[source]))
        elif skip_existing and _up_to_date(source.path, outputs[source]):
            settled.append(Result(source.path, SKIPPED, outputs={f: str(p) for f, p in outputs[source]}))
        else:
            data = sys.stdin.buffer.read() if source.path == STDIN_NAME else None
            tasks.append(Task(source.path, outputs[source], data))
    return Plan(conversion, tuple(tasks), tuple(settled))


def find_sources(inputs: Iterable[str], *, exclude: Optional[str] = None) -> tuple[list[Source], list[Result]]:
    """The sources ``inputs`` name, each once, and a failed result for each input that names nothing.

    A folder is walked for articles (ARTICLE_SUFFIXES), leaving out hidden entries and ``exclude``
    (the output folder, so a re-run never reads its own outputs).
    """
    sources: dict[str, Source] = {}
    missing = []
    for given in inputs:
        found = list(_expand(given, exclude))
        if not found and not os.path.isdir(given):
            missing.append(Result(given, FAILED, error=f"{given}: no such file"))
        for source in found:
            sources.setdefault(_key(source.path), source)
    return list(sources.values()), missing


def _expand(given: str, exclude: Optional[str]) -> Iterator[Source]:
    if given == STDIO:
        yield Source(STDIN_NAME, PurePath("stdin"))
    elif os.path.isdir(given):
        yield from _walk(given, given, exclude)
    elif os.path.isfile(given):
        yield Source(given, PurePath(PurePath(given).name))
    elif glob.has_magic(given):
        yield from _glob(given, exclude)


def _glob(pattern: str, exclude: Optional[str]) -> Iterator[Source]:
    """Matches of ``pattern``, named relative to its part without wildcards (``in/*/a.txt`` -> ``x/a``)."""
    parts = PurePath(pattern).parts
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    root = str(PurePath(*parts[:fixed])) if fixed else "."
    for match in sorted(glob.glob(pattern, recursive=True)):
        if os.path.isdir(match):
            yield from _walk(match, root, exclude)
        else:
            yield Source(match, PurePath(os.path.relpath(match, root)))


def _walk(folder: str, root: str, exclude: Optional[str]) -> Iterator[Source]:
    excluded = _key(exclude) if exclude else None
    found = False
    for parent, folders, files in os.walk(folder):
        folders[:] = sorted(d for d in folders if not d.startswith(".") and _key(os.path.join(parent, d)) != excluded)
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES:
                found = True
                path = os.path.join(parent, name)
                yield Source(path, PurePath(os.path.relpath(path, root)), walked=True)
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


def _conflicts(sources: list[Source], outputs: dict) -> dict[Source, str]:
    """Why each conflicting source cannot be converted: an output would overwrite an input, or another output."""
    inputs = {_key(s.path): s.path for s in sources}
    writers = _writers(sources, outputs)

    def conflict(source: Source) -> Optional[str]:
        for _, path in outputs[source]:
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


def run(batch: Plan, *, jobs: Optional[int] = None, on_result: Optional[Callable[[Result], None]] = None) -> Report:
    """Convert the batch's tasks in ``jobs`` processes (default: one per core), calling ``on_result``
    with each result (settled ones first) as it arrives.

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
        with _converting(batch.tasks, batch.conversion, jobs or os.cpu_count() or 1) as results:
            for result in results:
                receive(result)
    except KeyboardInterrupt:
        report.interrupted = True
    report.seconds = time.perf_counter() - started
    return report


def write_report(report: Report, path: str | os.PathLike) -> None:
    """Write the report as JSON, atomically like every output."""
    write_atomic(path, json.dumps(report.to_json(), ensure_ascii=False, indent=1).encode("utf-8"))


@contextlib.contextmanager
def _converting(tasks: tuple[Task, ...], conversion: Conversion, jobs: int) -> Iterator[Iterator[Result]]:
    """The tasks' results as workers finish them; leaving the block (even by Ctrl-C) stops the workers."""
    if not tasks:
        yield iter(())
        return
    with _process_context(conversion.formats).Pool(min(jobs, len(tasks)), initializer=_start_worker,
                                                   initargs=(conversion,), maxtasksperchild=TASKS_PER_WORKER) as pool:
        yield pool.imap_unordered(_convert, tasks)


def _process_context(formats: Iterable[str]):
    """Workers start from a fork server that has loaded the writers, so each starts warm.

    A plain fork is unsafe here: the pool forks replacement workers from its own thread while
    other threads may hold a lock (logging's, the import lock), and such a child can hang
    forever, which a nightly batch must never do.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from .writers import WRITERS

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newsconv.batch", *(WRITERS[fmt] for fmt in formats)])
    return context


def _load_writers(formats: Iterable[str]) -> None:
    from .writers import get_writer

    for fmt in formats:
        get_writer(fmt)


class _Collector(logging.Handler):
    """Keeps the messages the "newsconv" logger emits while one input is converted."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_worker: dict = {}  # this worker process's Conversion and warnings collector, set once by _start_worker


def _start_worker(conversion: Conversion) -> None:
    """Per-process setup, once per worker: signals, warning capture, writers loaded.

    Ctrl-C reaches the whole process group; the parent alone handles it and terminates the pool,
    whose SIGTERM becomes SystemExit here, so write_atomic removes its temporary file.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit)
    collector = _Collector()
    log.handlers[:] = [collector]
    log.setLevel(logging.WARNING)
    log.propagate = False
    _worker.update(conversion=conversion, collector=collector)
    with contextlib.suppress(Exception):  # a writer that fails to load fails each task, with its message
        _load_writers(conversion.formats)


def _exit(signum, frame) -> None:
    raise SystemExit(128 + signum)


def _convert(task: Task) -> Result:
    """Parse one input once and write it in every format; the worker's unit of work."""
    conversion: Conversion = _worker["conversion"]
    messages = _worker["collector"].messages
    messages.clear()
    result = Result(task.source, CONVERTED)
    try:
        with _timed(result.seconds, "read"):
            document = _read(task, conversion)
        for fmt, path in task.outputs:
            with _timed(result.seconds, fmt):
                data = render(document, fmt, conversion.options)
                make_parent(path)
                write_atomic(path, data)
            result.outputs[fmt] = str(path)
    except NewsconvError as exc:
        result.status, result.error = FAILED, _naming(task.source, str(exc))
    except Exception as exc:  # a bug met on one article must cost that article, not the batch
        result.status, result.error = FAILED, f"{task.source}: internal error: {type(exc).__name__}: {exc}"
    result.warnings = list(messages)
    result.seconds["total"] = sum(result.seconds.values())
    return result


def _read(task: Task, conversion: Conversion):
    return read_source(task.source, data=task.data, source_format=conversion.source_format,
                       encoding=conversion.encoding, lang=conversion.lang, dir=conversion.dir,
                       resource_path=conversion.resource_path)


@contextlib.contextmanager
def _timed(seconds: dict[str, float], key: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    seconds[key] = round(time.perf_counter() - started, 4)


def _naming(source: str, message: str) -> str:
    """The message, led by the input's name (readers' messages already start with it)."""
    return message if message.startswith(source) else f"{source}: {message}"
