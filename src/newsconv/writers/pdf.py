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
from itertools import chain

from ..model import Document, header_in_body
from ..options import RenderOptions
from ._pdf.archival import pdfa_part, refuse_forbidden
from ._pdf.blocks import BlockLayout
from ._pdf.canvas import Canvas
from ._pdf.lines import Typesetter
from ._pdf.metadata import Metadata
from ._pdf.pages import draw_pages, paginate
from ._pdf.running import masthead_units, running_texts
from ._pdf.structure import StructureTree
from ._pdf.styles import frame_for, styles_for

log = logging.getLogger("newsconv")


def write(document: Document, options: RenderOptions) -> bytes:
    """The document as PDF bytes; the same document and options always give the same bytes."""
    document = header_in_body(document)  # the byline and dateline printed where the article had them
    rtl = document.dir == "rtl"
    frame = frame_for(options.style, rtl)
    styles = styles_for(document, options)
    typesetter = Typesetter()
    structure = StructureTree(document)
    canvas = Canvas(frame.page_width, frame.page_height, structure)
    masthead = masthead_units(options, styles["heading2"], frame, typesetter, canvas, rtl)
    units = BlockLayout(document, options, styles, frame, typesetter, structure).units()
    pages = paginate(chain(masthead, units), frame.height)
    decorate = running_texts(document, options, styles["footer"], frame, typesetter)
    draw_pages(canvas, pages, frame.top, decorate)  # typesets as it goes: a page is drawn as soon as it is full
    part = pdfa_part(options.pdf_standard)
    if part:
        refuse_forbidden(options.pdf_standard, typesetter.missing, canvas.fonts)
    else:
        _warn_missing(typesetter.missing)
    metadata = Metadata.of(document, options)
    # PDF/UA-1 forbids drawing .notdef and wants a title: without either, the file claims nothing.
    return canvas.save(metadata, part, ua=bool(metadata.title) and not typesetter.missing)


def _warn_missing(missing: set[str]) -> None:
    if missing:
        codes = ", ".join(f"U+{ord(ch):04X}" for ch in sorted(missing))
        log.warning("no font has a glyph for %s; they show as empty boxes in the PDF, which therefore does "
                    "not claim PDF/UA-1 (it forbids drawing .notdef)", codes)
