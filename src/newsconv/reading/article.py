"""Raw article text to the document model (placeholder: paragraphs split at blank lines)."""
from __future__ import annotations

from ..errors import InputError
from ..model import Document, Heading, Paragraph
from ..text.script import detect_language, direction_of
from .decode import decode


def read(data: bytes, *, encoding=None, name="<input>") -> Document:
    text = decode(data, encoding, name=name)
    chunks = [" ".join(c.split()) for c in text.split("\n\n") if c.strip()]
    if not chunks:
        raise InputError(f"{name}: the article is empty")
    blocks = [Heading(1, chunks[0])] + [Paragraph(c) for c in chunks[1:]]
    return Document(detect_language(text), direction_of(text, "ltr"), tuple(blocks))
