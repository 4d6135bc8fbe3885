"""Options shared by every writer, in one immutable object (as black's ``Mode``)."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Optional, Union

from .errors import UsageError
from .model import make_field_valid
from .style import DEFAULT_STYLE, DIGIT_CHOICES, JUSTIFY_CHOICES, PAPER_SIZES, HouseStyle, is_one_of

# --pdf-standard (Typst's names) -> the PDF/A part it adds (conformance U); every PDF is PDF/UA-1.
PDF_STANDARDS = {"ua-1": None, "a-2u": 2, "a-3u": 3}


@dataclass(frozen=True)
class RenderOptions:
    """What a user can ask of any writer; each writer reads the fields that concern it.

    title:    overrides the document title in metadata (default: the level-1 heading).
    author:   metadata author (PDF Author, DOCX core properties, HTML meta).
    date:     metadata date as given (ISO 8601 recommended); never the clock, so output is reproducible.
    font:     path of a TTF/OTF to set the article in, instead of the bundled fonts.
    fragment: HTML only: emit just the ``<article>`` element, for pasting into a CMS.
    style:    the house style (``--style FILE``): page, sizes, header, footer, digits, fonts.
    paper, justify, digits: given on the command line, they override the house style's; writers
              read the resolved values from ``style`` only.
    css:      HTML only: a stylesheet file to embed after newsconv's, or a URL to link.
    reference_docx: DOCX only: a newsroom template whose styles, header and footer are kept.
    pdf_standard: PDF only: "ua-1" (every PDF is tagged, PDF/UA-1), or "a-2u"/"a-3u" to make it
              PDF/A-2u or PDF/A-3u as well (Typst's names).
    """

    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[str] = None
    paper: Optional[str] = None
    font: Optional[str] = None
    justify: Union[bool, str, None] = None
    fragment: bool = False
    digits: Optional[str] = None
    style: HouseStyle = DEFAULT_STYLE
    css: Optional[str] = None
    reference_docx: Optional[str] = None
    pdf_standard: str = "ua-1"

    def __post_init__(self) -> None:
        overrides = {name: getattr(self, name) for name in ("paper", "justify", "digits")
                     if getattr(self, name) is not None}
        if overrides:
            object.__setattr__(self, "style", dataclasses.replace(self.style, **overrides))
        for name in ("title", "author", "date"):  # metadata text is held to the model's valid-text rule
            make_field_valid(self, name, f"--{name}")
        _check("paper", self.style.paper, PAPER_SIZES)
        _check("justify", self.style.justify, JUSTIFY_CHOICES)
        _check("digits", self.style.digits, DIGIT_CHOICES)
        _check("pdf_standard", self.pdf_standard, PDF_STANDARDS)


def _check(name: str, value, choices) -> None:
    """One typed error for a bad option value, whichever writer would have met it."""
    if not is_one_of(value, choices):
        raise UsageError(f"unknown {name} {value!r} (choose from {', '.join(map(str, choices))})")

