"""Lines of placed glyphs onto a reportlab canvas."""
from __future__ import annotations

from itertools import groupby

from .lines import Line, PlacedGlyph, TextStyle

# Stroke width of synthetic bold, in ems (for faces that ship no bold, see fonts.has_static_bold).
_SYNTHETIC_BOLD_STROKE = 0.035


def draw_line(canvas, line: Line, left: float, baseline: float, style: TextStyle) -> None:
    """Draw ``line`` with its left edge at ``left``; one text object per run of one face."""
    if style.synthetic_bold:
        # Text render mode and line width outlive the text object: keep them to this line.
        canvas.saveState()
        canvas.setLineWidth(style.size * _SYNTHETIC_BOLD_STROKE)
    text = canvas.beginText()
    text.setFillGray(style.gray)
    if style.synthetic_bold:
        text.setStrokeGray(style.gray)
        text.setTextRenderMode(2)
    for face, run in groupby(line.glyphs, key=lambda glyph: glyph.face):
        _draw_run(text, face, list(run), left, baseline, style.size)
    canvas.drawText(text)
    if style.synthetic_bold:
        canvas.restoreState()


def _draw_run(text, face, glyphs: list[PlacedGlyph], left: float, baseline: float, size: float) -> None:
    """Glyphs of one face as one string: the PDF widths alone carry them to their places."""
    text.setTextOrigin(left + glyphs[0].x + glyphs[0].dx, baseline)
    text.setFont(face.name, size)
    for rise, same_rise in groupby(zip(glyphs, _pdf_widths(glyphs, size)), key=lambda pair: pair[0].dy):
        text.setRise(rise)
        text.textOut("".join(face.glyphs.code(glyph.gid, glyph.text, width) for glyph, width in same_rise))


def _pdf_widths(glyphs: list[PlacedGlyph], size: float) -> list[int]:
    """Each glyph's PDF width (1/1000 em): from where it is drawn to where the next one is.

    Positions are rounded absolutely, not width by width, so rounding never accumulates
    along a line and its last glyph ends exactly where HarfBuzz put it.
    """
    origin = glyphs[0].x + glyphs[0].dx
    drawn = [glyph.x + glyph.dx for glyph in glyphs[1:]] + [glyphs[-1].x + glyphs[-1].advance]
    units = [0] + [round((position - origin) * 1000 / size) for position in drawn]
    return [b - a for a, b in zip(units, units[1:])]
