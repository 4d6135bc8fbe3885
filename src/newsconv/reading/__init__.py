"""Readers: bytes of one format to a :class:`~newsconv.model.Document`.

Each reader module exposes ``read(data, *, encoding=None, name=...) -> Document``.  The
registry names modules, so only the reader in use is imported (bs4 only for HTML).
"""
from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Sequence

from ..errors import FormatError, InputError
from ..model import Document
from . import images

READERS = {"txt": "newsconv.reading.article", "json": "newsconv.reading.model_json",
           "html": "newsconv.reading.html"}
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
    """The bytes of an input file, with every way a path can fail as one InputError."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
