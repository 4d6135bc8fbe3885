"""One input to one output file: read, render, write atomically.  Shared by ``to-*`` and batch runs."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, Sequence

from .core import parse, render
from .errors import InputError, OutputError
from .model import Document
from .options import RenderOptions
from .output import default_output_path, overwrites, write_atomic, write_stdout
from .reading import read_stream

STDIO = "-"  # the path argument that means standard input (or output),
STDIN_NAME = "<stdin>"  # and what messages call standard input


def read_source(path: str, *, data: Optional[bytes] = None, source_format: Optional[str] = None,
                encoding: Optional[str] = None, lang: Optional[str] = None, dir: Optional[str] = None,
                resource_path: Sequence[str] = ()) -> Document:
    """Parse the file at ``path`` (standard input for ``-``), or ``data`` when the input's bytes
    were read already (batch workers cannot read the parent's standard input)."""
    if path == STDIO:
        if sys.stdin is None:  # started with standard input closed (``<&-``)
            raise InputError(f"{STDIN_NAME}: cannot read (it is closed)")
        path, data = STDIN_NAME, read_stream(sys.stdin.buffer, STDIN_NAME)
    if data is not None:
        return parse(data, format=source_format or "txt", encoding=encoding, lang=lang, dir=dir, name=path,
                     resource_path=resource_path)
    return parse(Path(path), format=source_format, encoding=encoding, lang=lang, dir=dir, resource_path=resource_path)


def convert_file(path: str, to: str, output: Optional[str] = None, *, source_format: Optional[str] = None,
                 encoding: Optional[str] = None, lang: Optional[str] = None, dir: Optional[str] = None,
                 options: Optional[RenderOptions] = None, resource_path: Sequence[str] = ()) -> Optional[Path]:
    """Convert one input to format ``to``; returns the path written (None for stdout)."""
    target = _target(path, to, output)
    document = read_source(path, source_format=source_format, encoding=encoding, lang=lang, dir=dir,
                           resource_path=resource_path)
    data = render(document, to, options)
    if target is None:
        write_stdout(data)
        return None
    write_atomic(target, data)
    return target


def _target(path: str, to: str, output: Optional[str]) -> Optional[Path]:
    if output == STDIO or (output is None and path == STDIO):
        return None
    target = Path(output) if output else default_output_path(path, to)
    if overwrites(target, None if path == STDIO else path):
        raise OutputError(f"{target}: refusing to overwrite the input (name another output with -o)")
    return target
