"""The blank document every DOCX starts from: python-docx's template, pruned once per process.

python-docx's ``default.docx`` carries 438 kB of styles.xml (every built-in style and the
latent-style table) and the same again as stylesWithEffects.xml, a thumbnail and custom
XML.  Parsing, serializing and deflating those was two thirds of the DOCX writer's time.
The pruned template keeps the styles the writer uses, the document defaults and whatever
those styles are based on or linked to; Word and LibreOffice fill in any built-in style a
user later applies, as they do for pandoc's reference document.
"""
from __future__ import annotations

import copy
import io
from functools import lru_cache
from typing import Optional

import docx
from docx.oxml.ns import qn
from docx.styles import BabelFish

from ..errors import InputError

# The styles the DOCX writer names (besides Normal and the defaults, always kept).
USED_STYLES = ("Heading 1", "Heading 2", "Heading 3", "List Paragraph", "Table Grid", "Quote", "Caption")
# Parts of the template that nothing in a converted article uses.
UNUSED_PARTS = ("/word/stylesWithEffects.xml", "/docProps/thumbnail.jpeg", "/customXml/")


def blank_document(reference: Optional[str] = None):
    """A fresh python-docx Document of the pruned template (parsed anew: callers change it), or of
    the newsroom's ``reference`` document emptied of its body, with any style we use that it lacks."""
    if reference is None:
        return docx.Document(io.BytesIO(_pruned_template()))
    try:
        word = docx.Document(reference)
    except Exception as exc:  # python-docx raises zip, XML and package errors alike
        raise InputError(f"{reference}: not a usable reference DOCX ({type(exc).__name__}: {exc})") from None
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    _add_missing_styles(word.styles.element)
    return word


def _add_missing_styles(styles) -> None:
    """Copy from our template the styles the writer uses that a reference document lacks."""
    have = {style.get(qn("w:styleId")) for style in styles.iterfind(qn("w:style"))}
    ours = docx.Document(io.BytesIO(_pruned_template())).styles.element
    for style in ours.iterfind(qn("w:style")):
        if style.get(qn("w:styleId")) not in have and style.get(qn("w:default")) != "1":
            styles.append(copy.deepcopy(style))


@lru_cache(maxsize=1)
def _pruned_template() -> bytes:
    word = docx.Document()
    _prune_styles(word.styles.element)
    _drop_unused_parts(word.part.package)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _prune_styles(styles) -> None:
    """Keep the default styles, the used ones and those they refer to; drop the latent-style table."""
    by_id = {style.get(qn("w:styleId")): style for style in styles.iterfind(qn("w:style"))}
    names = {style.find(qn("w:name")).get(qn("w:val")): style_id
             for style_id, style in by_id.items() if style.find(qn("w:name")) is not None}
    keep = {style_id for style_id, style in by_id.items() if style.get(qn("w:default")) == "1"}
    pending = [names[BabelFish.ui2internal(name)] for name in USED_STYLES] + list(keep)
    while pending:
        style_id = pending.pop()
        keep.add(style_id)
        for reference in ("w:basedOn", "w:link", "w:next"):
            child = by_id[style_id].find(qn(reference))
            target = child.get(qn("w:val")) if child is not None else None
            if target in by_id and target not in keep:
                pending.append(target)
    for style_id, style in by_id.items():
        if style_id not in keep:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)


def _drop_unused_parts(package) -> None:
    """Unlink the unused parts from every relationship that reaches them."""
    for source in [package, *package.parts]:
        for r_id, relationship in list(source.rels.items()):
            if relationship.is_external:
                continue
            if str(relationship.target_part.partname).startswith(UNUSED_PARTS):
                del source.rels[r_id]
