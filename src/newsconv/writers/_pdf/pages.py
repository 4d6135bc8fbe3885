"""Units onto pages: where each page ends, then drawing them, and their headers and footers.

One pass over the units, each weighed once: the room a unit needs together with those it
keeps with is a sum over a sliding window, so the work grows with the article and not with
its square (a run of 200,000 one-line headings, each keeping with the next, used to be
re-summed from every one of them), and pages are drawn as they fill, so memory holds about
a page of typeset lines, not the article's.
"""
from __future__ import annotations

from collections import deque
from typing import Callable, Iterable, Iterator, NamedTuple, Optional

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
        self.page: Page = []
        self.used = 0.0
        self.has_content = False  # a repeated header alone does not count

    def new_page(self) -> Page:
        """The page filled so far; an empty one is started."""
        page, self.page = self.page, []
        self.used, self.has_content = 0.0, False
        return page

    def room(self, gap: float) -> float:
        return self.frame_height - self.used - gap

    def place(self, unit: Unit, start: int, end: int, gap: float = 0.0, content: bool = True) -> None:
        self.page.append(Piece(unit, start, end, self.used + gap))
        self.used += gap + unit.height(end - start)
        self.has_content = self.has_content or content


def paginate(units: Iterable[Unit], frame_height: float) -> Iterator[Page]:
    """Fill pages in order; a unit goes on the page where it starts as far as it fits, split
    between lines (never leaving fewer than ORPHANS or WIDOWS lines), or moves to the next page.

    A unit and the start of the unit it keeps with share a page unless together they are
    taller than a page, where no page could honour the keep. A piece that opens a page brings
    its unit's ``repeat`` (a table header) along above it.  Pages are given as they are
    filled, so a page's units can be drawn and dropped before the next page is laid out.
    """
    filler = _Filler(frame_height)
    for unit, follow in _with_following_needs(units, frame_height):
        start = 0
        while start < unit.count or (start == 0 and unit.count == 0):
            gap = unit.space_before if filler.has_content and start == 0 else 0.0
            end = _piece_end(unit, start, filler.room(gap), follow, filler.has_content,
                             frame_height - _repeat_height(unit))
            if end is None:
                yield filler.new_page()
                continue
            if not filler.page and unit.repeat is not None:
                filler.place(unit.repeat, 0, unit.repeat.count, content=False)
                continue
            filler.place(unit, start, end, gap)
            if end == unit.count:
                break
            yield filler.new_page()
            start = end
    yield filler.new_page()


def _piece_end(unit: Unit, start: int, room: float, follow: float, has_content: bool,
               fresh_room: float) -> Optional[int]:
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


def _with_following_needs(units: Iterable[Unit], limit: float) -> Iterator[tuple[Unit, float]]:
    """Each unit with the room that must follow its last line on the same page: the least of
    the unit it keeps with, and on along a chain of units taken whole that keep with the next.

    The chain is summed in a window that slides over it (each unit added once and taken off
    once), and read no further than ``limit`` (a page) ahead: a longer chain cannot be kept on
    one page whatever follows, so no more than a page of units is ever held here.
    """
    source = iter(units)
    ahead: deque[Unit] = deque()  # read, not yet given; ahead[0] is the next to give
    chained = 0.0  # what ahead[1:] adds to the chain of ahead[0]
    exhausted = False
    while True:
        while not exhausted and (not ahead or (ahead[0].keep_with_next and chained <= limit
                                               and (len(ahead) == 1 or _passes_keep_on(ahead[-1])))):
            unit = next(source, None)
            if unit is None:
                exhausted = True
            else:
                if ahead:
                    chained += _least_after(unit)
                ahead.append(unit)
        if not ahead:
            return
        unit = ahead.popleft()
        yield unit, chained if unit.keep_with_next else 0.0
        if ahead:
            chained -= _least_after(ahead[0])


def _least_after(unit: Unit) -> float:
    """What ``unit`` needs on the page of the unit before it that keeps with it."""
    return unit.space_before + unit.least_height()


def _passes_keep_on(unit: Unit) -> bool:
    """Whether a chain of keeps goes on through ``unit``: it keeps with the next and is taken whole."""
    return unit.keep_with_next and unit.least_height() == unit.height(unit.count)


def draw_pages(canvas, pages: Iterable[Page], frame_top: float, decorate: Callable[[object, int, int], None]) -> None:
    """Draw every page as soon as it is filled, then, once the page count is known, every
    page's header and footer (``decorate(canvas, page_number, page_count)``) into the running
    stream each page keeps for them."""
    for page in pages:
        for piece in page:
            piece.draw(canvas, frame_top)
        canvas.show_page()
    canvas.draw_running(decorate)
