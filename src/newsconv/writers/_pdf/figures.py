"""Version 2 blocks in the PDF: figures (the image scaled to the text width, then its caption
and credit) and quotes (set in from the start edge, the attribution after a dash).

Images go into the file through the one image writer, :func:`.images.add_image` (a JPEG
passed through, a PNG decoded by Pillow); layout needs only their pixel size, which Pillow
reads from the header.  Each is drawn as content of its Figure element, whose /Alt is the
image's alt text; the caption is that Figure's Caption, the quote a BlockQuote of paragraphs.
"""
from __future__ import annotations

import base64
import io
from typing import Optional

from ...model import Figure, Quote
from .images import Image, add_image
from .structure import FigureTags, QuoteTags
from .units import Unit

PIXEL = 0.75  # points per CSS pixel (96 dpi): an image narrower than the text keeps this size
_GAP = 6.0  # points between the image and its caption


class Pictures:
    """The document's images, each written into the file once, when first drawn."""

    def __init__(self) -> None:
        self._written: dict[str, Optional[Image]] = {}

    @staticmethod
    def size(src: str) -> Optional[tuple[int, int]]:
        """The pixel size of the image of the ``data:`` URI ``src`` (None when it cannot be read)."""
        from PIL import Image as PILImage, UnidentifiedImageError

        try:
            with PILImage.open(io.BytesIO(_data(src))) as picture:
                return picture.size
        except (UnidentifiedImageError, OSError, ValueError):
            return None

    def image(self, canvas, src: str) -> Optional[Image]:
        if src not in self._written:
            self._written[src] = add_image(canvas.pdf, _data(src), _mime(src))
        return self._written[src]


def _data(src: str) -> bytes:
    return base64.b64decode(src.split(",", 1)[1])


def _mime(src: str) -> str:
    return src[len("data:"):].split(";", 1)[0].split(",", 1)[0].lower()


def figure_units(layout, block: Figure, tags: FigureTags) -> list[Unit]:
    """The image (when the model has one) at most as wide as the text and as tall as most of the
    frame, on the start side; then the caption and the credit as one small paragraph."""
    from .blocks import part_marks, shifted

    units: list[Unit] = []
    style = layout.styles["body"]
    rtl = layout.is_rtl(block)
    size = layout.pictures.size(block.src) if block.src else None
    if size:
        pixel_width, pixel_height = size
        scale = min(PIXEL, layout.frame.width / pixel_width, layout.frame.height * 0.8 / pixel_height)
        width, height = pixel_width * scale, pixel_height * scale
        left = layout.frame.left + (layout.frame.width - width if rtl else 0.0)

        def draw(canvas, top: float, start: int, end: int) -> None:
            image = layout.pictures.image(canvas, block.src)
            if image is not None:
                with canvas.tagged(tags.figure, top):
                    canvas.image(image.number, left, top - height, width, height)

        units.append(Unit(1, height + _GAP, draw, space_before=style.size * 0.7, keep_with_next=True))
    texts = [text for text in (block.caption, block.credit) if text]
    if texts:
        caption = " ".join(texts)
        marks = part_marks(block.marks, 0) + shifted(part_marks(block.marks, 1), len(block.caption) + 1) \
            if block.caption else shifted(part_marks(block.marks, 1), 0)
        units += layout.text_units(caption, layout.styles.get("caption", style), rtl,
                                   0.0 if units else style.size * 0.7, tag=tags.caption, marks=marks)
    return units


def quote_units(layout, block: Quote, tags: QuoteTags) -> list[Unit]:
    """The quote set in by two ems from the start edge, its attribution on a line of its own."""
    from .blocks import part_marks, shifted

    style = layout.styles["body"]
    indent = style.size * 2
    rtl = layout.is_rtl(block)
    units = layout.text_units(block.text, style, rtl, style.size * 0.9, indent=indent, tag=tags.text,
                              marks=part_marks(block.marks, 0))
    if block.attribution and tags.attribution is not None:
        units += layout.text_units(f"— {block.attribution}", style, rtl, style.size * 0.2, indent=indent,
                                   tag=tags.attribution, marks=shifted(part_marks(block.marks, 1), 2))
    return units
