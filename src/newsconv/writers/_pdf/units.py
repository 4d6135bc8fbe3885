"""The unit of pagination, and where a line sits inside its unit."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from .draw import draw_line
from .lines import Line, TextStyle

# (canvas, y of the piece's top edge, first line, end line): draws lines ``first:end`` of a unit.
DrawLines = Callable[[object, float, int, int], None]

# A unit split across pages leaves at least this many lines at the bottom of the first page
# (orphans) and at the top of the next (widows); a unit of fewer than both together never splits.
ORPHANS = 2
WIDOWS = 2


@dataclass
class Unit:
    """A block (or a table row) as pages take it: ``count`` lines of ``line_height`` each.

    A page holds a *piece* of it, lines ``start:end``, with ``padding`` above and below (a
    table cell's); pieces are cut only between lines, as ``split_at`` allows.  ``keep_with_next``
    holds the end of the unit on the page of the start of the unit after it (headings, a table's
    header row); ``repeat`` is drawn above every piece of it that opens a page (that header).
    """

    count: int
    line_height: float
    draw: DrawLines
    padding: float = 0.0
    space_before: float = 0.0
    keep_with_next: bool = False
    repeat: Optional["Unit"] = None

    def height(self, lines: int) -> float:
        """The height of a piece of ``lines`` lines."""
        return lines * self.line_height + 2 * self.padding

    def lines_in(self, room: float) -> int:
        """How many lines a piece may hold in ``room`` points."""
        return max(0, int((room - 2 * self.padding) / self.line_height + 1e-6))

    def split_at(self, start: int, room: float) -> int:
        """Where a piece starting at line ``start`` ends in ``room`` points, leaving at least
        ORPHANS lines in it and WIDOWS after it; 0 when it cannot be split so."""
        end = min(start + self.lines_in(room), self.count - WIDOWS)
        return end if end - start >= ORPHANS else 0

    def least_height(self) -> float:
        """The least of this unit that must go on a page: its first ORPHANS lines, or all of
        it when it is too short to split."""
        return self.height(ORPHANS if self.count >= ORPHANS + WIDOWS else self.count)


def aligned_offset(line: Line, width: float) -> float:
    """Where a line starts inside a box of ``width``: right-aligned when RTL, left-aligned otherwise."""
    return width - line.width if line.rtl else 0.0


def baseline(top: float, style: TextStyle) -> float:
    """The baseline of a line whose box starts at ``top``: the glyphs centred in the leading."""
    return top - style.leading / 2 - style.size * 0.3


def draw_line_in(canvas, line: Line, left: float, width: float, top: float, style: TextStyle) -> float:
    """Draw ``line`` in the box of ``width`` from ``left`` whose top edge is ``top``, aligned to
    its start side: the one place where a line of text goes onto a page.  Returns where the
    line's pen started (its glyphs' ``x`` count from there: links find their glyphs so).

    A mark that HarfBuzz moves past the first or last letter's edge is pulled back in with its line.
    """
    ink_left, ink_right = line.ink()
    x = max(min(left + aligned_offset(line, width), left + width - ink_right), left - ink_left)
    draw_line(canvas, line, x, baseline(top, style), style)
    return x
