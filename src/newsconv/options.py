"""Options shared by every writer, in one immutable object (as black's ``Mode``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class RenderOptions:
    """What a user can ask of any writer; each writer reads the fields that concern it.

    title:    overrides the document title in metadata (default: the level-1 heading).
    author:   metadata author (PDF Author, DOCX core properties, HTML meta).
    date:     metadata date as given (ISO 8601 recommended); never the clock, so output is reproducible.
    paper:    "a4" or "letter" (PDF and DOCX page size).
    font:     path of a TTF/OTF to set the article in, instead of the bundled fonts.
    justify:  justify body paragraphs by inter-word space (PDF and DOCX) instead of aligning to the start.
    fragment: HTML only: emit just the ``<article>`` element, for pasting into a CMS.
    pdf_standard: PDF only: "ua-1" (every PDF is tagged, PDF/UA-1), or "a-2u"/"a-3u" to make it
              PDF/A-2u or PDF/A-3u as well (Typst's names).
    """

    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[str] = None
    paper: str = "a4"
    font: Optional[str] = None
    justify: bool = False
    fragment: bool = False
    pdf_standard: str = "ua-1"
