"""PDF writer: a typeset, correctly shaped right-to-left PDF with a searchable text layer.

The pipeline is named by stage, each in its own module under ``_pdf``:
styles (fonts and sizes) -> lines (bidi, shaping, line breaking) -> blocks and tables
(units measured for the frame) -> pages (where pages end) -> draw (glyphs on the canvas,
through ``glyphfont``'s glyph-level TrueType embedding) -> canvas and pdffile (the file).
"""
from __future__ import annotations

import logging

from ..model import Document
from ..options import RenderOptions
from ._pdf.blocks import BlockLayout
from ._pdf.canvas import Canvas
from ._pdf.lines import Typesetter
from ._pdf.pages import draw_pages, paginate
from ._pdf.running import masthead_units, running_texts
from ._pdf.styles import frame_for, styles_for

log = logging.getLogger("newsconv")
CREATOR = "newsconv"


def write(document: Document, options: RenderOptions) -> bytes:
    """The document as PDF bytes; the same document and options always give the same bytes."""
    rtl = document.dir == "rtl"
    frame = frame_for(options.style, rtl)
    styles = styles_for(document, options)
    typesetter = Typesetter()
    canvas = Canvas(frame.page_width, frame.page_height)
    masthead = masthead_units(options, styles["heading2"], frame, typesetter, canvas, rtl)
    pages = paginate(masthead + BlockLayout(document, options, styles, frame, typesetter).units(), frame.height)
    decorate = running_texts(document, options, styles["footer"], frame, typesetter)
    draw_pages(canvas, pages, frame.top, decorate)
    _warn_missing(typesetter.missing)
    return canvas.save(document.lang, _metadata(document, options))


def _metadata(document: Document, options: RenderOptions) -> dict[str, str]:
    """The Info dictionary; no dates in it, so the same document always gives the same bytes."""
    return {"Title": options.title or document.title or "", "Author": options.author or "",
            "Subject": f"{options.date}" if options.date else "", "Creator": CREATOR, "Producer": CREATOR}


def _warn_missing(missing: set[str]) -> None:
    if missing:
        codes = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(missing))
        log.warning("no font has a glyph for %s; they show as empty boxes in the PDF", codes)
