"""The document model: a small, immutable tree of blocks, independent of every format.

Its JSON form is the contract of ``newsconv parse FILE --json`` (see MODEL.md in the
shared folder): readers build a :class:`Document`, writers consume one, and neither
knows about the other.  Everything here is plain data so that a model can be hashed,
compared, pickled to a worker process and written out as JSON without loss.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Union, get_args

Direction = Literal["rtl", "ltr"]
MarkKind = Literal["strong", "emphasis", "code", "link"]
VERSION = 2  # the JSON contract's version (MODEL.md); version-1 JSON is still read
LINK_SCHEMES = ("http", "https", "mailto")  # the only links a document keeps
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
class Mark:
    """An inline mark, stand-off: characters ``start:end`` (code points) of text number ``part``
    of its block (see :func:`block_texts`), so the block's text stays the plain logical text.

    ``href`` is a link's target, always an http, https or mailto URL (see :func:`safe_href`).
    """

    kind: MarkKind
    start: int
    end: int
    href: Optional[str] = None
    part: int = 0


@dataclass(frozen=True)
class Heading:
    """A title (level 1), deck or section heading (levels 2 and 3)."""

    level: int
    text: str
    dir: Optional[Direction] = None
    marks: tuple[Mark, ...] = ()
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _make_valid(self, "text")


@dataclass(frozen=True)
class Paragraph:
    """Running text: one paragraph however many lines it was wrapped over."""

    text: str
    dir: Optional[Direction] = None
    marks: tuple[Mark, ...] = ()
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
    marks: tuple[Mark, ...] = ()
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _make_valid(self, "items")


@dataclass(frozen=True)
class Table:
    """A grid of plain-text cells; ``header`` is empty when the table has none."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    dir: Optional[Direction] = None
    marks: tuple[Mark, ...] = ()
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _make_valid(self, "header")
        _make_valid(self, "rows")

    @property
    def column_count(self) -> int:
        return max([len(self.header)] + [len(r) for r in self.rows])


@dataclass(frozen=True)
class Quote:
    """A quotation set apart from the running text (a pull quote, ``<blockquote>``, ``>`` lines),
    with the speaker or source it is attributed to ("" when none)."""

    text: str
    attribution: str = ""
    dir: Optional[Direction] = None
    marks: tuple[Mark, ...] = ()
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        _make_valid(self, "text")
        _make_valid(self, "attribution")


@dataclass(frozen=True)
class Figure:
    """An image with its caption and credit.

    ``src`` is the image as a ``data:`` URI (readers embed the files they were allowed to read,
    so the model is self-contained and no writer touches the file system or the network), or ""
    when the image could not be had: the caption and credit are kept all the same.
    """

    src: str
    alt: str = ""
    caption: str = ""
    credit: str = ""
    dir: Optional[Direction] = None
    marks: tuple[Mark, ...] = ()
    lines: Optional[LineSpan] = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        for name in ("alt", "caption", "credit"):
            _make_valid(self, name)


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


Block = Union[Heading, Paragraph, List, Table, Quote, Figure]

_TYPE_NAMES = {Heading: "heading", Paragraph: "paragraph", List: "list", Table: "table", Quote: "quote",
               Figure: "figure"}
BLOCK_KINDS: tuple[type, ...] = tuple(_TYPE_NAMES)  # every kind of block; each writer handles each one


@dataclass(frozen=True)
class Meta:
    """What a newsroom knows about an article besides its text (schema.org NewsArticle, IPTC ninjs).

    ``byline`` holds, verbatim and in order, the lines the article printed its byline, date and
    dateline on (readers move them here out of the body); ``dateline`` the dateline that opened
    the first paragraph, verbatim ("LONDON (Reuters) -").  Writers print both as the article's
    header, so nothing the article said is lost; ``authors``, ``date`` (ISO 8601), ``place`` and
    ``source`` are what was understood from them or from the page's metadata.
    """

    title: Optional[str] = None
    authors: tuple[str, ...] = ()
    date: Optional[str] = None
    place: Optional[str] = None
    source: Optional[str] = None
    section: Optional[str] = None
    url: Optional[str] = None
    keywords: tuple[str, ...] = ()
    byline: tuple[str, ...] = ()
    dateline: Optional[str] = None

    def __post_init__(self) -> None:
        for name in self.__dict__:
            make_field_valid(self, name, f"meta {name}")

    def to_json(self) -> dict[str, Any]:
        """The fields that are set, in declaration order (tuples as lists)."""
        return {name: list(value) if isinstance(value, tuple) else value
                for name, value in self.__dict__.items() if value}

    @classmethod
    def from_json(cls, data: Any, path: str = "meta") -> "Meta":
        _expect(data, dict, path, "expected a JSON object (the metadata)")
        fields = {}
        for name, default in cls().__dict__.items():
            if data.get(name) is not None:
                value, where = data[name], f"{path}.{name}"
                fields[name] = _list_of(value, str, where, "strings", "a string") if isinstance(default, tuple) \
                    else _text(value, where)
        return cls(**fields)


@dataclass(frozen=True)
class Document:
    """An article: its dominant language and direction and its blocks in reading order."""

    lang: str
    dir: Direction
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    meta: Meta = Meta()

    def __post_init__(self) -> None:
        _make_valid(self, "lang")

    @property
    def title(self) -> Optional[str]:
        """``meta.title``, else the text of the first level-1 heading, which newsconv treats as the title."""
        if self.meta.title:
            return self.meta.title
        for block in self.blocks:
            if isinstance(block, Heading) and block.level == 1:
                return block.text
        return None

    def to_json(self, positions: bool = False, version: int = VERSION) -> dict[str, Any]:
        """The model as MODEL.md's JSON object (keys in the contract's order); ``positions`` adds
        each block's source ``lines``; ``version=1`` gives the version-1 view (:func:`as_version_1`),
        which older consumers (and the shared scorer) read."""
        if version == 1:
            document = as_version_1(self)
            return {"lang": document.lang, "dir": document.dir,
                    "blocks": [block_to_json(b, positions) for b in document.blocks]}
        blocks = [block_to_json(b, positions) for b in header_in_body(self).blocks]
        start = body_start(self.blocks)
        for entry in blocks[start:start + len(self.meta.byline)]:
            entry["role"] = "byline"
        meta = self.meta.to_json()
        meta.pop("byline", None)  # the lines are in the blocks, where the article printed them
        return {"version": VERSION, "lang": self.lang, "dir": self.dir, "meta": meta, "blocks": blocks}

    @classmethod
    def from_json(cls, data: Any) -> "Document":
        """Build a document from MODEL.md's JSON (version 1 or 2), checking its shape first:
        ModelError names the first value that breaks the contract by its path (``blocks[3].items``)."""
        document = _expect(data, dict, "", "expected a JSON object (the model)")
        version = document.get("version", 1)
        if type(version) is not int or version not in (1, VERSION):
            raise ModelError(f"version: expected 1 or {VERSION}, not {_show(version)}")
        entries = _list_of(_key(document, "blocks", ""), dict, "blocks", "blocks", "a block (a JSON object)")
        blocks = tuple(block_from_json(block, f"blocks[{index}]") for index, block in enumerate(entries))
        return header_from_body(cls(lang=_lang(_key(document, "lang", ""), "lang"),
                                    dir=_direction(_key(document, "dir", ""), "dir"),
                                    blocks=blocks, meta=Meta.from_json(document.get("meta", {}))),
                                tuple(index for index, entry in enumerate(entries) if entry.get("role") == "byline"))


def block_type(block: Block) -> str:
    """The block's name in the JSON contract ("heading", "paragraph", "list", "table", "quote", "figure")."""
    return _TYPE_NAMES[type(block)]


def block_texts(block: Block) -> tuple[str, ...]:
    """Every text of a block in reading order: a list's items, a table's header then rows by row, a
    quote's text then attribution, a figure's caption then credit (a mark's ``part`` indexes these)."""
    if isinstance(block, (Heading, Paragraph)):
        return (block.text,)
    if isinstance(block, List):
        return block.items
    if isinstance(block, Quote):
        return (block.text, block.attribution)
    if isinstance(block, Figure):
        return (block.caption, block.credit)
    if isinstance(block, Table):
        return block.header + tuple(cell for row in block.rows for cell in row)
    raise KeyError(type(block).__name__)  # a kind of block the model does not have


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
    elif isinstance(block, Table):
        out.update(header=list(block.header), rows=[list(r) for r in block.rows])
    else:
        out.update(_new_block_to_json(block))
    if block.dir:
        out["dir"] = block.dir
    if block.marks:
        out["marks"] = [_mark_to_json(mark) for mark in block.marks]
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
    block = _block_from_json(data, path)
    if data.get("marks") is None:
        return block
    return dataclasses.replace(block, marks=_marks_from_json(data["marks"], block_texts(block), f"{path}.marks"))


def _block_from_json(data: Any, path: str) -> Block:
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
    if kind == "quote":
        return Quote(text=_text(_key(block, "text", path), f"{path}.text"),
                     attribution=_text(block.get("attribution", ""), f"{path}.attribution"), dir=direction)
    if kind == "figure":
        return Figure(**{name: _text(block.get(name, ""), f"{path}.{name}") for name in ("src", "alt", "caption", "credit")},
                      dir=direction)
    raise ModelError(f"{path}.type: expected heading, paragraph, list, table, quote or figure, not {_show(kind)}")


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


def _new_block_to_json(block: Union[Quote, Figure]) -> dict[str, Any]:
    if isinstance(block, Quote):
        return {"text": block.text, **({"attribution": block.attribution} if block.attribution else {})}
    return {name: value for name, value in (("src", block.src), ("alt", block.alt), ("caption", block.caption),
                                            ("credit", block.credit)) if value or name == "src"}


def _mark_to_json(mark: Mark) -> dict[str, Any]:
    out: dict[str, Any] = {"type": mark.kind, "start": mark.start, "end": mark.end}
    if mark.href is not None:
        out["href"] = mark.href
    if mark.part:
        out["part"] = mark.part
    return out


def _marks_from_json(data: Any, texts: tuple[str, ...], path: str) -> tuple[Mark, ...]:
    """The marks of a block whose texts are ``texts``; a link to anything but http(s) or mailto
    is dropped with a warning, any other bad mark is refused."""
    marks = []
    for index, item in enumerate(_list_of(data, dict, path, "marks (JSON objects)", "a mark (a JSON object)")):
        where = f"{path}[{index}]"
        kind, start, end, part = _key(item, "type", where), _key(item, "start", where), _key(item, "end", where), \
            item.get("part", 0)
        if kind not in get_args(MarkKind):
            raise ModelError(f"{where}.type: expected strong, emphasis, code or link, not {_show(kind)}")
        if not all(type(n) is int for n in (start, end, part)) or not 0 <= part < len(texts) \
                or not 0 <= start < end <= len(texts[part]):
            raise ModelError(f"{where}: mark {_show(start)}..{_show(end)} (part {_show(part)}) is outside its text")
        href = item.get("href")
        if kind == "link" and not safe_href(href):
            log.warning("dropped a link to %r: only http, https and mailto links are kept", str(href)[:60])
            continue
        if kind == "link" and any(m.kind == "link" and m.part == part and m.start < end and start < m.end
                                  for m in marks):
            raise ModelError(f"{where}: links overlap at {start}..{end} (part {part}): a character links to one place")
        marks.append(Mark(kind, start, end, href if kind == "link" else None, part))
    return tuple(marks)


def safe_href(href: Any) -> bool:
    """Whether ``href`` is a link a document may keep: an absolute http, https or mailto URL."""
    if not isinstance(href, str) or ":" not in href:
        return False
    scheme = href.split(":", 1)[0].strip().lower()
    return scheme in LINK_SCHEMES and not any(ch.isspace() or ord(ch) < 32 for ch in href)


def as_version_1(document: Document) -> Document:
    """The document as version 1 of the model can say it: no meta and no marks; the byline lines
    and the dateline back in the body (:func:`header_in_body`), a quote as its text and
    attribution and a figure as its caption and credit, as paragraphs."""
    blocks: list[Block] = []
    for block in header_in_body(document).blocks:
        if isinstance(block, (Quote, Figure)):
            blocks += as_paragraphs(block)
        else:
            blocks.append(dataclasses.replace(block, marks=()))
    return Document(document.lang, document.dir, tuple(blocks))


def header_in_body(document: Document) -> Document:
    """The document with ``meta.byline`` back as paragraphs after the leading headings and
    ``meta.dateline`` back at the start of the paragraph after them, where readers found them:
    for a writer without a header of its own, so that nothing the article printed is lost."""
    meta = document.meta
    if not meta.byline and not meta.dateline:
        return document
    blocks = list(document.blocks)
    at = body_start(blocks)
    if meta.dateline and at < len(blocks) and isinstance(blocks[at], Paragraph):
        shift = len(meta.dateline) + 1
        first = blocks[at]
        blocks[at] = dataclasses.replace(first, text=f"{meta.dateline} {first.text}", marks=tuple(
            dataclasses.replace(mark, start=mark.start + shift, end=mark.end + shift) for mark in first.marks))
    elif meta.dateline:  # no paragraph to open (readers never make this; an edited model may)
        blocks.insert(at, Paragraph(meta.dateline))
    blocks[at:at] = [Paragraph(line) for line in meta.byline]
    return dataclasses.replace(document, blocks=tuple(blocks),
                               meta=dataclasses.replace(meta, byline=(), dateline=None))


def header_from_body(document: Document, byline_at: tuple[int, ...]) -> Document:
    """The inverse of :func:`header_in_body`, for the JSON form: the paragraphs at ``byline_at``
    (``"role": "byline"``) go to ``meta.byline``, and ``meta.dateline`` comes off the start of the
    paragraph after the leading headings (or is that paragraph).  A dateline the body no longer
    opens with stays in ``meta``, where writers print it."""
    blocks = list(document.blocks)
    for index in byline_at:
        if not isinstance(blocks[index], Paragraph):
            raise ModelError(f"blocks[{index}].role: only a paragraph can be a byline line")
    byline = document.meta.byline + tuple(blocks[index].text for index in byline_at)
    blocks = [block for index, block in enumerate(blocks) if index not in set(byline_at)]
    dateline, at = document.meta.dateline, body_start(blocks)
    first = blocks[at] if at < len(blocks) else None
    if dateline and isinstance(first, Paragraph):
        shift = len(dateline) + 1
        if first.text == dateline:
            del blocks[at]
        elif first.text.startswith(dateline + " "):
            blocks[at] = dataclasses.replace(first, text=first.text[shift:], marks=tuple(
                dataclasses.replace(mark, start=mark.start - shift, end=mark.end - shift)
                for mark in first.marks if mark.start >= shift))
    return dataclasses.replace(document, blocks=tuple(blocks), meta=dataclasses.replace(document.meta, byline=byline))


def body_start(blocks: Any) -> int:
    """Where the body starts: the index of the first block after the leading headings, where the
    article's byline and dateline stand."""
    return next((i for i, block in enumerate(blocks) if not isinstance(block, Heading)), len(blocks))


def as_paragraphs(block: Union[Quote, Figure]) -> list[Paragraph]:
    """A quote or figure as plain paragraphs (its texts that are not empty), for version 1 and for
    a writer that has no form of its own for the kind yet."""
    return [Paragraph(text, block.dir) for text in block_texts(block) if text]
