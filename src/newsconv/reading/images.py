"""A figure's image, from where the article points to into the model, safely.

Readers leave a figure's ``src`` as the article wrote it; this stage, run once for every
reader, turns it into a ``data:`` URI or ``""``:

- nothing is fetched from the network (an ``http:`` image is a warning, its caption kept);
- a path is read only from the input's own folder, or from a folder the user allowed with
  ``--resource-path`` (``../../etc/passwd`` and symlinks out of it are refused);
- the bytes must decode as a JPEG or PNG with Pillow, within a size cap, before the model keeps
  them, so no writer ever embeds something that is not the image it claims to be.

A missing or refused image is a warning; the figure stays, with its caption and credit.
"""
from __future__ import annotations

import base64
import binascii
import dataclasses
import io
import logging
import os
import urllib.parse
import warnings
from pathlib import Path
from typing import Optional, Sequence

from ..model import Document, Figure

log = logging.getLogger("newsconv")

MAX_IMAGE_BYTES = 8 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000  # Pillow refuses bigger images as decompression bombs beyond this
_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png"}


def embed(document: Document, base: Path, allowed: Sequence[os.PathLike] = ()) -> Document:
    """``document`` with every figure's ``src`` a checked ``data:`` URI, or "" (with a warning)."""
    if not any(isinstance(block, Figure) and block.src for block in document.blocks):
        return document
    roots = [base.resolve()] + [Path(folder).resolve() for folder in allowed]
    blocks = tuple(dataclasses.replace(block, src=image_uri(block.src, base, roots))
                   if isinstance(block, Figure) and block.src else block for block in document.blocks)
    return dataclasses.replace(document, blocks=blocks)


def image_uri(src: str, base: Path, roots: Sequence[Path]) -> str:
    """The image ``src`` names as a ``data:`` URI, or "" with a warning saying why not."""
    data = _data_uri_bytes(src) if src.startswith("data:") else _file_bytes(src, base, roots)
    if data is None:
        return ""
    mime = _checked_type(data, src)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}" if mime else ""


def _data_uri_bytes(src: str) -> Optional[bytes]:
    header, _, payload = src.partition(",")
    try:
        if header.endswith(";base64"):
            return base64.b64decode(payload, validate=True)
        return urllib.parse.unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        log.warning("image %s…: not a valid data: URI; the figure keeps its caption only", src[:40])
        return None


def _file_bytes(src: str, base: Path, roots: Sequence[Path]) -> Optional[bytes]:
    scheme = urllib.parse.urlsplit(src).scheme
    if scheme and len(scheme) > 1:  # a one-letter "scheme" is a Windows drive
        log.warning("image %s: not fetched (images come only from local files or data: URIs); "
                    "the figure keeps its caption", src[:80])
        return None
    path = (base / urllib.parse.unquote(src)).resolve()
    if not any(path == root or root in path.parents for root in roots):
        log.warning("image %s: outside the input's folder (allow its folder with --resource-path); "
                    "the figure keeps its caption", src[:80])
        return None
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            log.warning("image %s: larger than %d MB; the figure keeps its caption", src[:80], MAX_IMAGE_BYTES >> 20)
            return None
        return path.read_bytes()
    except OSError as exc:
        log.warning("image %s: cannot be read (%s); the figure keeps its caption", src[:80], exc.strerror or exc)
        return None


def _checked_type(data: bytes, src: str) -> Optional[str]:
    """The MIME type of ``data`` when Pillow decodes it as a JPEG or PNG within the caps."""
    from PIL import Image

    if len(data) > MAX_IMAGE_BYTES:
        log.warning("image %s: larger than %d MB; the figure keeps its caption", src[:80], MAX_IMAGE_BYTES >> 20)
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                if image.format not in _FORMATS:
                    raise ValueError(f"{image.format} is not JPEG or PNG")
                if image.width * image.height > MAX_IMAGE_PIXELS:
                    raise ValueError(f"{image.width}x{image.height} pixels is too many")
                image.load()
                return _FORMATS[image.format]
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
        log.warning("image %s: not a usable JPEG or PNG (%s); the figure keeps its caption", src[:60], exc)
        return None
