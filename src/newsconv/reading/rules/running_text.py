"""What running text is made of, for the rules that read it: which lines continue a run of
text, and the stretches of short lines inside a run where flattened tables hide."""
from __future__ import annotations

from typing import Optional

from .. import headings
from ..flat_cells import figure_count, has_sentence_words
from ..lines import ITEM, RULE, TEXT
from ..reflow import continues, looks_wrapped
from . import delimited_table
from .base import ROW_KINDS, Lines
from .marked_list import is_dash_aside

MIN_STRETCH = 3
_MIN_PROSE_WORDS = 6
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
    """Short enough for a table row, two words at least, and no sentence or clause; a stretch
    starts with no dateline or unpunctuated lead-in ("وفيما يلى بيان بدرجات الحرارة على المدن"),
    but a row ``inside`` it may read as a date ("6 أكتوبر 37 25" is a city and its figures) or
    hold a description in words."""
    return (len(text) <= _MAX_ROW_CHARS and len(text.split()) >= 2 and not text.endswith(headings.CLAUSE_END)
            and (inside or not (headings.is_dateline(text) or _is_prose(text))))


def _is_prose(text: str) -> bool:
    """Words of a sentence, not of a row: many of them, no figure, and a preposition or conjunction among them."""
    words = text.lower().split()
    return len(words) >= _MIN_PROSE_WORDS and not figure_count(text) and has_sentence_words(words)


def short_stretch(lines: Lines, i: int) -> Optional[int]:
    """The end of the stretch of short unpunctuated lines starting at ``i``, when it has at least
    three lines and they are not one hard-wrapped paragraph; else None.  The article's first
    line is its title and starts no stretch."""
    if i == lines.first_content:
        return None
    end = i
    while end < len(lines):
        if end > i and is_row_rule(lines, end):
            end += 1
            continue
        if not ((end == i or continues_text(lines, end)) and table_like(lines[end].source, end > i)):
            break
        end += 1
    if lines[end - 1].kind == RULE:
        end -= 1
    stretch = [line.source for line in lines[i:end] if line.kind != RULE]
    if len(stretch) < MIN_STRETCH or looks_wrapped(stretch):
        return None
    width = lines.width
    if width is not None and all(continues(a, b, width) for a, b in zip(stretch, stretch[1:])):
        return None
    return end


def is_row_rule(lines: Lines, i: int) -> bool:
    """A rule of dashes between two rows of a flattened table (wire standings set zones apart so)."""
    return lines[i].kind == RULE and lines[i].marker is None and lines[i].source.startswith("-") \
        and i + 1 < len(lines) and lines[i + 1].kind == TEXT and table_like(lines[i + 1].source, True)


def starts_stretch(lines: Lines, i: int) -> bool:
    """Whether a stretch of short lines may begin at line ``i`` of a run: the line above is no
    short line itself (or is the title)."""
    return i - 1 == lines.first_content or not table_like(lines[i - 1].source)
