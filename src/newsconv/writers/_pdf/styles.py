"""The look of the page: paper and margins, the sizes of a news page, and digits."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ... import fonts
from ...model import Document, Heading, List
from ...options import RenderOptions
from ...style import PAPER_SIZES, HouseStyle, list_digits, numbers_digits
from ...text.languages import language
from ...text.script import ARABIC
from .glyphfont import load_face
from .lines import TextStyle


# (bold, gray) of each kind of text; the sizes come from the house style: a title that leads,
# a lighter deck, section heads a step above the body, and table text a step below it.
_KINDS = {
    "title": (True, 0.0),
    "deck": (False, 0.2),
    "heading2": (True, 0.0),
    "heading3": (True, 0.0),
    "body": (False, 0.0),
    "table": (False, 0.0),
    "table-header": (True, 0.0),
    "footer": (False, 0.35),
}
# Line height in ems: Arabic script needs room above and below for its marks (harakat).
_LEADING = {ARABIC: 1.75}
_DEFAULT_LEADING = 1.4


@dataclass(frozen=True)
class Frame:
    """The paper and the text area on it, in points (PDF coordinates: y grows upwards)."""

    page_width: float
    page_height: float
    margin_top: float
    margin_bottom: float
    margin_left: float
    margin_right: float

    @property
    def left(self) -> float:
        return self.margin_left

    @property
    def width(self) -> float:
        return self.page_width - self.margin_left - self.margin_right

    @property
    def top(self) -> float:
        return self.page_height - self.margin_top

    @property
    def height(self) -> float:
        return self.page_height - self.margin_top - self.margin_bottom

    @property
    def footer_baseline(self) -> float:
        """The running footer sits in the bottom margin, a little below its middle."""
        return self.margin_bottom * 0.55


def frame_for(style: HouseStyle, rtl: bool) -> Frame:
    """The page of the house style; its start margin is on the right of a right-to-left article."""
    start, end = style.margin_start, style.margin_end
    left, right = (end, start) if rtl else (start, end)
    return Frame(*PAPER_SIZES[style.paper], style.margin_top, style.margin_bottom, left, right)


def styles_for(document: Document, options: RenderOptions) -> dict[str, TextStyle]:
    """Every text style of the document, its fonts chosen for its language (or ``--font``)."""
    house = options.style
    sizes = {"title": house.title_size, "deck": house.deck_size, "heading2": house.heading2_size,
             "heading3": house.heading3_size, "body": house.body_size, "table": house.table_size,
             "table-header": house.table_size, "footer": house.footer_size}
    return {kind: _style(document.lang, options.font, sizes[kind], bold, gray, house.line_height)
            for kind, (bold, gray) in _KINDS.items()}


def _style(lang: str, custom_font: Optional[str], size: float, bold: bool, gray: float,
           line_height: float) -> TextStyle:
    chain = tuple(load_face(file) for file in fonts.fallback_chain(lang, bold, custom_font))
    script = language(lang).script
    return TextStyle(
        faces=chain,
        coverage=fonts.FontCoverage([face.shaping.codepoints for face in chain]),
        size=size,
        leading=size * (line_height or _LEADING.get(script, _DEFAULT_LEADING)),
        language=lang,
        synthetic_bold=bold and custom_font is not None,  # the bundled faces have a bold (or a bold instance)
        gray=gray,
    )


def heading_kind(block: Heading, previous: Optional[object]) -> str:
    """A level-2 heading straight after the title is the deck (the standfirst under it)."""
    if block.level == 1:
        return "title"
    if block.level == 2 and isinstance(previous, Heading) and previous.level == 1:
        return "deck"
    return "heading2" if block.level == 2 else "heading3"


def page_numerals(document: Document, options: RenderOptions) -> str:
    """The digits of page numbers and of the header and footer."""
    return numbers_digits(document, options.style.digits)


def list_numerals(block: List, document: Document, options: RenderOptions) -> str:
    """The digits of a numbered list: the house style's, else the article's own for that list."""
    return list_digits(block, options.style) or language(document.lang).digits

