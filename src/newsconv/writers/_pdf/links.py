"""Link annotations: a clickable rectangle over each stretch of a link's glyphs on a line.

A link broken over two lines gets a rectangle on each; on a line that mixes directions the
link's glyphs may stand apart (an English link inside Arabic text sits in its own run), so
each run of adjacent glyphs gets its own rectangle, wherever the bidi algorithm put it.
"""
from __future__ import annotations

import urllib.parse
from typing import Sequence

from ...model import Mark
from .lines import Line, TextStyle
from .pdffile import number, text_string


def annotate(canvas, line: Line, left: float, baseline: float, style: TextStyle, links: Sequence[Mark],
             element) -> None:
    """Add to the current page a link annotation over each stretch of ``line`` a link covers,
    each tagged as a Link under ``element``, the structure element the line is content of."""
    for mark in links:
        stretch: list[float] = []
        for glyph in line.glyphs:
            inside = mark.start <= glyph.index < mark.end
            if inside:
                stretch = [stretch[0] if stretch else glyph.x, glyph.x + glyph.advance]
            elif stretch and glyph.advance:
                _link(canvas, left, baseline, style, stretch, mark.href or "", element)
                stretch = []
        if stretch:
            _link(canvas, left, baseline, style, stretch, mark.href or "", element)


def _link(canvas, left: float, baseline: float, style: TextStyle, stretch: list[float], href: str, element) -> None:
    bottom, top = baseline - style.size * 0.3, baseline + style.size * 0.9
    rect = " ".join(number(v) for v in (left + stretch[0], bottom, left + stretch[1], top))
    canvas.link(f"/Subtype /Link /Rect [{rect}] /Border [0 0 0] /Contents {text_string(href)} "
                f"/A << /Type /Action /S /URI /URI {uri_string(href)} >>", element)


def uri_string(href: str) -> str:
    """A URI as a PDF string: 7-bit ASCII (RFC 3986, non-ASCII percent-encoded), parentheses
    and backslashes escaped."""
    ascii_uri = urllib.parse.quote(href, safe="".join(chr(c) for c in range(33, 127) if chr(c) != "%") + "%")
    return "(" + ascii_uri.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"
