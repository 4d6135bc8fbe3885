"""The per-article task every worker runs, and the pool of worker processes on this machine.

:func:`convert_chunk` is the unit of work wherever a batch runs: in a :class:`LocalPool` process
or on a Dask worker (:mod:`newsconv.cluster`), so a cluster writes exactly the bytes a local run
writes.  It parses each article once, renders it to every format, and either writes the outputs
(the worker shares the filesystem) or returns their bytes (it does not).
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Optional

from .core import render
from .batch import CONVERTED, FAILED, Conversion, Result, Task, named
from .convert import read_source
from .errors import EXIT, NewsconvError
from .output import make_parent, write_atomic
from .reading import format_for, load_bytes

# A worker is replaced after this many articles, so memory stays flat over a long batch whatever the
# libraries underneath keep per process; rare enough that the writers' shaping caches pay off first.
TASKS_PER_WORKER = 500
log = logging.getLogger("newsconv")
_writing = threading.Lock()  # held while an output is written, so that a worker never ends mid-write


def convert_chunk(tasks: list[Task], conversion: Conversion, write: bool = True,
                  root: Optional[str] = None) -> list[Result]:
    """Convert each task; with ``write`` false, return the outputs' bytes in ``Result.rendered`` instead.

    ``root`` is the folder relative paths start from, when it is not this process's working folder
    (a Dask worker started elsewhere); results still name the paths as the tasks do.
    """
    _collect_warnings()
    return [_convert(task, conversion, write, root) for task in tasks]


def _convert(task: Task, conversion: Conversion, write: bool, root: Optional[str]) -> Result:
    """Parse one input once and render it in every format; a failure costs this input only."""
    messages = _collector.start()
    result = Result(task.source, CONVERTED)
    try:
        with _timed(result.seconds, "read"):
            data = task.data if task.data is not None or not root else load_bytes(os.path.join(root, task.source))
            document = read_source(task.source, data=data, encoding=conversion.encoding, lang=conversion.lang,
                                   dir=conversion.dir, source_format=conversion.source_format or format_for(task.source),
                                   resource_path=conversion.resource_path)
        for fmt, path in task.outputs:
            with _timed(result.seconds, fmt):
                data = render(document, fmt, conversion.options)
                if write:
                    with _writing:
                        make_parent(os.path.join(root or "", path))
                        write_atomic(os.path.join(root or "", path), data)
                    result.outputs[fmt] = str(path)
                else:
                    result.rendered[fmt] = data
    except NewsconvError as exc:
        result.status, result.error = FAILED, named(task.source, str(exc))
    except Exception as exc:  # a bug met on one article must cost that article, not the batch
        result.status, result.error = FAILED, f"{task.source}: internal error: {type(exc).__name__}: {exc}"
    result.warnings = list(messages)
    result.seconds["total"] = round(sum(result.seconds.values()), 4)
    return result


@contextlib.contextmanager
def _timed(seconds: dict[str, float], key: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    seconds[key] = round(time.perf_counter() - started, 4)


class _Collector(logging.Handler):
    """Keeps the messages the "newsconv" logger emits while each thread converts its input
    (a Dask worker may run several tasks at once, one per thread)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.local = threading.local()

    def start(self) -> list[str]:
        self.local.messages = []
        return self.local.messages

    def emit(self, record: logging.LogRecord) -> None:
        messages = getattr(self.local, "messages", None)
        if messages is not None:
            messages.append(record.getMessage())


_collector = _Collector()


def _collect_warnings() -> None:
    """Send this process's newsconv warnings to the collector, which files them under their input."""
    if log.handlers != [_collector]:
        log.handlers[:] = [_collector]
        log.setLevel(logging.WARNING)
        log.propagate = False


# ---- the pool of processes on this machine -------------------------------------------------------------------


class LocalPool:
    """``jobs`` worker processes on this machine, for :func:`newsconv.batch.run`.

    A worker that dies (kill -9, the kernel's OOM killer) breaks a concurrent.futures pool: the
    batch's driver then retries the tasks that were in flight, and this pool starts afresh.
    (multiprocessing.Pool, used before, silently lost the task of a killed worker and waited for
    it forever.)
    """

    chunk_size = 1  # an article takes tens of milliseconds, far above the cost of sending it
    ships_bytes = False

    def __init__(self, conversion: Conversion, jobs: int) -> None:
        self.conversion, self.jobs = conversion, jobs
        self.slots = 2 * jobs
        self.pending: set = set()
        self.executor = self._start()

    def _start(self) -> concurrent.futures.ProcessPoolExecutor:
        recycle = {"max_tasks_per_child": TASKS_PER_WORKER} if sys.version_info >= (3, 11) else {}
        return concurrent.futures.ProcessPoolExecutor(
            self.jobs, mp_context=process_context(self.conversion.formats), initializer=_start_worker,
            initargs=(self.conversion.formats,), **recycle)

    def submit(self, chunk: list[Task]):
        try:
            future = self.executor.submit(_run_in_pool, chunk, self.conversion)
        except BrokenProcessPool:  # a worker died: a fresh pool for the retries and what follows
            self.executor.shutdown(wait=False)
            self.executor = self._start()
            future = self.executor.submit(_run_in_pool, chunk, self.conversion)
        self.pending.add(future)
        return future

    def wait(self, futures) -> set:
        done, _ = concurrent.futures.wait(futures, return_when=concurrent.futures.FIRST_COMPLETED)
        self.pending -= done
        return done

    def lost(self, error: BaseException) -> bool:
        return isinstance(error, BrokenProcessPool)

    def close(self) -> None:
        """Stop the workers: at once if tasks are still in flight (Ctrl-C), each discarding the file it was
        writing, else when they have finished."""
        if any(not future.done() for future in self.pending):
            for process in list(self.executor._processes.values()):  # no public way to stop running tasks
                with contextlib.suppress(OSError):
                    process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)


def process_context(formats: Iterable[str]):
    """Workers start from a fork server that has loaded the writers, so each starts warm.

    A plain fork is unsafe here: the pool starts replacement workers from its own thread while
    other threads may hold a lock (logging's, the import lock), and such a child can hang
    forever, which a nightly batch must never do.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    from .writers import WRITERS

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newsconv.pool", *(WRITERS[fmt] for fmt in formats)])
    return context


def _start_worker(formats: tuple[str, ...]) -> None:
    """Per-process setup, once per worker: signals, warning capture, writers loaded, an eye on the batch.

    Ctrl-C reaches the whole process group; the batch alone handles it and stops the pool with
    SIGTERM (see :func:`_exit`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit)
    _collect_warnings()
    threading.Thread(target=_end_with_the_batch, daemon=True, name="newsconv-watch").start()
    with contextlib.suppress(Exception):  # a writer that fails to load fails each task, with its message
        from .writers import get_writer

        for fmt in formats:
            get_writer(fmt)


def _exit(signum, frame) -> None:
    """SIGTERM (the batch stopping its pool): end now, unless an output is being written, in which case
    SystemExit lets write_atomic remove its temporary file.  Not SystemExit everywhere: concurrent.futures
    catches it between tasks and tries to report it, and can wait there for ever."""
    if _writing.locked():
        raise SystemExit(128 + signum)
    os._exit(128 + signum)


def _end_with_the_batch() -> None:
    """End this worker once the batch process is gone (kill -9 of the batch), which would otherwise
    leave it and the fork server waiting for ever.  multiprocessing's handle on the parent (the
    batch, even when the fork server forked this worker) ends when the batch ends.

    The worker ends at once, between two writes (an article being rendered is simply dropped), and
    without Python's exit: concurrent.futures would catch a SystemExit and try to send it to the
    batch, whose pipe nobody reads any more, and wait there for ever."""
    if hasattr(signal, "pthread_sigmask"):  # signals stay with the main thread (POSIX)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    batch = multiprocessing.parent_process()
    if batch is not None:
        batch.join()
        _writing.acquire()
        os._exit(EXIT.INTERRUPTED)


def _run_in_pool(chunk: list[Task], conversion: Conversion) -> list[Result]:
    """:func:`convert_chunk` in a pool process, which a SIGTERM ends at once (its file discarded):
    concurrent.futures would otherwise send the SystemExit back as the task's result and go on."""
    try:
        return convert_chunk(chunk, conversion)
    except SystemExit as stop:
        os._exit(stop.code if isinstance(stop.code, int) else EXIT.INTERRUPTED)
