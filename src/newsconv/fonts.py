"""Which font sets which script.  The bundled faces install from PyPI (fontpkg-*), so no
font is ever downloaded at run time; a newsroom's own TTF/OTF can replace them (``--font``).

Writers ask here rather than naming files themselves, so the PDF and the DOCX name the
same families and look alike.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

from .errors import FontError
from .text.script import ARABIC, HEBREW, LATIN


def _files(package: str) -> Path:
    module = __import__(package)
    return Path(module.ROOT) / "files"


# script -> (package, regular file, bold file or None when one variable file holds every weight)
_BUNDLED = {
    ARABIC: ("fontpkg_amiri", "Amiri-Regular.ttf", "Amiri-Bold.ttf"),
    HEBREW: ("fontpkg_frank_ruhl_libre", "FrankRuhlLibre[wght].ttf", None),
    LATIN: ("fontpkg_noto_serif", "NotoSerif[wdth,wght].ttf", None),
}
FAMILIES = {ARABIC: "Amiri", HEBREW: "Frank Ruhl Libre", LATIN: "Noto Serif"}


def bundled_font(script: str, bold: bool = False) -> Path:
    """The path of the bundled face for ``script`` (Latin for any script without its own)."""
    package, regular, bold_file = _BUNDLED.get(script, _BUNDLED[LATIN])
    return _files(package) / (bold_file if bold and bold_file else regular)


def bundled_family(script: str) -> str:
    """The family name of the bundled face for ``script``, as Word and browsers know it."""
    return FAMILIES.get(script, FAMILIES[LATIN])


@lru_cache(maxsize=None)
def family_name(path: str) -> str:
    """The family name stored in a TTF/OTF file; FontError when the file is not a usable font."""
    from fontTools.ttLib import TTFont, TTLibError

    try:
        font = TTFont(path, lazy=True, fontNumber=0)
        name: Optional[str] = font["name"].getBestFamilyName()
    except (OSError, TTLibError, KeyError) as exc:
        raise FontError(f"{path}: not a usable TrueType/OpenType font ({exc})") from None
    if not name:
        raise FontError(f"{path}: the font has no family name")
    return name
