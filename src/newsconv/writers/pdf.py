"""PDF writer: a typeset, correctly shaped right-to-left PDF with a searchable text layer,
tagged for accessibility (PDF/UA-1) and, on request, archival (PDF/A-2u or -3u).

The pipeline is named by stage, each in its own module under ``_pdf``:
styles (fonts and sizes) -> lines (bidi, shaping, line breaking) -> blocks and tables
(units measured for the frame, each knowing its element of the ``structure`` tree) ->
pages (where pages end) -> draw (glyphs on the canvas, through ``glyphfont``'s glyph-level
TrueType embedding) -> canvas and pdffile (the file, with ``bookmarks``, ``metadata`` and
``archival``'s PDF/A parts).
"""
from __future__ import annotations

import logging

from ..model import Document
from ..options import RenderOptions
from ._pdf.archival import pdfa_part, refuse_forbidden
from ._pdf.blocks import BlockLayout
from ._pdf.canvas import Canvas
from ._pdf.draw import draw_line
from ._pdf.lines import Typesetter
from ._pdf.metadata import Metadata
from ._pdf.pages import draw_pages, paginate
from ._pdf.structure import StructureTree
from ._pdf.styles import FOOTER_BASELINE, article_numerals, frame_for, number_in, styles_for

log = logging.getLogger("newsconv")
_PAGE_NUMBER = "<< /Type /Pagination /Subtype /Footer >>"


def write(document: Document, options: RenderOptions) -> bytes:
    """The document as PDF bytes; the same document and options always give the same bytes."""
    frame = frame_for(options.paper)
    styles = styles_for(document, options)
    typesetter = Typesetter()
    structure = StructureTree(document)
    pages = paginate(BlockLayout(document, options, styles, frame, typesetter, structure).units(), frame.height)
    footer = _footer(document, styles["footer"], frame, typesetter)
    part = pdfa_part(options.pdf_standard)
    if not part:
        _warn_missing(typesetter.missing)
    canvas = Canvas(frame.page_width, frame.page_height, structure)
    draw_pages(canvas, pages, frame.top, footer)
    if part:
        refuse_forbidden(options.pdf_standard, typesetter.missing, canvas.fonts)
    metadata = Metadata.of(document, options)
    # PDF/UA-1 forbids drawing .notdef and wants a title: without either, the file claims nothing.
    return canvas.save(metadata, part, ua=bool(metadata.title) and not typesetter.missing)


def _footer(document: Document, style, frame, typesetter: Typesetter):
    """A function drawing the page number, centred, in the article's own digits."""
    numerals = article_numerals(document)
    rtl = document.dir == "rtl"

    def draw(canvas, number: int) -> None:
        line = typesetter.lines(number_in(numerals, number), style, frame.width, rtl)[0]
        with canvas.artifact(_PAGE_NUMBER):
            draw_line(canvas, line, (frame.page_width - line.width) / 2, FOOTER_BASELINE, style)

    return draw


def _warn_missing(missing: set[str]) -> None:
    if missing:
        codes = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(missing))
        log.warning("no font has a glyph for %s; they show as empty boxes in the PDF, which therefore does "
                    "not claim PDF/UA-1 (it forbids drawing .notdef)", codes)
