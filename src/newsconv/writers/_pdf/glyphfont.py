"""Glyphs, not characters, drawn through reportlab's TrueType embedding.

reportlab embeds a TrueType font as subsets of 256 codes it assigns to Unicode
characters.  Shaped Arabic is made of glyphs that no character maps to (initial, medial
and final forms, ligatures), so each glyph we draw gets a private code of its own,
registered in the face's character map.  The code also fixes what the PDF says about
the glyph:

- its ToUnicode entry is the text of its HarfBuzz cluster, so copy/paste and search
  give back the logical letters, never private-use or presentation-form code points;
- its width is the distance to the next glyph as placed, so text extractors see no
  false gap where GPOS moved a glyph.

The codes live in the supplementary private-use planes, which no font maps, so they
cannot collide with real characters.  reportlab keeps them on the face for the life
of the process; when the pool runs out the font is simply loaded afresh.
"""
from __future__ import annotations

from functools import cached_property, lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFError, TTFont

from ...errors import FontError
from ...text.shaping import ShapingFont

_FIRST_CODE, _LAST_CODE = 0xF0000, 0x10FFFD


class GlyphFont(TTFont):
    """A reportlab TTFont whose 'characters' are (glyph, text, width) triples."""

    def __init__(self, name: str, path: str):
        super().__init__(name, path, asciiReadable=False, shapable=False)
        self._codes: dict[tuple[int, str, int], str] = {}
        self._text_of: dict[int, str] = {}
        self._next_code = _FIRST_CODE

    @property
    def exhausted(self) -> bool:
        """Whether the private code pool is nearly used up (a long batch; load the font afresh)."""
        return self._next_code > _LAST_CODE - 4096

    def code(self, gid: int, text: str, width: int) -> str:
        """The one-character string that draws glyph ``gid`` as ``text`` and advances ``width``/1000 em."""
        key = (gid, text, width)
        found = self._codes.get(key)
        if found is None:
            code = self._next_code
            self._next_code += 1
            self.face.charToGlyph[code] = gid
            self.face.charWidths[code] = width
            self._text_of[code] = text
            found = self._codes[key] = chr(code)
        return found

    def addObjects(self, doc) -> None:
        """reportlab's TTFont.addObjects with our ToUnicode map in place of its code-to-code one."""
        state = self._assignState(doc)
        state.frozen = 1
        for index, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(index, doc)[1:]
            base_name = (SUBSETN(index) + b"+" + self.face.name + self.face.subfontNameX).decode("pdfdoc")
            font = pdfdoc.PDFTrueTypeFont()
            font.Name = internal_name
            font.BaseFont = base_name
            font.FirstChar = 0
            font.LastChar = len(subset) - 1
            font.Widths = pdfdoc.PDFArray([self.face.getCharWidth(code) for code in subset])
            font.ToUnicode = doc.Reference(self._to_unicode_stream(base_name, subset, doc),
                                           "toUnicodeCMap:" + base_name)
            font.FontDescriptor = self.face.addSubsetObjects(doc, base_name, subset)
            doc.Reference(font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = font
        del self.state[doc]

    def _to_unicode_stream(self, base_name: str, subset: list[int], doc) -> pdfdoc.PDFStream:
        entries = [f"<{index:02X}> <{self._text_of.get(code, chr(code)).encode('utf-16-be').hex().upper()}>"
                   for index, code in enumerate(subset) if self._text_of.get(code, chr(code))]
        stream = pdfdoc.PDFStream()
        stream.content = "\n".join([
            "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
            f"/CIDSystemInfo << /Registry ({base_name}) /Ordering ({base_name}) /Supplement 0 >> def",
            f"/CMapName /{base_name} def", "/CMapType 2 def",
            "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
            *_bfchar_blocks(entries),
            "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])
        if doc.compression:
            stream.filters = [pdfdoc.PDFZCompress]
        return stream


def _bfchar_blocks(entries: list[str]) -> list[str]:
    """bfchar sections of at most 100 entries, the limit the CMap specification sets."""
    lines: list[str] = []
    for start in range(0, len(entries), 100):
        chunk = entries[start:start + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return lines


class Face:
    """One font file as the PDF writer uses it: shaped by HarfBuzz, drawn by reportlab.

    The reportlab side is built on first use: parsing a font for embedding costs 5-20 ms,
    and most fallback faces of a chain are never drawn from.
    """

    def __init__(self, path: str, generation: int = 0):
        self.path = path
        self.generation = generation
        self.shaping = ShapingFont(Path(path).read_bytes(), path)
        self.units_per_em = self.shaping.units_per_em

    @cached_property
    def glyphs(self) -> GlyphFont:
        try:
            font = GlyphFont(f"newsconv-{Path(self.path).stem}-{self.generation}", self.path)
        except (TTFError, AssertionError, KeyError, ValueError) as exc:
            raise FontError(f"{self.path}: reportlab cannot embed this font ({exc})") from None
        pdfmetrics.registerFont(font)
        return font

    @property
    def name(self) -> str:
        return self.glyphs.fontName

    @property
    def exhausted(self) -> bool:
        return "glyphs" in self.__dict__ and self.glyphs.exhausted


@lru_cache(maxsize=None)
def _cached_face(path: str) -> list[Face]:
    return [Face(path)]


def load_face(path: str) -> Face:
    """The face for ``path``, loaded once per process and renewed when its code pool runs out."""
    holder = _cached_face(path)
    if holder[0].exhausted:
        holder[0] = Face(path, holder[0].generation + 1)
    return holder[0]
