"""Model blocks to units: a paragraph, list item or heading (its lines), or a table row, that
pages cut only between lines.

Everything is measured here, before any page exists, as platypus's ``wrap`` does; the
paginator then only decides where the pages end.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from ...model import Block, Document, Heading, List, Paragraph, Table
from ...options import RenderOptions
from ...text.script import first_strong_direction
from .lines import Line, TextStyle, Typesetter
from .styles import Frame, heading_kind, list_numerals, number_in
from .tables import table_units
from .units import Unit, draw_line_in


class BlockLayout:
    """Turns the blocks of one document into units for a frame."""

    def __init__(self, document: Document, options: RenderOptions, styles: dict[str, TextStyle],
                 frame: Frame, typesetter: Typesetter):
        self.document, self.options, self.styles = document, options, styles
        self.frame, self.typesetter = frame, typesetter

    def units(self) -> Iterator[Unit]:
        """The units of every block in order, typeset only when the paginator asks for them."""
        previous: Optional[Block] = None
        for block in self.document.blocks:
            yield from self._block_units(block, previous)
            previous = block

    def is_rtl(self, text: str, block: Block) -> bool:
        """A paragraph's base direction is its first strong letter's; the block's or the document's
        direction decides only for text without one (numbers, symbols)."""
        return first_strong_direction(text, block.dir or self.document.dir) == "rtl"

    def table_is_rtl(self, table: Table) -> bool:
        """Whether the table's first column is on the right."""
        return (table.dir or self.document.dir) == "rtl"

    def _block_units(self, block: Block, previous: Optional[Block]) -> Iterable[Unit]:
        if isinstance(block, Heading):
            return self._heading(block, previous)
        if isinstance(block, Paragraph):
            style = self.styles["body"]
            return self.text_units(block.text, style, self.is_rtl(block.text, block), style.size * 0.7,
                                   justify=self.options.justify)
        if isinstance(block, List):
            return self._list(block)
        return table_units(block, self)

    def _heading(self, block: Heading, previous: Optional[Block]) -> list[Unit]:
        kind = heading_kind(block, previous)
        style = self.styles[kind]
        space = 0.0 if kind == "title" else style.size * (0.3 if kind == "deck" else 0.9)
        units = self.text_units(block.text, style, self.is_rtl(block.text, block), space)
        for unit in units:
            unit.keep_with_next = True
        return units

    def text_units(self, text: str, style: TextStyle, rtl: bool, space_before: float,
                   justify: bool = False, indent: float = 0.0, marker: Optional[Line] = None) -> list[Unit]:
        """The unit of one paragraph of ``text`` (none when it has no line), with the bullet or
        number ``marker`` on the start side of its first line."""
        width = self.frame.width - indent
        lines = self.typesetter.lines(text, style, width, rtl, justify)
        if not lines:
            return []
        frame = self.frame

        def draw(canvas, top: float, start: int, end: int) -> None:
            for number in range(start, end):
                line = lines[number]
                draw_line_in(canvas, line, frame.left + (0.0 if line.rtl else indent), width, top, style)
                if number == 0 and marker is not None:
                    draw_line_in(canvas, marker, frame.left, frame.width, top, style)
                top -= style.leading

        return [Unit(len(lines), style.leading, draw, space_before=space_before)]

    def _list(self, block: List) -> Iterator[Unit]:
        style = self.styles["body"]
        numerals = list_numerals(block, self.document)

        def marker_text(number: int) -> str:
            return f"{number_in(numerals, number)}." if block.ordered else "•"

        last = self.typesetter.lines(marker_text(len(block.items)), style, self.frame.width, False)
        indent = max(style.size * 2.2, last[0].width + style.size * 0.6 if last else 0.0)
        for number, item in enumerate(block.items, 1):
            rtl = self.is_rtl(item, block)
            marker = self.typesetter.lines(marker_text(number), style, indent, rtl)[0]
            yield from self.text_units(item, style, rtl, style.size * (0.7 if number == 1 else 0.3),
                                       indent=indent, marker=marker)
