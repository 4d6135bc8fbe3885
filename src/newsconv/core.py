"""The core of the library: ``parse`` (bytes or text to the model) and ``render`` (the model to a
format), which the package root re-exports as the public API.  Modules inside newsconv (the
batch, the CLI's helpers) import them from here, not from the public face."""
from __future__ import annotations

import dataclasses
import os
from typing import Optional, Sequence, Union

from .errors import UsageError
from .model import Document, is_language_tag
from .options import RenderOptions

Source = Union[str, bytes, os.PathLike]


def parse(source: Source, *, format: Optional[str] = None, encoding: Optional[str] = None,
          lang: Optional[str] = None, dir: Optional[str] = None, name: str = "<input>",
          resource_path: Sequence[Union[str, os.PathLike]] = ()) -> Document:
    """Read an article into the document model.

    ``source`` is a path (``pathlib.Path`` or any ``os.PathLike``: the format comes from its
    extension unless ``format`` is given), raw ``bytes``, or article text as ``str``.
    ``lang``/``dir`` override what the letters say; ``name`` is what error messages call a bytes
    or text source (a path names itself).  Images are read from the input's folder and the folders in
    ``resource_path``, never from the network.  Raises a NewsconvError subclass on bad input.
    """
    from . import reading

    if isinstance(source, os.PathLike):
        name = os.fspath(source)
        document = reading.read_bytes(reading.load_bytes(source), reading.format_for(name, format),
                                      encoding=encoding, name=name, resource_path=resource_path)
    else:
        data = source.encode("utf-8") if isinstance(source, str) else source
        document = reading.read_bytes(data, format or "txt", encoding=None if isinstance(source, str) else encoding,
                                      name=name, resource_path=resource_path)
    return override(document, lang=lang, dir=dir)


def override(document: Document, *, lang: Optional[str] = None, dir: Optional[str] = None) -> Document:
    """The document with its language and/or direction replaced (as ``--lang``/``--dir`` do)."""
    if dir not in (None, "rtl", "ltr"):
        raise UsageError(f"dir must be 'rtl' or 'ltr', not {dir!r}")
    if lang is not None and not is_language_tag(lang):
        raise UsageError(f"lang must be a BCP-47 language tag such as ar or fa-IR, not {lang!r}")
    changes = {key: value for key, value in (("lang", lang), ("dir", dir)) if value}
    return dataclasses.replace(document, **changes) if changes else document


def render(document: Document, to: str, options: Optional[RenderOptions] = None, **overrides) -> bytes:
    """The document written in format ``to`` ("pdf", "docx" or "html") as bytes.

    Options come as a RenderOptions, or as its field names (``render(doc, "pdf", paper="letter")``).
    """
    from .writers import get_writer

    try:
        opts = dataclasses.replace(options or RenderOptions(), **overrides)
    except TypeError as exc:  # an option name RenderOptions does not have
        raise UsageError(f"render(): {exc}") from None
    return get_writer(to)(with_metadata(document, opts), opts)


def with_metadata(document: Document, options: RenderOptions) -> Document:
    """The document with ``--title``, ``--author`` and ``--date`` overriding its ``meta``, so that
    every writer reads one answer from the model."""
    changes = {key: value for key, value in (("title", options.title), ("date", options.date),
                                             ("authors", (options.author,) if options.author else None)) if value}
    return dataclasses.replace(document, meta=dataclasses.replace(document.meta, **changes)) if changes else document
