"""HarfBuzz shaping: text of one direction and one font to positioned glyphs.

This is the one place newsconv shapes text.  Results are cached per process, because a
batch of articles repeats the same words thousands of times and HarfBuzz, while fast, is
still the second cost of a PDF after writing it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional

import uharfbuzz as hb

# Keep every character its own cluster (marks are not merged into their base), so the
# PDF text layer can map each glyph back to exactly the characters it shows.
_MONOTONE_CHARACTERS = 1


class Glyph(NamedTuple):
    """A shaped glyph; positions are in font units, ``cluster`` indexes the shaped text."""

    gid: int
    cluster: int
    advance: int
    dx: int
    dy: int


class ShapingFont:
    """A font file opened for HarfBuzz, with its character coverage."""

    def __init__(self, data: bytes, name: str, weight: Optional[int] = None):
        self.name = name
        face = hb.Face(data)
        self.hb_font = hb.Font(face)
        if weight is not None:
            self.hb_font.set_variations({"wght": weight})  # a variable face's bold instance
        self.units_per_em = face.upem
        self.codepoints = frozenset(self.hb_font.face.unicodes)

    def covers(self, ch: str) -> bool:
        return ord(ch) in self.codepoints

    def __repr__(self) -> str:
        return f"ShapingFont({self.name!r})"


@lru_cache(maxsize=65536)
def shape(font: ShapingFont, text: str, rtl: bool, language: str = "") -> tuple[Glyph, ...]:
    """The glyphs of ``text`` in visual order (left to right) as HarfBuzz places them.

    ``language`` selects localized forms (Urdu and Persian digits differ from Arabic ones).
    """
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.direction = "rtl" if rtl else "ltr"
    if language:
        buffer.language = language
    buffer.cluster_level = _MONOTONE_CHARACTERS
    buffer.guess_segment_properties()
    hb.shape(font.hb_font, buffer)
    return tuple(Glyph(info.codepoint, info.cluster, pos.x_advance, pos.x_offset, pos.y_offset)
                 for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions))


def advance_width(font: ShapingFont, text: str, rtl: bool, language: str = "") -> int:
    """The total advance of ``text`` shaped as one run, in font units."""
    return sum(glyph.advance for glyph in shape(font, text, rtl, language))
