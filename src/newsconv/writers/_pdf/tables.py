"""Tables: column widths from their content, wrapped cells, a grid, a shaded header row that
is repeated on every page the table continues on, right-to-left column order, and each cell's
marks (bold, italic, links) as in running text."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterator, Sequence

from ...model import Mark, Table
from .lines import Line, TextStyle
from .links import annotate
from .structure import Element, TableTags
from .units import Unit, baseline, draw_line_in

# The marks of each cell, row by row (the header first), as many cells a row as the table has columns.
CellMarks = list[tuple[list[Mark], ...]]

if TYPE_CHECKING:
    from .blocks import BlockLayout

PADDING = 5.0
GRID_WIDTH = 0.6
GRID_GRAY = 0.35
HEADER_SHADE = 0.88
# A header row taller than this share of the text height is not repeated on later pages.
REPEATED_HEADER_SHARE = 0.25


def table_units(table: Table, layout: "BlockLayout", tags: TableTags) -> Iterator[Unit]:
    """One unit per row, in groups of as many columns as the text width holds (a wider table
    is set as several tables, each with its share of the header).  Every group's cells are
    content of the one table's cells (``tags``): each TR keeps all its TH or TD, so the
    structure tree holds the model's table whatever the groups."""
    count = table.column_count
    per_group = max(1, int(layout.frame.width // _least_column(layout)))
    marks = cell_marks(table)
    if count <= per_group:
        yield from _table_group_units(table, layout, tags, marks)
        return
    header = _padded(table.header, count) if table.header else ()
    for first in range(0, count, per_group):
        columns = slice(first, first + per_group)
        group = Table(header[columns], tuple(_padded(row, count)[columns] for row in table.rows), table.dir)
        group_tags = TableTags(tags.header[columns], tuple(cells[columns] for cells in tags.rows))
        yield from _table_group_units(group, layout, group_tags, [row[columns] for row in marks])


def cell_marks(table: Table) -> CellMarks:
    """Each cell's marks: the model numbers a table's texts header cells first, then each row's cells."""
    count, part = table.column_count, 0
    by_row: CellMarks = []
    for row in ((table.header,) if table.header else ()) + table.rows:
        cells = []
        for _ in row:
            cells.append([replace(mark, part=0) for mark in table.marks if mark.part == part])
            part += 1
        by_row.append(tuple(cells) + ([],) * (count - len(row)))
    return by_row


def _table_group_units(table: Table, layout: "BlockLayout", tags: TableTags, marks: CellMarks) -> Iterator[Unit]:
    """One unit per row, typeset as it is asked for; the header row keeps with the first body
    row and repeats, as an artifact, on every page the table continues on (unless it is so
    tall that repeating it would crowd the page)."""
    count = table.column_count
    header_row = _padded(table.header, count) if table.header else None
    rows = [_padded(row, count) for row in table.rows]
    widths = column_widths(table, [header_row] + rows if header_row else rows, layout)
    space_before = layout.styles["body"].size
    repeated = None
    row_marks = iter(marks)
    if header_row:
        header = _row_unit(table, header_row, widths, layout, "table-header", True, tags.header, next(row_marks))
        header.keep_with_next, header.space_before = True, space_before
        yield header
        if header.height(header.count) <= layout.frame.height * REPEATED_HEADER_SHARE:
            repeated = _as_artifact(header)
    for index, (row, cells, marked) in enumerate(zip(rows, tags.rows, row_marks)):
        unit = _row_unit(table, row, widths, layout, "table", False, cells, marked)
        unit.repeat = repeated
        if index == 0 and not header_row:
            unit.space_before = space_before
        yield unit


def column_widths(table: Table, rows: list[tuple[str, ...]], layout: "BlockLayout") -> list[float]:
    """Widths that share the text width by content, as browsers' automatic table layout does:
    every column gets its widest word, and the rest goes where the text is longest.  When the
    widest words do not fit, every column keeps at least room for a character or two and
    the rest is shared by the width of those words."""
    style = layout.styles["table-header"]
    extents = [[layout.typesetter.extent(cell, style, layout.is_rtl(table)) for cell in column]
               for column in zip(*rows)]
    floor = _least_column(layout)
    least = [max(max(word for word, _ in column) + 2 * PADDING, floor) for column in extents]
    most = [max(max(whole for _, whole in column) + 2 * PADDING, low) for column, low in zip(extents, least)]
    available = layout.frame.width
    if sum(least) >= available:
        spare = available - floor * len(least)
        excess = [low - floor for low in least]
        return [floor + spare * extra / sum(excess) if sum(excess) else available / len(least)
                for extra in excess]
    if sum(most) <= available:
        return [available * high / sum(most) for high in most]
    spare = (available - sum(least)) / (sum(most) - sum(least))
    return [low + (high - low) * spare for low, high in zip(least, most)]


def _least_column(layout: "BlockLayout") -> float:
    """The narrowest a column may be: its padding and a character and a half of table text."""
    return 2 * PADDING + 1.5 * layout.styles["table-header"].size


def _padded(row: tuple[str, ...], count: int) -> tuple[str, ...]:
    return tuple(row) + ("",) * (count - len(row))


def _row_unit(table: Table, row: tuple[str, ...], widths: list[float], layout: "BlockLayout", kind: str,
              shaded: bool, tags: tuple[Element, ...], marks: tuple[list[Mark], ...]) -> Unit:
    """A row as one unit of as many lines as its tallest cell; a piece of it on a page is a
    row of boxes holding the same lines of every cell, each cell's lines content of its
    element in ``tags`` (a row split across pages gives its cells' elements a piece on each)."""
    style = layout.styles[kind]
    rtl = layout.is_rtl(table)
    cells = [layout.typesetter.lines(text, style, width - 2 * PADDING, rtl, False, marked) if text
             else [] for text, width, marked in zip(row, widths, marks)]
    lefts = _column_lefts(widths, rtl, layout.frame.left)

    def draw(canvas, top: float, start: int, end: int) -> None:
        height = unit.height(end - start)
        for left, width in zip(lefts, widths):
            canvas.rect(left, top - height, width, height, GRID_WIDTH, GRID_GRAY, HEADER_SHADE if shaded else None)
        for left, width, lines, tag, marked in zip(lefts, widths, cells, tags, marks):
            if lines[start:end]:
                with canvas.tagged(tag):
                    _draw_cell(canvas, lines[start:end], left + PADDING, width - 2 * PADDING, top - PADDING, style,
                               [mark for mark in marked if mark.kind == "link"], tag)

    unit = Unit(max(len(lines) for lines in cells), style.leading, draw, padding=PADDING)
    return unit


def _as_artifact(header: Unit) -> Unit:
    """The header row as drawn again above a later page's rows: an artifact, its cells' text
    being content once only, where the table starts."""
    def draw(canvas, top: float, start: int, end: int) -> None:
        with canvas.artifact():
            header.draw(canvas, top, start, end)

    return replace(header, draw=draw)


def _column_lefts(widths: list[float], rtl: bool, frame_left: float) -> list[float]:
    """The left edge of each column, the first column on the right when the table is RTL."""
    order = list(reversed(range(len(widths)))) if rtl else list(range(len(widths)))
    lefts = [0.0] * len(widths)
    x = frame_left
    for column in order:
        lefts[column] = x
        x += widths[column]
    return lefts


def _draw_cell(canvas, lines: list[Line], left: float, width: float, top: float, style: TextStyle,
               links: Sequence[Mark], tag: Element) -> None:
    for line in lines:
        x = draw_line_in(canvas, line, left, width, top, style)
        if links:
            annotate(canvas, line, x, baseline(top, style), style, links, tag)
        top -= style.leading
