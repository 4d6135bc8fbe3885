"""Saved article pages and CMS exports to the document model.

Most of a news page is not the article: navigation, share buttons, related stories, the
comment form.  The reader drops those, takes the main article (``<article>``, ``<main>``,
or the element holding the most paragraph text) and maps its markup onto the model:
headings, paragraphs (``<p>``, text standing directly in a ``<div>``, ``<br><br>``
breaks, blockquotes), lists and tables.  A direction stated in the markup is trusted;
otherwise the letters decide, by the same rule as the text reader.
"""
from __future__ import annotations

import codecs
import dataclasses
import logging
import re
import unicodedata
import warnings
from collections import Counter
from itertools import zip_longest
from typing import Iterable, Iterator, Optional
from urllib.parse import urljoin

from bs4 import BeautifulSoup, CData, NavigableString, Tag, XMLParsedAsHTMLWarning

from ..errors import InputError
from ..model import (Block, Document, Figure, Heading, List, Mark, Meta, Paragraph, Quote, Table, block_texts,
                     is_language_tag, safe_href)
from ..text.languages import language
from ..text.script import detect_language, direction_of
from .decode import decode, text_codec
from .html_meta import page_meta
from .inline import from_pieces, with_part
from .meta import extract as extract_meta

log = logging.getLogger("newsconv")

# Never article text: dropped wherever they are.
_NOT_CONTENT = ("head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
                "button", "input", "select", "textarea", "audio", "video", "map", "dialog", "nav", "aside",
                "footer", "menu")
# Probably page furniture: dropped unless, on a badly built page, it wraps most of the text
# (ASP.NET puts the whole page in a <form>; themes put "has-sidebar" on the page wrapper).
_FURNITURE = ("form",)
_FURNITURE_CLASS = re.compile(r"share|sharing|social|related|comment|sidebar|widget|breadcrumb|advert|sponsor|"
                              r"\bads?\b|promo|newsletter|subscribe|cookie|popup|modal|banner|pagination|"
                              r"\btags?\b|most-?read|read-?more", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

_HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 3, "h5": 3, "h6": 3}
_LISTS = ("ul", "ol")
# Elements that end the paragraph being gathered; anything else is inline and extends it.
_BLOCK_TAGS = frozenset({"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
                         "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
                         "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
                         "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", *_HEADING_LEVELS})
_NUMERALS = {"decimal": "latin", "1": "latin", "arabic-indic": "arabic-indic", "persian": "persian"}
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.IGNORECASE)
# HTML's own limits on spans (a browser clamps larger values to them), and a cap on the empty
# places a table's spans may add to its cells.  A 14 KB page of cells spanning 1000 x 1000 would
# otherwise ask for half a billion places (2.2 GB); past the cap its spans are ignored.
_MAX_COLSPAN, _MAX_ROWSPAN = 1000, 65534
# The most elements a page may hold: bs4 keeps about 1.3 KB and spends about 0.1 ms on each, so the
# cap bounds a page at about 260 MB and 20 s; a long article page holds 2,000-20,000.
MAX_ELEMENTS = 200_000
_START_TAG = re.compile(r"<[A-Za-z]")
MAX_SPANNED_CELLS = 100_000

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_DECLARED_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]+)", re.IGNORECASE)
# What browsers do with these labels (WHATWG Encoding): Latin-1 and ASCII mean Windows-1252,
# and a page that decodes at all as ASCII-compatible bytes cannot be UTF-16.
_BROWSER_ENCODING = {"iso8859-1": "cp1252", "ascii": "cp1252", "utf-16": "utf-8", "utf-16-le": "utf-8",
                     "utf-16-be": "utf-8"}
# The WHATWG Encoding Standard's encodings that Python has (by Python's canonical names): a page
# may name no other, so "utf-7", "unicode_escape" or "base64" are ignored as browsers ignore them.
_WEB_ENCODINGS = frozenset({
    "utf-8", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8",
    "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u", "mac-roman",
    "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "mac-cyrillic", "gbk", "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr"})


def read(data: bytes, *, encoding: Optional[str] = None, name: str = "<input>") -> Document:
    markup = _decode(data, encoding, name)
    elements = sum(1 for _ in _START_TAG.finditer(markup))
    if elements > MAX_ELEMENTS:
        raise InputError(f"{name}: a page of {elements:,} elements, more than the {MAX_ELEMENTS:,} newsconv reads "
                         "(an article page has a few thousand)")
    soup = _soup(markup, name)
    page = page_meta(soup)
    _drop_boilerplate(soup)
    root = _main_content(soup)
    walker = _Walker(name, page.url)
    try:
        blocks = _title_before(root) + walker.collect(root)
    except RecursionError:
        raise InputError(f"{name}: the HTML is nested too deeply to read") from None
    if not blocks:
        raise InputError(f"{name}: no article text found in the HTML")
    text = " ".join(" ".join(block_texts(block)) for block in blocks)
    lang = _declared(root, "lang") or detect_language(text)
    # A page without letters (only numbers) reads in its declared language's direction.
    direction = _declared(root, "dir") or direction_of(text, language(lang).direction)
    document = Document(lang, direction, tuple(_relative_dir(block, direction) for block in blocks))
    return _with_meta(document, page, walker)


def _with_meta(document: Document, page: Meta, walker: "_Walker") -> Document:
    """The page's metadata joined with the byline and dateline of the body: those newsconv's
    writer marked (``p.byline``, ``span.dateline``) as they are, else the lines after the
    headline that read as such (:func:`.meta.extract`).  The page's own fields come first."""
    if walker.byline or walker.dateline:
        found = dataclasses.replace(document, meta=Meta(byline=tuple(walker.byline), dateline=walker.dateline))
    else:
        found = extract_meta(document)
    title = page.title if page.title != next((b.text for b in document.blocks
                                               if isinstance(b, Heading) and b.level == 1), None) else None
    meta = dataclasses.replace(
        page, title=title, authors=page.authors or found.meta.authors, date=page.date or found.meta.date,
        place=page.place or found.meta.place, source=page.source or found.meta.source,
        byline=found.meta.byline, dateline=found.meta.dateline)
    return dataclasses.replace(found, meta=meta)


def _soup(text: str, name: str) -> BeautifulSoup:
    """The parse tree, with bs4's advice to its programmers kept off the user's terminal: an XML
    document is read as HTML all the same (said in our own warning), and a page holding only a
    URL is just text."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        soup = BeautifulSoup(text, "lxml")
    if any(issubclass(warning.category, XMLParsedAsHTMLWarning) for warning in caught):
        log.warning("%s: an XML document, not HTML; read as HTML", name)
    return soup


# --- bytes to text ------------------------------------------------------------------------------

def _decode(data: bytes, encoding: Optional[str], name: str) -> str:
    """Decode as a browser would: a BOM, then the page's own declaration (where the bytes agree
    with it), then detection."""
    if encoding or data.startswith(_BOMS):
        return decode(data, encoding, name=name)
    return decode(data, None, name=name, declared=_declared_encoding(data, name))


def _declared_encoding(data: bytes, name: str) -> Optional[str]:
    """The encoding the page's ``<meta>`` names, as a browser maps it; None (with a warning) for a
    label that names no encoding a browser knows, such as ``base64`` or ``rot13``."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii")
    canonical = text_codec(label)
    canonical = _BROWSER_ENCODING.get(canonical, canonical)
    if canonical not in _WEB_ENCODINGS:
        log.warning("%s: ignoring the page's charset %r, not an encoding browsers know", name, label)
        return None
    return canonical


# --- finding the article ------------------------------------------------------------------------

def _drop_boilerplate(soup: BeautifulSoup) -> None:
    for tag in _elements(soup, _NOT_CONTENT):
        if not tag.decomposed and not (tag.name == "footer" and _enclosing(tag, ("blockquote",))):  # a quote's attribution
            tag.decompose()
    total = _text_length(soup)
    for tag in [tag for tag in _elements(soup) if _is_furniture(tag)]:
        if not tag.decomposed and _text_length(tag) * 2 < total:
            tag.decompose()


def _is_furniture(tag: Tag) -> bool:
    if tag.name in ("html", "body", "main", "article"):
        return False
    if tag.name in _FURNITURE or tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    if tag.name == "header" and _enclosing(tag, ("article", "main")) is None:
        return True  # the site's header; an article's own header holds its title
    if _HIDDEN_STYLE.search(tag.get("style", "")):
        return True
    names = " ".join(tag.get("class", [])) + " " + tag.get("id", "")
    return bool(_FURNITURE_CLASS.search(names))


def _main_content(soup: BeautifulSoup) -> Tag:
    """The ``<article>`` with the most text, else ``<main>``, else the densest text block."""
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=_text_length)
    return soup.find("main") or soup.find(attrs={"role": "main"}) or _outside_lists_and_tables(_densest(soup))


def _outside_lists_and_tables(tag: Tag) -> Tag:
    """The parent of the outermost list or data table around ``tag``: the densest text of a page
    made of one list or table is an item or a cell, but the article is what holds it."""
    enclosing = [element for element in (tag, *tag.parents) if element.name in ("ul", "ol", "dl")
                 or (element.name == "table" and not _is_layout_table(element))]
    return enclosing[-1].parent if enclosing else tag


def _densest(soup: BeautifulSoup) -> Tag:
    """The element holding the most text, the way readability finds an article in markup
    without semantics: a text counts for the block it stands in (for the block around a
    ``<p>``) and half for that block's parent."""
    scores: Counter = Counter()
    elements = {}
    for text in [node for node in soup.descendants if _is_text(node)]:
        block = _enclosing(text, _BLOCK_TAGS)
        if block is None or not text.strip():
            continue
        owner = block.parent if block.name == "p" else block
        for element, weight in ((owner, 1.0), (owner.parent, 0.5)):
            if element is not None:
                scores[id(element)] += len(text.strip()) * weight
                elements[id(element)] = element
    if not scores:
        return soup.body or soup
    return elements[scores.most_common(1)[0][0]]


def _elements(root: Tag, names=None) -> list[Tag]:
    """The elements under ``root`` in document order, those named in ``names`` when given: bs4's
    find_all runs every element through its rule engine, several times slower on a big page."""
    return [node for node in root.descendants if isinstance(node, Tag) and (names is None or node.name in names)]


def _enclosing(node, names) -> Optional[Tag]:
    """The nearest element around ``node`` named in ``names``: bs4's find_parent builds a matcher
    on every call, which made a page of 20,000 paragraphs take 11 s."""
    return next((parent for parent in node.parents if parent.name in names), None)


def _holding_blocks(root: Tag) -> set[int]:
    """The ids of the elements under ``root`` that hold a block element, found in one pass: asking
    each inline element for its block descendants is quadratic in the nesting depth."""
    holding: set[int] = set()
    for block in _elements(root, _BLOCK_TAGS):
        for parent in block.parents:
            if id(parent) in holding or parent is root:
                break
            holding.add(id(parent))
    return holding


def _text_length(tag: Tag) -> int:
    return sum(len(node.strip()) for node in tag.descendants if _is_text(node))


def _title_before(root: Tag) -> list[Block]:
    """The page's ``<h1>`` when the article body chosen leaves it outside, as many templates do."""
    if root.find("h1") is not None:
        return []
    title = root.find_previous("h1")
    text = _clean(_flat_text(title)) if title else ""
    return [Heading(1, text, _declared_dir(title) or direction_of(text))] if text else []


# --- markup to blocks ---------------------------------------------------------------------------

class _Walker:
    """Collects blocks in document order: block elements end the paragraph being gathered,
    text and inline elements extend it, and two ``<br>`` in a row break it."""

    def __init__(self, name: str, base_url: Optional[str] = None) -> None:
        self.name = name  # the input's, for warnings
        self.blocks: list[Block] = []
        self._pieces: list[tuple[str, frozenset]] = []
        self._breaks = 0
        self._dir: Optional[str] = None  # the dir declared on the element gathering the paragraph
        self._keys: frozenset = frozenset()  # the marks around the text being gathered
        self.base_url = base_url  # what relative links are resolved against (the page's canonical URL)
        self.byline: list[str] = []  # newsconv's own header: the byline lines and the dateline
        self.dateline: Optional[str] = None

    def collect(self, root: Tag) -> list[Block]:
        self._holding_blocks = _holding_blocks(root)
        self._container(root)
        return self.blocks

    def _walk(self, element: Tag) -> None:
        for child in element.children:
            if isinstance(child, Tag):
                self._element(child)
            elif _is_text(child):
                self._text(str(child))

    def _element(self, tag: Tag) -> None:
        if tag.name == "br":
            self._breaks += 1
        elif tag.name in _HEADING_LEVELS:
            text, marks = self.marked(tag)
            self._add(Heading(_HEADING_LEVELS[tag.name], text, _declared_dir(tag), marks))
        elif tag.name in _LISTS:
            self._add(_list(tag, self))
        elif tag.name == "table" and not _is_layout_table(tag):
            caption = tag.find("caption")
            if caption is not None:
                self._add(Paragraph(_clean(_flat_text(caption)), _declared_dir(caption)))
            self._add(_table(tag, self))
        elif _is_own_header(tag):
            self._end_paragraph()
            self.byline += [_clean(_flat_text(line)) for line in tag.find_all("p")]
        elif tag.name == "blockquote" and tag.find(_NOT_IN_QUOTE) is None:
            self._end_paragraph()
            self._add(_quote(tag, self))
        elif tag.name == "figure" and tag.find(("img", "figcaption")) is not None and tag.find(_NOT_IN_FIGURE) is None:
            self._end_paragraph()
            self._add(_figure(tag, self))
        elif tag.name in _BLOCK_TAGS or id(tag) in self._holding_blocks:
            self._container(tag)
        elif tag.name == "span" and "dateline" in tag.get("class", []) and not "".join(p for p, _ in self._pieces).strip():
            self.dateline = _clean(_flat_text(tag))
        else:
            outer = self._keys
            key = _mark_key(tag, self.base_url)
            self._keys = outer | {key} if key else outer
            self._walk(tag)
            self._keys = outer

    def _container(self, tag: Tag) -> None:
        self._end_paragraph()
        outer, self._dir = self._dir, _declared_dir(tag)
        self._walk(tag)
        self._end_paragraph()
        self._dir = outer

    def _text(self, text: str) -> None:
        if not text.strip():
            self._pieces.append((text, self._keys))
            return
        if self._breaks >= 2:
            self._end_paragraph()
        elif self._breaks:
            self._pieces.append((" ", self._keys))
        self._breaks = 0
        self._pieces.append((text, self._keys))

    def _end_paragraph(self) -> None:
        text, marks = from_pieces(self._pieces)
        self._add(Paragraph(text, self._dir, marks))
        self._pieces, self._breaks = [], 0

    def marked(self, tag: Tag, skip: tuple[str, ...] = ()) -> tuple[str, tuple[Mark, ...]]:
        """The text inside ``tag`` (as :func:`_flat_text`) and its marks."""
        return from_pieces(list(_marked_pieces(tag, skip, frozenset(), self.base_url)))

    def _add(self, block: Optional[Block]) -> None:
        """Append ``block`` unless it holds no text (a figure, no image either); a block without a
        declared dir gets its letters'."""
        if block is None or not (" ".join(block_texts(block)) or isinstance(block, Figure) and (block.src or block.alt)):
            return
        if block.dir is None:
            block = dataclasses.replace(block, dir=direction_of(" ".join(block_texts(block))))
        self.blocks.append(block)


def _list(tag: Tag, walker: _Walker) -> Optional[List]:
    items = [item for item in _list_items(tag, walker) if item[0]]
    if not items:
        return None
    ordered = tag.name == "ol"
    return List(ordered, tuple(text for text, _ in items), _declared_dir(tag), _numerals(tag) if ordered else None,
                _parts(marks for _, marks in items))


def _list_items(tag: Tag, walker: _Walker) -> Iterator[tuple[str, tuple[Mark, ...]]]:
    """Each item's own text and marks, followed by the items of lists nested in it (the model's
    lists are flat)."""
    for item in tag.find_all("li", recursive=False):
        yield walker.marked(item, skip=_LISTS)
        for nested in item.find_all(_LISTS):
            if _enclosing(nested, _LISTS) is tag:
                yield from _list_items(nested, walker)


def _parts(marks_by_part: Iterable[tuple[Mark, ...]]) -> tuple[Mark, ...]:
    """The marks of a block's texts, each numbered with its text's place (``Mark.part``)."""
    return tuple(mark for part, marks in enumerate(marks_by_part) for mark in with_part(marks, part))


def _numerals(tag: Tag) -> Optional[str]:
    match = _LIST_STYLE.search(tag.get("style", ""))
    style = match.group(1).lower() if match else tag.get("type")
    return _NUMERALS.get(style) if style else None


def _is_layout_table(tag: Tag) -> bool:
    """A table used to lay out a page (headings or tables inside it), not a grid of data."""
    return tag.get("role") in ("presentation", "none") or tag.find(("table", *_HEADING_LEVELS)) is not None


def _table(tag: Tag, walker: _Walker) -> Optional[Table]:
    rows = [row for row in _elements(tag, ("tr",)) if _enclosing(row, ("table",)) is tag]
    try:
        grid = _grid(rows, walker, spans=True)
    except _TooManyCells:
        log.warning("%s: a table whose row and column spans would add more than %s empty cells; spans ignored, "
                    "every cell kept", walker.name, f"{MAX_SPANNED_CELLS:,}")
        grid = _grid(rows, walker, spans=False)
    if not any(any(text for text, _ in cells) for cells in grid):
        return None
    heads = _header_row_count(rows)
    if heads == 1:
        header = grid[0]
    else:  # header rows stacked into one: their marks are not kept
        header = [(" ".join(filter(None, (text for text, _ in column))), ())
                  for column in zip_longest(*grid[:heads], fillvalue=("", ()))] if heads else []
    body = grid[heads:]
    cells = header + [cell for row in body for cell in row]
    return Table(tuple(text for text, _ in header), tuple(tuple(text for text, _ in row) for row in body),
                 _declared_dir(tag), _parts(marks for _, marks in cells))


def _header_row_count(rows: list[Tag]) -> int:
    """The leading rows in ``<thead>``; failing that, the leading rows of nothing but ``<th>``
    (all but the last, when every row is)."""
    in_head = _count_leading(rows, lambda row: row.parent.name == "thead")
    if in_head:
        return in_head
    all_th = _count_leading(rows, lambda row: bool(_cells(row)) and all(c.name == "th" for c in _cells(row)))
    return min(all_th, max(len(rows) - 1, 1))


def _count_leading(rows: list[Tag], test) -> int:
    return next((index for index, row in enumerate(rows) if not test(row)), len(rows))


class _TooManyCells(Exception):
    """Spans that would multiply a small table past its cells and MAX_SPANNED_CELLS."""


def _grid(rows: list[Tag], walker: _Walker, spans: bool) -> list[list[tuple[str, tuple[Mark, ...]]]]:
    """Cell texts and marks row by row, with spanned cells flattened: a cell's text stays in its
    first row and column, and the other places it covers are empty, so every column lines up.
    _TooManyCells when the spans would add more than MAX_SPANNED_CELLS empty places."""
    grid: list[list[tuple[str, tuple[Mark, ...]]]] = []
    covered: Counter = Counter()  # column -> rows still covered by a rowspan from above
    limit = MAX_SPANNED_CELLS + sum(len(_cells(row)) for row in rows)
    total = 0
    for row in rows:
        line: list[tuple[str, tuple[Mark, ...]]] = []
        for cell in _cells(row):
            _skip_covered(line, covered)
            colspan, rowspan = (_span(cell, "colspan", _MAX_COLSPAN), _span(cell, "rowspan", _MAX_ROWSPAN)) \
                if spans else (1, 1)
            if total + len(line) + colspan > limit:
                raise _TooManyCells()
            for column in range(len(line), len(line) + colspan):
                covered[column] = rowspan - 1
            line += [walker.marked(cell)] + [("", ())] * (colspan - 1)
        through = max((c for c, n in covered.items() if n > 0), default=-1)
        if total + max(len(line), through + 1) > limit:
            raise _TooManyCells()
        _skip_covered(line, covered, through=through)
        total += len(line)
        grid.append(line)
    return grid


def _skip_covered(line: list[str], covered: Counter, through: int = -1) -> None:
    """Pad ``line`` with an empty cell for each column covered from above (and up to ``through``)."""
    while covered[len(line)] > 0 or len(line) <= through:
        covered[len(line)] = max(covered[len(line)] - 1, 0)
        line.append(("", ()))


def _cells(row: Tag) -> list[Tag]:
    return [cell for cell in row.children if isinstance(cell, Tag) and cell.name in ("td", "th")]


def _span(cell: Tag, attribute: str, limit: int) -> int:
    try:
        return min(max(int(cell.get(attribute, 1)), 1), limit)
    except (ValueError, TypeError):
        return 1


# --- text ---------------------------------------------------------------------------------------

def _is_text(node) -> bool:
    """Visible text: a string node, but not a comment, doctype or processing instruction."""
    return type(node) in (NavigableString, CData)


def _flat_text(tag: Tag, skip: tuple[str, ...] = ()) -> str:
    """All the text inside ``tag`` (minus ``skip`` elements), with a space where a block or
    ``<br>`` would break the line."""
    parts = []
    for child in tag.children:
        if isinstance(child, Tag):
            if child.name in skip:
                continue
            breaks = child.name == "br" or child.name in _BLOCK_TAGS
            parts += [" ", _flat_text(child, skip), " "] if breaks else [_flat_text(child, skip)]
        elif _is_text(child):
            parts.append(str(child))
    return "".join(parts)


def _clean(text: str) -> str:
    """The model's form of a text: whitespace runs collapsed to one space, Unicode NFC."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _declared_dir(tag: Tag) -> Optional[str]:
    value = str(tag.get("dir", "")).strip().lower()
    return value if value in ("rtl", "ltr") else None


def _declared(root: Tag, attribute: str) -> Optional[str]:
    """The document's ``lang`` or ``dir`` as the markup states it on the article or around it."""
    for element in (root, *root.parents):
        if attribute == "dir" and _declared_dir(element):
            return _declared_dir(element)
        if attribute == "lang":
            value = re.split(r"[-_]", str(element.get("lang") or element.get("xml:lang") or "").strip())[0].lower()
            if is_language_tag(value):
                return value
    return None


def _relative_dir(block: Block, document_dir: str) -> Block:
    """The model keeps a block's dir only where it differs from the document's."""
    return dataclasses.replace(block, dir=None) if block.dir == document_dir else block


# --- version 2: marks, quotes, figures ------------------------------------------------------------

_MARK_TAGS = {"strong": "strong", "b": "strong", "em": "emphasis", "i": "emphasis", "code": "code", "kbd": "code",
              "samp": "code"}
_NOT_IN_QUOTE = ("ul", "ol", "table", "figure", "blockquote", *_HEADING_LEVELS)
_NOT_IN_FIGURE = ("table", "ul", "ol", "blockquote", "pre", *_HEADING_LEVELS)
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|attribution|source", re.IGNORECASE)
_ATTRIBUTION_DASH = re.compile(r"^\s*(?:—|―|–|-{1,2})\s*")


def _mark_key(tag: Tag, base_url: Optional[str]):
    """The mark an inline element stands for: ``("strong", None)``, ``("link", href)``, or None.
    A link is kept only to http, https or mailto (a relative one resolved against the page's
    URL when the page gives one); any other is dropped with a warning, its text kept."""
    if tag.name == "a" and tag.has_attr("href"):
        href = str(tag["href"]).strip()
        if base_url and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href):
            href = urljoin(base_url, href)
        if safe_href(href):
            return ("link", href)
        log.warning("dropped a link to %r: only http, https and mailto links are kept", href[:60])
        return None
    kind = _MARK_TAGS.get(tag.name)
    return (kind, None) if kind else None


def _marked_pieces(tag: Tag, skip: tuple[str, ...], keys: frozenset, base_url: Optional[str]):
    """:func:`_flat_text` as (text, marks) pieces."""
    for child in tag.children:
        if isinstance(child, Tag):
            if child.name in skip:
                continue
            breaks = child.name == "br" or child.name in _BLOCK_TAGS
            key = _mark_key(child, base_url) if not breaks else None
            if breaks:
                yield " ", keys
            yield from _marked_pieces(child, skip, keys | {key} if key else keys, base_url)
            if breaks:
                yield " ", keys
        elif _is_text(child):
            yield str(child), keys


def _is_own_header(tag: Tag) -> bool:
    """newsconv's byline block (see writers/_html_blocks.py)."""
    return tag.name == "div" and "article-meta" in tag.get("class", [])


def _quote(tag: Tag, walker: _Walker) -> Optional[Quote]:
    """A ``<blockquote>``: its text, and its attribution from a ``<footer>`` or a last ``<cite>``."""
    source = tag.find("footer") or next((cite for cite in tag.find_all("cite")[-1:]
                                         if cite.parent is tag or _only_child(cite)), None)
    attribution, attribution_marks = walker.marked(source) if source is not None else ("", ())
    if source is not None:
        source.extract()
    dash = _ATTRIBUTION_DASH.match(attribution) if source is not None and source.name == "footer" else None
    if dash:  # "— Name" in a <footer>: the dash is typography; a <cite> holds the name alone
        attribution = attribution[dash.end():]
        attribution_marks = tuple(mark for mark in (
            dataclasses.replace(m, start=m.start - dash.end(), end=m.end - dash.end()) for m in attribution_marks)
            if mark.start >= 0)
    text, marks = walker.marked(tag)
    if not text:
        return Quote(attribution, "", _declared_dir(tag), attribution_marks) if attribution else None
    return Quote(text, attribution, _declared_dir(tag), _parts((marks, attribution_marks)))


def _only_child(tag: Tag) -> bool:
    """Whether ``tag`` is all there is in its parent paragraph (``<p><cite>Name</cite></p>``)."""
    return tag.parent.name == "p" and _clean(_flat_text(tag.parent)) == _clean(_flat_text(tag))


def _figure(tag: Tag, walker: _Walker) -> Figure:
    """A ``<figure>``: its image's ``src`` (embedded later, or refused) and alt text, the caption
    and the credit (an element of the caption classed as one, or its ``<small>``)."""
    image = tag.find("img")
    placeholder = tag.find("span", class_="missing-image")
    src = str(image.get("src", "")).strip() if image is not None else ""
    alt = image.get("alt", "") if image is not None else (placeholder.get("data-alt", "") if placeholder else "")
    caption_tag = tag.find("figcaption")
    caption, caption_marks, credit, credit_marks = "", (), "", ()
    if caption_tag is not None:
        credit_tag = caption_tag.find(class_=_CREDIT_CLASS) or caption_tag.find("small")
        if credit_tag is not None:
            credit, credit_marks = walker.marked(credit_tag.extract())
        caption, caption_marks = walker.marked(caption_tag)
    return Figure(src, _clean(str(alt)), caption, credit, _declared_dir(tag), _parts((caption_marks, credit_marks)))
