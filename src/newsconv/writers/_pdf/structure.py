"""The structure tree of a tagged PDF (ISO 32000-1 14.7-14.8, PDF/UA-1 7): the model's blocks
as standard structure elements, in reading order, and what each page draws for them.

Document > H1-H3 | P | L > LI > Lbl + LBody | Table > THead/TBody > TR > TH/TD.  The tree is
built from the model before anything is laid out; the layout hands each unit the element
it draws for, and the canvas marks what it draws with the element's MCIDs (marked content)
or as an artifact.  Elements of model v2 (BlockQuote, Figure with Alt and Caption, Link with
its annotation as an OBJR kid) slot in as further cases of :meth:`StructureTree.add`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

from ...model import Block, Document, Figure, Heading, List, Paragraph, Quote, Table, block_texts
from ...text.script import detect_language
from .pdffile import PdfFile, text_string

# The standard structure types this writer uses (ISO 32000-1 14.8.4): no role map is needed.
STANDARD_TYPES = frozenset({"Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "THead",
                            "TBody", "TR", "TH", "TD", "BlockQuote", "Figure", "Caption", "Link"})


@dataclass(eq=False)
class Element:
    """A structure element; its kids are elements and marked content (page index, MCID)."""

    type: str
    parent: Optional["Element"] = None
    lang: Optional[str] = None
    attributes: str = ""
    kids: list[Union["Element", tuple[int, int], "ObjectRef"]] = field(default_factory=list)
    number: int = 0  # its PDF object, once written
    first_mark: Optional[tuple[int, float]] = None  # (page index, top) where it is first drawn
    alt: str = ""  # a Figure's alternate description

    def add(self, type_: str, attributes: str = "", lang: Optional[str] = None) -> "Element":
        kid = Element(type_, self, lang, attributes)
        self.kids.append(kid)
        return kid


@dataclass(frozen=True)
class ObjectRef:
    """A kid that is a PDF object (a link annotation) on page ``page`` (counted from 0)."""

    page: int
    number: int


@dataclass(frozen=True)
class ListTags:
    """A list's items, each as its label (the bullet or number) and its body."""

    items: tuple[tuple[Element, Element], ...]


@dataclass(frozen=True)
class TableTags:
    """A table's cells: the header row's TH and each body row's TD, in model order."""

    header: tuple[Element, ...]
    rows: tuple[tuple[Element, ...], ...]


@dataclass(frozen=True)
class QuoteTags:
    """A quote: a BlockQuote holding a P for its text and one for its attribution (when it has one)."""

    text: Element
    attribution: Optional[Element]


@dataclass(frozen=True)
class FigureTags:
    """A figure: the Figure (its image, with the alt text as /Alt) and its Caption."""

    figure: Element
    caption: Element


Tags = Union[Element, ListTags, TableTags, QuoteTags, FigureTags]


class StructureTree:
    """The elements of one document, and the marked content each page has drawn for them."""

    def __init__(self, document: Document):
        self.document = document
        self.root = Element("Document")
        self.headings: list[tuple[int, str, Element]] = []  # (level, text, element), for bookmarks
        self.pages: list[list[Element]] = []  # per page, the element of each MCID
        self.links: list[Element] = []  # the Link element of each annotation, in the order drawn

    def add(self, block: Block) -> Tags:
        """The elements of ``block``, appended to the document in reading order."""
        lang = block_language(block, self.document)
        if isinstance(block, Heading):
            element = self.root.add(f"H{block.level}", lang=lang)
            self.headings.append((block.level, block.text, element))
            return element
        if isinstance(block, Paragraph):
            return self.root.add("P", lang=lang)
        if isinstance(block, List):
            numbering = "/Decimal" if block.ordered else "/Disc"
            element = self.root.add("L", f"<< /O /List /ListNumbering {numbering} >>", lang)
            items = []
            for _ in block.items:
                item = element.add("LI")
                items.append((item.add("Lbl"), item.add("LBody")))
            return ListTags(tuple(items))
        if isinstance(block, Quote):
            element = self.root.add("BlockQuote", lang=lang)
            return QuoteTags(element.add("P"), element.add("P") if block.attribution else None)
        if isinstance(block, Figure):
            element = self.root.add("Figure", lang=lang)
            element.alt = block.alt or block.caption or "image"
            return FigureTags(element, element.add("Caption"))
        assert isinstance(block, Table)
        element = self.root.add("Table", lang=lang)
        header: tuple[Element, ...] = ()
        if block.header:
            row = element.add("THead").add("TR")
            header = tuple(row.add("TH", "<< /O /Table /Scope /Column >>") for _ in range(block.column_count))
        body = element.add("TBody")
        rows = tuple(tuple(row.add("TD") for _ in range(block.column_count))
                     for row in (body.add("TR") for _ in block.rows))
        return TableTags(header, rows)

    def mark(self, element: Element, page: int, top: Optional[float]) -> int:
        """A new MCID on page ``page`` (counted from 0) for content drawn for ``element``."""
        while len(self.pages) <= page:
            self.pages.append([])
        marks = self.pages[page]
        marks.append(element)
        element.kids.append((page, len(marks) - 1))
        if element.first_mark is None and top is not None:
            element.first_mark = (page, top)
        return len(marks) - 1

    def link(self, element: Element, page: int, annotation: int) -> None:
        """A Link element under ``element`` for the link annotation object ``annotation`` on ``page``;
        its key in the parent tree follows the pages' (see :meth:`write`)."""
        link = element.add("Link")
        link.kids.append(ObjectRef(page, annotation))
        self.links.append(link)

    def write(self, pdf: PdfFile, page_objects: list[int]) -> int:
        """The StructTreeRoot with every element and the ParentTree; its object number."""
        root = pdf.reserve()
        self._number(self.root, pdf)
        self._write(self.root, root, pdf, page_objects)
        marks = self.pages + [[]] * (len(page_objects) - len(self.pages))
        nums = " ".join(f"{index} [{' '.join(f'{element.number} 0 R' for element in page)}]"
                        for index, page in enumerate(marks))
        nums += "".join(f" {key} {link.number} 0 R" for key, link in enumerate(self.links, len(page_objects)))
        parent_tree = pdf.add(f"<< /Nums [{nums}] >>")
        pdf.put(root, f"<< /Type /StructTreeRoot /K [{self.root.number} 0 R] /ParentTree {parent_tree} 0 R "
                      f"/ParentTreeNextKey {len(page_objects) + len(self.links)} >>")
        return root

    def _number(self, element: Element, pdf: PdfFile) -> None:
        element.number = pdf.reserve()
        for kid in element.kids:
            if isinstance(kid, Element):
                self._number(kid, pdf)

    def _write(self, element: Element, parent: int, pdf: PdfFile, page_objects: list[int]) -> None:
        kids = []
        for kid in element.kids:
            if isinstance(kid, Element):
                self._write(kid, element.number, pdf, page_objects)
                kids.append(f"{kid.number} 0 R")
            elif isinstance(kid, ObjectRef):
                kids.append(f"<< /Type /OBJR /Pg {page_objects[kid.page]} 0 R /Obj {kid.number} 0 R >>")
            else:
                page, mcid = kid
                kids.append(f"<< /Type /MCR /Pg {page_objects[page]} 0 R /MCID {mcid} >>")
        extra = (f" /Lang {text_string(element.lang)}" if element.lang else "") + \
            (f" /Alt {text_string(element.alt)}" if element.alt else "") + \
            (f" /A {element.attributes}" if element.attributes else "")
        pdf.put(element.number, f"<< /Type /StructElem /S /{element.type} /P {parent} 0 R "
                                f"/K [{' '.join(kids)}]{extra} >>")


def block_language(block: Block, document: Document) -> Optional[str]:
    """The block's own language when it is not the document's, else None.

    The model gives a block a direction of its own, not a language; a block whose direction
    differs from the document's is in another script, and ``text``'s detector names its
    language (an Arabic line in an English article)."""
    if not block.dir or block.dir == document.dir:
        return None
    lang = detect_language(" ".join(block_texts(block)))
    return lang if lang not in ("und", document.lang) else None
