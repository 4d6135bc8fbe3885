"""Writing outputs so that a file is either complete or absent."""
from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from pathlib import Path
from typing import Iterator

from .errors import OutputError


def default_output_path(input_path: str | os.PathLike, fmt: str) -> Path:
    """Where ``to-FMT`` writes when no ``-o`` is given: beside the input, with the format's extension."""
    return Path(input_path).with_suffix(f".{fmt}")


def make_parent(path: str | os.PathLike) -> None:
    """Create the folder ``path`` goes in (and its parents), as a batch mirroring a tree under OUTDIR needs."""
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{Path(path).parent}: cannot create the folder ({exc.strerror or exc})") from None


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to a temporary file in the target's folder, then rename it into place.

    A crash or a kill leaves either the old file or the complete new one, never a partial one.
    """
    target = Path(path)
    with _signals_held():
        fd, tmp = _temporary_beside(target)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except OSError as exc:
            _discard(tmp)
            raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
        except BaseException:
            _discard(tmp)
            raise


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and kill signals until the block ends, so they cannot strike between creating
    the temporary file and the ``try`` that removes it; they take effect as soon as it is done."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no POSIX signal masks
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _temporary_beside(target: Path) -> tuple[int, str]:
    try:
        return tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass
