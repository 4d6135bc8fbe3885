"""Lines of placed glyphs onto the canvas, as PDF text operations."""
from __future__ import annotations

from itertools import groupby

from .canvas import Canvas
from .glyphfont import EmbeddedFont, Face
from .lines import Line, PlacedGlyph, TextStyle
from .pdffile import number

# A glyph whose cluster's text its first glyph carries still maps to a character, as PDF/UA-1
# and PDF/A-2u require of every glyph: U+200D, invisible in a copy, inside a span whose empty
# ActualText tells readers that honour it (poppler, MuPDF, Acrobat) to read nothing there.
_PIECE = "\u200d"
_READ_AS_NOTHING = "/Span << /ActualText <FEFF> >> BDC"
# Stroke width of synthetic bold, in ems (for faces that ship no bold, see fonts.has_static_bold).
_SYNTHETIC_BOLD_STROKE = 0.035


def draw_line(canvas: Canvas, line: Line, left: float, baseline: float, style: TextStyle) -> None:
    """Draw ``line`` with its left edge at ``left``: one text object, a font switch per run of one face."""
    paint = f"{number(style.gray)} g"
    if style.synthetic_bold:
        # Fill and stroke the outlines: state restored after the line, so it stays with it.
        paint += f" {number(style.gray)} G {number(style.size * _SYNTHETIC_BOLD_STROKE)} w 2 Tr"
    canvas.emit("q BT " + paint)
    for face, run in groupby(line.glyphs, key=lambda glyph: glyph.face):
        _draw_run(canvas, face, list(run), left, baseline, style.size)
    canvas.emit("ET Q")


def _draw_run(canvas: Canvas, face: Face, glyphs: list[PlacedGlyph], left: float, baseline: float,
              size: float) -> None:
    """Glyphs of one face: those that stand for text as strings whose PDF widths alone carry
    them to their places; those that stand for none (marks whose letter carries their text,
    the second glyph of a decomposed letter) apart, each at its place with zero width, so
    extractors see neither a false gap inside a word nor a mark out of its order."""
    name, font = canvas.font(face)
    canvas.emit(f"/{name} {number(size)} Tf")
    flow = [glyph for glyph in glyphs if glyph.text]
    if flow:
        _show(canvas, font, flow, _pdf_widths(flow, size), left, baseline)
    for glyph in glyphs:
        if not glyph.text:
            canvas.emit(_READ_AS_NOTHING)
            _show(canvas, font, [glyph._replace(text=_PIECE)], [0], left, baseline)
            canvas.emit("EMC")


def _show(canvas: Canvas, font: EmbeddedFont, glyphs: list[PlacedGlyph], widths: list[int], left: float,
          baseline: float) -> None:
    """Glyphs whose PDF widths carry each to the next; a glyph that goes back (a negative width,
    which no font advance can be) is drawn with width 0 and a TJ adjustment."""
    canvas.emit(f"1 0 0 1 {number(left + glyphs[0].x + glyphs[0].dx)} {number(baseline)} Tm")
    for rise, same_rise in groupby(zip(glyphs, widths), key=lambda pair: pair[0].dy):
        shown = "".join(font.encode(glyph.gid, glyph.text, max(width, 0)) + (f"> {-width} <" if width < 0 else "")
                        for glyph, width in same_rise)
        canvas.emit(f"{number(rise)} Ts [<{shown}>] TJ")


def _pdf_widths(glyphs: list[PlacedGlyph], size: float) -> list[int]:
    """Each glyph's PDF width (1/1000 em): from where it is drawn to where the next one is.

    Positions are rounded absolutely, not width by width, so rounding never accumulates
    along a line and its last glyph ends exactly where HarfBuzz put it.
    """
    origin = glyphs[0].x + glyphs[0].dx
    drawn = [glyph.x + glyph.dx for glyph in glyphs[1:]] + [glyphs[-1].x + glyphs[-1].advance]
    units = [0] + [round((position - origin) * 1000 / size) for position in drawn]
    return [b - a for a, b in zip(units, units[1:])]
