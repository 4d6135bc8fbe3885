"""The look of the page: paper and margins, the sizes of a news page, and digits."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ... import fonts
from ...model import Document, Heading, List, document_texts
from ...options import RenderOptions
from ...text.languages import language
from ...text.script import ARABIC, DIGITS
from .glyphfont import load_face
from .lines import TextStyle

PAPER_SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
MARGIN = 60.0
FOOTER_BASELINE = 34.0

# (size in points, bold, gray) of each kind of text: a title that leads, a lighter deck,
# section heads a step above the body, and table text a step below it.
_KINDS = {
    "title": (23.0, True, 0.0),
    "deck": (15.5, False, 0.2),
    "heading2": (15.5, True, 0.0),
    "heading3": (13.0, True, 0.0),
    "body": (12.0, False, 0.0),
    "table": (10.5, False, 0.0),
    "table-header": (10.5, True, 0.0),
    "footer": (9.5, False, 0.35),
}
# Line height in ems: Arabic script needs room above and below for its marks (harakat).
_LEADING = {ARABIC: 1.75}
_DEFAULT_LEADING = 1.4


@dataclass(frozen=True)
class Frame:
    """The paper and the text area on it, in points (PDF coordinates: y grows upwards)."""

    page_width: float
    page_height: float

    @property
    def left(self) -> float:
        return MARGIN

    @property
    def width(self) -> float:
        return self.page_width - 2 * MARGIN

    @property
    def top(self) -> float:
        return self.page_height - MARGIN

    @property
    def height(self) -> float:
        return self.page_height - MARGIN - (MARGIN + 6)


def frame_for(paper: str) -> Frame:
    return Frame(*PAPER_SIZES.get(paper, PAPER_SIZES["a4"]))


def styles_for(document: Document, options: RenderOptions) -> dict[str, TextStyle]:
    """Every text style of the document, its fonts chosen for its language (or ``--font``)."""
    return {kind: _style(document.lang, options.font, *spec) for kind, spec in _KINDS.items()}


def _style(lang: str, custom_font: Optional[str], size: float, bold: bool, gray: float) -> TextStyle:
    chain = tuple(load_face(path) for path in fonts.fallback_chain(lang, bold, custom_font))
    script = language(lang).script
    return TextStyle(
        faces=chain,
        coverage=fonts.FontCoverage([face.shaping.codepoints for face in chain]),
        size=size,
        leading=size * _LEADING.get(script, _DEFAULT_LEADING),
        language=lang,
        synthetic_bold=bold and (custom_font is not None or not fonts.has_static_bold(script)),
        gray=gray,
    )


def heading_kind(block: Heading, previous: Optional[object]) -> str:
    """A level-2 heading straight after the title is the deck (the standfirst under it)."""
    if block.level == 1:
        return "title"
    if block.level == 2 and isinstance(previous, Heading) and previous.level == 1:
        return "deck"
    return "heading2" if block.level == 2 else "heading3"


def article_numerals(document: Document) -> str:
    """The digits the article writes its numbers in (most used), or its language's usual ones."""
    counts = {name: 0 for name in DIGITS}
    for text in document_texts(document):
        for name, digits in DIGITS.items():
            counts[name] += sum(map(text.count, digits))
    best = max(counts, key=counts.get)
    return best if counts[best] else language(document.lang).digits


def list_numerals(block: List, document: Document) -> str:
    return block.numerals or language(document.lang).digits


def number_in(numerals: str, number: int) -> str:
    """``number`` written with the digits ``numerals`` names."""
    return str(number).translate(str.maketrans("0123456789", DIGITS.get(numerals, DIGITS["latin"])))

