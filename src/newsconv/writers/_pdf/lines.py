"""Paragraph text to lines of placed glyphs: measure, break in logical order, then reorder.

The order of work is what makes right-to-left text come out right (see the PDF notes):
bidi levels are resolved on the whole paragraph; lines are broken in logical order on
the widths of shaped words; only then is each line cut into level runs, put in visual
order and shaped run by run, each in its own direction.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple, Optional, Sequence

from ...fonts import FontCoverage
from ...text.bidi import embedding_levels, visual_runs
from ...text.shaping import Glyph, advance_width, shape
from . import kashida
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

    def ink(self) -> tuple[float, float]:
        """Where the glyphs are drawn, from the pen's start: at least 0 to the width, further where a
        mark that HarfBuzz moved off its pen position reaches past the first or last letter."""
        low, high = 0.0, self.width
        for glyph in self.glyphs:
            if glyph.dx:  # only a glyph moved off its pen position can reach past the line's ends
                low = min(low, glyph.x + glyph.dx)
                high = max(high, glyph.x + glyph.dx + max(glyph.advance, 0.0))
        return low, high


class Token(NamedTuple):
    """A breakable piece of a paragraph: a word, or a slice of a word too wide for a line;
    ``gap`` is the width of the spaces before it, which a line starting with it leaves out."""

    start: int
    end: int
    width: float
    gap: float


class Typesetter:
    """Sets paragraphs of one document, collecting the characters no font could show."""

    def __init__(self) -> None:
        self.missing: set[str] = set()

    def lines(self, text: str, style: TextStyle, width: float, rtl: bool, justify: bool = False,
              marks: Sequence = ()) -> Sequence[Line]:
        """``text`` broken into lines no wider than ``width`` points (a token wider than that is cut);
        ``marks`` set in bold or italic what they mark (see emphasis.py)."""
        levels = embedding_levels(text, rtl)
        fonts, missing = style.coverage.assign(text)
        self.missing |= missing
        if marks:
            from .emphasis import with_emphasis
            style, fonts = with_emphasis(style, text, fonts, marks)
        paragraph = _Paragraph(text, style, levels, fonts)
        single = _single_line(paragraph, width, rtl)
        if single is not None:
            return single
        return _BrokenLines(paragraph, _break(paragraph.tokens(width), width), rtl, width, justify)

    def extent(self, text: str, style: TextStyle, rtl: bool) -> tuple[float, float]:
        """(widest word, whole text on one line) in points: the narrowest and widest a table
        column holding ``text`` should be."""
        fonts, _ = style.coverage.assign(text)
        paragraph = _Paragraph(text, style, embedding_levels(text, rtl), fonts)
        tokens = paragraph.tokens(float("inf"))
        return (max((token.width for token in tokens), default=0.0),
                sum(token.gap + token.width for token in tokens[1:]) + (tokens[0].width if tokens else 0.0))


class _BrokenLines(Sequence[Line]):
    """The lines of a paragraph, where it breaks decided, each shaped and placed only when it is
    read: pages read a few dozen at a time, so a paragraph of thousands of lines (one 5 MB line
    of text) never holds the glyphs of all of them at once."""

    def __init__(self, paragraph: "_Paragraph", ranges: list[tuple[int, int]], rtl: bool, width: float,
                 justify: bool | str):
        self.paragraph, self.ranges, self.rtl = paragraph, ranges, rtl
        self.width, self.justify = width, justify

    def __len__(self) -> int:
        return len(self.ranges)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        number = range(len(self.ranges))[index]
        start, end = self.ranges[number]
        line = self.paragraph.line(start, end, self.rtl)
        low, high = line.ink()
        if high - low > self.width:  # shaped whole, a line may come out a hair wider than its words measured
            return _spaced_to(line, self.width - (high - low - line.width))
        if not self.justify or number == len(self.ranges) - 1:  # the last line keeps its natural width
            return line
        if self.justify == "kashida":
            line = self.paragraph.with_kashidas(line, start, end, self.width)
        return _spaced_to(line, self.width)


class _Paragraph:
    """The text of one paragraph with its resolved levels and per-character fonts."""

    def __init__(self, text: str, style: TextStyle, levels: list[int], fonts: list[int],
                 inserted: frozenset[int] = frozenset()):
        self.text, self.style, self.levels, self.fonts = text, style, levels, fonts
        self.inserted = inserted  # characters added for layout (kashidas): drawn, standing for no text
        self._space_widths: dict[int, float] = {}

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

    def spaces_width(self, start: int, end: int) -> float:
        """The width of the spaces ``start:end``, each in the font it is drawn in (a space after
        a fallback font's word is that font's), so that measured lines are as wide as drawn ones."""
        total = 0.0
        for index in range(start, end):
            face_index = self.fonts[index]
            if face_index not in self._space_widths:
                face = self.style.faces[face_index]
                self._space_widths[face_index] = self.style.points(face, advance_width(face.shaping, " ", False))
            total += self._space_widths[face_index]
        return total

    def tokens(self, line_width: float) -> list[Token]:
        tokens: list[Token] = []
        previous_end = 0
        for start, end in _words(self.text):
            gap = self.spaces_width(previous_end, start) if tokens else 0.0
            width = self.width(start, end)
            if width <= line_width:
                tokens.append(Token(start, end, width, gap))
            else:
                tokens += self._cut(start, end, line_width, gap)
            previous_end = end
        return tokens

    def _cut(self, start: int, end: int, line_width: float, gap: float) -> list[Token]:
        """A word wider than a line (a long URL) in slices that fit, cut between characters."""
        pieces: list[Token] = []
        piece_start, piece_width = start, 0.0
        for index in range(start, end):
            if index > piece_start and _joins_previous(self.text[index]):
                piece_width += self.width(index, index + 1)
                continue
            char_width = self.width(index, index + 1)
            if index > piece_start and piece_width + char_width > line_width:
                pieces.append(Token(piece_start, index, piece_width, 0.0 if pieces else gap))
                piece_start, piece_width = index, 0.0
            piece_width += char_width
        pieces.append(Token(piece_start, end, piece_width, 0.0 if pieces else gap))
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

    def with_kashidas(self, line: Line, start: int, end: int, width: float) -> Line:
        """The line ``start:end`` stretched towards ``width`` with tatweels at the joins kashida
        justification allows (``line`` itself when it has none, or no tatweel would fit)."""
        places = [place for place in kashida.kashida_places(self.text, start, end)
                  if self.style.faces[self.fonts[place]].shaping.covers(kashida.TATWEEL)]
        if not places or line.width >= width:
            return line
        face = self.style.faces[self.fonts[places[0]]]
        tatweel = self.style.points(face, advance_width(face.shaping, kashida.TATWEEL, True, self.style.language))
        count = int((width - line.width) // tatweel)
        while count > 0:  # joins reshaped around a tatweel may change width: fewer until the line fits
            stretched = self._with_tatweels(kashida.share_out(count, places), start, end, line.rtl)
            if stretched.width <= width:
                return stretched
            count -= max(1, int((stretched.width - width) // tatweel))
        return line

    def _with_tatweels(self, shares: dict[int, int], start: int, end: int, rtl: bool) -> Line:
        levels, fonts = list(self.levels), list(self.fonts)

        def extend(position: int, count: int) -> None:
            levels[position:position] = [levels[position]] * count
            fonts[position:position] = [fonts[position]] * count

        text, inserted = kashida.with_tatweels(self.text, shares, extend)
        return _Paragraph(text, self.style, levels, fonts, inserted).line(start, end + len(inserted), rtl)

    def _place(self, start: int, end: int, rtl: bool, pen: float, placed: list[PlacedGlyph]) -> float:
        style = self.style
        face = style.faces[self.fonts[start]]
        text = self.text[start:end]
        glyphs = shape(face.shaping, text, rtl, style.language)
        texts = _cluster_texts(glyphs, text, rtl, {i - start for i in self.inserted if start <= i < end})
        scale = style.size / face.units_per_em
        for glyph, glyph_text in zip(glyphs, texts):
            advance = glyph.advance * scale
            position = start + glyph.cluster  # in the text as written: tatweels added here do not count
            placed.append(PlacedGlyph(face, glyph.gid, glyph_text, pen, glyph.dx * scale, glyph.dy * scale, advance,
                                      position - sum(1 for i in self.inserted if i < position) if self.inserted
                                      else position))
            pen += advance
        return pen


# A text of at most this many characters per em of the measure is first set as one line, and
# broken only if that line is too wide: short texts (list numbers, table cells, headings) are
# then shaped once instead of word by word and again line by line.
_SHORT_TEXT_CHARS_PER_EM = 4.0


def _single_line(paragraph: "_Paragraph", width: float, rtl: bool) -> Optional[list[Line]]:
    """A short paragraph as its only line when it fits ``width`` as drawn; None otherwise."""
    text = paragraph.text
    if len(text) > width / paragraph.style.size * _SHORT_TEXT_CHARS_PER_EM:
        return None
    start, end = len(text) - len(text.lstrip(" ")), len(text.rstrip(" "))
    if start >= end:
        return []
    line = paragraph.line(start, end, rtl)
    low, high = line.ink()
    return [line] if high - low <= width else None


def _words(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of non-space characters."""
    words = []
    start = None
    for index, ch in enumerate(text + " "):
        if ch == " " and start is not None:
            words.append((start, index))
            start = None
        elif ch != " " and start is None:
            start = index
    return words


def _joins_previous(ch: str) -> bool:
    """Marks and joiners belong to the character before them and never start a slice."""
    return unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in "\u200c\u200d"


def _break(tokens: list[Token], width: float) -> list[tuple[int, int]]:
    """Greedy (first-fit) line breaking: the character range of each line."""
    lines: list[tuple[int, int]] = []
    first = last = None
    used = 0.0
    for token in tokens:
        if first is not None and used + token.gap + token.width > width:
            lines.append((first.start, last.end))
            first = None
        if first is None:
            first, used = token, token.width
        else:
            used += token.gap + token.width
        last = token
    if first is not None:
        lines.append((first.start, last.end))
    return lines


def _cluster_texts(glyphs: tuple[Glyph, ...], text: str, rtl: bool, added: set[int] = frozenset()) -> list[str]:
    """The characters each glyph stands for: its cluster's, given to the cluster's first glyph
    in logical order (later glyphs of a cluster, e.g. a decomposed letter, stand for nothing);
    characters ``added`` for layout (kashidas) stand in no glyph's text."""
    starts = sorted({glyph.cluster for glyph in glyphs})
    ends = dict(zip(starts, starts[1:] + [len(text)]))
    texts = [""] * len(glyphs)
    seen: set[int] = set()
    order = range(len(glyphs) - 1, -1, -1) if rtl else range(len(glyphs))
    for index in order:
        cluster = glyphs[index].cluster
        if cluster not in seen:
            seen.add(cluster)
            texts[index] = text[cluster:ends[cluster]] if not added else \
                "".join(text[i] for i in range(cluster, ends[cluster]) if i not in added)
    return texts


def _spaced_to(line: Line, width: float) -> Line:
    """The line made ``width`` wide by widening its spaces equally (justification), or by
    narrowing them when kerning, contextual forms and marks across words make the line as
    shaped a little wider than the sum of its words, as the break measured it."""
    spaces = sum(1 for glyph in line.glyphs if glyph.text == " ")
    if not spaces or line.width == width:
        return line
    extra = (width - line.width) / spaces
    glyphs, shift = [], 0.0
    for glyph in line.glyphs:
        widened = glyph.advance + extra if glyph.text == " " else glyph.advance
        glyphs.append(glyph._replace(x=glyph.x + shift, advance=widened))
        shift += widened - glyph.advance
    return Line(tuple(glyphs), width, line.rtl)
