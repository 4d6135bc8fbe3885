"""A batch on a Dask cluster: ``newsconv convert ... --scheduler tcp://HOST:PORT`` or ``--scheduler local:N``.

Needs the ``dask`` extra (``pip install 'newsconv[dask]'``: dask and distributed).  Nothing else
imports this module, so a run without ``--scheduler`` never loads Dask.

The workers run :func:`newsconv.pool.convert_chunk`, the task of the local pool, so they write
the same bytes.  Dask does the rest: it places chunks on workers, and reschedules the chunks of a
worker that dies (up to ``distributed.scheduler.allowed-failures`` times, then the batch's driver
retries each article alone).  With ``ships_bytes``, for workers that share no filesystem with this
machine, inputs travel to them as bytes and outputs come back as bytes, written here atomically.
"""
from __future__ import annotations

import logging
import os
from .batch import Conversion, Task
from .errors import EXIT, NewsconvError
from .pool import convert_chunk

# Articles per Dask task.  A task costs the scheduler about a millisecond, an article 20-100 ms:
# a few articles a task keep that cost small while a lost worker costs little to redo.
CHUNK_SIZE = 4
CONNECT_TIMEOUT = "20s"  # to reach the scheduler, and then for a first worker to join it


class ClusterError(NewsconvError):
    """The cluster cannot be used: Dask is not installed, or the scheduler cannot be reached."""

    exit_code = EXIT.USAGE


def connect(scheduler: str, conversion: Conversion, *, ships_bytes: bool = False,
            timeout: str = CONNECT_TIMEOUT) -> "DaskExecutor":
    """An executor on the Dask scheduler at ``scheduler`` (``tcp://HOST:PORT``), or on a cluster of
    worker processes started on this machine (``local`` for one per core, ``local:N`` for N).
    ``timeout`` bounds the wait for the scheduler, then for a first worker."""
    try:
        import dask
        import distributed
    except ImportError:
        raise ClusterError("--scheduler needs Dask: pip install 'newsconv[dask]'") from None
    logging.getLogger("distributed").setLevel(logging.CRITICAL)  # its notices (a worker lost, retried) are no batch's
    cluster = None
    try:
        if scheduler == "local" or scheduler.startswith("local:"):
            workers = int(scheduler.partition(":")[2] or os.cpu_count() or 1)
            # No profiler (its sampling thread costs ~7 % of the CPU); the scheduler's HTTP server on a free
            # port, not 8787, which another cluster on the machine may hold.
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                   dashboard_address=":0", silence_logs=logging.CRITICAL)
            client = distributed.Client(cluster, set_as_default=False)
        else:
            client = distributed.Client(scheduler, timeout=timeout, set_as_default=False)
        client.wait_for_workers(1, timeout=timeout)
    except ValueError:
        raise ClusterError(f"--scheduler {scheduler}: expected tcp://HOST:PORT, local or local:N") from None
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot use the Dask scheduler at {scheduler}: {exc}") from None
    return DaskExecutor(client, conversion, ships_bytes=ships_bytes, cluster=cluster)


class DaskExecutor:
    """Chunks of tasks as Dask futures, for :func:`newsconv.batch.run`."""

    chunk_size = CHUNK_SIZE

    def __init__(self, client, conversion: Conversion, *, ships_bytes: bool = False, cluster=None) -> None:
        self.client, self.conversion, self.ships_bytes, self.cluster = client, conversion, ships_bytes, cluster
        self._check_versions()
        # Two chunks in flight per worker thread: each has its next chunk waiting while it works,
        # and no more, so the client holds little (the input bytes, in ships_bytes mode).
        self.slots = 2 * max(1, sum(client.nthreads().values()))
        self.pending: set = set()
        # Workers on a shared filesystem resolve relative paths from this folder, as this process does.
        self.root = None if ships_bytes else os.getcwd()

    def _check_versions(self) -> None:
        from .version import __version__

        found = set(self.client.run(_newsconv_version).values())
        if found - {__version__}:
            self.close()
            raise ClusterError(f"the Dask workers run newsconv {', '.join(sorted(found))}, this is {__version__}")

    def submit(self, chunk: list[Task]):
        future = self.client.submit(convert_chunk, chunk, self.conversion, not self.ships_bytes, self.root,
                                    pure=False)
        self.pending.add(future)
        return future

    def wait(self, futures) -> set:
        import distributed

        with self.client.as_current():
            done = distributed.wait(futures, return_when="FIRST_COMPLETED").done
        self.pending -= done
        return done

    def lost(self, error: BaseException) -> bool:
        from distributed import KilledWorker

        return isinstance(error, KilledWorker)

    def close(self) -> None:
        """Cancel what is still queued (a running task finishes its article, written whole), then disconnect."""
        if self.pending:
            self.client.cancel(list(self.pending))
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _newsconv_version() -> str:
    try:
        from newsconv import __version__
    except ImportError:
        return "none"
    return __version__
