"""The document model: a small, immutable tree of blocks, independent of every format.

Its JSON form is the contract of ``newsconv parse FILE --json`` (see MODEL.md in the
shared folder): readers build a :class:`Document`, writers consume one, and neither
knows about the other.  Everything here is plain data so that a model can be hashed,
compared, pickled to a worker process and written out as JSON without loss.
"""
from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from typing import Any, Literal, Optional, Union, get_args

Direction = Literal["rtl", "ltr"]
MarkKind = Literal["strong", "emphasis", "code", "link"]
VERSION = 2  # the JSON contract's version (MODEL.md); version-1 JSON is still read
LINK_SCHEMES = ("http", "https", "mailto")  # the only links a document keeps

log = logging.getLogger("newsconv")


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


@dataclass(frozen=True)
class Paragraph:
    """Running text: one paragraph however many lines it was wrapped over."""

    text: str
    dir: Optional[Direction] = None
    marks: tuple[Mark, ...] = ()


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


@dataclass(frozen=True)
class Table:
    """A grid of plain-text cells; ``header`` is empty when the table has none."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    dir: Optional[Direction] = None
    marks: tuple[Mark, ...] = ()

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

    def to_json(self) -> dict[str, Any]:
        """The fields that are set, in declaration order (tuples as lists)."""
        return {name: list(value) if isinstance(value, tuple) else value
                for name, value in self.__dict__.items() if value}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Meta":
        if not isinstance(data, dict):
            raise ValueError("meta must be an object")
        fields = {}
        for name, default in cls().__dict__.items():
            if name in data:
                value = data[name]
                fields[name] = tuple(_text(v) for v in value) if isinstance(default, tuple) else _text(value)
        return cls(**fields)


@dataclass(frozen=True)
class Document:
    """An article: its dominant language and direction and its blocks in reading order."""

    lang: str
    dir: Direction
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    meta: Meta = Meta()

    @property
    def title(self) -> Optional[str]:
        """``meta.title``, else the text of the first level-1 heading, which newsconv treats as the title."""
        if self.meta.title:
            return self.meta.title
        for block in self.blocks:
            if isinstance(block, Heading) and block.level == 1:
                return block.text
        return None

    def to_json(self, version: int = VERSION) -> dict[str, Any]:
        """The model as MODEL.md's JSON object (keys in the contract's order); ``version=1`` gives
        the version-1 view (:func:`as_version_1`), which older consumers read."""
        if version == 1:
            document = as_version_1(self)
            return {"lang": document.lang, "dir": document.dir, "blocks": [block_to_json(b) for b in document.blocks]}
        return {"version": VERSION, "lang": self.lang, "dir": self.dir, "meta": self.meta.to_json(),
                "blocks": [block_to_json(b) for b in self.blocks]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Document":
        """Build a document from MODEL.md's JSON (version 1 or 2); raises ``ValueError``/``KeyError``
        on a bad shape."""
        version = data.get("version", 1)
        if version not in (1, VERSION):
            raise ValueError(f"model version {version!r} is not 1 or {VERSION}")
        return cls(
            lang=str(data["lang"]),
            dir=_direction(data["dir"]),
            blocks=tuple(block_from_json(b) for b in data["blocks"]),
            meta=Meta.from_json(data.get("meta", {})),
        )


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
    return block.header + tuple(cell for row in block.rows for cell in row)


def document_texts(document: "Document") -> tuple[str, ...]:
    """Every text of a document in reading order."""
    return tuple(text for block in document.blocks for text in block_texts(block))


def block_to_json(block: Block) -> dict[str, Any]:
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
    return out


def block_from_json(data: dict[str, Any]) -> Block:
    block = _block_from_json(data)
    if "marks" not in data:
        return block
    return dataclasses.replace(block, marks=_marks_from_json(data["marks"], block_texts(block)))


def _block_from_json(data: dict[str, Any]) -> Block:
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
    if kind == "quote":
        return Quote(text=_text(data["text"]), attribution=_text(data.get("attribution", "")), dir=direction)
    if kind == "figure":
        return Figure(src=_text(data.get("src", "")), alt=_text(data.get("alt", "")),
                      caption=_text(data.get("caption", "")), credit=_text(data.get("credit", "")), dir=direction)
    raise ValueError(f"unknown block type {kind!r}")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {type(value).__name__}")
    return value


def _direction(value: Any) -> Direction:
    if value not in ("rtl", "ltr"):
        raise ValueError(f"dir must be 'rtl' or 'ltr', not {value!r}")
    return value


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


def _marks_from_json(data: Any, texts: tuple[str, ...]) -> tuple[Mark, ...]:
    """The marks of a block whose texts are ``texts``; a link to anything but http(s) or mailto
    is dropped with a warning, any other bad mark is refused."""
    if not isinstance(data, list):
        raise ValueError("marks must be a list")
    marks = []
    for item in data:
        kind, start, end, part = item["type"], item["start"], item["end"], item.get("part", 0)
        if kind not in get_args(MarkKind):
            raise ValueError(f"unknown mark type {kind!r}")
        if not all(isinstance(n, int) for n in (start, end, part)) or not 0 <= part < len(texts) \
                or not 0 <= start < end <= len(texts[part]):
            raise ValueError(f"mark {start}..{end} (part {part}) is outside its text")
        href = item.get("href")
        if kind == "link" and not safe_href(href):
            log.warning("dropped a link to %r: only http, https and mailto links are kept", str(href)[:60])
            continue
        if kind == "link" and any(m.kind == "link" and m.part == part and m.start < end and start < m.end
                                  for m in marks):
            raise ValueError(f"links overlap at {start}..{end} (part {part}): a character links to one place")
        marks.append(Mark(kind, start, end, _text(href) if kind == "link" else None, part))
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
    at = next((i for i, block in enumerate(blocks) if not isinstance(block, Heading)), len(blocks))
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


def as_paragraphs(block: Union[Quote, Figure]) -> list[Paragraph]:
    """A quote or figure as plain paragraphs (its texts that are not empty), for version 1 and for
    a writer that has no form of its own for the kind yet."""
    return [Paragraph(text, block.dir) for text in block_texts(block) if text]
