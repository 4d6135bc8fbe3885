"""Reading a file newsconv is given (an article, a font) without ever blocking on it.

Only a regular file is read: a FIFO, a device or a socket could block or never end, so the
file is opened without waiting for a writer and checked before a byte is read; and no more
than a cap is read, so /dev/zero-sized inputs cannot exhaust memory.  Every way this can
fail is one error of the caller's class, naming the path.
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

from .errors import NewsconvError


def read_regular_file(path: str | os.PathLike, limit: int, error: type[NewsconvError], too_large: str,
                      not_regular: str = "") -> bytes:
    """At most ``limit`` bytes of the regular file ``path``; ``error`` for anything else (``too_large``
    says why the cap exists, ``not_regular`` what to do instead of giving a FIFO or a device)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except PermissionError:
        raise error(f"{path}: permission denied") from None
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror or exc})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise error(f"{path}: is a directory, not a file")
        raise error(f"{path}: is {_file_kind(mode)}, not a regular file{not_regular}")
    with os.fdopen(fd, "rb") as handle:
        return read_capped(handle, path, limit, error, too_large)


def read_capped(stream: BinaryIO, name: str | os.PathLike, limit: int, error: type[NewsconvError],
                too_large: str) -> bytes:
    """At most ``limit`` bytes of ``stream``; ``error`` beyond that or when reading fails."""
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise error(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise error(f"{name}: larger than {limit // 2**20} MiB, {too_large}")
    return data


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"))
    return next((kind for test, kind in kinds if test(mode)), "a special file")
