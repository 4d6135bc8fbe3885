"""Model blocks to units: the unbreakable slices (a line, a table row) that pages are filled with.

Everything is measured here, before any page exists, as platypus's ``wrap`` does; the
paginator then only decides where the pages end.
"""
from __future__ import annotations

from typing import Optional

from ...model import Block, Document, Heading, List, Paragraph, Table
from ...options import RenderOptions
from .draw import draw_line
from .lines import Line, TextStyle, Typesetter
from ...text.numerals import number_in
from .structure import Element, ListTags, StructureTree
from .styles import Frame, heading_kind, list_numerals
from .tables import table_units
from .units import Unit, aligned_offset, baseline


class BlockLayout:
    """Turns the blocks of one document into units for a frame."""

    def __init__(self, document: Document, options: RenderOptions, styles: dict[str, TextStyle],
                 frame: Frame, typesetter: Typesetter, structure: StructureTree):
        self.document, self.options, self.styles = document, options, styles
        self.frame, self.typesetter, self.structure = frame, typesetter, structure

    def units(self) -> list[Unit]:
        units: list[Unit] = []
        previous: Optional[Block] = None
        for block in self.document.blocks:
            units += self._block_units(block, previous)
            previous = block
        return units

    def is_rtl(self, block: Block) -> bool:
        """The base direction of the block's texts, and of a table its column order: the model's
        (the block's, else the document's), never decided again from the letters."""
        return (block.dir or self.document.dir) == "rtl"

    def _block_units(self, block: Block, previous: Optional[Block]) -> list[Unit]:
        tags = self.structure.add(block)
        if isinstance(block, Heading):
            return self._heading(block, previous, tags)
        if isinstance(block, Paragraph):
            style = self.styles["body"]
            return self.text_units(block.text, style, self.is_rtl(block), style.size * 0.7,
                                   justify=self.options.style.justify, tag=tags)
        if isinstance(block, List):
            return self._list(block, tags)
        return table_units(block, self, tags)

    def _heading(self, block: Heading, previous: Optional[Block], tag: Element) -> list[Unit]:
        kind = heading_kind(block, previous)
        style = self.styles[kind]
        space = 0.0 if kind == "title" else style.size * (0.3 if kind == "deck" else 0.9)
        units = self.text_units(block.text, style, self.is_rtl(block), space, tag=tag)
        for unit in units:
            unit.keep_with_next = True
        return units

    def text_units(self, text: str, style: TextStyle, rtl: bool, space_before: float,
                   justify: bool = False, indent: float = 0.0, *, tag: Element) -> list[Unit]:
        """One unit per line of ``text`` (content of ``tag``); a paragraph's first and last lines
        never stand alone."""
        width = self.frame.width - indent
        lines = self.typesetter.lines(text, style, width, rtl, justify)
        units = [self._line_unit(line, style, width, indent, tag) for line in lines]
        if units:
            units[0].space_before = space_before
        if len(units) >= 2:
            units[0].keep_with_next = units[-2].keep_with_next = True
        return units

    def _line_unit(self, line: Line, style: TextStyle, width: float, indent: float, tag: Element) -> Unit:
        left = self.frame.left + (0.0 if line.rtl else indent)
        offset = aligned_offset(line, width)

        def draw(canvas, top: float) -> None:
            with canvas.tagged(tag, top):
                draw_line(canvas, line, left + offset, baseline(top, style), style)

        return Unit(style.leading, draw)

    def _list(self, block: List, tags: ListTags) -> list[Unit]:
        style = self.styles["body"]
        numerals = list_numerals(block, self.document, self.options)
        indent = style.size * 2.2
        units: list[Unit] = []
        for number, (item, (label, body)) in enumerate(zip(block.items, tags.items), 1):
            rtl = self.is_rtl(block)
            marker_text = f"{number_in(numerals, number)}." if block.ordered else "•"
            item_units = self.text_units(item, style, rtl, style.size * (0.7 if number == 1 else 0.3),
                                         indent=indent, tag=body)
            if item_units:
                marker = self.typesetter.lines(marker_text, style, indent, rtl)[0]
                item_units[0] = self._with_marker(item_units[0], marker, style, label)
            units += item_units
        return units

    def _with_marker(self, unit: Unit, marker: Line, style: TextStyle, label: Element) -> Unit:
        """The unit of an item's first line, with its bullet or number (``label``) on the start side."""
        left = self.frame.left + self.frame.width - marker.width if marker.rtl else self.frame.left
        draw_text = unit.draw

        def draw(canvas, top: float) -> None:
            draw_text(canvas, top)
            with canvas.tagged(label):
                draw_line(canvas, marker, left, baseline(top, style), style)

        return Unit(unit.height, draw, unit.space_before, unit.keep_with_next)
