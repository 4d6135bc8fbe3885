"""The document model: a small, immutable tree of blocks, independent of every format.

Its JSON form is the contract of ``newsconv parse FILE --json`` (see MODEL.md in the
shared folder): readers build a :class:`Document`, writers consume one, and neither
knows about the other.  Everything here is plain data so that a model can be hashed,
compared, pickled to a worker process and written out as JSON without loss.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Optional, Union

Direction = str  # "rtl" | "ltr"
# The input lines a block was read from, 1-based, first and last inclusive.  Where a block came
# from is no part of what it is: a span never takes part in equality or hashing, and appears in
# the JSON only when asked for (``parse --json --positions``).
LineSpan = tuple[int, int]

# --- Valid text: what every output can carry ---------------------------------------------
#
# XML 1.0 (the DOCX) cannot hold C0 controls other than tab, line feed and carriage return
# nor lone surrogates; HTML reports every C0/C1 control and noncharacter as a parse error; a
# PDF's text layer (UTF-16) cannot encode a lone surrogate.  The model's texts never hold
# such characters: readers remove them where the text enters (the decoder of articles and
# pages, the model reader), warning with the input's name and line, and the constructors
# below do the same for a model built in Python, so that no writer keeps a cleaner of its
# own and all three formats show the same text.

log = logging.getLogger("newsconv")

# C0 controls but tab, LF and CR; DEL and the C1 controls; surrogates; the noncharacters
# (U+FDD0-U+FDEF and the last two code points of each of the 17 planes).
INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                     + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
                     + "]")


def is_valid_text(text: str) -> bool:
    return INVALID.search(text) is None


def without_invalid(text: str) -> str:
    """``text`` without the characters no output can carry."""
    return INVALID.sub("", text)


def warn_invalid(where: str, removed_chars: list[str]) -> None:
    """The one warning for an input (``where``: its name, and the line of the first removal)."""
    codes = sorted({f"U+{ord(ch):04X}" for ch in removed_chars})
    shown = ", ".join(codes[:6]) + (", ..." if len(codes) > 6 else "")
    log.warning("%s: removed %d character(s) that no output can carry (control characters, lone surrogates, "
                "noncharacters: %s)", where, len(removed_chars), shown)


def made_valid(text: str, name: str) -> str:
    """``text`` without the characters no output can carry, warning once with ``name`` and the
    line of the first of them."""
    first = INVALID.search(text)
    if first is None:
        return text
    warn_invalid(f"{name}: line {text.count(chr(10), 0, first.start()) + 1}", INVALID.findall(text))
    return without_invalid(text)


def strings_made_valid(value: Any, found: list[str]) -> Any:
    """``value`` (a string, or lists, tuples and dicts of them) with every string made valid;
    the characters removed are added to ``found``."""
    if isinstance(value, str):
        if is_valid_text(value):
            return value
        found += INVALID.findall(value)
        return without_invalid(value)
    if isinstance(value, (list, tuple)):
        return type(value)(strings_made_valid(item, found) for item in value)
    if isinstance(value, dict):
        return {key: strings_made_valid(item, found) for key, item in value.items()}
    return value




@dataclass(frozen=True)
class Heading:
    """A title (level 1), deck or section heading (levels 2 and 3)."""

    level: int
    text: str
    dir: Optional[Direction] = None
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _make_valid(self, "text")


@dataclass(frozen=True)
class Paragraph:
    """Running text: one paragraph however many lines it was wrapped over."""

    text: str
    dir: Optional[Direction] = None
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _make_valid(self, "text")


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

    def __post_init__(self) -> None:
        _make_valid(self, "items")


@dataclass(frozen=True)
class Table:
    """A grid of plain-text cells; ``header`` is empty when the table has none."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    dir: Optional[Direction] = None
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _make_valid(self, "header")
        _make_valid(self, "rows")

    @property
    def column_count(self) -> int:
        return max([len(self.header)] + [len(r) for r in self.rows])


Block = Union[Heading, Paragraph, List, Table]


def _make_valid(block: Any, name: str) -> None:
    """A block's field held to the valid-text rule (readers have done so already, naming the line)."""
    make_field_valid(block, name, f"{type(block).__name__.lower()} {name}")


def make_field_valid(holder: Any, name: str, where: str) -> None:
    """Remove from the frozen ``holder``'s field (a string, or nested tuples of strings) the
    characters no output can carry, with one warning naming ``where``."""
    value = getattr(holder, name)
    found: list[str] = []
    cleaned = strings_made_valid(value, found)
    if found:
        warn_invalid(where, found)
        object.__setattr__(holder, name, cleaned)


_TYPE_NAMES = {Heading: "heading", Paragraph: "paragraph", List: "list", Table: "table"}


@dataclass(frozen=True)
class Document:
    """An article: its dominant language and direction and its blocks in reading order."""

    lang: str
    dir: Direction
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        _make_valid(self, "lang")

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
    def from_json(cls, data: Any) -> "Document":
        """Build a document from MODEL.md's JSON, checking its shape first: ModelError names the
        first value that breaks the contract by its path (``blocks[3].items``)."""
        document = _expect(data, dict, "", "expected a JSON object (the model)")
        return cls(lang=_lang(_key(document, "lang", ""), "lang"), dir=_direction(_key(document, "dir", ""), "dir"),
                   blocks=tuple(block_from_json(block, f"blocks[{index}]") for index, block in
                                enumerate(_list_of(_key(document, "blocks", ""), dict, "blocks", "blocks", "a block (a JSON object)"))))


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


class ModelError(ValueError):
    """A model JSON that breaks the contract; the message starts with the path of the value."""


# The values the JSON contract allows (MODEL.md).
DIRECTIONS = ("rtl", "ltr")
HEADING_LEVELS = range(1, 4)
NUMERALS = ("latin", "arabic-indic", "persian")
# A BCP-47 tag as writers put it in HTML's lang, DOCX's w:lang and the PDF's /Lang: letters and
# digits in subtags of at most 8, joined by hyphens (ar, fa-AF, und, zh-Hant-TW).
_LANG = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


def is_language_tag(value: Any) -> bool:
    """Whether ``value`` has the shape of a BCP-47 language tag (what ``lang`` may hold)."""
    return isinstance(value, str) and _LANG.fullmatch(value) is not None


def block_from_json(data: Any, path: str = "block") -> Block:
    """One block from its JSON object; ModelError names ``path`` (or a path below it) when it is not one."""
    block = _expect(data, dict, path, "expected a JSON object (a block)")
    kind = _key(block, "type", path)
    direction = _direction(block["dir"], f"{path}.dir") if block.get("dir") is not None else None
    if kind == "heading":
        level = _key(block, "level", path)
        if type(level) is not int or level not in HEADING_LEVELS:
            raise ModelError(f"{path}.level: expected an integer from 1 to 3, not {_show(level)}")
        return Heading(level=level, text=_text(_key(block, "text", path), f"{path}.text"), dir=direction)
    if kind == "paragraph":
        return Paragraph(text=_text(_key(block, "text", path), f"{path}.text"), dir=direction)
    if kind == "list":
        numerals = block.get("numerals")
        if numerals is not None and (not isinstance(numerals, str) or numerals not in NUMERALS):
            raise ModelError(f"{path}.numerals: expected one of {', '.join(NUMERALS)}, not {_show(numerals)}")
        ordered = _expect(_key(block, "ordered", path), bool, f"{path}.ordered", "expected true or false")
        return List(ordered=ordered, items=_list_of(_key(block, "items", path), str, f"{path}.items", "strings", "a string"),
                    dir=direction, numerals=numerals)
    if kind == "table":
        header = _list_of(_key(block, "header", path), str, f"{path}.header", "strings", "a string")
        rows = tuple(_list_of(row, str, f"{path}.rows[{index}]", "strings", "a string") for index, row in
                     enumerate(_list_of(_key(block, "rows", path), list, f"{path}.rows", "rows (lists of strings)",
                                               "a row (a list of strings)")))
        table = Table(header=header, rows=rows, dir=direction)
        if table.column_count == 0:
            raise ModelError(f"{path}: a table without a single cell")
        return table
    raise ModelError(f"{path}.type: expected heading, paragraph, list or table, not {_show(kind)}")


def _key(data: dict, key: str, path: str) -> Any:
    if key not in data:
        raise ModelError(f"{path + ': ' if path else ''}missing key {key!r}")
    return data[key]


def _expect(value: Any, kind: type, path: str, expected: str) -> Any:
    if not isinstance(value, kind) or kind is not bool and isinstance(value, bool):
        raise ModelError(f"{path + ': ' if path else ''}{expected}, not {_show(value)}")
    return value


def _list_of(value: Any, kind: type, path: str, plural: str, singular: str) -> tuple:
    """``value`` as a tuple, when it is a JSON array whose every element is of ``kind``."""
    _expect(value, list, path, f"expected a list of {plural}")
    for index, element in enumerate(value):
        _expect(element, kind, f"{path}[{index}]", f"expected {singular}")
    return tuple(value)


def _text(value: Any, path: str) -> str:
    return _expect(value, str, path, "expected a string")


def _lang(value: Any, path: str) -> str:
    if not is_language_tag(value):
        raise ModelError(f"{path}: expected a BCP-47 language tag such as ar or fa-IR, not {_show(value)}")
    return value


def _direction(value: Any, path: str = "dir") -> Direction:
    if not isinstance(value, str) or value not in DIRECTIONS:
        raise ModelError(f"{path}: expected rtl or ltr, not {_show(value)}")
    return value


def _show(value: Any) -> str:
    """A short, printable description of a JSON value for a one-line error message: the value
    itself when it is a short plain string or a modest number, else its kind."""
    if isinstance(value, str) and len(value) <= 20 and value.isascii() and value.isprintable() \
            or isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) < 1e9:
        return repr(value)
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")
