"""What running text is made of, for the rules that read it: which lines continue a run of
text, and the stretches of short lines inside a run where flattened tables hide."""
from __future__ import annotations

from typing import Optional

from .. import headings
from ..lines import ITEM, TEXT
from ..reflow import continues, looks_wrapped
from . import delimited_table
from .base import ROW_KINDS, Lines
from .marked_list import is_dash_aside

MIN_STRETCH = 3
_MAX_ROW_CHARS = 100


def continues_text(lines: Lines, i: int) -> bool:
    """Line ``i`` reads as more of the text above it: a plain line, a dash aside, or a row of a
    table that is not there (one row alone, or prose with double spaces)."""
    line = lines[i]
    if line.kind == TEXT:
        return True
    if line.kind == ITEM:
        return is_dash_aside(lines, i)
    if line.kind in ROW_KINDS:
        return not lines.enabled("delimited_table") or delimited_table.match(lines, i) is None
    return False


def table_like(text: str, inside: bool = False) -> bool:
    """Short enough for a table row, two words at least, and no sentence, clause or dateline; a
    row ``inside`` a stretch may read as a date ("6 أكتوبر 37 25" is a city and its figures)."""
    return (len(text) <= _MAX_ROW_CHARS and len(text.split()) >= 2
            and not text.endswith(headings.CLAUSE_END) and (inside or not headings.is_dateline(text)))


def short_stretch(lines: Lines, i: int) -> Optional[int]:
    """The end of the stretch of short unpunctuated lines starting at ``i``, when it has at least
    three lines and they are not one hard-wrapped paragraph; else None.  The article's first
    line is its title and starts no stretch."""
    if i == lines.first_content:
        return None
    end = i
    while end < len(lines) and (end == i or continues_text(lines, end)) and table_like(lines[end].source, end > i):
        end += 1
    stretch = [line.source for line in lines[i:end]]
    if len(stretch) < MIN_STRETCH or looks_wrapped(stretch):
        return None
    width = lines.width
    if width is not None and all(continues(a, b, width) for a, b in zip(stretch, stretch[1:])):
        return None
    return end


def starts_stretch(lines: Lines, i: int) -> bool:
    """Whether a stretch of short lines may begin at line ``i`` of a run: the line above is no
    short line itself (or is the title)."""
    return i - 1 == lines.first_content or not table_like(lines[i - 1].source)
