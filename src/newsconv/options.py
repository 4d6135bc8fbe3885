"""Options shared by every writer, in one immutable object (as black's ``Mode``), checked once
when it is made: a bad value is the same :class:`~newsconv.errors.OptionError` whichever
writer would have read it."""
from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, fields
from typing import Optional

from .errors import OptionError
from .text import valid

# Paper sizes in points (1/72 inch), the PDF's unit; the DOCX converts them.
PAPER_SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}


@dataclass(frozen=True)
class RenderOptions:
    """What a user can ask of any writer; each writer reads the fields that concern it.

    title:    overrides the document title in metadata (default: the level-1 heading).
    author:   metadata author (PDF Author, DOCX core properties, HTML meta).
    date:     metadata date in ISO 8601 (2026-11-29, 2026-11-29T10:00); never the clock, so output is reproducible.
    paper:    "a4" or "letter" (PDF and DOCX page size), in any case.
    font:     path of a TTF/OTF to set the article in, instead of the bundled fonts.
    justify:  justify body paragraphs by inter-word space (PDF and DOCX) instead of aligning to the start.
    fragment: HTML only: emit just the ``<article>`` element, for pasting into a CMS.
    """

    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[str] = None
    paper: str = "a4"
    font: Optional[str] = None
    justify: bool = False
    fragment: bool = False

    def __post_init__(self) -> None:
        for name in ("title", "author", "date"):
            _check_text(self, name)
        if not isinstance(self.paper, str) or self.paper.lower() not in PAPER_SIZES:
            raise OptionError(f"unknown paper size {self.paper!r} (choose from {', '.join(PAPER_SIZES)})")
        object.__setattr__(self, "paper", self.paper.lower())
        if self.date:
            try:
                datetime.datetime.fromisoformat(self.date)
            except ValueError:
                raise OptionError(f"date {self.date!r} is not ISO 8601 (e.g. 2026-11-29 or 2026-11-29T10:00)") from None
        if self.font is not None and not isinstance(self.font, (str, os.PathLike)):
            raise OptionError(f"font must be the path of a font file, not {self.font!r}")
        for field in fields(self):
            if field.type == "bool" and not isinstance(getattr(self, field.name), bool):
                raise OptionError(f"{field.name} must be True or False, not {getattr(self, field.name)!r}")


def _check_text(options: RenderOptions, name: str) -> None:
    """A text option is a string or None; characters no output can carry are removed, with a warning."""
    value = getattr(options, name)
    if value is None:
        return
    if not isinstance(value, str):
        raise OptionError(f"{name} must be text, not {value!r}")
    found: list[str] = []
    cleaned = valid.strings_made_valid(value, found)
    if found:
        valid.warn(f"option {name}", found)
        object.__setattr__(options, name, cleaned)
