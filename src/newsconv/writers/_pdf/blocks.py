"""Model blocks to units: a block's (or a table row's) lines, which pages take whole or split.

Everything is measured here, as platypus's ``wrap`` does, block by block as the paginator
asks; the paginator then only decides where the pages end.  Each block gets its elements of
the ``structure`` tree first, so the tree is in reading order, and every line is drawn as
their marked content.
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional, Sequence

from ...model import Block, Document, Figure, Heading, List, Mark, Paragraph, Quote, Table
from ...options import RenderOptions
from ...text.numerals import number_in
from .figures import Pictures, figure_units, quote_units
from .lines import Line, TextStyle, Typesetter
from .links import annotate
from .structure import Element, ListTags, StructureTree
from .styles import Frame, heading_kind, list_numerals
from .tables import table_units
from .units import Unit, baseline, draw_line_in


class BlockLayout:
    """Turns the blocks of one document into units for a frame."""

    def __init__(self, document: Document, options: RenderOptions, styles: dict[str, TextStyle],
                 frame: Frame, typesetter: Typesetter, structure: StructureTree):
        self.document, self.options, self.styles = document, options, styles
        self.frame, self.typesetter, self.structure = frame, typesetter, structure
        self.pictures = Pictures()

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
        lay_out = BLOCK_UNITS[type(block)]  # a kind no entry names is refused before it is tagged
        return lay_out(self, block, previous, self.structure.add(block))

    def _paragraph(self, block: Paragraph, previous: Optional[Block], tag: Element) -> list[Unit]:
        style = self.styles["body"]
        return self.text_units(block.text, style, self.is_rtl(block), style.size * 0.7,
                               justify=self.options.style.justify, tag=tag, marks=part_marks(block.marks, 0))

    def _heading(self, block: Heading, previous: Optional[Block], tag: Element) -> list[Unit]:
        kind = heading_kind(block, previous)
        style = self.styles[kind]
        space = 0.0 if kind == "title" else style.size * (0.3 if kind == "deck" else 0.9)
        units = self.text_units(block.text, style, self.is_rtl(block), space, tag=tag, marks=part_marks(block.marks, 0))
        for unit in units:
            unit.keep_with_next = True
        return units

    def text_units(self, text: str, style: TextStyle, rtl: bool, space_before: float,
                   justify: bool = False, indent: float = 0.0, *, tag: Element,
                   marker: Optional[tuple[Line, Element]] = None, marks: Sequence[Mark] = ()) -> list[Unit]:
        """The unit of one paragraph of ``text`` (none when it has no line), each line drawn as
        content of ``tag``, with the bullet or number ``marker`` (its line and its Lbl element)
        on the start side of its first line; ``marks`` set text bold or italic, and its links
        get annotations over their glyphs."""
        width = self.frame.width - indent
        lines = self.typesetter.lines(text, style, width, rtl, justify, marks)
        if not lines:
            return []
        frame = self.frame
        links = [mark for mark in marks if mark.kind == "link"]

        def draw(canvas, top: float, start: int, end: int) -> None:
            for number in range(start, end):
                if number == 0 and marker is not None:
                    marker_line, label = marker
                    with canvas.tagged(label):
                        draw_line_in(canvas, marker_line, frame.left, frame.width, top, style)
                line = lines[number]
                with canvas.tagged(tag, top):
                    x = draw_line_in(canvas, line, frame.left + (0.0 if line.rtl else indent), width, top, style)
                if links:
                    annotate(canvas, line, x, baseline(top, style), style, links, tag)
                top -= style.leading

        return [Unit(len(lines), style.leading, draw, space_before=space_before)]

    def _list(self, block: List, previous: Optional[Block], tags: ListTags) -> Iterator[Unit]:
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
                                       indent=indent, tag=body, marker=(marker, label),
                                       marks=part_marks(block.marks, number - 1))


# Every kind of block and how it is laid out (tests check that no kind is missing).
BLOCK_UNITS = {
    Heading: BlockLayout._heading,
    Paragraph: BlockLayout._paragraph,
    List: BlockLayout._list,
    Table: lambda layout, block, previous, tags: table_units(block, layout, tags),
    Quote: lambda layout, block, previous, tags: quote_units(layout, block, tags),
    Figure: lambda layout, block, previous, tags: figure_units(layout, block, tags),
}


def part_marks(marks: Sequence[Mark], part: int) -> list[Mark]:
    """The marks on text number ``part`` of a block."""
    return [mark for mark in marks if mark.part == part]


def shifted(marks: Sequence[Mark], by: int) -> list[Mark]:
    """``marks`` moved ``by`` characters on, for a text printed after a prefix of that length."""
    return [Mark(mark.kind, mark.start + by, mark.end + by, mark.href, mark.part) for mark in marks]
