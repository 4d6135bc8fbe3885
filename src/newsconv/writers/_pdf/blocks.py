"""Model blocks to units: the unbreakable slices (a line, a table row) that pages are filled with.

Everything is measured here, before any page exists, as platypus's ``wrap`` does; the
paginator then only decides where the pages end.
"""
from __future__ import annotations

from typing import Optional, Sequence

from ...model import Block, Document, Figure, Heading, List, Mark, Paragraph, Quote, Table
from ...options import RenderOptions
from ...text.script import first_strong_direction
from .draw import draw_line
from .figures import ImageSet, figure_units, quote_units
from .links import annotate
from .lines import Line, TextStyle, Typesetter
from .styles import Frame, heading_kind, list_numerals, number_in
from .tables import table_units
from .units import Unit, aligned_offset, baseline


class BlockLayout:
    """Turns the blocks of one document into units for a frame."""

    def __init__(self, document: Document, options: RenderOptions, styles: dict[str, TextStyle],
                 frame: Frame, typesetter: Typesetter):
        self.document, self.options, self.styles = document, options, styles
        self.frame, self.typesetter = frame, typesetter
        self.images = ImageSet()

    def units(self) -> list[Unit]:
        units: list[Unit] = []
        previous: Optional[Block] = None
        for block in self.document.blocks:
            units += self._block_units(block, previous)
            previous = block
        return units

    def is_rtl(self, text: str, block: Block) -> bool:
        """A paragraph's base direction is its first strong letter's; the block's or the document's
        direction decides only for text without one (numbers, symbols)."""
        return first_strong_direction(text, block.dir or self.document.dir) == "rtl"

    def table_is_rtl(self, table: Table) -> bool:
        """Whether the table's first column is on the right."""
        return (table.dir or self.document.dir) == "rtl"

    def _block_units(self, block: Block, previous: Optional[Block]) -> list[Unit]:
        return BLOCK_UNITS[type(block)](self, block, previous)

    def _paragraph(self, block: Paragraph, previous: Optional[Block]) -> list[Unit]:
        style = self.styles["body"]
        return self.text_units(block.text, style, self.is_rtl(block.text, block), style.size * 0.7,
                               justify=self.options.justify, marks=_part_marks(block.marks, 0))

    def image(self, src: str) -> tuple[str, tuple[int, int]]:
        """The page resource name and pixel size of the image ``src`` (embedded on first use)."""
        return self.images.add(src)

    def _heading(self, block: Heading, previous: Optional[Block]) -> list[Unit]:
        kind = heading_kind(block, previous)
        style = self.styles[kind]
        space = 0.0 if kind == "title" else style.size * (0.3 if kind == "deck" else 0.9)
        units = self.text_units(block.text, style, self.is_rtl(block.text, block), space, marks=_part_marks(block.marks, 0))
        for unit in units:
            unit.keep_with_next = True
        return units

    def text_units(self, text: str, style: TextStyle, rtl: bool, space_before: float,
                   justify: bool = False, indent: float = 0.0, marks: Sequence[Mark] = ()) -> list[Unit]:
        """One unit per line of ``text``; a paragraph's first and last lines never stand alone."""
        width = self.frame.width - indent
        lines = self.typesetter.lines(text, style, width, rtl, justify, marks)
        links = [mark for mark in marks if mark.kind == "link"]
        units = [self._line_unit(line, style, width, indent, links) for line in lines]
        if units:
            units[0].space_before = space_before
        if len(units) >= 2:
            units[0].keep_with_next = units[-2].keep_with_next = True
        return units

    def _line_unit(self, line: Line, style: TextStyle, width: float, indent: float, links: Sequence[Mark] = ()) -> Unit:
        left = self.frame.left + (0.0 if line.rtl else indent)
        offset = aligned_offset(line, width)

        def draw(canvas, top: float) -> None:
            draw_line(canvas, line, left + offset, baseline(top, style), style)
            if links:
                annotate(canvas, line, left + offset, baseline(top, style), style, links)

        return Unit(style.leading, draw)

    def _list(self, block: List) -> list[Unit]:
        style = self.styles["body"]
        numerals = list_numerals(block, self.document)
        indent = style.size * 2.2
        units: list[Unit] = []
        for number, item in enumerate(block.items, 1):
            rtl = self.is_rtl(item, block)
            marker_text = f"{number_in(numerals, number)}." if block.ordered else "•"
            item_units = self.text_units(item, style, rtl, style.size * (0.7 if number == 1 else 0.3),
                                         indent=indent, marks=_part_marks(block.marks, number - 1))
            if item_units:
                marker = self.typesetter.lines(marker_text, style, indent, rtl)[0]
                item_units[0] = self._with_marker(item_units[0], marker, style)
            units += item_units
        return units

    def _with_marker(self, unit: Unit, marker: Line, style: TextStyle) -> Unit:
        """The unit of an item's first line, with its bullet or number on the start side."""
        left = self.frame.left + self.frame.width - marker.width if marker.rtl else self.frame.left
        draw_text = unit.draw

        def draw(canvas, top: float) -> None:
            draw_text(canvas, top)
            draw_line(canvas, marker, left, baseline(top, style), style)

        return Unit(unit.height, draw, unit.space_before, unit.keep_with_next)


# Every kind of block and how it is laid out (tests check that no kind is missing).
BLOCK_UNITS = {
    Heading: BlockLayout._heading,
    Paragraph: BlockLayout._paragraph,
    List: lambda layout, block, previous: layout._list(block),
    Table: lambda layout, block, previous: table_units(block, layout),
    Quote: lambda layout, block, previous: quote_units(layout, block),
    Figure: lambda layout, block, previous: figure_units(layout, block),
}


def _part_marks(marks: Sequence[Mark], part: int) -> list[Mark]:
    """The marks on text number ``part`` of a block."""
    return [mark for mark in marks if mark.part == part]
