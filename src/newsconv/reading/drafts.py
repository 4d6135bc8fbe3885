"""What the block rules find before the heading decision: typed drafts with their source lines.

A draft spans the input lines ``start`` to ``end`` (0-based, ``end`` exclusive), which become
the block's ``lines`` (1-based, inclusive) in the model.  Marked constructs (a markdown heading,
a table, a list) are final as found; plain text stays :class:`LooseText` until the heading stage,
which alone decides what is a title, a deck, a section heading or a paragraph.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

from ..model import Heading, List, Table


@dataclass(frozen=True)
class MarkedHeading:
    """A heading its author marked (``## Section``)."""

    start: int
    end: int
    level: int
    text: str

    def block(self) -> Heading:
        return Heading(level=self.level, text=self.text, lines=source_lines(self))


@dataclass(frozen=True)
class TableDraft:
    """Rows of cells, the first of them the header when ``header``; rows may be ragged."""

    start: int
    end: int
    rows: tuple[tuple[str, ...], ...]
    header: bool

    def block(self) -> Table:
        width = max(len(r) for r in self.rows)
        padded = [tuple(collapse(c) for c in r) + ("",) * (width - len(r)) for r in self.rows]
        if self.header:
            return Table(header=padded[0], rows=tuple(padded[1:]), lines=source_lines(self))
        return Table(header=(), rows=tuple(padded), lines=source_lines(self))


@dataclass(frozen=True)
class ListDraft:
    """Items without their markers; ``numerals`` names the digits of a numbered list."""

    start: int
    end: int
    ordered: bool
    items: tuple[str, ...]
    numerals: Optional[str] = None

    def block(self) -> List:
        return List(ordered=self.ordered, items=tuple(collapse(t) for t in self.items), numerals=self.numerals,
                    lines=source_lines(self))


@dataclass(frozen=True)
class LooseText:
    """Plain text not yet known to be a heading or a paragraph.

    ``heading_candidate``: it may be a heading at all; ``under_previous``: no blank line stands
    between it and the block before.
    """

    start: int
    end: int
    text: str
    heading_candidate: bool = True
    under_previous: bool = False

    @property
    def one_line(self) -> bool:
        return self.end - self.start == 1


@dataclass(frozen=True)
class TextRun:
    """Consecutive lines of running text, reflowed into one loose text per paragraph."""

    start: int
    end: int
    paragraphs: tuple[LooseText, ...]

    def parts(self) -> tuple[LooseText, ...]:
        return self.paragraphs


@dataclass(frozen=True)
class ShortLines:
    """Short lines standing together that do not read as a table: paragraphs (a short title over
    each sentence may be a heading)."""

    start: int
    end: int
    paragraphs: tuple[LooseText, ...]

    def parts(self) -> tuple[LooseText, ...]:
        return self.paragraphs

    @property
    def warning(self) -> str:
        """What the reader tells the user: lines that might have been a table kept as text (none
        when they read as titled sections)."""
        if any(paragraph.heading_candidate for paragraph in self.paragraphs):
            return ""
        return f"kept {len(self.paragraphs)} short lines as paragraphs: their table columns are unclear " \
               f"(\"{self.paragraphs[0].text[:40]}\")"


Draft = Union[MarkedHeading, TableDraft, ListDraft, TextRun, ShortLines]
Part = Union[MarkedHeading, TableDraft, ListDraft, LooseText]


def parts(draft: Draft) -> tuple[Part, ...]:
    """The pieces a draft stands for in the document: a text run's paragraphs, else the draft itself."""
    return draft.parts() if isinstance(draft, (TextRun, ShortLines)) else (draft,)


def source_lines(draft) -> tuple[int, int]:
    """A draft's lines as the model gives them: 1-based, first and last inclusive."""
    return (draft.start + 1, draft.end)


def collapse(text: str) -> str:
    """Runs of whitespace as one space, none at the ends (the model's form of every text)."""
    return " ".join(text.split())
