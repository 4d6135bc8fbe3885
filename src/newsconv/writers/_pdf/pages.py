"""Units onto pages: where each page ends, then drawing them with a numbered footer."""
from __future__ import annotations

from typing import Callable

from .units import Unit

Page = list[tuple[Unit, float]]  # units with the distance of their top edge below the frame's top


def paginate(units: list[Unit], frame_height: float) -> list[Page]:
    """Fill pages in order, breaking before a unit that does not fit with those it keeps with.

    A unit that opens a page brings its ``repeat`` unit (a table header) along above it.
    """
    pages: list[Page] = [[]]
    used = 0.0
    for index, unit in enumerate(units):
        gap = unit.space_before if pages[-1] else 0.0
        if pages[-1] and used + gap + _kept_height(units, index) > frame_height:
            pages.append([])
            used = gap = 0.0
            if unit.repeat is not None:
                pages[-1].append((unit.repeat, 0.0))
                used = unit.repeat.height
        pages[-1].append((unit, used + gap))
        used += gap + unit.height
    return pages


def _kept_height(units: list[Unit], index: int) -> float:
    """The height of the unit and of those it must share a page with (a heading and the next line)."""
    height = units[index].height
    while units[index].keep_with_next and index + 1 < len(units):
        index += 1
        height += units[index].space_before + units[index].height
    return height


def draw_pages(canvas, pages: list[Page], frame_top: float, decorate: Callable[[object, int, int], None]) -> None:
    """Draw every page, then its header and footer (``decorate(canvas, page_number, page_count)``)."""
    for number, page in enumerate(pages, 1):
        for unit, offset in page:
            unit.draw(canvas, frame_top - offset)
        decorate(canvas, number, len(pages))
        canvas.show_page()
