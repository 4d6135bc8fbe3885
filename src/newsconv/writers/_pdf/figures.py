"""Version 2 blocks in the PDF: figures (an image XObject scaled to the text width, then its
caption and credit) and quotes (set in from the start edge, the attribution after a dash).

A JPEG is embedded as it is (``/DCTDecode``: its bytes pass through, no re-encoding); any
other image the model holds (a PNG) is decoded with Pillow, flattened onto white and embedded
as Flate-compressed RGB.  The reader checked every image already (reading/images.py).
"""
from __future__ import annotations

import base64
import io

from ...model import Figure, Quote
from .units import Unit

PIXEL = 0.75  # points per CSS pixel (96 dpi): an image narrower than the text keeps this size
_GAP = 6.0  # points between the image and its caption


class ImageSet:
    """The document's images: named and measured while laying out, written once with the file."""

    def __init__(self) -> None:
        self.names: dict[str, tuple[str, tuple[int, int]]] = {}

    def add(self, src: str) -> tuple[str, tuple[int, int]]:
        if src not in self.names:
            from PIL import Image

            with Image.open(io.BytesIO(base64.b64decode(src.split(",", 1)[1]))) as image:
                self.names[src] = (f"Im{len(self.names) + 1}", image.size)
        return self.names[src]

    def write(self, canvas) -> None:
        """Embed every image in the canvas's file, as page resources."""
        for src, (name, _) in self.names.items():
            canvas.xobjects[name] = image_xobject(canvas.pdf, src)[0]


def image_xobject(pdf, src: str) -> tuple[int, int, int]:
    """Write the image of the ``data:`` URI ``src`` as an XObject: (object number, width, height)."""
    from PIL import Image

    data = base64.b64decode(src.split(",", 1)[1])
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
        if image.format == "JPEG" and image.mode in ("RGB", "L"):
            space = "/DeviceRGB" if image.mode == "RGB" else "/DeviceGray"
            head = (f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace {space} "
                    f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(data)} >>\nstream\n").encode("latin-1")
            return pdf.add(head + data + b"\nendstream"), width, height
        rgba = image.convert("RGBA")
    flat = Image.new("RGB", rgba.size, (255, 255, 255))
    flat.paste(rgba, mask=rgba.getchannel("A"))
    number = pdf.add_stream(flat.tobytes(), f"/Type /XObject /Subtype /Image /Width {width} /Height {height} "
                                            f"/ColorSpace /DeviceRGB /BitsPerComponent 8 ")
    return number, width, height


def figure_units(layout, block: Figure) -> list[Unit]:
    """The image (when the model has one) at most as wide as the text and as tall as the frame,
    on the start side; then the caption and the credit as one small paragraph."""
    units: list[Unit] = []
    style = layout.styles["body"]
    rtl = (block.dir or layout.document.dir) == "rtl"
    if block.src:
        name, (pixel_width, pixel_height) = layout.image(block.src)
        scale = min(PIXEL, layout.frame.width / pixel_width, layout.frame.height * 0.8 / pixel_height)
        width, height = pixel_width * scale, pixel_height * scale
        left = layout.frame.left + (layout.frame.width - width if rtl else 0.0)

        def draw(canvas, top: float) -> None:
            canvas.emit(f"q {width:.2f} 0 0 {height:.2f} {left:.2f} {top - height:.2f} cm /{name} Do Q")

        units.append(Unit(height + _GAP, draw, space_before=style.size * 0.7, keep_with_next=True))
    caption = " ".join(text for text in (block.caption, block.credit) if text)
    if caption:
        caption_style = layout.styles.get("caption", style)
        units += layout.text_units(caption, caption_style, layout.is_rtl(caption, block),
                                   0.0 if units else style.size * 0.7)
    return units


def quote_units(layout, block: Quote) -> list[Unit]:
    """The quote set in by two ems from the start edge, its attribution on a line of its own."""
    style = layout.styles["body"]
    indent = style.size * 2
    marks = [mark for mark in block.marks if mark.part == 0]
    units = layout.text_units(block.text, style, layout.is_rtl(block.text, block), style.size * 0.9, indent=indent,
                              marks=marks)
    if block.attribution:
        line = f"— {block.attribution}"
        units += layout.text_units(line, style, layout.is_rtl(block.attribution, block), style.size * 0.2,
                                   indent=indent)
    return units
