"""Units onto pages: where each page ends, then drawing them with a numbered footer.

One pass over the units, each weighed once: the room a unit needs together with those it
keeps with is summed once, from the end backwards, so the work grows with the article and
not with its square (a run of 200,000 one-line headings that all keep with the next used
to be re-summed from every one of them).
"""
from __future__ import annotations

from typing import Callable, NamedTuple

from .units import Unit


class Piece(NamedTuple):
    """Lines ``start:end`` of a unit, their top edge ``offset`` points below the frame's top."""

    unit: Unit
    start: int
    end: int
    offset: float

    def draw(self, canvas, frame_top: float) -> None:
        self.unit.draw(canvas, frame_top - self.offset, self.start, self.end)


Page = list[Piece]


class _Filler:
    """The page being filled: what is on it and how much of the frame it uses."""

    def __init__(self, frame_height: float):
        self.frame_height = frame_height
        self.pages: list[Page] = []
        self.new_page()

    def new_page(self) -> None:
        self.pages.append([])
        self.used = 0.0
        self.has_content = False  # a repeated header alone does not count

    def room(self, gap: float) -> float:
        return self.frame_height - self.used - gap

    def place(self, unit: Unit, start: int, end: int, gap: float = 0.0, content: bool = True) -> None:
        self.pages[-1].append(Piece(unit, start, end, self.used + gap))
        self.used += gap + unit.height(end - start)
        self.has_content = self.has_content or content


def paginate(units: list[Unit], frame_height: float) -> list[Page]:
    """Fill pages in order; a unit goes on the page where it starts as far as it fits, split
    between lines (never leaving fewer than ORPHANS or WIDOWS lines), or moves to the next page.

    A unit and the start of the unit it keeps with share a page unless together they are
    taller than a page, where no page could honour the keep. A piece that opens a page brings
    its unit's ``repeat`` (a table header) along above it.
    """
    filler = _Filler(frame_height)
    follow = _following_needs(units)
    for index, unit in enumerate(units):
        start = 0
        while start < unit.count or (start == 0 and unit.count == 0):
            gap = unit.space_before if filler.has_content and start == 0 else 0.0
            end = _piece_end(unit, start, filler.room(gap), follow[index], filler.has_content,
                             frame_height - _repeat_height(unit))
            if end is None:
                filler.new_page()
                continue
            if not filler.has_content and not filler.pages[-1] and unit.repeat is not None:
                filler.place(unit.repeat, 0, unit.repeat.count, content=False)
                continue
            filler.place(unit, start, end, gap)
            if end == unit.count:
                break
            filler.new_page()
            start = end
    return filler.pages


def _piece_end(unit: Unit, start: int, room: float, follow: float, has_content: bool,
               fresh_room: float):
    """Where the piece of ``unit`` from line ``start`` ends on this page, or None to go to the next."""
    whole = unit.height(unit.count - start)
    if whole + follow <= room:
        return unit.count
    if whole <= room and whole + follow > fresh_room:
        return unit.count  # what it keeps with would not fit on any page: the keep cannot be honoured
    end = unit.split_at(start, room)
    if end:
        return end
    if has_content:
        return None
    return min(unit.count, start + max(1, unit.lines_in(room)))  # alone on a page: what fits, at least a line


def _repeat_height(unit: Unit) -> float:
    return unit.repeat.height(unit.repeat.count) if unit.repeat is not None else 0.0


def _following_needs(units: list[Unit]) -> list[float]:
    """For each unit, the room that must follow its last line on the same page: the least of
    the unit it keeps with, and on along a chain of whole units that keep with the next."""
    follow = [0.0] * len(units)
    for index in range(len(units) - 2, -1, -1):
        if units[index].keep_with_next:
            after = units[index + 1]
            least = after.least_height()
            if least == after.height(after.count):  # taken whole: what it keeps with comes too
                least += follow[index + 1]
            follow[index] = after.space_before + least
    return follow


def draw_pages(canvas, pages: list[Page], frame_top: float, footer: Callable[[object, int], None]) -> None:
    """Draw every page, then its footer (``footer(canvas, page_number)``)."""
    for number, page in enumerate(pages, 1):
        for piece in page:
            piece.draw(canvas, frame_top)
        footer(canvas, number)
        canvas.show_page()
