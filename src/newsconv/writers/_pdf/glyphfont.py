"""Glyphs, not characters, embedded as a CID-keyed TrueType font (Type0, Identity-H).

Shaped Arabic is made of glyphs that no character maps to (initial, medial and final
forms, ligatures), so every (glyph, text, width) triple a document draws gets a two-byte
code of its own.  The code fixes what the PDF says about the glyph:

- its ToUnicode entry is the text of its HarfBuzz cluster, so copy/paste and search
  give back the logical letters, never private-use or presentation-form code points;
- its width is the distance to the next glyph as placed, so text extractors see no
  false gap where GPOS moved a glyph; where that is not the glyph's own advance, the code
  draws a copy of the glyph with that advance (``glyphcopies``), so the widths and the
  embedded font program agree, as PDF/UA-1 and PDF/A require.

Codes are numbered per document (65,535 per face and document, far more than an
article uses), and the font file embedded is HarfBuzz's subset of the glyphs drawn.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb

from ... import fonts
from ...errors import FontError
from ...text.shaping import ShapingFont
from .glyphcopies import with_copies
from .pdffile import PdfFile, fingerprint

# Tables a PDF viewer never reads from an embedded TrueType font: shaping is already done.
_DROPPED_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "name", "post", "cmap", "DSIG", "kern",
                   "morx", "STAT", "fvar", "gvar", "avar", "HVAR", "MVAR")
_SYMBOLIC = 4  # FontDescriptor flag: glyphs are addressed by code, not by a standard encoding
_MAX_CODE = 0xFFFF


class Face:
    """One font file as the PDF writer uses it: shaped and subset by HarfBuzz."""

    def __init__(self, file: fonts.FontFile):
        self.file = file
        self.path, self.weight = file
        try:
            self.shaping = ShapingFont(_font_data(self.path), self.path, self.weight)
        except OSError as exc:
            raise FontError(f"{self.path}: cannot read the font ({exc})") from None
        self.units_per_em = self.shaping.units_per_em

    @property
    def hb_face(self) -> hb.Face:
        return self.shaping.hb_font.face

    def postscript_name(self) -> str:
        name = self.hb_face.get_name(hb.OTNameIdPredefined.POSTSCRIPT_NAME) or Path(self.path).stem
        if self.weight is not None:  # the instance embedded, as its viewer names it
            name = f"{name.split('-')[0]}-Bold{'Italic' if 'Italic' in name else ''}"
        return "".join(ch for ch in name if ch.isalnum() or ch in "-_") or "Font"


@lru_cache(maxsize=None)
def _font_data(path: str) -> bytes:
    """A font file's bytes, read once per process: a variable face's regular and bold instances
    share them."""
    return Path(path).read_bytes()


@lru_cache(maxsize=None)
def load_face(file: fonts.FontFile) -> Face:
    """The face of ``file`` (a path and, for a variable face, its weight), loaded once per process."""
    return Face(file)


class EmbeddedFont:
    """The glyphs one document draws from one face, and the PDF objects that embed them."""

    def __init__(self, face: Face, pdf: PdfFile):
        self.face = face
        self.number = pdf.reserve()
        self._codes: dict[tuple[int, str, int], int] = {}
        self._entries: list[tuple[int, str, int]] = [(0, "", 0)]  # code 0: .notdef, never drawn

    def encode(self, gid: int, text: str, width: int) -> str:
        """Four hex digits: the code drawing glyph ``gid`` as ``text``, advancing ``width``/1000 em."""
        key = (gid, text, width)
        code = self._codes.get(key)
        if code is None:
            code = self._codes[key] = len(self._entries)
            if code > _MAX_CODE:
                raise FontError(f"{self.face.path}: more than {_MAX_CODE} distinct glyphs in one document")
            self._entries.append(key)
        return f"{code:04X}"

    def write(self, pdf: PdfFile) -> None:
        """The Type0 font, its CIDFontType2, descriptor, subset file, code maps and ToUnicode."""
        subset, new_gid = self._subset()
        subset, glyphs = self._with_placed_advances(subset, new_gid)
        base = f"{self._tag()}+{self.face.postscript_name()}"
        file_number = pdf.add_stream(subset, f"/Length1 {len(subset)} ")
        descriptor = pdf.add(self._descriptor(base, file_number))
        gid_map = pdf.add_stream(b"".join(glyph.to_bytes(2, "big") for glyph in glyphs))
        widths = " ".join(str(width) for _, _, width in self._entries)
        cid_font = pdf.add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{base} "
                           "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                           f"/FontDescriptor {descriptor} 0 R /DW 0 /W [0 [{widths}]] /CIDToGIDMap {gid_map} 0 R >>")
        to_unicode = pdf.add_stream(self._to_unicode(base).encode("ascii"))
        pdf.put(self.number, f"<< /Type /Font /Subtype /Type0 /BaseFont /{base} /Encoding /Identity-H "
                             f"/DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>")

    def _subset(self) -> tuple[bytes, dict[int, int]]:
        """The font file with only the glyphs drawn (a variable face as the instance it is set at)."""
        return fonts.subset(self.face.hb_face, self.face.path, glyphs=(gid for gid, _, _ in self._entries),
                            dropped_tables=_DROPPED_TABLES, weight=self.face.weight)

    def _with_placed_advances(self, subset: bytes, new_gid: dict[int, int]) -> tuple[bytes, list[int]]:
        """The subset with a copy of each glyph drawn at an advance not its own, and the glyph
        each code draws (the CIDToGIDMap)."""
        upem = self.face.units_per_em
        copies: dict[tuple[int, int], int] = {}
        for gid, _, width in self._entries:
            if width != self.advance(gid):
                copies.setdefault((new_gid[gid], round(width * upem / 1000)), len(copies))
        subset, copy_glyphs = with_copies(subset, list(copies))
        return subset, [new_gid[gid] if width == self.advance(gid) else
                        copy_glyphs[copies[(new_gid[gid], round(width * upem / 1000))]]
                        for gid, _, width in self._entries]

    def advance(self, gid: int) -> int:
        """The glyph's own advance in the font program, in the 1/1000 em of PDF widths."""
        return round(self.face.shaping.hb_font.get_glyph_h_advance(gid) * 1000 / self.face.units_per_em)

    def _tag(self) -> str:
        """The six-letter subset tag, derived from the glyphs so equal documents give equal bytes."""
        digest = bytes.fromhex(fingerprint(repr(self._entries).encode()))
        return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])

    def _descriptor(self, base: str, file_number: int) -> str:
        face = self.face.hb_face
        scale = 1000 / self.face.units_per_em
        extents = self.face.shaping.hb_font.get_font_extents("ltr")
        head = face.reference_table("head").data
        bbox = [int.from_bytes(head[at:at + 2], "big", signed=True) * scale for at in (36, 38, 40, 42)]
        ascent, descent = round(extents.ascender * scale), round(extents.descender * scale)
        return (f"<< /Type /FontDescriptor /FontName /{base} /Flags {_SYMBOLIC} "
                f"/FontBBox [{' '.join(str(round(v)) for v in bbox)}] /ItalicAngle 0 /Ascent {ascent} "
                f"/Descent {descent} /CapHeight {ascent} /StemV 80 /FontFile2 {file_number} 0 R >>")

    def _to_unicode(self, base: str) -> str:
        entries = [f"<{code:04X}> <{text.encode('utf-16-be').hex().upper()}>"
                   for code, (_, text, _) in enumerate(self._entries) if text]
        return "\n".join([
            "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            f"/CMapName /{base}-UCS def", "/CMapType 2 def",
            "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
            *_bfchar_blocks(entries),
            "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


def _bfchar_blocks(entries: list[str]) -> list[str]:
    """bfchar sections of at most 100 entries, the limit the CMap specification sets."""
    lines: list[str] = []
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return lines
