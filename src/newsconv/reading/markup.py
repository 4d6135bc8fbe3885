"""The raw text's lightweight markup over the parsed blocks: ``>`` lines become a quote,
a line that is only ``![alt](src "caption")`` a figure, and each text's inline markup plain text
with marks (:mod:`.inline`).  A stage after the block rules, so they never see markup."""
from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from ..model import Block, Figure, Heading, List, Paragraph, Quote, Table, block_texts
from .inline import parse_markup, with_part

_QUOTE_LINE = re.compile(r"^>\s?")
_ATTRIBUTION = re.compile(r"^(?:—|―|–|--|-)\s*(\S.*)$")
_IMAGE_LINE = re.compile(r'^!\[([^\]]*)\]\(\s*(\S+?)(?:\s+"([^"]*)")?\s*\)$')


def apply(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` with quotes and figures recognised and every text's inline markup parsed."""
    return [_marked(block) for block in _figures(_quotes(blocks))]


def _quotes(blocks: Sequence[Block]) -> list[Block]:
    """Consecutive paragraphs of ``>`` lines as one quote; a last line opening with a dash is
    its attribution."""
    out: list[Block] = []
    lines: list[str] = []
    spans: list = []
    for block in [*blocks, None]:
        if isinstance(block, Paragraph) and _QUOTE_LINE.match(block.text):
            lines.append(_QUOTE_LINE.sub("", block.text))
            spans.append(block.lines)
            continue
        if lines:
            attribution = _ATTRIBUTION.match(lines[-1]) if len(lines) > 1 else None
            text = " ".join(lines[:-1] if attribution else lines)
            known = [span for span in spans if span]
            out.append(Quote(text, attribution.group(1) if attribution else "",
                             lines=(known[0][0], known[-1][1]) if known else None))
            lines, spans = [], []
        if block is not None:
            out.append(block)
    return out


def _figures(blocks: Sequence[Block]) -> list[Block]:
    """A paragraph that is only an image: a figure whose caption is the image's title, else its
    alt text (as pandoc's implicit figures); the reader embeds ``src`` later."""
    out: list[Block] = []
    for block in blocks:
        match = _IMAGE_LINE.match(block.text) if isinstance(block, Paragraph) else None
        out.append(Figure(match.group(2), alt=match.group(1), caption=match.group(3) or match.group(1),
                          lines=block.lines) if match else block)
    return out


def _marked(block: Block) -> Block:
    """The block with each text's inline markup turned into marks (a figure's caption and alt
    stay as written: they are not running text)."""
    if isinstance(block, Figure):
        return block
    parsed = [parse_markup(text) for text in block_texts(block)]
    if not any(marks for _, marks in parsed) and all(text == old for (text, _), old in zip(parsed, block_texts(block))):
        return block
    texts = [text for text, _ in parsed]
    marks = tuple(mark for part, (_, found) in enumerate(parsed) for mark in with_part(found, part))
    return dataclasses.replace(_with_texts(block, texts), marks=marks)


def _with_texts(block: Block, texts: list[str]) -> Block:
    if isinstance(block, (Heading, Paragraph)):
        return dataclasses.replace(block, text=texts[0])
    if isinstance(block, List):
        return dataclasses.replace(block, items=tuple(texts))
    if isinstance(block, Quote):
        return dataclasses.replace(block, text=texts[0], attribution=texts[1])
    assert isinstance(block, Table)
    width = len(block.header)
    cells = iter(texts[width:])
    return dataclasses.replace(block, header=tuple(texts[:width]),
                               rows=tuple(tuple(next(cells) for _ in row) for row in block.rows))
