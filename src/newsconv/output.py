"""Writing outputs so that a file is either complete or absent."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

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
