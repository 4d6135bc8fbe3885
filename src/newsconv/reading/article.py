"""The raw-article reader: pasted news text to the document model.

Reading goes in three stages: each line is classified on its own (:mod:`.lines`); the
named block rules (:mod:`.rules`), tried in order at each block start, turn runs of lines
into drafts; and the heading stage (:func:`.headings.decide`) makes the title, deck and
section headings out of loose one-line texts once every block's neighbours are known.
The document's language and direction are those of its headline and running text (headings and
paragraphs), not of a count of every letter: an Arabic story may list English names or quote an
English table.
"""
from __future__ import annotations

import dataclasses
import logging
import unicodedata
from collections import Counter
from typing import Collection, Optional

from ..errors import InputError
from ..model import Block, Document, Heading, Paragraph, block_texts
from ..text.script import census_direction, detect_language, script_census
from . import headings, markup, meta, rules
from .reflow import rejoined
from .decode import decode
from .drafts import parts
from .lines import classify

log = logging.getLogger("newsconv")


def read(data: bytes, *, encoding: Optional[str] = None, name: str = "<input>") -> Document:
    """Decode and parse a raw article; InputError when it holds no text."""
    document = parse_text(decode(data, encoding, name=name), name=name)
    if not document.blocks:
        raise InputError(f"{name}: the article is empty")
    return document


def parse_text(text: str, *, name: str = "<input>", disabled_rules: Collection[str] = ()) -> Document:
    """Parse decoded article text into a Document (no blocks for an empty article).

    ``disabled_rules`` names block rules (:data:`.rules.RULES`) to leave out; ``name`` is what
    warnings call the input (``NAME:LINE: message``).
    """
    text = unicodedata.normalize("NFC", text)
    lines = rules.Lines.of([classify(raw) for raw in text.split("\n")], rules.enabled_rules(disabled_rules))
    found = []
    for draft in rules.drafts(lines):
        warning = getattr(draft, "warning", None)
        if warning:
            log.warning("%s:%d: %s", name, draft.start + 1, warning)
        found.extend(parts(draft))
    blocks = markup.apply(headings.decide(rejoined(found)))
    censuses = [script_census(" ".join(block_texts(block))) for block in blocks]
    running = [k for k, block in enumerate(blocks) if isinstance(block, (Heading, Paragraph))]
    voters = running if any(censuses[k] for k in running) else range(len(blocks))
    census = sum((censuses[k] for k in voters), Counter())
    direction = census_direction(census, default="ltr")
    language = detect_language(" ".join(" ".join(block_texts(blocks[k])) for k in voters), census)
    return meta.extract(Document(lang=language, dir=direction,
                                 blocks=tuple(_with_direction(b, c, direction) for b, c in zip(blocks, censuses))))


def _with_direction(block: Block, census: Counter, document_dir: str) -> Block:
    """Mark a block whose letters mostly read the other way than the document's."""
    own = census_direction(census, default=document_dir)
    return block if own == document_dir else dataclasses.replace(block, dir=own)
