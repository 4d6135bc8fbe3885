"""Short lines standing together that do not read as a table (the flattened-table rule, tried
first, found no columns): each is a paragraph, never a heading, since a heading stands alone."""
from __future__ import annotations

from typing import Optional

from ..drafts import LooseText, ShortLines, collapse
from .base import Lines
from .running_text import short_stretch


def match(lines: Lines, i: int) -> Optional[ShortLines]:
    end = short_stretch(lines, i)
    if end is None:
        return None
    paragraphs = tuple(LooseText(start=j, end=j + 1, text=collapse(lines[j].source), heading_candidate=False,
                                 under_previous=j > i or lines.follows_content(i))
                       for j in range(i, end))
    return ShortLines(start=i, end=end, paragraphs=paragraphs)
