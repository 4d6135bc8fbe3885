"""The document outline (bookmarks, ISO 32000-1 12.3.3): one item per heading, nested by level,
each opening its heading's page at the heading and naming its structure element (/SE)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .pdffile import PdfFile, number, text_string
from .structure import Element


@dataclass(eq=False)
class _Item:
    level: int
    title: str
    element: Optional[Element]
    kids: list["_Item"] = field(default_factory=list)
    number: int = 0


def write_outline(pdf: PdfFile, headings: list[tuple[int, str, Element]], page_objects: list[int]) -> Optional[int]:
    """The Outlines dictionary's object number, or None for a document without headings."""
    root = _Item(0, "", None)
    stack = [root]
    for level, title, element in headings:
        while stack[-1].level >= level:
            stack.pop()
        item = _Item(level, title, element)
        stack[-1].kids.append(item)
        stack.append(item)
    if not root.kids:
        return None
    root.number = pdf.reserve()
    _number(root, pdf)
    _write_kids(root, pdf, page_objects)
    pdf.put(root.number, f"<< /Type /Outlines /First {root.kids[0].number} 0 R /Last {root.kids[-1].number} 0 R "
                         f"/Count {_count(root)} >>")
    return root.number


def _number(item: _Item, pdf: PdfFile) -> None:
    for kid in item.kids:
        kid.number = pdf.reserve()
        _number(kid, pdf)


def _count(item: _Item) -> int:
    """Items shown below ``item`` with every level open."""
    return sum(1 + _count(kid) for kid in item.kids)


def _write_kids(parent: _Item, pdf: PdfFile, page_objects: list[int]) -> None:
    for index, item in enumerate(parent.kids):
        links = [f"/Parent {parent.number} 0 R"]
        if index:
            links.append(f"/Prev {parent.kids[index - 1].number} 0 R")
        if index + 1 < len(parent.kids):
            links.append(f"/Next {parent.kids[index + 1].number} 0 R")
        if item.kids:
            links.append(f"/First {item.kids[0].number} 0 R /Last {item.kids[-1].number} 0 R /Count {_count(item)}")
        page, top = item.element.first_mark or (0, None)
        destination = f"[{page_objects[page]} 0 R /XYZ null {number(top) if top is not None else 'null'} null]"
        pdf.put(item.number, f"<< /Title {text_string(item.title)} {' '.join(links)} /Dest {destination} "
                             f"/SE {item.element.number} 0 R >>")
        _write_kids(item, pdf, page_objects)
