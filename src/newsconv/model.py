"""The document model: a small, immutable tree of blocks, independent of every format.

Its JSON form is the contract of ``newsconv parse FILE --json`` (see MODEL.md in the
shared folder): readers build a :class:`Document`, writers consume one, and neither
knows about the other.  Everything here is plain data so that a model can be hashed,
compared, pickled to a worker process and written out as JSON without loss.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union

Direction = str  # "rtl" | "ltr"
# The input lines a block was read from, 1-based, first and last inclusive.  Where a block came
# from is no part of what it is: a span never takes part in equality or hashing, and appears in
# the JSON only when asked for (``parse --json --positions``).
LineSpan = tuple[int, int]


@dataclass(frozen=True)
class Heading:
    """A title (level 1), deck or section heading (levels 2 and 3)."""

    level: int
    text: str
    dir: Optional[Direction] = None
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Paragraph:
    """Running text: one paragraph however many lines it was wrapped over."""

    text: str
    dir: Optional[Direction] = None
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class List:
    """A bulleted (``ordered=False``) or numbered list of plain-text items.

    ``numerals`` extends the contract: for an ordered list, the digits the article
    numbered it with ("latin", "arabic-indic" or "persian"), so writers can number
    it the same way.
    """

    ordered: bool
    items: tuple[str, ...]
    dir: Optional[Direction] = None
    numerals: Optional[str] = None
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Table:
    """A grid of plain-text cells; ``header`` is empty when the table has none."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    dir: Optional[Direction] = None
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)

    @property
    def column_count(self) -> int:
        return max([len(self.header)] + [len(r) for r in self.rows])


Block = Union[Heading, Paragraph, List, Table]

_TYPE_NAMES = {Heading: "heading", Paragraph: "paragraph", List: "list", Table: "table"}


@dataclass(frozen=True)
class Document:
    """An article: its dominant language and direction and its blocks in reading order."""

    lang: str
    dir: Direction
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def title(self) -> Optional[str]:
        """The text of the first level-1 heading, which newsconv treats as the title."""
        for block in self.blocks:
            if isinstance(block, Heading) and block.level == 1:
                return block.text
        return None

    def to_json(self, positions: bool = False) -> dict[str, Any]:
        """The model as MODEL.md's JSON object (keys in the contract's order); ``positions`` adds
        each block's source ``lines``."""
        return {"lang": self.lang, "dir": self.dir,
                "blocks": [block_to_json(b, positions) for b in self.blocks]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Document":
        """Build a document from MODEL.md's JSON; raises ``ValueError``/``KeyError`` on a bad shape."""
        return cls(
            lang=str(data["lang"]),
            dir=_direction(data["dir"]),
            blocks=tuple(block_from_json(b) for b in data["blocks"]),
        )


def block_type(block: Block) -> str:
    """The block's name in the JSON contract ("heading", "paragraph", "list" or "table")."""
    return _TYPE_NAMES[type(block)]


def block_texts(block: Block) -> tuple[str, ...]:
    """Every text of a block in reading order: a list's items, a table's header then rows by row."""
    if isinstance(block, (Heading, Paragraph)):
        return (block.text,)
    if isinstance(block, List):
        return block.items
    return block.header + tuple(cell for row in block.rows for cell in row)


def document_texts(document: "Document") -> tuple[str, ...]:
    """Every text of a document in reading order."""
    return tuple(text for block in document.blocks for text in block_texts(block))


def block_to_json(block: Block, positions: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"type": block_type(block)}
    if isinstance(block, Heading):
        out.update(level=block.level, text=block.text)
    elif isinstance(block, Paragraph):
        out["text"] = block.text
    elif isinstance(block, List):
        out.update(ordered=block.ordered, items=list(block.items))
        if block.numerals:
            out["numerals"] = block.numerals
    else:
        out.update(header=list(block.header), rows=[list(r) for r in block.rows])
    if block.dir:
        out["dir"] = block.dir
    if positions and block.lines:
        out["lines"] = list(block.lines)
    return out


def block_from_json(data: dict[str, Any]) -> Block:
    kind = data["type"]
    direction = _direction(data["dir"]) if data.get("dir") else None
    if kind == "heading":
        level = int(data["level"])
        if not 1 <= level <= 3:
            raise ValueError(f"heading level {level} is not 1..3")
        return Heading(level=level, text=_text(data["text"]), dir=direction)
    if kind == "paragraph":
        return Paragraph(text=_text(data["text"]), dir=direction)
    if kind == "list":
        return List(ordered=bool(data["ordered"]), items=tuple(_text(i) for i in data["items"]),
                    dir=direction, numerals=data.get("numerals"))
    if kind == "table":
        return Table(header=tuple(_text(c) for c in data["header"]),
                     rows=tuple(tuple(_text(c) for c in row) for row in data["rows"]), dir=direction)
    raise ValueError(f"unknown block type {kind!r}")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {type(value).__name__}")
    return value


def _direction(value: Any) -> Direction:
    if value not in ("rtl", "ltr"):
        raise ValueError(f"dir must be 'rtl' or 'ltr', not {value!r}")
    return value
