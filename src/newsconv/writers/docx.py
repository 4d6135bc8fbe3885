"""DOCX writer: the model as a Word document that Word and LibreOffice show right to left.

Structure is Word's own: Heading 1-3 styles (level 1 is the title), lists from a numbering
definition, bordered tables whose header row repeats.  Direction follows
``../shared/notes/docx-rtl.md``: ``w:bidi`` on every right-to-left paragraph, ``w:rtl`` on
right-to-left runs only (each text is split into runs by direction), the complex-script
font, size, bold and language set explicitly, ``w:bidiVisual`` tables and an RTL section.
The fonts are the ones the PDF writer embeds, and they travel in the file as subsets
(``_docxfonts``), so the DOCX looks like the PDF wherever it is opened.
"""
from __future__ import annotations

import datetime
import io
import itertools
import logging
import zipfile
from dataclasses import dataclass
from typing import Optional, Sequence

from docx.enum.table import WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from .. import fonts
from ..model import Block, Document, Figure, Heading, List, Mark, Paragraph, Quote, Table, block_texts, header_in_body
from ..options import RenderOptions
from ..style import PAPER_SIZES, expand, header_values, list_digits, numbers_digits, running_pieces
from ..text import bidi
from ..text.languages import language
from ..text.script import ARABIC, HEBREW, LATIN, letter_script, script_census
from . import _docx_v2, _docxfonts, _docxtemplate, _ooxml

log = logging.getLogger("newsconv")

LINE_SPACING = 1.0
LOGO_HEIGHT = Cm(1.2)
# Estimated advance of an average character and a cell's side margins plus borders: the
# natural width of a column's text, from which columns get their share of the table.
CHARACTER_WIDTH = Pt(12 * 0.55)
CELL_PADDING = Pt(20)
# Word puts no space after a table, so the paragraph that follows one opens with this gap.
TABLE_GAP = Pt(10)
# ST_NumberFormat per List.numerals: Word's "hindiNumbers" are the Arabic-Indic digits, shown
# in the Persian forms when the proofing language is Persian.
# w:jc of a justified body paragraph: Word stretches Arabic with kashidas for "mediumKashida".
JUSTIFICATION = {True: WD_ALIGN_PARAGRAPH.JUSTIFY, "kashida": WD_ALIGN_PARAGRAPH.JUSTIFY_MED}
NUMBER_FORMATS = {None: "decimal", "latin": "decimal", "arabic-indic": "hindiNumbers", "persian": "hindiNumbers"}
# Fixed zip entry time: python-docx stamps each entry with the clock, which would make every run differ.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# The XML parts deflate at level 1 (a little larger than at the default 6, in half the time); the
# embedded font subsets are stored: deflating them was half the writer's time for a third of the file
# (fixtures: 17.7 -> 8.7 ms an article, 100 -> 150 kB a file).
COMPRESSION = 1


@dataclass(frozen=True)
class Typography:
    """Fonts and languages of one document, resolved once from the model and the options."""

    rtl: bool
    latin_font: str
    complex_font: str
    latin_lang: str
    bidi_lang: Optional[str]
    custom_font: Optional[str]  # the --font file, which then sets every script

    @classmethod
    def of(cls, document: Document, options: RenderOptions) -> "Typography":
        rtl = document.dir == "rtl"
        own = language(document.lang)
        # An RTL article in a language newsconv does not know is most likely Arabic-script.
        script = ARABIC if rtl and own.script == LATIN else own.script
        english, arabic = language("en").locale, language("ar").locale
        if script == LATIN:
            latin_lang, bidi_lang = (own.locale if own.code != "und" else english), None
        else:
            latin_lang = english
            bidi_lang = own.locale if own.script == script else arabic
        custom = fonts.family_name(options.font) if options.font else None
        return cls(
            rtl=rtl,
            latin_font=custom or fonts.bundled_family(LATIN),
            complex_font=custom or fonts.bundled_family(ARABIC if script == LATIN else script),
            latin_lang=latin_lang,
            bidi_lang=bidi_lang,
            custom_font=str(options.font) if options.font else None,
        )

    def complex_font_for(self, script: str) -> str:
        """The cs font for a run in ``script``: Hebrew inside an Arabic article gets the Hebrew face."""
        if self.custom_font or script not in (ARABIC, HEBREW):
            return self.complex_font
        return fonts.bundled_family(script)

    def faces(self, text: str) -> list[_docxfonts.Face]:
        """The faces to embed: the Latin and complex-script ones, and the Arabic or Hebrew
        face of another script that ``text`` has letters of."""
        if self.custom_font:
            return [_docxfonts.Face(self.complex_font, self.custom_font)]
        scripts = {letter_script(ch) for ch in set(text)} & {ARABIC, HEBREW}
        families = dict.fromkeys([self.latin_font, self.complex_font,
                                  *(fonts.bundled_family(script) for script in sorted(scripts))])
        by_family = {fonts.bundled_family(script): script for script in (ARABIC, HEBREW, LATIN)}
        return [_bundled_face(family, by_family[family]) for family in families]


def _bundled_face(family: str, script: str) -> _docxfonts.Face:
    bold = str(fonts.bundled_font(script, bold=True)) if fonts.has_static_bold(script) else None
    return _docxfonts.Face(family, str(fonts.bundled_font(script)), bold)


def write(document: Document, options: RenderOptions) -> bytes:
    """The document as DOCX bytes; the same model and options always give the same bytes."""
    document = header_in_body(document)
    typography = Typography.of(document, options)
    text, bold_text = document_text(document)
    text += running_texts(document, options)  # the header and footer are set in the embedded faces too
    faces = typography.faces(text)
    complex_face = next(face for face in faces if face.family == typography.complex_font)
    numerals = {list_digits(block, options.style) for block in document.blocks
                if isinstance(block, List) and block.ordered}
    digit_faces = _docxfonts.digit_faces(complex_face, numerals)
    word = _docxtemplate.blank_document(options.reference_docx)
    _style_document(word, typography, options)
    _set_up_page(word, document, typography, options)
    body = _BodyWriter(word, typography, options, {kind: face.family for kind, face in digit_faces.items()})
    for block in document.blocks:
        body.add(block)
    _set_properties(word, document, typography, options)
    _ooxml.set_embedded_fonts(word.settings.element)
    embedded = _docxfonts.embeddings(faces, text, bold_text) + list(digit_faces.values())
    return _reproducible_zip(word, embedded)


def _style_document(word, typography: Typography, options: RenderOptions) -> None:
    """Direction in the defaults and the styles the body uses; fonts and sizes too, unless a
    newsroom's reference document already sets its own."""
    style = options.style
    own_look = options.reference_docx is None
    normal = word.styles["Normal"]
    if own_look:
        rpr = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        _ooxml.set_fonts(rpr, typography.latin_font, typography.complex_font)
        _ooxml.set_size(rpr, style.body_size)
        _ooxml.set_lang(rpr, typography.latin_lang, typography.bidi_lang)
        normal.paragraph_format.line_spacing = LINE_SPACING
        normal.font.color.rgb = RGBColor.from_string(style.text_colour[1:])
    if typography.rtl:
        _ooxml.set_bidi(normal.element.get_or_add_pPr(), True)
    sizes = {1: style.title_size, 2: style.heading2_size, 3: style.heading3_size}
    for level, size in sizes.items():
        heading = word.styles[f"Heading {level}"]
        if own_look:
            _style_heading(heading, typography, size, style.heading_colour)
        if typography.rtl:
            _ooxml.set_bidi(heading.element.get_or_add_pPr(), True)


def _style_heading(style, typography: Typography, size: float, colour: str) -> None:
    """Replace the template's theme fonts and blue with the article's fonts in the house colour, bold."""
    style.font.color.rgb = RGBColor.from_string(colour[1:])
    style.paragraph_format.space_before = Pt(size * 0.9)
    style.paragraph_format.space_after = Pt(size * 0.4)
    rpr = style.element.get_or_add_rPr()
    _ooxml.set_fonts(rpr, typography.latin_font, typography.complex_font)
    _ooxml.set_size(rpr, size)
    _ooxml.set_bold(rpr)


def _set_up_page(word, document: Document, typography: Typography, options: RenderOptions) -> None:
    """Paper, margins, the running header and footer and, for RTL, a right-to-left section."""
    style = options.style
    section = word.sections[0]
    section.page_width, section.page_height = (Pt(side) for side in PAPER_SIZES[style.paper])
    section.top_margin, section.bottom_margin = Pt(style.margin_top), Pt(style.margin_bottom)
    start, end = Pt(style.margin_start), Pt(style.margin_end)
    section.left_margin, section.right_margin = (end, start) if typography.rtl else (start, end)
    digits = numbers_digits(document, style.digits)
    _ooxml.set_page_number_format(section._sectPr, NUMBER_FORMATS[digits])
    if typography.rtl:
        _ooxml.set_section_rtl(section._sectPr)
    values = header_values(document, options)
    logo = style.logo_image()
    for part, template, picture in ((section.header, style.header, logo), (section.footer, style.footer, None)):
        if (template or picture) and not _keeps_its_own(part):
            _running_text(part.paragraphs[0], template, values, typography, picture)


def running_texts(document: Document, options: RenderOptions) -> str:
    """The characters the header and footer show (page numbers are digits, always embedded)."""
    values = header_values(document, options)
    return "".join(expand(template, values) for template in (options.style.header, options.style.footer))


def _keeps_its_own(part) -> bool:
    """Whether a reference document's header or footer already shows something (then it is kept)."""
    if part.is_linked_to_previous:
        return False
    element = part._element
    return any(t.text for t in element.iter(qn("w:t"))) or element.find(f".//{qn('w:drawing')}") is not None


def _running_text(paragraph, template: str, values: dict[str, str], typography: Typography, logo) -> None:
    """A centred header or footer line: the logo, then ``template`` with PAGE and NUMPAGES fields."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if typography.rtl:
        _ooxml.set_bidi(paragraph._p.get_or_add_pPr(), True)
    if logo is not None:
        paragraph.add_run().add_picture(io.BytesIO(logo.data), height=LOGO_HEIGHT)
        if template:
            paragraph.add_run(" ")
    for piece in running_pieces(template, values):
        if piece in ("{page}", "{pages}"):
            _ooxml.add_field(paragraph._p, "PAGE" if piece == "{page}" else "NUMPAGES")
        else:
            for chunk, chunk_rtl in direction_runs(piece, typography.rtl):
                run = _ooxml.add_text_run(paragraph._p, chunk)
                if chunk_rtl:
                    _ooxml.set_rtl(run.get_or_add_rPr())


class _BodyWriter:
    """Appends the model's blocks to the document body, one Word construct per block kind."""

    def __init__(self, word, typography: Typography, options: RenderOptions, digit_fonts: dict[str, str]):
        self.word = word
        self.typography = typography
        self.style = options.style
        self.justify = options.style.justify
        self.numbering = word.part.numbering_part.element
        self.digit_fonts = digit_fonts
        self.list_definitions: dict[tuple[str, str], str] = {}
        self.bullets_id: Optional[str] = None
        self.follows_table = False
        # Style ids looked up once: python-docx resolves a style name by scanning every style per paragraph.
        self.style_ids = {name: word.styles[name].style_id for name in _docxtemplate.USED_STYLES}
        section = word.sections[0]
        self.text_width = section.page_width - section.left_margin - section.right_margin

    def add(self, block: Block) -> None:
        rtl = (block.dir or ("rtl" if self.typography.rtl else "ltr")) == "rtl"
        BLOCK_WRITERS[type(block)](self, block, rtl)

    def heading(self, block: Heading, rtl: bool) -> None:
        self.paragraph(block.text, rtl, style=f"Heading {block.level}", marks=block.marks)

    def body_paragraph(self, block: Paragraph, rtl: bool) -> None:
        paragraph = self.paragraph(block.text, rtl, marks=block.marks)
        if self.justify:
            paragraph.alignment = JUSTIFICATION[self.justify]

    def quote(self, block: Quote, rtl: bool) -> None:
        _docx_v2.quote(self, block, rtl)

    def figure(self, block: Figure, rtl: bool) -> None:
        _docx_v2.figure(self, block, rtl)

    def paragraph(self, text: str, rtl: bool, style: Optional[str] = None, marks: Sequence[Mark] = ()):
        """A paragraph of ``text`` (with its ``marks``) at the end of the body."""
        paragraph = self.word.add_paragraph()
        if style:
            paragraph._p.get_or_add_pPr().style = self.style_ids[style]
        if self.follows_table:
            paragraph.paragraph_format.space_before = TABLE_GAP
            self.follows_table = False
        if marks:
            _docx_v2.fill_marked(self, paragraph, text, marks, rtl)
        else:
            self.fill(paragraph, text, rtl)
        return paragraph

    def fill(self, paragraph, text: str, rtl: bool, bold: bool = False) -> None:
        """Give ``paragraph`` its direction and ``text`` as runs split by direction."""
        if rtl or self.typography.rtl:
            _ooxml.set_bidi(paragraph._p.get_or_add_pPr(), rtl)
        for chunk, chunk_rtl in direction_runs(text, rtl):
            run = _ooxml.add_text_run(paragraph._p, chunk)
            if bold:
                _ooxml.set_bold(run.get_or_add_rPr())
            if chunk_rtl:
                self.mark_rtl(run.get_or_add_rPr(), chunk)

    def mark_rtl(self, rpr, chunk: str) -> None:
        """Mark a right-to-left run; one in another RTL script than the article's gets that script's face."""
        _ooxml.set_rtl(rpr)
        scripts = {script for script, count in script_census(chunk).items() if count} & {ARABIC, HEBREW}
        if len(scripts) == 1:
            font = self.typography.complex_font_for(scripts.pop())
            if font != self.typography.complex_font:
                _ooxml.set_fonts(rpr, None, font)

    def list(self, block: List, rtl: bool) -> None:
        num_id = self.ordered_list_id(list_digits(block, self.style)) if block.ordered else self.bullet_list_id()
        for part, item in enumerate(block.items):
            paragraph = self.paragraph(item, rtl, style="List Paragraph", marks=_docx_v2.part_marks(block.marks, part))
            _ooxml.set_numbering(paragraph._p.get_or_add_pPr(), num_id)

    def bullet_list_id(self) -> str:
        """Every bulleted list shares one list instance: bullets have no count to restart."""
        if self.bullets_id is None:
            self.bullets_id = _ooxml.add_list_instance(self.numbering, self.list_definition("bullet", "\u2022", self.typography.complex_font))
        return self.bullets_id

    def ordered_list_id(self, numerals: Optional[str]) -> str:
        """A new list instance per numbered list, so that each one counts from 1."""
        number_format = NUMBER_FORMATS.get(numerals, "decimal")
        font = self.digit_fonts.get(numerals, self.typography.complex_font)
        return _ooxml.add_list_instance(self.numbering, self.list_definition(number_format, "%1.", font))

    def list_definition(self, number_format: str, level_text: str, font: str) -> str:
        """The id of the one list definition per number format and marker font, added on first use."""
        if (number_format, font) not in self.list_definitions:
            self.list_definitions[number_format, font] = _ooxml.add_list_definition(
                self.numbering, number_format, level_text, font)
        return self.list_definitions[number_format, font]

    def fill_cell(self, paragraph, text: str, rtl: bool, bold: bool, marks: Sequence[Mark] = ()) -> None:
        """A cell's paragraph, set solid: body spacing would leave a blank line in every cell."""
        paragraph.paragraph_format.space_after = Pt(0)
        paragraph.paragraph_format.line_spacing = 1.0
        if marks:
            bolded = [Mark("strong", 0, len(text))] if bold and text else []
            _docx_v2.fill_marked(self, paragraph, text, [*marks, *bolded], rtl)
        else:
            self.fill(paragraph, text, rtl, bold)

    def table(self, block: Table, rtl: bool) -> None:
        """A bordered table, columns right to left for RTL, its header row bold and repeated per page."""
        grid = ([block.header] if block.header else []) + list(block.rows)
        table = self.word.add_table(rows=len(grid), cols=block.column_count)
        table.style = self.word.styles["Table Grid"]
        if rtl:
            table.table_direction = WD_TABLE_DIRECTION.RTL
        widths = column_widths(grid, block.column_count, self.text_width)
        part = 0  # the cell's place among the table's texts, which its marks name
        for index, (row, texts) in enumerate(zip(table.rows, grid)):
            is_header = bool(block.header) and index == 0
            for column, (cell, width, text) in enumerate(itertools.zip_longest(row.cells, widths, texts, fillvalue="")):
                cell.width = width
                marks = _docx_v2.part_marks(block.marks, part + column) if column < len(texts) else ()
                self.fill_cell(cell.paragraphs[0], text, rtl, bold=is_header, marks=marks)
            part += len(texts)
        for column, width in zip(table.columns, widths):
            column.width = width
        if block.header:
            _ooxml.repeat_as_header(table.rows[0]._tr)
        self.follows_table = True


# Every kind of block and the _BodyWriter method that writes it (tests check that no kind is missing).
BLOCK_WRITERS = {
    Heading: _BodyWriter.heading,
    Paragraph: _BodyWriter.body_paragraph,
    List: _BodyWriter.list,
    Table: _BodyWriter.table,
    Quote: _BodyWriter.quote,
    Figure: _BodyWriter.figure,
}


def column_widths(grid: list, column_count: int, available: int) -> list[int]:
    """Widths (EMU) sharing ``available`` among the columns in proportion to their longest text.

    The table spans the text width, so that its place does not depend on how Word and
    LibreOffice align a right-to-left table; equal columns would strand a short column's
    text far from its neighbour's and squeeze the long ones.
    """
    natural = [max(len(row[column]) if column < len(row) else 0 for row in grid) * CHARACTER_WIDTH + CELL_PADDING
               for column in range(column_count)]
    return [available * width // sum(natural) for width in natural]


def direction_runs(text: str, rtl: bool) -> list[tuple[str, bool]]:
    """``text`` as (chunk, is_rtl) runs: ``text.bidi``'s direction runs, the ones the PDF and the
    HTML use, with a right-to-left run cut again where Hebrew and Arabic letters meet (each
    script needs its own font); neutrals stay with the letters before them.

    >>> direction_runs("قال Vladimir Putin إن", True)
    [('قال ', True), ('Vladimir Putin', False), (' إن', True)]
    """
    runs = []
    for run in bidi.direction_runs(text, rtl):
        chunk = text[run.start:run.end]
        pieces = _script_pieces(chunk) if run.rtl else [chunk]
        runs += [(piece, run.rtl) for piece in pieces]
    return runs


def _script_pieces(chunk: str) -> list[str]:
    """``chunk`` cut before each letter whose script (Arabic or Hebrew) differs from the last letter's."""
    if not {ARABIC, HEBREW} <= {letter_script(ch) for ch in set(chunk)}:  # one script: the usual case
        return [chunk]
    pieces, script = [""], None
    for ch in chunk:
        own = letter_script(ch)
        if own in (ARABIC, HEBREW):
            if script not in (None, own):
                pieces.append("")
            script = own
        pieces[-1] += ch
    return pieces


def _set_properties(word, document: Document, typography: Typography, options: RenderOptions) -> None:
    """Title, authors, section (as subject), keywords and language in the core properties; dates
    only from ``options.date`` or the article's own ``meta.date``, never the clock."""
    properties = word.core_properties
    properties.title = options.title or document.title or ""
    properties.author = properties.last_modified_by = options.author or "; ".join(document.meta.authors)
    properties.subject = document.meta.section or ""
    properties.keywords = ", ".join(document.meta.keywords)
    properties.language = typography.bidi_lang if typography.rtl else typography.latin_lang
    properties.revision = 1
    date = _parse_date(options.date or document.meta.date)
    if date:
        properties.created = properties.modified = date
    else:
        _ooxml.remove_dates(properties._element)


def _parse_date(value: Optional[str]) -> Optional[datetime.datetime]:
    if not value:
        return None
    try:
        date = datetime.datetime.fromisoformat(value)
    except ValueError:
        log.warning("docx: date %r is not ISO 8601; the document keeps no date", value)
        return None
    # Core properties are in UTC (W3CDTF with Z): python-docx writes the clock time as it is given.
    return date.astimezone(datetime.timezone.utc).replace(tzinfo=None) if date.tzinfo else date


class _PartCollector(dict):
    """Stands in for python-docx's zip writer: keeps each serialized part by its zip name."""

    def write(self, pack_uri, blob: bytes) -> None:
        self[pack_uri.membername] = blob


def _package_parts(word) -> dict[str, bytes]:
    """Every part of the package, serialized as ``Document.save`` does but not zipped: saving
    deflates the 800 kB of template styles only for the re-zip to inflate and deflate them again,
    a third of the writer's time."""
    package = word.part.package
    for part in package.parts:
        part.before_marshal()
    parts = _PartCollector()
    PackageWriter._write_content_types_stream(parts, package.parts)
    PackageWriter._write_pkg_rels(parts, package.rels)
    PackageWriter._write_parts(parts, package.parts)
    return parts


def document_text(document: Document) -> tuple[str, str]:
    """Every character the body shows, and those set bold (headings, table header rows)."""
    text, bold = [], []
    for block in document.blocks:
        if isinstance(block, Heading):
            bold.append(block.text)
        elif isinstance(block, Paragraph):
            text.append(block.text)
        elif isinstance(block, List):
            text.extend(block.items)
        elif isinstance(block, Quote):
            text.extend(block_texts(block))
        elif isinstance(block, Figure):
            bold.extend(block_texts(block))  # Word's Caption style is bold
        elif isinstance(block, Table):
            bold.extend(block.header or ())
            text.extend(cell for row in block.rows for cell in row)
    bold.extend(_docx_v2.strong_texts(document))
    return "".join(text + bold), "".join(bold)


def _reproducible_zip(word, embedded: list[_docxfonts.Embedding]) -> bytes:
    """The package with the fonts added, zipped with fixed entry times so equal input gives
    equal bytes."""
    parts = _package_parts(word)
    _docxfonts.add_to_package(parts, embedded)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            stored = name.endswith(".odttf")
            target.writestr(zipfile.ZipInfo(name, ZIP_TIME), data,
                            compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED,
                            compresslevel=None if stored else COMPRESSION)
    return out.getvalue()
