"""Writing outputs so that a file is either complete or absent."""
from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import signal
import stat
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Iterator, Optional

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
    """Write ``data`` where ``path`` says, so that a regular file is complete or absent.

    A regular file (or a new one) is written to a temporary file in its folder, fsynced, and
    renamed over it: a crash or a kill leaves the old file or the complete new one.  A new file
    gets the permissions the umask gives (0666 less the umask, as ``>`` in a shell would); a
    replaced file keeps its mode.  A symlink is followed, never replaced: its target is written.
    A character device or a FIFO (``/dev/null``, ``/dev/stdout``, a named pipe being read) is
    written through; anything else (a folder, a disk, a socket) is refused with OutputError.
    """
    target = Path(path)
    mode = _existing_mode(target)
    if mode is not None and not stat.S_ISREG(mode):
        _write_through(target, mode, data)
        return
    real = Path(os.path.realpath(target)) if target.is_symlink() else target
    if mode is not None and not os.access(real, os.W_OK):
        raise OutputError(f"{target}: cannot write (the file is read-only)")
    permissions = stat.S_IMODE(mode) if mode is not None else _new_file_permissions()
    with _signals_held():
        fd, tmp = _temporary_beside(real)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fchmod(handle.fileno(), permissions)
                os.fsync(handle.fileno())
            os.replace(tmp, real)
        except OSError as exc:
            _discard(tmp)
            raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
        except BaseException:
            _discard(tmp)
            raise
    _sync_folder(real.parent)


def write_stdout(data: bytes) -> None:
    """Write ``data`` to standard output; OutputError when it cannot take it (``/dev/full``, a
    closed pipe), with the stream pointed at /dev/null so Python's exit does not fail again."""
    if sys.stdout is None:  # started with standard output closed (``>&-``)
        raise OutputError("standard output: cannot write (it is closed)")
    stream = sys.stdout.buffer
    try:
        stream.write(data)
        stream.flush()
    except OSError as exc:
        with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
        raise OutputError(f"standard output: cannot write ({exc.strerror or exc})") from None


def overwrites(target: str | os.PathLike, source: str | os.PathLike | None) -> bool:
    """Whether writing ``target`` would overwrite the input ``source`` (None: standard input):
    the same file by device and inode, so a hard link, a symlink or ``-o x < x`` counts too."""
    try:
        written = os.stat(target)
        read = os.fstat(sys.stdin.fileno()) if source is None else os.stat(source)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):  # no such file yet, or no real stdin
        return False
    return stat.S_ISREG(written.st_mode) and (written.st_dev, written.st_ino) == (read.st_dev, read.st_ino)


def _existing_mode(target: Path) -> Optional[int]:
    """The mode of what ``target`` names after following links; None when nothing is there yet."""
    try:
        return os.stat(target).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:  # a symlink loop, a path through a file
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None


def _write_through(target: Path, mode: int, data: bytes) -> None:
    """Write into a character device or a FIFO as ``>`` would; refuse what is not meant for a document.
    A FIFO is opened without waiting: when nothing reads it, that is an error, not a hang."""
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        kind = "a folder" if stat.S_ISDIR(mode) else "a block device" if stat.S_ISBLK(mode) else "not a file"
        raise OutputError(f"{target}: is {kind}; refusing to write a document onto it")
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        reason = "nothing is reading the FIFO" if exc.errno == errno.ENXIO else exc.strerror or str(exc)
        raise OutputError(f"{target}: cannot write ({reason})") from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None


def _new_file_permissions() -> int:
    """0666 less the process's umask, as ``open()`` would give a new file."""
    return 0o666 & ~_umask()


def _umask() -> int:
    """The umask, read from /proc where Linux shows it (setting it to read it back would race with
    any thread creating a file meanwhile, as a Dask worker's threads may), else set and restored."""
    with contextlib.suppress(OSError, ValueError, IndexError):
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def _sync_folder(folder: Path) -> None:
    """fsync the folder, so the rename itself survives a power cut (where the system allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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


TEMPORARY = re.compile(r"\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.part")  # mkstemp's name for a file being written


def remove_leftovers(targets: Iterable[str | os.PathLike]) -> int:
    """Remove the temporary files a killed process left beside ``targets`` (kill -9 runs no cleanup);
    each folder is listed once.  Returns how many were removed."""
    by_folder: dict[Path, set[str]] = {}
    for target in map(Path, targets):
        by_folder.setdefault(target.parent, set()).add(target.name)
    removed = 0
    for folder, names in by_folder.items():
        with contextlib.suppress(OSError):
            for entry in os.scandir(folder):
                match = TEMPORARY.fullmatch(entry.name)
                if match and match["name"] in names:
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
                        removed += 1
    return removed


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
