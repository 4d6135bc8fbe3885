"""Paragraph text to lines of placed glyphs: measure, break in logical order, then reorder.

The order of work is what makes right-to-left text come out right (see the PDF notes):
bidi levels are resolved on the whole paragraph; lines are broken in logical order on
the widths of shaped words; only then is each line cut into level runs, put in visual
order and shaped run by run, each in its own direction.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple, Sequence

from ...fonts import FontCoverage
from ...text.bidi import embedding_levels, visual_runs
from ...text.shaping import Glyph, advance_width, shape
from .glyphfont import Face


@dataclass(frozen=True)
class TextStyle:
    """How a kind of text is set: its font chain, size, line height and colour."""

    faces: tuple[Face, ...]
    coverage: FontCoverage = field(compare=False)
    size: float
    leading: float
    language: str
    synthetic_bold: bool = False
    gray: float = 0.0

    def points(self, face: Face, units: float) -> float:
        return units * self.size / face.units_per_em


class PlacedGlyph(NamedTuple):
    """A glyph on a line: ``x`` is where its pen position is, from the line's left edge (points)."""

    face: Face
    gid: int
    text: str
    x: float
    dx: float
    dy: float
    advance: float
    index: int = -1  # where the glyph's characters start in the paragraph's text (links find their glyphs)


class Line(NamedTuple):
    """One line, its glyphs left to right, and its natural width in points."""

    glyphs: tuple[PlacedGlyph, ...]
    width: float
    rtl: bool


class Token(NamedTuple):
    """A breakable piece of a paragraph: a word, or a slice of a word too wide for a line."""

    start: int
    end: int
    width: float
    after_space: bool


class Typesetter:
    """Sets paragraphs of one document, collecting the characters no font could show."""

    def __init__(self) -> None:
        self.missing: set[str] = set()

    def lines(self, text: str, style: TextStyle, width: float, rtl: bool, justify: bool = False,
              marks: Sequence = ()) -> list[Line]:
        """``text`` broken into lines no wider than ``width`` points (a token wider than that is cut);
        ``marks`` set in bold or italic what they mark (see emphasis.py)."""
        levels = embedding_levels(text, rtl)
        fonts, missing = style.coverage.assign(text)
        self.missing |= missing
        if marks:
            from .emphasis import with_emphasis
            style, fonts = with_emphasis(style, text, fonts, marks)
        paragraph = _Paragraph(text, style, levels, fonts)
        ranges = _break(paragraph.tokens(width), width, paragraph.space_width())
        lines = [paragraph.line(start, end, rtl) for start, end in ranges]
        if justify:
            lines[:-1] = [_justified(line, width) for line in lines[:-1]]
        return lines

    def extent(self, text: str, style: TextStyle, rtl: bool) -> tuple[float, float]:
        """(widest word, whole text on one line) in points: the narrowest and widest a table
        column holding ``text`` should be."""
        fonts, _ = style.coverage.assign(text)
        paragraph = _Paragraph(text, style, embedding_levels(text, rtl), fonts)
        tokens = paragraph.tokens(float("inf"))
        space = paragraph.space_width()
        return (max((token.width for token in tokens), default=0.0),
                sum(token.width + (space if token.after_space else 0.0) for token in tokens))


class _Paragraph:
    """The text of one paragraph with its resolved levels and per-character fonts."""

    def __init__(self, text: str, style: TextStyle, levels: list[int], fonts: list[int]):
        self.text, self.style, self.levels, self.fonts = text, style, levels, fonts

    def segments(self, start: int, end: int) -> list[tuple[int, int]]:
        """``start:end`` cut where the level or the font changes, in logical order."""
        cuts = [start] + [i for i in range(start + 1, end)
                          if self.levels[i] != self.levels[i - 1] or self.fonts[i] != self.fonts[i - 1]] + [end]
        return list(zip(cuts, cuts[1:]))

    def width(self, start: int, end: int) -> float:
        style = self.style
        total = 0.0
        for a, b in self.segments(start, end):
            face = style.faces[self.fonts[a]]
            total += style.points(face, advance_width(face.shaping, self.text[a:b], self.levels[a] % 2 == 1,
                                                      style.language))
        return total

    def space_width(self) -> float:
        face = self.style.faces[0]
        return self.style.points(face, advance_width(face.shaping, " ", False))

    def tokens(self, line_width: float) -> list[Token]:
        tokens: list[Token] = []
        for start, end, after_space in _words(self.text):
            width = self.width(start, end)
            if width <= line_width:
                tokens.append(Token(start, end, width, after_space))
            else:
                tokens += self._cut(start, end, line_width, after_space)
        return tokens

    def _cut(self, start: int, end: int, line_width: float, after_space: bool) -> list[Token]:
        """A word wider than a line (a long URL) in slices that fit, cut between characters."""
        pieces: list[Token] = []
        piece_start, piece_width = start, 0.0
        for index in range(start, end):
            if index > piece_start and _joins_previous(self.text[index]):
                piece_width += self.width(index, index + 1)
                continue
            char_width = self.width(index, index + 1)
            if index > piece_start and piece_width + char_width > line_width:
                pieces.append(Token(piece_start, index, piece_width, after_space and not pieces))
                piece_start, piece_width = index, 0.0
            piece_width += char_width
        pieces.append(Token(piece_start, end, piece_width, after_space and not pieces))
        return pieces

    def line(self, start: int, end: int, rtl: bool) -> Line:
        """The characters ``start:end`` as one line: level runs in visual order, each shaped."""
        placed: list[PlacedGlyph] = []
        pen = 0.0
        for run in visual_runs(self.levels, start, end):
            segments = self.segments(run.start, run.end)
            for a, b in reversed(segments) if run.rtl else segments:
                pen = self._place(a, b, run.rtl, pen, placed)
        return Line(tuple(placed), pen, rtl)

    def _place(self, start: int, end: int, rtl: bool, pen: float, placed: list[PlacedGlyph]) -> float:
        style = self.style
        face = style.faces[self.fonts[start]]
        text = self.text[start:end]
        glyphs = shape(face.shaping, text, rtl, style.language)
        texts = _cluster_texts(glyphs, text, rtl)
        scale = style.size / face.units_per_em
        for glyph, glyph_text in zip(glyphs, texts):
            advance = glyph.advance * scale
            placed.append(PlacedGlyph(face, glyph.gid, glyph_text, pen, glyph.dx * scale, glyph.dy * scale, advance,
                                      start + glyph.cluster))
            pen += advance
        return pen


def _words(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, follows a space) of every run of non-space characters."""
    words = []
    start = None
    for index, ch in enumerate(text + " "):
        if ch == " " and start is not None:
            words.append((start, index, start > 0 and text[start - 1] == " "))
            start = None
        elif ch != " " and start is None:
            start = index
    return words


def _joins_previous(ch: str) -> bool:
    """Marks and joiners belong to the character before them and never start a slice."""
    return unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in "\u200c\u200d"


def _break(tokens: list[Token], width: float, space: float) -> list[tuple[int, int]]:
    """Greedy (first-fit) line breaking: the character range of each line."""
    lines: list[tuple[int, int]] = []
    first = last = None
    used = 0.0
    for token in tokens:
        gap = space if token.after_space else 0.0
        if first is not None and used + gap + token.width > width:
            lines.append((first.start, last.end))
            first = None
        if first is None:
            first, used = token, token.width
        else:
            used += gap + token.width
        last = token
    if first is not None:
        lines.append((first.start, last.end))
    return lines


def _cluster_texts(glyphs: tuple[Glyph, ...], text: str, rtl: bool) -> list[str]:
    """The characters each glyph stands for: its cluster's, given to the cluster's first glyph
    in logical order (later glyphs of a cluster, e.g. a decomposed letter, stand for nothing)."""
    starts = sorted({glyph.cluster for glyph in glyphs})
    ends = dict(zip(starts, starts[1:] + [len(text)]))
    texts = [""] * len(glyphs)
    seen: set[int] = set()
    order = range(len(glyphs) - 1, -1, -1) if rtl else range(len(glyphs))
    for index in order:
        cluster = glyphs[index].cluster
        if cluster not in seen:
            seen.add(cluster)
            texts[index] = text[cluster:ends[cluster]]
    return texts


def _justified(line: Line, width: float) -> Line:
    """The line stretched to ``width`` by widening its spaces equally."""
    spaces = sum(1 for glyph in line.glyphs if glyph.text == " ")
    if not spaces or line.width >= width:
        return line
    extra = (width - line.width) / spaces
    glyphs, shift = [], 0.0
    for glyph in line.glyphs:
        widened = glyph.advance + extra if glyph.text == " " else glyph.advance
        glyphs.append(glyph._replace(x=glyph.x + shift, advance=widened))
        shift += widened - glyph.advance
    return Line(tuple(glyphs), width, line.rtl)
