"""Writers: one module per output format, each exposing ``write(document, options) -> bytes``.

The registry names modules rather than importing them, so a command loads only the
writer it uses (``to-html`` never imports python-docx or the PDF machinery).
"""
from __future__ import annotations

import importlib
from typing import Callable

from ..errors import FormatError
from ..model import Document
from ..options import RenderOptions

WRITERS = {"pdf": "newsconv.writers.pdf", "docx": "newsconv.writers.docx", "html": "newsconv.writers.html"}

Writer = Callable[[Document, RenderOptions], bytes]


def get_writer(name: str) -> Writer:
    """The ``write`` function of the writer called ``name``; FormatError for an unknown name."""
    try:
        module = WRITERS[name]
    except KeyError:
        raise FormatError(f"unknown output format {name!r} (choose from {', '.join(WRITERS)})") from None
    return importlib.import_module(module).write
