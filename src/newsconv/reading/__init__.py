"""Readers: bytes of one format to a :class:`~newsconv.model.Document`.

Each reader module exposes ``read(data, *, encoding=None, name=...) -> Document``.  The
registry names modules, so only the reader in use is imported (bs4 only for HTML).
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import BinaryIO, Sequence

from ..errors import FormatError, InputError
from ..files import read_capped, read_regular_file
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
    """The bytes of an input file (a regular file, at most MAX_INPUT_BYTES), every way it can fail
    one InputError; standard input is read with ``read_stream``."""
    return read_regular_file(path, MAX_INPUT_BYTES, InputError, _TOO_LARGE, " (use - to read standard input)")


def read_stream(stream: BinaryIO, name: str | os.PathLike) -> bytes:
    """At most MAX_INPUT_BYTES from ``stream`` (a file or standard input); InputError beyond that."""
    return read_capped(stream, name, MAX_INPUT_BYTES, InputError, _TOO_LARGE)


_TOO_LARGE = "the most newsconv reads as one article"
