"""Model blocks to units: a block's (or a table row's) lines, which pages take whole or split.

Everything is measured here, as platypus's ``wrap`` does, block by block as the paginator
asks; the paginator then only decides where the pages end.  Each block gets its elements of
the ``structure`` tree first, so the tree is in reading order, and every line is drawn as
their marked content.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from ...model import Block, Document, Heading, List, Paragraph
from ...options import RenderOptions
from .lines import Line, TextStyle, Typesetter
from ...text.numerals import number_in
from .structure import Element, ListTags, StructureTree
from .styles import Frame, heading_kind, list_numerals
from .tables import table_units
from .units import Unit, draw_line_in


class BlockLayout:
    """Turns the blocks of one document into units for a frame."""

    def __init__(self, document: Document, options: RenderOptions, styles: dict[str, TextStyle],
                 frame: Frame, typesetter: Typesetter, structure: StructureTree):
        self.document, self.options, self.styles = document, options, styles
        self.frame, self.typesetter, self.structure = frame, typesetter, structure

    def units(self) -> Iterator[Unit]:
        """The units of every block in order, typeset only when the paginator asks for them."""
        previous: Optional[Block] = None
        for block in self.document.blocks:
            yield from self._block_units(block, previous)
            previous = block

    def is_rtl(self, block: Block) -> bool:
        """The base direction of the block's texts, and of a table its column order: the model's
        (the block's, else the document's), never decided again from the letters."""
        return (block.dir or self.document.dir) == "rtl"

    def _block_units(self, block: Block, previous: Optional[Block]) -> Iterable[Unit]:
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
                   justify: bool = False, indent: float = 0.0, *, tag: Element,
                   marker: Optional[tuple[Line, Element]] = None) -> list[Unit]:
        """The unit of one paragraph of ``text`` (none when it has no line), each line drawn as
        content of ``tag``, with the bullet or number ``marker`` (its line and its Lbl element)
        on the start side of its first line."""
        width = self.frame.width - indent
        lines = self.typesetter.lines(text, style, width, rtl, justify)
        if not lines:
            return []
        frame = self.frame

        def draw(canvas, top: float, start: int, end: int) -> None:
            for number in range(start, end):
                if number == 0 and marker is not None:
                    marker_line, label = marker
                    with canvas.tagged(label):
                        draw_line_in(canvas, marker_line, frame.left, frame.width, top, style)
                line = lines[number]
                with canvas.tagged(tag, top):
                    draw_line_in(canvas, line, frame.left + (0.0 if line.rtl else indent), width, top, style)
                top -= style.leading

        return [Unit(len(lines), style.leading, draw, space_before=space_before)]

    def _list(self, block: List, tags: ListTags) -> Iterator[Unit]:
        style = self.styles["body"]
        numerals = list_numerals(block, self.document, self.options)
        rtl = self.is_rtl(block)

        def marker_text(number: int) -> str:
            return f"{number_in(numerals, number)}." if block.ordered else "•"

        last = self.typesetter.lines(marker_text(len(block.items)), style, self.frame.width, False)
        indent = max(style.size * 2.2, last[0].width + style.size * 0.6 if last else 0.0)
        for number, (item, (label, body)) in enumerate(zip(block.items, tags.items), 1):
            marker = self.typesetter.lines(marker_text(number), style, indent, rtl)[0]
            yield from self.text_units(item, style, rtl, style.size * (0.7 if number == 1 else 0.3),
                                       indent=indent, tag=body, marker=(marker, label))
