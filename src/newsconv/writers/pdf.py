"""PDF writer: a typeset, correctly shaped right-to-left PDF with a searchable text layer.

The pipeline is named by stage, each in its own module under ``_pdf``:
styles (fonts and sizes) -> lines (bidi, shaping, line breaking) -> blocks and tables
(units measured for the frame) -> pages (where pages end) -> draw (glyphs on the canvas,
through ``glyphfont``'s glyph-level TrueType embedding) -> canvas and pdffile (the file).
"""
from __future__ import annotations

import logging

from ..model import Document, header_in_body
from ..options import RenderOptions
from ._pdf.blocks import BlockLayout
from ._pdf.canvas import Canvas
from ._pdf.draw import draw_line
from ._pdf.lines import Typesetter
from ._pdf.pages import draw_pages, paginate
from ._pdf.styles import FOOTER_BASELINE, article_numerals, frame_for, number_in, styles_for

log = logging.getLogger("newsconv")
CREATOR = "newsconv"


def write(document: Document, options: RenderOptions) -> bytes:
    """The document as PDF bytes; the same document and options always give the same bytes."""
    document = header_in_body(document)
    frame = frame_for(options.paper)
    styles = styles_for(document, options)
    typesetter = Typesetter()
    layout = BlockLayout(document, options, styles, frame, typesetter)
    pages = paginate(layout.units(), frame.height)
    footer = _footer(document, styles["footer"], frame, typesetter)
    _warn_missing(typesetter.missing)
    canvas = Canvas(frame.page_width, frame.page_height)
    layout.images.write(canvas)
    draw_pages(canvas, pages, frame.top, footer)
    return canvas.save(document.lang, _metadata(document, options))


def _footer(document: Document, style, frame, typesetter: Typesetter):
    """A function drawing the page number, centred, in the article's own digits."""
    numerals = article_numerals(document)
    rtl = document.dir == "rtl"

    def draw(canvas, number: int) -> None:
        line = typesetter.lines(number_in(numerals, number), style, frame.width, rtl)[0]
        draw_line(canvas, line, (frame.page_width - line.width) / 2, FOOTER_BASELINE, style)

    return draw


def _metadata(document: Document, options: RenderOptions) -> dict[str, str]:
    """The Info dictionary; no dates in it, so the same document always gives the same bytes."""
    date = options.date or document.meta.date
    return {"Title": options.title or document.title or "", "Author": options.author or ", ".join(document.meta.authors),
            "Subject": f"{date}" if date else "", "Creator": CREATOR, "Producer": CREATOR}


def _warn_missing(missing: set[str]) -> None:
    if missing:
        codes = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(missing))
        log.warning("no font has a glyph for %s; they show as empty boxes in the PDF", codes)
