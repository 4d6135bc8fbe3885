"""The raw-article reader: pasted news text to the document model.

Parsing is an ordered list of small block rules over classified lines, as in
markdown-it: markdown headings, delimited tables (tabs, pipes, aligned columns), lists,
then runs of plain text, which are the fallback.  A text run is where pasted articles hide
their structure: flattened tables, hard-wrapped paragraphs and unmarked headings, so it gets
the most care.  Headings are decided last, once every block's neighbours are known.
"""
from __future__ import annotations

import dataclasses
import logging
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from ..errors import InputError
from ..model import Block, Document, Heading, List, Paragraph, Table, block_texts
from ..text.script import census_direction, detect_language, script_census
from . import headings, markup, meta
from .decode import decode
from .flat_table import split_flat_table
from .lines import BLANK, DASHES, HEADING, ITEM, PIPE_ROW, RULE, SPACED_ROW, TAB_ROW, TEXT, Line, classify
from .reflow import continues, looks_wrapped, wrap_width

log = logging.getLogger("newsconv")

_ROW_KINDS = (TAB_ROW, PIPE_ROW, SPACED_ROW)
_MAX_FLAT_ROW_CHARS = 100
_MAX_SPACED_CELL_CHARS = 45


def read(data: bytes, *, encoding: Optional[str] = None, name: str = "<input>") -> Document:
    """Decode and parse a raw article; InputError when it holds no text."""
    document = parse_text(decode(data, encoding, name=name))
    if not document.blocks:
        raise InputError(f"{name}: the article is empty")
    return document


def parse_text(text: str) -> Document:
    """Parse decoded article text into a Document (no blocks for an empty article)."""
    text = unicodedata.normalize("NFC", text)
    lines = [classify(raw) for raw in text.split("\n")]
    parser = _Parser(lines)
    drafts = parser.run()
    blocks = markup.apply(_decide_headings(drafts))
    censuses = [script_census(" ".join(block_texts(block))) for block in blocks]
    total = sum(censuses, Counter())
    direction = census_direction(total, default="ltr")
    return meta.extract(Document(lang=detect_language(text, total), dir=direction,
                                 blocks=tuple(_with_direction(b, c, direction) for b, c in zip(blocks, censuses))))


@dataclass(frozen=True)
class _Loose:
    """Plain text not yet known to be a heading or a paragraph; ``lines`` is how many it spanned."""

    text: str
    lines: int
    first_line: bool = False
    heading_candidate: bool = True
    under_previous: bool = False  # no blank line between it and the block before


class _Parser:
    """Runs the block rules over the lines, first rule that matches wins."""

    def __init__(self, lines: Sequence[Line]):
        self.lines = lines
        self.width = wrap_width(_text_runs(lines))
        self.rules: list[Callable[[int], Optional[tuple[list, int]]]] = [
            self._markdown_heading, self._delimited_table, self._list, self._text_run]

    def run(self) -> list:
        drafts: list = []
        i = 0
        while i < len(self.lines):
            if self.lines[i].kind in (BLANK, RULE) and not self._starts_table(i):
                i += 1
                continue
            for rule in self.rules:
                found = rule(i)
                if found:
                    blocks, i = found
                    drafts.extend(blocks)
                    break
        return drafts

    # -- rules: each takes a line index and returns (drafts, next index), or None -------------

    def _markdown_heading(self, i: int):
        line = self.lines[i]
        if line.kind != HEADING:
            return None
        return [Heading(level=line.level, text=_collapse(line.text))], i + 1

    def _starts_table(self, i: int) -> bool:
        return self.lines[i].kind == RULE and self.lines[i].marker == "table" and \
            i + 1 < len(self.lines) and self.lines[i + 1].kind == PIPE_ROW

    def _delimited_table(self, i: int):
        kind = PIPE_ROW if self._starts_table(i) else self.lines[i].kind
        if kind not in _ROW_KINDS:
            return None
        end, rows, rule_at = i, [], None
        while end < len(self.lines) and (self.lines[end].kind == kind or self._is_table_rule(end, kind)):
            if self.lines[end].kind == RULE:
                rule_at = len(rows)
            else:
                rows.append(self.lines[end].cells)
            end += 1
        if len(rows) < 2 or (kind == SPACED_ROW and not _plausible_columns(rows)):
            return None
        if kind == TAB_ROW:
            rows = _tab_columns(rows)
        header = rule_at == 1 or (rule_at is None and _reads_as_header(rows))
        return [_table(rows, header)], end

    def _is_table_rule(self, i: int, kind: str) -> bool:
        return kind == PIPE_ROW and self.lines[i].kind == RULE and self.lines[i].marker == "table"

    def _list(self, i: int):
        first = self.lines[i]
        if first.kind != ITEM or self._is_dash_aside(i):
            return None
        items, end = [first.text], i + 1
        while end < len(self.lines):
            line = self.lines[end]
            if line.kind == ITEM and line.marker == first.marker:
                items.append(line.text)
            elif line.kind == BLANK and self._next_item_after_blank(end, first.marker):
                end = self._next_content(end)
                continue
            elif line.kind == TEXT and self._continues_item(end, first.marker):
                items[-1] += " " + line.text
            else:
                break
            end += 1
        if len(items) < 2 and _is_loose_bullet(first) and not self._introduced(i):
            return None
        numerals = first.numerals
        block = List(ordered=numerals is not None, items=tuple(_collapse(t) for t in items), numerals=numerals)
        return [block], end

    def _is_dash_aside(self, i: int) -> bool:
        """A dash at the start of a line inside running text is an aside, not a list item."""
        if not _is_dash_bullet(self.lines[i]) or i == 0:
            return False
        previous = self.lines[i - 1]
        return previous.kind == TEXT and not previous.text.endswith(":")

    def _introduced(self, i: int) -> bool:
        j = i - 1
        while j >= 0 and self.lines[j].kind == BLANK:
            j -= 1
        return j >= 0 and self.lines[j].text.endswith(":")

    def _next_content(self, i: int) -> int:
        while i < len(self.lines) and self.lines[i].kind == BLANK:
            i += 1
        return i

    def _next_item_after_blank(self, i: int, marker: str) -> bool:
        j = self._next_content(i)
        return j < len(self.lines) and self.lines[j].kind == ITEM and self.lines[j].marker == marker

    def _continues_item(self, i: int, marker: str) -> bool:
        """An unmarked line continues the item above: indented, wrapped, or followed by another item."""
        line, previous = self.lines[i], self.lines[i - 1]
        if previous.kind not in (ITEM, TEXT):
            return False
        following = self.lines[i + 1] if i + 1 < len(self.lines) else None
        sandwiched = following is not None and following.kind == ITEM and following.marker == marker
        return line.indent > 0 or sandwiched or continues(previous.text + "  ", line.text, self.width)

    def _text_run(self, i: int):
        end = i + 1
        while end < len(self.lines) and self._continues_text(end):
            end += 1
        run = self.lines[i:end]
        return _split_text_run(run, self.width, first_line=(i == self._next_content(0))), end

    def _continues_text(self, i: int) -> bool:
        line = self.lines[i]
        if line.kind == TEXT:
            return True
        if line.kind == ITEM:
            return self._is_dash_aside(i)
        if line.kind in _ROW_KINDS:
            return self._delimited_table(i) is None
        return False


def _is_dash_bullet(line: Line) -> bool:
    return line.marker is not None and line.marker.startswith("bullet:") and line.marker[-1] in DASHES


def _is_loose_bullet(line: Line) -> bool:
    """Dashes and asterisks also start asides and footnotes: alone, they make no list."""
    return _is_dash_bullet(line) or line.marker == "bullet:*"


def _text_runs(lines: Sequence[Line]) -> list[list[str]]:
    runs, current = [], []
    for line in lines:
        if line.kind == TEXT:
            current.append(line.text)
        elif current:
            runs.append(current)
            current = []
    return runs + ([current] if current else [])


def _split_text_run(run: Sequence[Line], width: Optional[int], first_line: bool) -> list:
    """A run of unmarked lines: flattened tables where the rows agree, the rest reflowed.

    Short lines that stand together but do not read as a table are paragraphs, never
    headings: a heading stands alone.  A dash item inside a run is an aside and is glued
    to the line before it.
    """
    texts = [line.source for line in run]
    asides = [line.kind == ITEM for line in run]
    drafts: list = []
    start = 0
    for stretch_start, stretch_end, rows in _short_stretches(texts, width, skip_first=first_line):
        drafts.extend(_reflow(texts[start:stretch_start], asides[start:stretch_start], width,
                              first_line and start == 0))
        if rows:
            drafts.append(_table(rows, _reads_as_header(rows)))
        else:
            drafts.extend(_Loose(_collapse(t), 1, heading_candidate=False) for t in texts[stretch_start:stretch_end])
        start = stretch_end
    drafts.extend(_reflow(texts[start:], asides[start:], width, first_line and start == 0))
    return [dataclasses.replace(d, under_previous=True) if k and isinstance(d, _Loose) else d
            for k, d in enumerate(drafts)]


def _short_stretches(texts: Sequence[str], width: Optional[int], skip_first: bool):
    """Yield (start, end, rows) for each stretch of three or more short unpunctuated lines:
    rows are the table cells when the stretch starts with a flattened table (which may end
    before the stretch does), else None for the whole stretch."""
    i = 1 if skip_first else 0
    while i < len(texts):
        end = i
        while end < len(texts) and _table_like(texts[end]):
            end += 1
        stretch = texts[i:end]
        wrapped = looks_wrapped(stretch) or \
            width is not None and all(continues(a, b, width) for a, b in zip(stretch, stretch[1:]))
        if len(stretch) >= 3 and not wrapped:
            table = split_flat_table(stretch)
            if table:
                rows, used = table
                yield i, i + used, rows
                i += used
                continue
            log.warning("kept %d short lines as paragraphs: their table columns are unclear (\"%s\")",
                        len(stretch), stretch[0][:40])
            yield i, end, None
        i = max(end, i + 1)


def _table_like(text: str) -> bool:
    return (len(text) <= _MAX_FLAT_ROW_CHARS and len(text.split()) >= 2
            and not text.endswith(headings.CLAUSE_END) and not headings.is_dateline(text))


def _reflow(texts: Sequence[str], asides: Sequence[bool], width: Optional[int], first_line: bool) -> list:
    """Join wrapped lines (and dash asides) into paragraphs; each unwrapped line stands alone,
    and so do a pulled quote and a dateline, whatever their length."""
    drafts: list = []
    current: list[str] = []
    for index, text in enumerate(texts):
        current.append(text)
        following = texts[index + 1] if index + 1 < len(texts) else ""
        if not (_glued(text, following, asides[index + 1] if following else False)
                or _wrapped_on(current, following, width)):
            drafts.append(_Loose(_collapse(" ".join(current)), len(current), first_line and len(drafts) == 0))
            current = []
    return drafts


def _glued(text: str, following: str, aside: bool) -> bool:
    """A dash aside joins the sentence it interrupts; after a finished sentence or quote a dash
    line is an attribution of its own."""
    return aside and not text.endswith(headings.CLAUSE_END)


def _wrapped_on(current: Sequence[str], following: str, width: Optional[int]) -> bool:
    if headings.is_whole_quote(" ".join(current)) or (following and headings.is_dateline(following)):
        return False
    return continues(current[-1], following, width)


def _tab_columns(rows: Sequence[Sequence[str]]) -> Sequence[Sequence[str]]:
    """Each tab separates two cells, so two tabs in a row hold an empty cell; but when the rows
    only agree once runs of tabs count as one, the tabs were lining columns up."""
    if len({len(r) for r in rows}) == 1:
        return rows
    merged = [[c for c in row if c] for row in rows]
    return merged if len({len(r) for r in merged}) == 1 else rows


def _plausible_columns(rows: Sequence[Sequence[str]]) -> bool:
    """Aligned columns hold short cells; prose with double spaces does not."""
    counts = Counter(len(r) for r in rows)
    common, times = counts.most_common(1)[0]
    cells = [c for r in rows for c in r]
    mean = sum(len(c) for c in cells) / len(cells)
    punctuated = sum(1 for c in cells if c.endswith((".", "!", "?", "؟")))
    return times >= 0.6 * len(rows) and common >= 2 and mean <= _MAX_SPACED_CELL_CHARS and punctuated <= len(cells) / 4


def _reads_as_header(rows: Sequence[Sequence[str]]) -> bool:
    """The first row is a header unless it holds figures, as data rows do."""
    return len(rows) >= 2 and not any(ch.isdigit() for cell in rows[0] for ch in cell)


def _table(rows: Sequence[Sequence[str]], header: bool) -> Table:
    width = max(len(r) for r in rows)
    padded = [tuple(_collapse(c) for c in r) + ("",) * (width - len(r)) for r in rows]
    if header:
        return Table(header=padded[0], rows=tuple(padded[1:]))
    return Table(header=(), rows=tuple(padded))


def _decide_headings(drafts: Sequence) -> list[Block]:
    """Turn loose text into the title, the deck, section headings or paragraphs."""
    blocks: list[Block] = []
    for index, draft in enumerate(drafts):
        if not isinstance(draft, _Loose):
            blocks.append(draft)
            continue
        blocks.append(_loose_block(draft, blocks[-1] if blocks else None, index + 1 < len(drafts)))
    return blocks


def _loose_block(draft: _Loose, previous: Optional[Block], has_next: bool) -> Block:
    if draft.lines == 1 and draft.heading_candidate:
        if draft.first_line and previous is None:
            return Heading(level=1, text=draft.text)
        if isinstance(previous, Heading) and previous.level == 1 and headings.looks_like_deck(draft.text):
            return Heading(level=2, text=draft.text)
        if previous is not None and has_next and not _names_the_speaker(draft, previous) \
                and headings.looks_like_heading(draft.text):
            return Heading(level=2, text=draft.text)
    return Paragraph(text=draft.text)


def _names_the_speaker(draft: _Loose, previous: Block) -> bool:
    """The line right under a pulled quote names its speaker; it is no heading."""
    return draft.under_previous and isinstance(previous, Paragraph) and headings.is_whole_quote(previous.text)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _with_direction(block: Block, census: Counter, document_dir: str) -> Block:
    """Mark a block whose letters mostly read the other way than the document's."""
    own = census_direction(census, default=document_dir)
    return block if own == document_dir else dataclasses.replace(block, dir=own)

