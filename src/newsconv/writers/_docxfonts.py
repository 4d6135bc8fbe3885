"""The document's faces embedded in the DOCX, subset to its characters (ECMA-376 Part 1 §17.8.1).

Word and LibreOffice fall back to another face when the named one is not installed (Frank
Ruhl Libre and Noto Serif rarely are), so the DOCX carries the faces the PDF uses.  Each is
HarfBuzz's subset of the characters the document holds, with its layout tables kept: the
reader shapes the text itself.  Variable faces are pinned at their default instance by the
subsetter, because LibreOffice and Word expect a static face.  A face is stored obfuscated,
its first 32 bytes XORed with a GUID key that ``fontTable.xml`` names; the key is derived
from the subset's bytes, so equal documents still give equal files.
"""
from __future__ import annotations

import hashlib
import io
import uuid
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from lxml import etree

from .. import fonts
from ..text.script import DIGITS

FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
FONT_TABLE = "word/fontTable.xml"
FONT_TABLE_RELS = "word/_rels/fontTable.xml.rels"
# Characters a document shows beyond its text: list numbers in the three digit sets, their
# period, the bullet, and page numbers.
MARKERS = ".\u2022" + "".join(DIGITS.values())
# Per List.numerals: the zero of the digits a numbered list shows, and the name its digit face adds.
LIST_DIGITS = {"arabic-indic": (DIGITS["arabic-indic"][0], "Arabic-Indic Digits"),
               "persian": (DIGITS["persian"][0], "Persian Digits")}
# The code points a list number can arrive in: LibreOffice's European digits, Word's Arabic-Indic ones.
NUMBER_ZEROS = tuple(ord(digits[0]) for digits in DIGITS.values())
# Children of w:font after which w:embedRegular and w:embedBold come (CT_Font).
FONT_ORDER = ("altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig", "embedRegular",
              "embedBold", "embedItalic", "embedBoldItalic")


@dataclass(frozen=True)
class Face:
    """A family the document is set in: its regular file, and a static bold file or None
    (a variable face's bold is left to the reader's emboldening, as the PDF does)."""

    family: str
    regular: str
    bold: Optional[str] = None


@dataclass(frozen=True)
class Embedding:
    """One obfuscated font part: the family and style it serves, its key and bytes."""

    family: str
    style: str  # "Regular" or "Bold", as in w:embedRegular / w:embedBold
    key: str
    data: bytes


def embeddings(faces: Iterable[Face], text: str, bold_text: str) -> list[Embedding]:
    """The font parts for ``faces``: regular subsets of ``text``, bold ones of ``bold_text``."""
    characters = frozenset(text + MARKERS)
    bold_characters = frozenset(bold_text + MARKERS)
    parts = []
    for face in faces:
        parts.append(_embedding(face.family, "Regular", subset_file(face.regular, characters)))
        if face.bold and bold_text:
            parts.append(_embedding(face.family, "Bold", subset_file(face.bold, bold_characters)))
    return parts


def digit_faces(face: Face, numerals: Iterable[str]) -> dict[str, Embedding]:
    """Per List.numerals, a face that draws every digit as the article's: the list numbers' font.

    Word draws w:numFmt "hindiNumbers" as Arabic-Indic digits, but LibreOffice (7.4 to 25.8)
    has no DOCX import for it, nor for any w:format="١, ٢, ٣, ..." custom format, and numbers
    the list 1, 2, 3.  A face of ``face``'s digits whose European and Arabic-Indic code points
    all map to the article's digit glyphs makes both show ١ ٢ ٣ (or ۱ ۲ ۳).  Numerals the
    face has no digits for are left out, so their lists keep the document's face.
    """
    faces = {}
    for kind in sorted(set(numerals) & set(LIST_DIGITS)):
        data = _digit_font(face.regular, face.family, kind)
        if data is not None:
            faces[kind] = _embedding(digit_family(face.family, kind), "Regular", data)
    return faces


def digit_family(family: str, numerals: str) -> str:
    return f"{family} {LIST_DIGITS[numerals][1]}"


@lru_cache(maxsize=None)
def _digit_font(path: str, family: str, numerals: str) -> Optional[bytes]:
    """The digits and period of the face at ``path``, every digit code point drawing the
    ``numerals`` glyph, renamed to its digit family; None when the face lacks those digits."""
    from fontTools.ttLib import TTFont

    zero = ord(LIST_DIGITS[numerals][0])
    characters = frozenset(chr(base + digit) for base in NUMBER_ZEROS for digit in range(10)) | {"."}
    font = TTFont(io.BytesIO(subset_file(path, characters)), recalcTimestamp=False)  # same bytes every run
    glyphs = font.getBestCmap()
    if any(zero + digit not in glyphs for digit in range(10)):
        return None
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap.update({base + digit: glyphs[zero + digit] for base in NUMBER_ZEROS for digit in range(10)})
    _rename(font, digit_family(family, numerals))
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _rename(font, family: str) -> None:
    """Give ``font`` its own family, so that no reader takes it for the document's text face."""
    name = font["name"]
    for name_id in (16, 17, 21, 22):
        name.removeNames(nameID=name_id)
    name.setName(family, 1, 3, 1, 0x409)
    name.setName("Regular", 2, 3, 1, 0x409)
    name.setName(family, 4, 3, 1, 0x409)
    name.setName(family.replace(" ", "") + "-Regular", 6, 3, 1, 0x409)
    for record in [r for r in name.names if r.nameID in (1, 4, 6) and r.platformID != 3]:
        name.removeNames(nameID=record.nameID, platformID=record.platformID)


def _embedding(family: str, style: str, data: bytes) -> Embedding:
    key = font_key(data)
    return Embedding(family, style, key, obfuscate(data, key))


@lru_cache(maxsize=256)
def subset_file(path: str, characters: frozenset[str]) -> bytes:
    """The face at ``path`` cut down to ``characters``, cached: a batch repeats character sets."""
    return fonts.subset(_face(path), path, codepoints=sorted(map(ord, characters)))[0]


@lru_cache(maxsize=None)
def _face(path: str):
    import uharfbuzz as hb

    return hb.Face(hb.Blob.from_file_path(path))


def font_key(data: bytes) -> str:
    """A GUID (in braces, as fontTable.xml writes it) derived from the font's bytes."""
    return "{" + str(uuid.UUID(bytes=hashlib.md5(data).digest())).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """``data`` with its first 32 bytes XORed with the key's 16 bytes, read from the last hex
    pair of the GUID to the first (§17.8.1); applied twice it gives the font back."""
    mask = bytes.fromhex(key.strip("{}").replace("-", ""))[::-1]
    return bytes(byte ^ mask[index % 16] for index, byte in enumerate(data[:32])) + data[32:]


def add_to_package(parts: dict[str, bytes], embedded: list[Embedding]) -> None:
    """Add the font parts, their relationships from the font table, its entries and content type."""
    if not embedded:
        return
    relationships = etree.Element(f"{{{PACKAGE_RELATIONSHIPS}}}Relationships", nsmap={None: PACKAGE_RELATIONSHIPS})
    table = etree.fromstring(parts[FONT_TABLE])
    for number, embedding in enumerate(embedded, start=1):
        target = f"fonts/font{number}.odttf"
        parts[f"word/{target}"] = embedding.data
        etree.SubElement(relationships, f"{{{PACKAGE_RELATIONSHIPS}}}Relationship",
                         Id=f"rId{number}", Type=FONT_RELATIONSHIP, Target=target)
        _add_font_entry(table, embedding, f"rId{number}")
    parts[FONT_TABLE] = _serialize(table)
    parts[FONT_TABLE_RELS] = _serialize(relationships)
    parts["[Content_Types].xml"] = _with_font_content_type(parts["[Content_Types].xml"])


def _add_font_entry(table, embedding: Embedding, relationship_id: str) -> None:
    """Point the family's w:font at its part (w:font is added when the template lacks it)."""
    font = next((f for f in table.findall(f"{{{W}}}font") if f.get(f"{{{W}}}name") == embedding.family), None)
    if font is None:
        font = etree.SubElement(table, f"{{{W}}}font", {f"{{{W}}}name": embedding.family})
    embed = etree.Element(f"{{{W}}}embed{embedding.style}",
                          {f"{{{R}}}id": relationship_id, f"{{{W}}}fontKey": embedding.key})
    later = {f"{{{W}}}{tag}" for tag in FONT_ORDER[FONT_ORDER.index(f"embed{embedding.style}") + 1:]}
    following = next((child for child in font if child.tag in later), None)
    if following is None:
        font.append(embed)
    else:
        following.addprevious(embed)


def _with_font_content_type(content_types: bytes) -> bytes:
    types = etree.fromstring(content_types)
    default = etree.Element(f"{{{CONTENT_TYPES}}}Default", Extension="odttf", ContentType=OBFUSCATED_FONT)
    types.insert(0, default)
    return _serialize(types)


def _serialize(element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
