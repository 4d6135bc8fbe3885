"""Readers: bytes of one format to a :class:`~newsconv.model.Document`.

Each reader module exposes ``read(data, *, encoding=None, name=...) -> Document``.  The
registry names modules, so only the reader in use is imported (bs4 only for HTML).
"""
from __future__ import annotations

import importlib
import os
import stat
from pathlib import Path
from typing import BinaryIO, Sequence

from ..errors import FormatError, InputError
from ..model import Document
from . import images

READERS = {"txt": "newsconv.reading.article", "json": "newsconv.reading.model_json",
           "html": "newsconv.reading.html"}
# The largest input read, in bytes: fifty times the longest article in our archives, yet it bounds
# the parse (about 0.4 s per MB) and keeps /dev/zero or a runaway pipe from filling the memory.
MAX_INPUT_BYTES = 32 * 1024 * 1024
_EXTENSIONS = {".txt": "txt", ".text": "txt", ".md": "txt", ".json": "json", ".html": "html", ".htm": "html",
               ".xhtml": "html"}


def format_for(path: str | os.PathLike, explicit: str | None = None) -> str:
    """The reader name for ``path``: ``explicit`` if given, else by extension (plain text by default)."""
    if explicit:
        if explicit not in READERS:
            raise FormatError(f"unknown input format {explicit!r} (choose from {', '.join(READERS)})")
        return explicit
    return _EXTENSIONS.get(Path(path).suffix.lower(), "txt")


def read_bytes(data: bytes, fmt: str = "txt", *, encoding: str | None = None, name: str = "<input>",
               resource_path: Sequence[str | os.PathLike] = ()) -> Document:
    """Parse ``data`` with the reader called ``fmt``, then embed its figures' images: from the
    folder of the file ``name`` (the working folder for stdin or text) or ``resource_path``."""
    module = importlib.import_module(READERS[format_for(name, fmt)])
    document = module.read(data, encoding=encoding, name=name)
    base = Path.cwd() if name.startswith("<") else Path(name).parent
    return images.embed(document, base, resource_path)


def load_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of an input file, with every way a path can fail as one InputError.

    Only a regular file is read: a FIFO, a device or a socket could block or never end (a
    FIFO is opened without waiting for a writer, so that check cannot hang either).
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise InputError(f"{path}: is a directory, not a file")
        raise InputError(f"{path}: is {_file_kind(mode)}, not a regular file (use - to read standard input)")
    with os.fdopen(fd, "rb") as handle:
        return read_stream(handle, path)


def read_stream(stream: BinaryIO, name: str | os.PathLike) -> bytes:
    """At most MAX_INPUT_BYTES from ``stream`` (a file or standard input); InputError beyond that."""
    try:
        data = stream.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: larger than {MAX_INPUT_BYTES // 2**20} MiB, the most newsconv reads as one article")
    return data


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"))
    return next((kind for test, kind in kinds if test(mode)), "a special file")
