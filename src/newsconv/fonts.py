"""Which font sets which script.  The bundled faces install from PyPI (fontpkg-*), so no
font is ever downloaded at run time; a newsroom's own TTF/OTF can replace them (``--font``).

Writers ask here rather than naming files themselves, so the PDF and the DOCX name the
same families and look alike.
"""
from __future__ import annotations

import io
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, NamedTuple, Optional

from .errors import FontError
from .files import read_regular_file
from .text.languages import FAMILIES, language
from .text.script import ARABIC, HEBREW, LATIN

if TYPE_CHECKING:
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont


def _files(package: str) -> Path:
    module = __import__(package)
    return Path(module.ROOT) / "files"


# script -> (package, regular file, bold file or None when one variable file holds every weight)
_BUNDLED = {
    ARABIC: ("fontpkg_amiri", "Amiri-Regular.ttf", "Amiri-Bold.ttf"),
    HEBREW: ("fontpkg_frank_ruhl_libre", "FrankRuhlLibre[wght].ttf", None),
    LATIN: ("fontpkg_noto_serif", "NotoSerif[wdth,wght].ttf", None),
}


@lru_cache(maxsize=None)
def bundled_font(script: str, bold: bool = False) -> Path:
    """The path of the bundled face for ``script`` (Latin for any script without its own)."""
    package, regular, bold_file = _BUNDLED.get(script, _BUNDLED[LATIN])
    return _files(package) / (bold_file if bold and bold_file else regular)


def bundled_family(script: str) -> str:
    """The family name of the bundled face for ``script``, as Word and browsers know it."""
    return FAMILIES.get(script, FAMILIES[LATIN])


# A font file larger than this is not a font a newsroom sets articles in (a full CJK face is 20 MB).
MAX_FONT_BYTES = 64 * 1024 * 1024
# Tables every outline font newsconv can shape and embed must have (glyf+loca or CFF come on top).
_REQUIRED_TABLES = ("cmap", "head", "hhea", "hmtx", "maxp", "name")


@lru_cache(maxsize=None)
def family_name(path: str) -> str:
    """The family name stored in a TTF/OTF file, once the file is checked whole (check_font);
    FontError when it is not a usable font."""
    font = check_font(path)
    try:
        name: Optional[str] = font["name"].getBestFamilyName()
    except Exception as exc:  # fontTools raises what its parsers meet (struct.error, AssertionError ...)
        raise FontError(f"{path}: a damaged font ({type(exc).__name__}: {exc})") from None
    if not name:
        raise FontError(f"{path}: the font has no family name")
    return name


@lru_cache(maxsize=None)
def check_font(path: str) -> "TTFont":
    """The font at ``path``, checked once per process before any writer uses it: a regular
    file, an sfnt whose every table lies inside the file (a truncated download fails here) and
    matches its checksum (a damaged one fails here: no font among 371 on this system, bundled
    ones included, has a wrong checksum), with the tables shaping and embedding need.

    FontError, naming the file, for anything else; HarfBuzz would otherwise shape a damaged
    font silently, or fail deep in a writer.
    """
    from fontTools.ttLib import TTFont, TTLibError
    from fontTools.ttLib.sfnt import calcChecksum

    data = _font_bytes(path)
    try:
        font = TTFont(io.BytesIO(data), lazy=True, fontNumber=0)
    except (TTLibError, struct.error, ValueError, AssertionError) as exc:
        raise FontError(f"{path}: not a usable TrueType/OpenType font ({exc})") from None
    for tag, entry in font.reader.tables.items():
        if entry.offset + entry.length > len(data):
            raise FontError(f"{path}: a truncated font (table {tag.strip()!r} runs past the end of the file)")
        table = data[entry.offset:entry.offset + entry.length]
        if tag == "head":  # its checksum is computed with checkSumAdjustment zeroed
            table = table[:8] + bytes(4) + table[12:]
        if calcChecksum(table) != entry.checkSum:
            raise FontError(f"{path}: a damaged font (table {tag.strip()!r} fails its checksum)")
    missing = [tag for tag in _REQUIRED_TABLES if tag not in font]
    if "glyf" not in font and "CFF " not in font and "CFF2" not in font:
        missing.append("glyf")
    if missing:
        raise FontError(f"{path}: not a usable font (no {', '.join(repr(tag) for tag in missing)} table)")
    return font


def _font_bytes(path: str) -> bytes:
    return read_regular_file(path, MAX_FONT_BYTES, FontError, "not a font newsconv uses")


def has_static_bold(script: str) -> bool:
    """Whether the bundled face for ``script`` ships a bold file (the others are variable files:
    the PDF sets them at the bold weight, the DOCX embeds their default, regular, instance)."""
    return _BUNDLED.get(script, _BUNDLED[LATIN])[2] is not None


BOLD_WEIGHT = 700  # the weight a variable face is set at for bold text (OpenType's "Bold")


class FontFile(NamedTuple):
    """A font file as the PDF sets it: a variable face at ``weight`` on its ``wght`` axis, or at
    its default instance when ``weight`` is None (every static face)."""

    path: str
    weight: Optional[int] = None


def bundled_face(script: str, bold: bool = False) -> FontFile:
    """The bundled face for ``script``: its bold file, or its variable file at the bold weight."""
    package, regular, bold_file = _BUNDLED.get(script, _BUNDLED[LATIN])
    if bold and bold_file:
        return FontFile(str(_files(package) / bold_file))
    return FontFile(str(_files(package) / regular), BOLD_WEIGHT if bold else None)


def fallback_chain(lang: str, bold: bool = False, custom: Optional[str] = None) -> tuple[FontFile, ...]:
    """Font files in the order they are tried for a character: the newsroom's font, the
    bundled face of the document's script, then the other bundled faces."""
    first = language(lang).script
    scripts = [first] + [script for script in (ARABIC, LATIN, HEBREW) if script != first]
    chain = [bundled_face(script, bold) for script in scripts]
    if custom:
        chain.insert(0, FontFile(str(usable_font_path(custom))))
    return tuple(chain)


def usable_font_path(path: str) -> Path:
    """``path`` checked to be a TrueType-outline font newsconv can shape and embed; FontError otherwise."""
    family_name(path)
    with open(path, "rb") as handle:
        magic = handle.read(4)
    if magic == b"OTTO":
        raise FontError(f"{path}: OpenType fonts with PostScript (CFF) outlines cannot be embedded in the PDF; "
                        "use a TrueType-outline .ttf/.otf")
    return Path(path)


class FontCoverage:
    """Chooses, for each character, the first font of a chain that has a glyph for it.

    Spaces, digits, punctuation and marks stay in the font of the character before them
    when it has them, so a run of Arabic keeps its own comma and digits instead of
    switching face at every neutral character.
    """

    def __init__(self, codepoint_sets: list[frozenset[int]]):
        self.codepoint_sets = codepoint_sets

    def assign(self, text: str) -> tuple[list[int], set[str]]:
        """The index in the chain of each character's font, and the characters no font covers."""
        if set(map(ord, text)) <= self.codepoint_sets[0]:  # the usual case, at C speed
            return [0] * len(text), set()
        choices: list[int] = []
        missing: set[str] = set()
        previous = 0
        for ch in text:
            code = ord(ch)
            if _inherits_font(ch) and code in self.codepoint_sets[previous] or _is_invisible(ch):
                choices.append(previous)
                continue
            found = next((i for i, codes in enumerate(self.codepoint_sets) if code in codes), None)
            if found is None:
                missing.add(ch)
                found = previous
            choices.append(found)
            previous = found
        return choices, missing


def _inherits_font(ch: str) -> bool:
    return not ch.isalpha()


def _is_invisible(ch: str) -> bool:
    """Format characters (ZWNJ, ZWJ, bidi marks): HarfBuzz hides them in any font."""
    return unicodedata.category(ch) == "Cf"


def subset(face: "hb.Face", source: str, glyphs: Iterable[int] = (), codepoints: Iterable[int] = (),
           dropped_tables: Iterable[str] = (), weight: Optional[int] = None) -> tuple[bytes, dict[int, int]]:
    """HarfBuzz's subset of ``face`` to ``glyphs`` and ``codepoints``, and its old-to-new glyph ids.

    Both the PDF (by glyph, shaping done) and the DOCX (by character, the reader shapes)
    embed subsets; a variable face is pinned at ``weight`` on its ``wght`` axis and at the
    default of every other axis, a static instance, because HarfBuzz does that in
    milliseconds where fontTools' instancer takes seconds, and PDF viewers draw no
    variations.  FontError names ``source`` when HarfBuzz fails.
    """
    import uharfbuzz as hb

    subset_input = hb.SubsetInput()
    for gid in glyphs:
        subset_input.glyph_set.add(gid)
    for codepoint in codepoints:
        subset_input.unicode_set.add(codepoint)
    for tag in dropped_tables:
        subset_input.drop_table_tag_set.add(int.from_bytes(tag.ljust(4).encode("ascii"), "big"))
    subset_input.flags = hb.SubsetFlags.NO_HINTING
    if face.axis_infos:
        subset_input.pin_all_axes_to_default(face)
        if weight is not None:
            subset_input.pin_axis_location(face, "wght", weight)
    try:
        plan = hb.SubsetPlan(face, subset_input)
        result = plan.execute()
    except RuntimeError:  # uharfbuzz's "Subsetting failed"
        result = None
    if result is None:
        raise FontError(f"{source}: HarfBuzz cannot subset this font for embedding")
    return result.blob.data, dict(plan.old_to_new_glyph_mapping)


# The bundled faces' bold, italic and bold italic, for text a mark sets so (PDF): a file, and
# for a variable file the weight.  A face without one keeps its regular glyphs there: Frank
# Ruhl Libre ships no italic (Hebrew sets emphasis in bold, not in slanted letters).
_STYLED = {
    "Amiri-Regular.ttf": {(True, False): ("Amiri-Bold.ttf", None), (False, True): ("Amiri-Italic.ttf", None),
                          (True, True): ("Amiri-BoldItalic.ttf", None)},
    "NotoSerif[wdth,wght].ttf": {(True, False): ("NotoSerif[wdth,wght].ttf", BOLD_WEIGHT),
                                 (False, True): ("NotoSerif-Italic[wdth,wght].ttf", None),
                                 (True, True): ("NotoSerif-Italic[wdth,wght].ttf", BOLD_WEIGHT)},
    "FrankRuhlLibre[wght].ttf": {(True, False): ("FrankRuhlLibre[wght].ttf", BOLD_WEIGHT),
                                 (True, True): ("FrankRuhlLibre[wght].ttf", BOLD_WEIGHT)},
}


def styled_font(regular: FontFile, bold: bool, italic: bool) -> Optional[FontFile]:
    """The bundled bold/italic face of the ``regular`` face, or None when there is none."""
    if regular.weight is not None:
        return None  # already a bold instance
    name, weight = _STYLED.get(Path(regular.path).name, {}).get((bold, italic), (None, None))
    path = Path(regular.path).with_name(name) if name else None
    return FontFile(str(path), weight) if path and path.exists() else None
