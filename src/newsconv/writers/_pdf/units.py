"""The unit of pagination, and where a line sits inside its unit."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from .lines import Line, TextStyle

Draw = Callable[[object, float], None]  # (canvas, y of the unit's top edge)


@dataclass
class Unit:
    """A slice of the article that is never split across pages.

    ``keep_with_next`` holds it on the page of the unit after it (headings, first lines);
    ``repeat`` is drawn above it when it opens a page (a table's header row).
    """

    height: float
    draw: Draw
    space_before: float = 0.0
    keep_with_next: bool = False
    repeat: Optional["Unit"] = None


def aligned_offset(line: Line, width: float) -> float:
    """Where a line starts inside a box of ``width``: right-aligned when RTL, left-aligned otherwise."""
    return width - line.width if line.rtl else 0.0


def baseline(top: float, style: TextStyle) -> float:
    """The baseline of a line whose box starts at ``top``: the glyphs centred in the leading."""
    return top - style.leading / 2 - style.size * 0.3
