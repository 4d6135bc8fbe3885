"""Tables: column widths from their content, wrapped cells, a grid, a shaded header row that
is repeated on every page the table continues on, and right-to-left column order."""
from __future__ import annotations

from contextlib import nullcontext
from typing import TYPE_CHECKING

from ...model import Table
from .draw import draw_line
from .lines import Line, TextStyle
from .structure import Element, TableTags
from .units import Unit, aligned_offset, baseline

if TYPE_CHECKING:
    from .blocks import BlockLayout

PADDING = 5.0
GRID_WIDTH = 0.6
GRID_GRAY = 0.35
HEADER_SHADE = 0.88


def table_units(table: Table, layout: "BlockLayout", tags: TableTags) -> list[Unit]:
    """One unit per row; the header row keeps with the first body row and repeats after page breaks."""
    count = table.column_count
    rows = [_padded(row, count) for row in table.rows]
    header_row = _padded(table.header, count) if table.header else None
    widths = column_widths(table, [header_row] + rows if header_row else rows, layout)
    row_units = [_row_unit(table, row, widths, layout, "table", False, cells)
                 for row, cells in zip(rows, tags.rows)]
    if header_row:
        header = _row_unit(table, header_row, widths, layout, "table-header", True, tags.header)
        header.keep_with_next = True
        for unit in row_units:
            unit.repeat = header
        row_units.insert(0, header)
    if row_units:
        row_units[0].space_before = layout.styles["body"].size
    return row_units


def column_widths(table: Table, rows: list[tuple[str, ...]], layout: "BlockLayout") -> list[float]:
    """Widths that share the text width by content, as browsers' automatic table layout does:
    every column gets its widest word, and the rest goes where the text is longest."""
    style = layout.styles["table-header"]
    extents = [[layout.typesetter.extent(cell, style, layout.is_rtl(table)) for cell in column]
               for column in zip(*rows)]
    least = [max(word for word, _ in column) + 2 * PADDING for column in extents]
    most = [max(max(whole for _, whole in column) + 2 * PADDING, low) for column, low in zip(extents, least)]
    available = layout.frame.width
    if sum(least) >= available:
        return [available * low / sum(least) for low in least]
    if sum(most) <= available:
        return [available * high / sum(most) for high in most]
    spare = (available - sum(least)) / (sum(most) - sum(least))
    return [low + (high - low) * spare for low, high in zip(least, most)]


def _padded(row: tuple[str, ...], count: int) -> tuple[str, ...]:
    return tuple(row) + ("",) * (count - len(row))


def _row_unit(table: Table, row: tuple[str, ...], widths: list[float], layout: "BlockLayout", kind: str,
              shaded: bool, tags: tuple[Element, ...]) -> Unit:
    """A row whose cells are content of ``tags`` the first time it is drawn; drawn again (a
    header repeated on a new page), it is an artifact."""
    style = layout.styles[kind]
    cells = [layout.typesetter.lines(text, style, width - 2 * PADDING, layout.is_rtl(table)) if text
             else [] for text, width in zip(row, widths)]
    height = max(len(lines) for lines in cells) * style.leading + 2 * PADDING
    lefts = _column_lefts(widths, layout.is_rtl(table), layout.frame.left)

    drawn = []

    def draw(canvas, top: float) -> None:
        with canvas.artifact() if drawn else nullcontext():
            for left, width in zip(lefts, widths):
                canvas.rect(left, top - height, width, height, GRID_WIDTH, GRID_GRAY, HEADER_SHADE if shaded else None)
            for left, width, lines, tag in zip(lefts, widths, cells, tags):
                with canvas.tagged(tag) if lines else nullcontext():
                    _draw_cell(canvas, lines, left + PADDING, width - 2 * PADDING, top - PADDING, style)
        drawn.append(top)

    return Unit(height, draw)


def _column_lefts(widths: list[float], rtl: bool, frame_left: float) -> list[float]:
    """The left edge of each column, the first column on the right when the table is RTL."""
    order = list(reversed(range(len(widths)))) if rtl else list(range(len(widths)))
    lefts = [0.0] * len(widths)
    x = frame_left
    for column in order:
        lefts[column] = x
        x += widths[column]
    return lefts


def _draw_cell(canvas, lines: list[Line], left: float, width: float, top: float, style: TextStyle) -> None:
    for line in lines:
        draw_line(canvas, line, left + aligned_offset(line, width), baseline(top, style), style)
        top -= style.leading
