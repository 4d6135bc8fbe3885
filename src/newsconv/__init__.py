"""newsconv: raw article text to a document model, and the model to HTML, DOCX or right-to-left PDF.

The public API mirrors the command line::

    import newsconv
    doc = newsconv.parse(Path("article.txt"))          # a file (format by extension)
    doc = newsconv.parse("عنوان\\n\\nنص المقال")          # article text
    pdf = newsconv.render(doc, "pdf", author="Desk")   # bytes
"""
from __future__ import annotations

from .core import Source, override, parse, render
from .errors import FontError, FormatError, InputError, NewsconvError, OutputError, StrictError, UsageError
from .model import Document, Figure, Heading, List, Mark, Meta, Paragraph, Quote, Table
from .options import RenderOptions
from .version import __version__

__all__ = ["parse", "render", "Document", "Heading", "Paragraph", "List", "Table", "Quote", "Figure", "Mark", "Meta",
           "RenderOptions",
           "NewsconvError", "InputError", "FormatError", "FontError", "OutputError", "StrictError", "UsageError",
           "__version__"]
