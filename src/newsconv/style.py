"""House style: the one table of look defaults that the PDF, DOCX and HTML writers read, and
the TOML style file (``--style FILE``) that overrides it.

Without a style file the three formats share these defaults, so a PDF and a DOCX of one
article have the same body size, margins and paper.  A newsroom's file changes any of
them; a key this module does not know, or a value of the wrong kind, is an error naming
the file, the line and the key, because a misspelt key silently ignored is a masthead
missing from a day's paper.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from .errors import InputError

log = logging.getLogger("newsconv")

# Paper sizes in points (width, height): the one table the PDF and DOCX writers read.
PAPER_SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0), "a3": (841.89, 1190.55),
               "a5": (419.53, 595.28), "legal": (612.0, 1008.0)}
PAPERS = tuple(PAPER_SIZES)
DIGIT_CHOICES = ("auto", "latin", "arabic-indic", "persian")
SCRIPTS = ("arabic", "hebrew", "latin")
PLACEHOLDERS = ("publication", "title", "date", "section", "author", "page", "pages")
JUSTIFY_CHOICES = (False, True, "kashida")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_CM = 72 / 2.54


@dataclass(frozen=True)
class HouseStyle:
    """Everything about the look of an article; sizes in points, colours as ``#rrggbb``.

    ``fonts`` maps a script ("arabic", "hebrew", "latin") to a font file path; scripts not
    named keep the bundled family.  ``line_height`` of 0 means: by script (Arabic script
    needs room for its marks, 1.75 ems; others 1.4).
    """

    publication: str = ""
    logo: Optional[str] = None
    masthead: bool = False
    header: str = ""
    footer: str = "{page}"
    digits: str = "auto"
    paper: str = "a4"
    margin_top: float = round(2 * _CM, 2)
    margin_bottom: float = round(2 * _CM, 2)
    margin_start: float = round(2 * _CM, 2)
    margin_end: float = round(2 * _CM, 2)
    body_size: float = 12.0
    line_height: float = 0.0
    justify: Union[bool, str] = False
    title_size: float = 23.0
    deck_size: float = 15.5
    heading2_size: float = 15.5
    heading3_size: float = 13.0
    table_size: float = 10.5
    footer_size: float = 9.5
    text_colour: str = "#000000"
    heading_colour: str = "#000000"
    accent_colour: str = "#595959"
    fonts: tuple[tuple[str, str], ...] = field(default=())

    def logo_image(self) -> Optional["Logo"]:
        """The logo file's bytes and type, checked by their signature (None without a usable logo)."""
        if not self.logo:
            return None
        try:
            data = Path(self.logo).read_bytes()
        except OSError as exc:
            log.warning("style: logo %s cannot be read (%s); the page has none", self.logo, exc.strerror)
            return None
        mime = next((mime for magic, mime in _IMAGE_SIGNATURES.items() if data.startswith(magic)), None)
        if mime is None:
            log.warning("style: logo %s is neither PNG nor JPEG; the page has none", self.logo)
            return None
        return Logo(data, mime)

    def font_for(self, script: str) -> Optional[str]:
        """The house font file for ``script``, or None for the bundled family."""
        return dict(self.fonts).get(script)


@dataclass(frozen=True)
class Logo:
    """A logo image as the writers embed it."""

    data: bytes
    mime: str  # "image/png" or "image/jpeg"


_IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}

DEFAULT_STYLE = HouseStyle()

# The style file's tables and keys, each with the HouseStyle field it sets and a check.
_SCHEMA: dict[str, dict[str, tuple[str, str]]] = {
    "publication": {"name": ("publication", "text"), "logo": ("logo", "image"), "masthead": ("masthead", "bool")},
    "header": {"text": ("header", "template")},
    "footer": {"text": ("footer", "template"), "size": ("footer_size", "size")},
    "numbers": {"digits": ("digits", "digits")},
    "page": {"paper": ("paper", "paper"), "margin_top": ("margin_top", "length"),
             "margin_bottom": ("margin_bottom", "length"), "margin_start": ("margin_start", "length"),
             "margin_end": ("margin_end", "length")},
    "body": {"size": ("body_size", "size"), "justify": ("justify", "justify"),
             "line_height": ("line_height", "ratio"), "colour": ("text_colour", "colour")},
    "headings": {"title_size": ("title_size", "size"), "deck_size": ("deck_size", "size"),
                 "heading2_size": ("heading2_size", "size"), "heading3_size": ("heading3_size", "size"),
                 "colour": ("heading_colour", "colour")},
    "tables": {"size": ("table_size", "size"), "rule_colour": ("accent_colour", "colour")},
    "fonts": {script: (script, "font") for script in SCRIPTS},
}


def load_style(path: Union[str, Path]) -> HouseStyle:
    """The house style of a TOML file; ``InputError`` names the file, line and key of a mistake."""
    import tomllib  # only when a style file is given: start-up cost for every other run

    path = Path(path)
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the style file ({exc})") from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not a valid TOML style file: {exc}") from None
    return _style_from(data, _Locator(path, source))


def _style_from(data: dict[str, Any], where: "_Locator") -> HouseStyle:
    changes: dict[str, Any] = {}
    fonts: dict[str, str] = {}
    for table, entries in data.items():
        if table not in _SCHEMA:
            raise where.error(table, None, f"unknown table [{table}] (known: {', '.join(_SCHEMA)})")
        if not isinstance(entries, dict):
            raise where.error(table, None, f"{table} must be a table [{table}]")
        for key, value in entries.items():
            if key not in _SCHEMA[table]:
                raise where.error(table, key, f"unknown key {table}.{key} (known: {', '.join(_SCHEMA[table])})")
            name, kind = _SCHEMA[table][key]
            checked = _CHECKS[kind](value, where.base)
            if checked is _INVALID:
                raise where.error(table, key, f"{table}.{key} = {value!r}: {_EXPECTED[kind]}")
            (fonts if table == "fonts" else changes)[name] = checked
    if fonts:
        changes["fonts"] = tuple(sorted(fonts.items()))
    return dataclasses.replace(DEFAULT_STYLE, **changes)


_INVALID = object()


def _text(value: Any, base: Path) -> Any:
    return value if isinstance(value, str) else _INVALID


def _template(value: Any, base: Path) -> Any:
    if not isinstance(value, str):
        return _INVALID
    names = re.findall(r"\{([^{}]*)\}", value)
    return value if all(name in PLACEHOLDERS for name in names) else _INVALID


def _file(value: Any, base: Path, suffixes: tuple[str, ...]) -> Any:
    if not isinstance(value, str):
        return _INVALID
    path = (base / value).resolve()
    return str(path) if path.is_file() and path.suffix.lower() in suffixes else _INVALID


def _number(low: float, high: float):
    def check(value: Any, base: Path) -> Any:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high
        return float(value) if ok else _INVALID
    return check


def is_one_of(value: Any, choices) -> bool:
    """Whether ``value`` is one of ``choices`` of the same type (``1`` is not ``True``, nor "true")."""
    return any(value is choice or (type(value) is type(choice) and value == choice) for choice in choices)


def _choice(choices: tuple) -> Any:
    return lambda value, base: value if is_one_of(value, choices) else _INVALID


_CHECKS = {
    "text": _text,
    "template": _template,
    "image": lambda value, base: _file(value, base, (".png", ".jpg", ".jpeg")),
    "font": lambda value, base: _file(value, base, (".ttf", ".otf")),
    "bool": lambda value, base: value if isinstance(value, bool) else _INVALID,
    "digits": _choice(DIGIT_CHOICES),
    "paper": _choice(PAPERS),
    "justify": _choice(JUSTIFY_CHOICES),
    "size": _number(4, 96),
    "length": _number(0, 200),
    "ratio": _number(0.8, 4),
    "colour": lambda value, base: value.lower() if isinstance(value, str) and _COLOUR.fullmatch(value) else _INVALID,
}
_EXPECTED = {
    "text": "expected a string",
    "template": f"expected a string whose placeholders are among {{{'}, {'.join(PLACEHOLDERS)}}}",
    "image": "expected a PNG or JPEG file, relative to the style file",
    "font": "expected a TrueType/OpenType file (.ttf, .otf), relative to the style file",
    "bool": "expected true or false",
    "digits": f"expected one of {', '.join(DIGIT_CHOICES)}",
    "paper": f"expected one of {', '.join(PAPERS)}",
    "justify": 'expected true, false or "kashida"',
    "size": "expected a size in points from 4 to 96",
    "length": "expected a length in points from 0 to 200",
    "ratio": "expected a line height in ems from 0.8 to 4",
    "colour": 'expected a colour "#rrggbb"',
}


class _Locator:
    """Finds the line of a table or key in the style file's text (tomllib gives values, not lines)."""

    def __init__(self, path: Path, source: str):
        self.path = path
        self.base = path.parent
        self.lines = source.splitlines()

    def error(self, table: str, key: Optional[str], message: str) -> InputError:
        return InputError(f"{self.path}:{self.line(table, key)}: {message}")

    def line(self, table: str, key: Optional[str]) -> int:
        header = re.compile(rf"\s*\[\s*{re.escape(table)}\s*\]")
        start = next((n for n, line in enumerate(self.lines) if header.match(line)), None)
        if key is None:
            return (start or 0) + 1
        assignment = re.compile(rf"\s*(\"{re.escape(key)}\"|{re.escape(key)})\s*=")
        dotted = re.compile(rf"\s*{re.escape(table)}\s*\.\s*{re.escape(key)}\s*=")
        for number in range((start or 0), len(self.lines)):
            text = self.lines[number]
            if number > (start or 0) and text.lstrip().startswith("[") and start is not None:
                break
            if (start is not None and assignment.match(text)) or dotted.match(text):
                return number + 1
        return (start or 0) + 1


def expand(template: str, values: dict[str, str]) -> str:
    """``template`` with its placeholders filled from ``values`` (missing ones become empty).

    Each value but a bare number is a first-strong isolate (FSI ... PDI), as localisation
    libraries wrap placeholders: a Latin date in an Arabic header then reads 2024-05-12, not
    12-05-2024 (bidi rule W2 makes its digits Arabic numbers and the hyphens neutral).
    """
    def fill(match: re.Match) -> str:
        value = values.get(match.group(1), "")
        return f"\u2068{value}\u2069" if value and not value.isdigit() else value

    return re.sub(r"\{([a-z]+)\}", fill, template)


def running_pieces(template: str, values: dict[str, str]) -> list[str]:
    """A header or footer template cut for writers that number pages themselves (DOCX fields, CSS
    counters): "{page}" and "{pages}" stay as they are, every other piece is expanded text."""
    pieces = re.split(r"(\{page\}|\{pages\})", template)
    return [piece if piece in ("{page}", "{pages}") else expand(piece, values) for piece in pieces if piece]


def header_values(document, options) -> dict[str, str]:
    """The placeholders' values that do not change from page to page (page and pages are the writers')."""
    style = options.style
    return {"publication": style.publication, "title": options.title or document.title or "",
            "date": options.date or "", "author": options.author or "", "section": ""}


def numbers_digits(document, choice: str) -> str:
    """The digits page and list numbers use: ``choice`` unless "auto", then the article's own."""
    from .text.numerals import article_numerals
    from .model import document_texts

    return choice if choice != "auto" else article_numerals(document_texts(document), document.lang)


def list_digits(block, style: HouseStyle) -> Optional[str]:
    """The digits of a numbered list: the house style's choice, else those the article numbered it with."""
    return style.digits if style.digits != "auto" else block.numerals
