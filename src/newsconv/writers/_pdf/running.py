"""What a house style puts around the article: the running header and footer on every page,
and the masthead (the logo, with the publication's name) at the top of the first page."""
from __future__ import annotations

from typing import Callable

from ...model import Document
from ...options import RenderOptions
from ...style import expand, header_values
from ...text.numerals import number_in
from .canvas import LAYOUT
from .draw import draw_line
from .images import add_image
from .lines import TextStyle, Typesetter
from .styles import Frame, page_numerals
from .units import Unit, baseline

Decorate = Callable[[object, int, int], None]  # (canvas, page number, page count)
LOGO_HEIGHT = 36.0  # points: the masthead's logo, about 1.3 cm


def running_texts(document: Document, options: RenderOptions, style: TextStyle, frame: Frame,
                  typesetter: Typesetter) -> Decorate:
    """A function drawing the page's header and footer, centred, their numbers in the page digits."""
    house = options.style
    values = header_values(document, options)
    numerals = page_numerals(document, options)
    rtl = document.dir == "rtl"
    header_baseline = frame.page_height - frame.margin_top * 0.55

    def draw(canvas, number: int, count: int) -> None:
        page = {"page": number_in(numerals, number), "pages": number_in(numerals, count)}
        for template, line_baseline, kind in ((house.header, header_baseline, "Header"),
                                              (house.footer, frame.footer_baseline, "Footer")):
            if template:
                text = expand(template, {**values, **page})
                line = typesetter.lines(text, style, frame.width, rtl)[0]
                with canvas.artifact(f"<< /Type /Pagination /Subtype /{kind} >>"):
                    draw_line(canvas, line, (frame.page_width - line.width) / 2, line_baseline, style)

    return draw


def masthead_units(options: RenderOptions, style: TextStyle, frame: Frame, typesetter: Typesetter,
                   canvas, rtl: bool) -> list[Unit]:
    """The logo centred above the title, the publication's name beside it when the style asks
    for a masthead; nothing without a logo or a masthead."""
    house = options.style
    logo = house.logo_image()
    image = add_image(canvas.pdf, logo.data, logo.mime) if logo else None
    name_line = typesetter.lines(house.publication, style, frame.width, rtl)[0] \
        if house.masthead and house.publication else None
    if image is None and name_line is None:
        return []
    width = LOGO_HEIGHT * image.width / image.height if image else 0.0
    height = max(LOGO_HEIGHT if image else 0.0, style.leading) + 12.0

    def draw(canvas, top: float, start: int, end: int) -> None:
        with canvas.artifact(LAYOUT):  # page furniture: the title, not the masthead, opens the article
            _draw_masthead(canvas, top)

    def _draw_masthead(canvas, top: float) -> None:
        gap = 10.0 if image and name_line else 0.0
        total = width + gap + (name_line.width if name_line else 0.0)
        left = frame.left + (frame.width - total) / 2
        if image:
            image_left = left + total - width if rtl else left
            canvas.image(image.number, image_left, top - LOGO_HEIGHT, width, LOGO_HEIGHT)
        if name_line:
            name_left = left if rtl else left + width + gap
            draw_line(canvas, name_line, name_left, baseline(top - (height - 12.0 - style.leading) / 2, style),
                      style)

    return [Unit(1, height, draw, keep_with_next=True)]  # one line as tall as the masthead: never split
