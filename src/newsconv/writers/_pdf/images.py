"""Raster images as PDF image XObjects: JPEG passed through as it is, PNG decoded by Pillow.

Pillow reads the image (and so checks it) whatever its kind; a JPEG's own bytes go into the
file untouched (DCTDecode), a PNG's pixels are deflated, its alpha channel as a soft mask.
"""
from __future__ import annotations

import io
import logging
import zlib
from typing import NamedTuple, Optional

from .pdffile import PdfFile

log = logging.getLogger("newsconv")


class Image(NamedTuple):
    """An image written into the file: its object number and its size in pixels."""

    number: int
    width: int
    height: int


def add_image(pdf: PdfFile, data: bytes, mime: str) -> Optional[Image]:
    """Write the image into ``pdf``; None (with a warning) when Pillow cannot read it."""
    from PIL import Image as PILImage, UnidentifiedImageError

    try:
        picture = PILImage.open(io.BytesIO(data))
        picture.load()
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        log.warning("image cannot be read (%s); it is left out", exc)
        return None
    width, height = picture.size
    if mime == "image/jpeg" and picture.mode in ("L", "RGB", "CMYK"):
        space = {"L": "/DeviceGray", "RGB": "/DeviceRGB", "CMYK": "/DeviceCMYK"}[picture.mode]
        number = pdf.add(_image_head(width, height, space, "/DCTDecode", len(data)) + data + b"\nendstream")
        return Image(number, width, height)
    rgba = picture.convert("RGBA")
    mask = ""
    alpha = rgba.getchannel("A")
    if alpha.getextrema() != (255, 255):
        packed = zlib.compress(alpha.tobytes())
        soft = pdf.add(_image_head(width, height, "/DeviceGray", "/FlateDecode", len(packed)) + packed
                       + b"\nendstream")
        mask = f" /SMask {soft} 0 R"
    packed = zlib.compress(rgba.convert("RGB").tobytes())
    number = pdf.add(_image_head(width, height, "/DeviceRGB", "/FlateDecode", len(packed), mask) + packed
                     + b"\nendstream")
    return Image(number, width, height)


def _image_head(width: int, height: int, space: str, kind: str, length: int, extra: str = "") -> bytes:
    return (f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace {space} "
            f"/BitsPerComponent 8 /Filter {kind} /Length {length}{extra} >>\nstream\n").encode("latin-1")
