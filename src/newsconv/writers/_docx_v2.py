"""Version 2 of the model in DOCX: marked runs, hyperlinks, quotes and figures.

Kept apart from ``docx.py`` (page, styles, plain blocks) so each grows on its own; the body
writer calls in here for a text with marks and for the quote and figure blocks.

Word draws Arabic and Hebrew with the complex-script properties, so bold is ``w:b`` *and*
``w:bCs`` and italic ``w:i`` *and* ``w:iCs`` (pandoc#6911, python-docx#1081: with ``w:b`` alone
an Arabic run stays regular).  A link is a ``w:hyperlink`` whose ``r:id`` names an external
relationship of the document part; its runs are blue and underlined directly, since the
pruned template carries no Hyperlink character style.
"""
from __future__ import annotations

import base64
import io
from typing import Sequence

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.shared import Emu

from ..model import Figure, Mark, Quote
from . import _ooxml

LINK_COLOR = "0563C1"  # Word's own Hyperlink colour
CODE_FONT = "Courier New"


def fill_marked(body, paragraph, text: str, marks: Sequence[Mark], rtl: bool) -> None:
    """Give ``paragraph`` its direction and ``text`` as runs split by direction and by mark: the
    direction runs are those of the whole text (the ones HTML and PDF use), cut again where a mark
    starts or ends."""
    from .docx import direction_runs  # the body writer's own run splitting

    if rtl or body.typography.rtl:
        _ooxml.set_bidi(paragraph._p.get_or_add_pPr(), rtl)
    cuts = sorted({0, len(text), *(i for mark in marks for i in (mark.start, mark.end) if i <= len(text))})
    links: dict[str, str] = {}
    at = 0
    for run, run_rtl in direction_runs(text, rtl):
        run_end = at + len(run)
        edges = [at, *(cut for cut in cuts if at < cut < run_end), run_end]
        for start, end in zip(edges, edges[1:]):
            active = [mark for mark in marks if mark.start <= start < mark.end]
            href = next((mark.href for mark in active if mark.kind == "link"), None)
            parent = _hyperlink(paragraph, href, links) if href else paragraph._p
            rpr = _ooxml.add_text_run(parent, text[start:end]).get_or_add_rPr()
            _style_run(rpr, {mark.kind for mark in active})
            if run_rtl:
                body.mark_rtl(rpr, text[start:end])
        at = run_end


def _hyperlink(paragraph, href: str, links: dict[str, str]):
    """The ``w:hyperlink`` to ``href`` that the paragraph's last element is, or a new one (runs
    of one link split by direction or another mark stay in one hyperlink)."""
    last = paragraph._p[-1] if len(paragraph._p) else None
    if last is not None and last.tag == qn("w:hyperlink") and links.get(last.get(qn("r:id"))) == href:
        return last
    r_id = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    links[r_id] = href
    link = _ooxml.element("w:hyperlink")
    link.set(qn("r:id"), r_id)
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    return link


def _style_run(rpr, kinds: set[str]) -> None:
    if "strong" in kinds:
        _ooxml.set_bold(rpr)
    if "emphasis" in kinds:
        _ooxml.put(rpr, _ooxml.element("w:i"), _ooxml.RPR_ORDER)
        _ooxml.put(rpr, _ooxml.element("w:iCs"), _ooxml.RPR_ORDER)
    if "code" in kinds:
        fonts = _ooxml.element("w:rFonts", ascii=CODE_FONT, hAnsi=CODE_FONT)
        _ooxml.put(rpr, fonts, _ooxml.RPR_ORDER)
    if "link" in kinds:
        _ooxml.put(rpr, _ooxml.element("w:color", val=LINK_COLOR), _ooxml.RPR_ORDER)
        _ooxml.put(rpr, _ooxml.element("w:u", val="single"), _ooxml.RPR_ORDER)


def strong_texts(document) -> list[str]:
    """The texts set bold by a strong mark, which the bold face must be embedded for."""
    from ..model import block_texts

    return [block_texts(block)[mark.part][mark.start:mark.end]
            for block in document.blocks for mark in block.marks if mark.kind == "strong"]


def part_marks(marks: Sequence[Mark], part: int) -> list[Mark]:
    return [mark for mark in marks if mark.part == part]


def quote(body, block: Quote, rtl: bool) -> None:
    """The quote in Word's Quote style, its attribution a second Quote paragraph after a dash."""
    body.paragraph(block.text, rtl, style="Quote", marks=part_marks(block.marks, 0))
    if block.attribution:
        paragraph = body.paragraph("— ", rtl, style="Quote")
        fill_marked(body, paragraph, block.attribution, part_marks(block.marks, 1), rtl)


def figure(body, block: Figure, rtl: bool) -> None:
    """The image inline in its own paragraph, at most the text's width (never enlarged), its
    alt text as the picture's description; then the caption and credit in the Caption style."""
    if block.src:
        data = base64.b64decode(block.src.split(",", 1)[1])
        paragraph = body.paragraph("", rtl)
        run = paragraph.add_run()
        shape = run.add_picture(io.BytesIO(data))
        if shape.width > body.text_width:
            shape.height = Emu(int(shape.height * body.text_width / shape.width))
            shape.width = Emu(body.text_width)
        doc_pr = run._r.find(".//" + qn("wp:docPr"))
        if doc_pr is not None:
            doc_pr.set("descr", block.alt)
    if block.caption or block.credit:
        paragraph = body.paragraph(block.caption, rtl, style="Caption", marks=part_marks(block.marks, 0))
        if block.credit:
            fill_marked(body, paragraph, (" " if block.caption else "") + block.credit,
                        [_shifted(m, 1 if block.caption else 0) for m in part_marks(block.marks, 1)], rtl)


def _shifted(mark: Mark, by: int) -> Mark:
    return Mark(mark.kind, mark.start + by, mark.end + by, mark.href, mark.part)

