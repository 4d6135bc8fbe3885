"""The DOCX writer, read back with python-docx and its XML: structure, right-to-left markup,
lists, tables, page setup, properties and reproducible bytes."""
from __future__ import annotations

import io
import json
import logging
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from fontTools.ttLib import TTFont
from lxml import etree

from newsconv import Document, Heading, List, Paragraph, RenderOptions, Table, fonts
from newsconv.text.script import ARABIC
from newsconv.writers._docxfonts import font_key, obfuscate
from newsconv.writers.docx import direction_runs, document_text, write

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "docx"


def load(path: Path) -> Document:
    return Document.from_json(json.loads(path.read_text(encoding="utf-8")))


def render(document: Document, **options) -> docx.document.Document:
    return docx.Document(io.BytesIO(write(document, RenderOptions(**options))))


def text_of(element) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def body_paragraphs(word) -> list:
    """Every non-empty paragraph of the body, table cells included, in document order."""
    return [p for p in word.element.body.iter(qn("w:p")) if text_of(p).strip()]


def bidi(p) -> bool | None:
    """The paragraph's direct w:bidi: True, False (w:val="0") or None when absent."""
    element = p.find(f"{qn('w:pPr')}/{qn('w:bidi')}")
    return None if element is None else element.get(qn("w:val")) != "0"


def runs_of(p) -> list[tuple[str, bool]]:
    """(text, has w:rtl) for each run of paragraph ``p``."""
    return [(text_of(r), r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None) for r in p.iter(qn("w:r"))]


def level_of(word, paragraph):
    """The w:lvl (level 0) of the list definition that numbers ``paragraph``."""
    num_id = paragraph._p.pPr.numPr.numId.val
    numbering = word.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    return abstract.find(qn("w:lvl"))


def number_format(word, paragraph) -> str:
    return level_of(word, paragraph).find(qn("w:numFmt")).get(qn("w:val"))


def marker_font(word, paragraph) -> str:
    return level_of(word, paragraph).find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:cs"))


def default_run_properties(word):
    return word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")


@pytest.fixture(scope="module")
def seed() -> Document:
    return load(ROOT / "fixtures" / "articles" / "ar-seed.json")


@pytest.fixture(scope="module")
def seed_docx(seed):
    return render(seed)


@pytest.fixture(scope="module")
def mixed():
    return render(load(DATA / "ar-mixed.json"))


def test_every_block_keeps_its_text_and_kind(seed, seed_docx):
    paragraphs = seed_docx.paragraphs
    expected = []
    for block in seed.blocks:
        if isinstance(block, Heading):
            expected.append((block.text, f"Heading {block.level}"))
        elif isinstance(block, Paragraph):
            expected.append((block.text, "Normal"))
        elif isinstance(block, List):
            expected.extend((item, "List Paragraph") for item in block.items)
    assert [(p.text, p.style.name) for p in paragraphs] == expected


def test_title_is_the_level_one_heading_in_heading_1_and_the_core_title(seed, seed_docx):
    assert seed_docx.paragraphs[0].style.name == "Heading 1"
    assert seed_docx.core_properties.title == seed.title


def test_table_cells_match_and_header_row_is_bold_and_repeats(seed, seed_docx):
    table_block = next(b for b in seed.blocks if isinstance(b, Table))
    (table,) = seed_docx.tables
    grid = [[cell.text for cell in row.cells] for row in table.rows]
    assert grid == [list(table_block.header)] + [list(row) for row in table_block.rows]
    header = table.rows[0]._tr
    assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert table.rows[1]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
    header_runs = list(header.iter(qn("w:rPr")))
    assert header_runs and all(r.find(qn("w:b")) is not None and r.find(qn("w:bCs")) is not None
                               for r in header_runs)
    assert table.style.name == "Table Grid"


def test_rtl_document_carries_all_the_bidi_markup(seed_docx):
    assert all(bidi(p) is True for p in body_paragraphs(seed_docx))
    assert all(has_rtl for p in body_paragraphs(seed_docx) for _, has_rtl in runs_of(p))
    tbl_pr = seed_docx.tables[0]._tbl.tblPr
    assert tbl_pr.find(qn("w:bidiVisual")) is not None
    assert seed_docx.sections[0]._sectPr.find(qn("w:bidi")) is not None
    defaults = default_run_properties(seed_docx)
    assert defaults.find(qn("w:rFonts")).get(qn("w:cs")) == "Amiri"
    assert defaults.find(qn("w:lang")).get(qn("w:bidi")) == "ar-SA"
    assert defaults.find(qn("w:szCs")).get(qn("w:val")) == defaults.find(qn("w:sz")).get(qn("w:val"))


def test_styles_are_right_to_left_with_complex_script_fonts(seed_docx):
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        style = seed_docx.styles[name].element
        assert style.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None, name
    heading = seed_docx.styles["Heading 1"].element.find(qn("w:rPr"))
    fonts_element = heading.find(qn("w:rFonts"))
    assert fonts_element.get(qn("w:cs")) == "Amiri" and fonts_element.get(qn("w:cstheme")) is None
    assert heading.find(qn("w:bCs")) is not None and heading.find(qn("w:szCs")) is not None


def test_latin_names_and_digits_are_runs_without_rtl(mixed):
    runs = [run for p in body_paragraphs(mixed) for run in runs_of(p)]
    assert ("Reuters", False) in runs
    assert ("www.opec.org", False) in runs
    assert ("110", False) in runs
    assert any(text.startswith("قال الأمين") and has_rtl for text, has_rtl in runs)


def test_ltr_block_in_rtl_document_stays_ltr(mixed):
    english = next(p for p in body_paragraphs(mixed) if text_of(p).startswith('"Demand'))
    assert bidi(english) is False
    assert not any(has_rtl for _, has_rtl in runs_of(english))


def test_ordered_lists_number_in_the_articles_digits_and_restart():
    document = Document(lang="ar", dir="rtl", blocks=(
        List(ordered=True, items=("أ", "ب"), numerals="arabic-indic"),
        List(ordered=True, items=("ج",), numerals="latin"),
        List(ordered=False, items=("د",)),
    ))
    word = render(document)
    first, second, third, fourth = word.paragraphs
    assert [number_format(word, p) for p in word.paragraphs] == ["hindiNumbers", "hindiNumbers", "decimal", "bullet"]
    assert [marker_font(word, p) for p in word.paragraphs] == ["Amiri Arabic-Indic Digits"] * 2 + ["Amiri"] * 2
    assert first._p.pPr.numPr.numId.val == second._p.pPr.numPr.numId.val != third._p.pPr.numPr.numId.val
    assert all(bidi(p._p) for p in word.paragraphs)


def test_hebrew_and_persian_get_their_language_and_font():
    hebrew = render(load(DATA / "he-news.json"))
    defaults = default_run_properties(hebrew)
    assert defaults.find(qn("w:lang")).get(qn("w:bidi")) == "he-IL"
    assert defaults.find(qn("w:rFonts")).get(qn("w:cs")) == "Frank Ruhl Libre"
    persian = default_run_properties(render(load(DATA / "fa-news.json")))
    assert persian.find(qn("w:lang")).get(qn("w:bidi")) == "fa-IR"


def test_hebrew_run_in_arabic_article_gets_the_hebrew_face():
    word = render(Document(lang="ar", dir="rtl", blocks=(Paragraph("قال شالوم שלום للجميع"),)))
    rtl_fonts = {text_of(r): r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") for r in word.element.body.iter(qn("w:r"))}
    assert rtl_fonts["שלום "].get(qn("w:cs")) == "Frank Ruhl Libre"
    assert rtl_fonts["قال شالوم "] is None and rtl_fonts["للجميع"] is None


def test_rtl_punctuation_run_keeps_the_documents_face():
    word = render(Document(lang="he", dir="rtl", blocks=(Paragraph("שיעור שנתי של 4.5%."),)))
    assert not [r for r in word.element.body.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") is not None]


def test_english_document_is_left_to_right_except_its_rtl_block():
    word = render(load(DATA / "en-news.json"))
    assert word.sections[0]._sectPr.find(qn("w:bidi")) is None
    assert word.styles["Normal"].element.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is None
    directions = {text_of(p)[:6]: bidi(p) for p in body_paragraphs(word)}
    assert directions["وقال م"] is True
    assert directions["Policy"] is None
    assert default_run_properties(word).find(qn("w:lang")).get(qn("w:val")) == "en-US"


def test_page_setup_and_footer_page_number(seed):
    a4 = render(seed).sections[0]
    assert (round(a4.page_width.mm), round(a4.page_height.mm)) == (210, 297)
    letter = render(seed, paper="letter").sections[0]
    assert (letter.page_width.inches, letter.page_height.inches) == (8.5, 11)
    fields = [f.get(qn("w:instr")) for f in a4.footer._element.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE"]


def test_core_properties_come_from_options(seed):
    word = render(seed, title="عنوان آخر", author="Desk", date="2024-05-01T10:00:00")
    properties = word.core_properties
    assert (properties.title, properties.author, properties.language) == ("عنوان آخر", "Desk", "ar-SA")
    assert properties.created.isoformat().startswith("2024-05-01T10:00")
    assert render(seed).core_properties.created is None


def test_font_option_names_its_family_everywhere(seed):
    word = render(seed, font=str(fonts.bundled_font(ARABIC)))
    family = fonts.family_name(str(fonts.bundled_font(ARABIC)))
    rfonts = default_run_properties(word).find(qn("w:rFonts"))
    assert (rfonts.get(qn("w:ascii")), rfonts.get(qn("w:cs"))) == (family, family)


def test_justify_applies_to_body_paragraphs_only(seed):
    word = render(seed, justify=True)
    alignments = {p.style.name: p.paragraph_format.alignment for p in word.paragraphs}
    assert str(alignments["Normal"]) == "JUSTIFY (3)"
    assert alignments["Heading 1"] is None


def test_same_model_gives_identical_bytes_with_fixed_zip_times(seed):
    first, second = write(seed, RenderOptions()), write(seed, RenderOptions())
    assert first == second
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_control_characters_never_reach_the_writer(caplog):
    with caplog.at_level(logging.WARNING, logger="newsconv"):
        document = Document(lang="ar", dir="rtl", blocks=(Heading(1, "عنوان\x00"), Paragraph("نص\x0b مع\x1f رموز")))
    assert "no output can carry" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="newsconv"):
        word = render(document)
    assert [p.text for p in word.paragraphs] == ["عنوان", "نص مع رموز"]
    assert word.core_properties.title == "عنوان"
    assert caplog.text == ""


@pytest.mark.parametrize("text, base, runs", [
    ("قال Vladimir Putin إن", "rtl", [("قال ", True), ("Vladimir Putin", False), (" إن", True)]),
    # After an Arabic letter a number is an Arabic number (rule W2): its percent sign stays right to left.
    ("بنسبة 50% في", "rtl", [("بنسبة ", True), ("50", False), ("% في", True)]),
    ("+4%", "rtl", [("+", True), ("4%", False)]),
    ("زيارة www.un.org اليوم", "rtl", [("زيارة ", True), ("www.un.org", False), (" اليوم", True)]),
    ("He said «مرحبا» today", "ltr", [("He said «", False), ("مرحبا", True), ("» today", False)]),
    ("١٢ شخصا", "rtl", [("١٢", False), (" شخصا", True)]),
    ("شركة Apple (AAPL) اليوم", "rtl", [("شركة ", True), ("Apple (AAPL)", False), (" اليوم", True)]),
    ("قال שלום لهم", "rtl", [("قال ", True), ("שלום ", True), ("لهم", True)]),
    ("...", "rtl", [("...", True)]),
    ("", "rtl", []),
])
def test_direction_runs_are_the_bidi_algorithms_split_by_script(text, base, runs):
    assert direction_runs(text, base == "rtl") == runs


def embedded_fonts(data: bytes) -> dict[tuple[str, str], bytes]:
    """(family, "Regular"/"Bold") -> the de-obfuscated font file, read as Word reads it."""
    package = zipfile.ZipFile(io.BytesIO(data))
    rels = etree.fromstring(package.read("word/_rels/fontTable.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels
               if rel.get("Type").endswith("/relationships/font")}
    found = {}
    for font in etree.fromstring(package.read("word/fontTable.xml")).iter(qn("w:font")):
        for embed in font:
            if embed.tag.startswith(qn("w:embed")):
                part = package.read("word/" + targets[embed.get(qn("r:id"))])
                style = embed.tag[len(qn("w:embed")):]
                found[font.get(qn("w:name")), style] = obfuscate(part, embed.get(qn("w:fontKey")))
    return found


def test_fonts_are_embedded_obfuscated_subsets_with_the_documents_characters(seed):
    data = write(seed, RenderOptions())
    embedded = embedded_fonts(data)
    assert set(embedded) == {("Amiri", "Regular"), ("Amiri", "Bold"), ("Noto Serif", "Regular")}
    amiri = TTFont(io.BytesIO(embedded["Amiri", "Regular"]))
    assert amiri["name"].getBestFamilyName() == "Amiri"
    text, bold_text = document_text(seed)
    letters = {ord(ch) for ch in text if ch.isalpha()}
    assert letters <= set(amiri.getBestCmap())
    assert len(amiri.getGlyphOrder()) < len(TTFont(fonts.bundled_font(ARABIC)).getGlyphOrder()) / 2
    bold = TTFont(io.BytesIO(embedded["Amiri", "Bold"]))
    assert {ord(ch) for ch in bold_text if ch.isalpha()} <= set(bold.getBestCmap())
    assert "GSUB" in amiri and "GPOS" in amiri  # the reader shapes the text with them


def test_font_parts_are_declared_for_word(seed_docx):
    package = seed_docx.part.package
    settings = seed_docx.settings.element
    assert settings.find(qn("w:embedTrueTypeFonts")) is not None
    assert settings.find(qn("w:saveSubsetFonts")) is not None
    font_parts = [part for part in package.iter_parts() if str(part.partname).endswith(".odttf")]
    assert font_parts and all(part.content_type == "application/vnd.openxmlformats-officedocument.obfuscatedFont"
                              for part in font_parts)


def test_hebrew_face_is_embedded_static_at_its_default_instance():
    embedded = embedded_fonts(write(load(DATA / "he-news.json"), RenderOptions()))
    hebrew = TTFont(io.BytesIO(embedded["Frank Ruhl Libre", "Regular"]))
    assert "fvar" not in hebrew and "gvar" not in hebrew
    assert ord("ש") in hebrew.getBestCmap()
    assert ("Frank Ruhl Libre", "Bold") not in embedded  # variable faces: bold is the reader's, as in the PDF


def test_a_hebrew_word_in_an_arabic_article_embeds_the_hebrew_face_too():
    document = Document(lang="ar", dir="rtl", blocks=(Paragraph("قال شالوم שלום للجميع"),))
    embedded = embedded_fonts(write(document, RenderOptions()))
    assert ("Frank Ruhl Libre", "Regular") in embedded and ("Amiri", "Regular") in embedded


def test_font_option_embeds_that_file_under_its_family(seed):
    path = str(fonts.bundled_font(ARABIC, bold=True))
    embedded = embedded_fonts(write(seed, RenderOptions(font=path)))
    assert list(embedded) == [(fonts.family_name(path), "Regular")]


def test_font_key_comes_from_the_font_and_obfuscation_reverses_itself():
    data = bytes(range(64))
    key = font_key(data)
    assert key == font_key(data) != font_key(data[::-1])
    assert obfuscate(data, key)[32:] == data[32:] and obfuscate(data, key)[:32] != data[:32]
    assert obfuscate(obfuscate(data, key), key) == data


@pytest.mark.parametrize("numerals, zero", [("arabic-indic", 0x660), ("persian", 0x6F0)])
def test_list_numbers_have_a_face_that_draws_every_digit_as_the_articles(numerals, zero):
    """LibreOffice numbers a hindiNumbers list 1, 2, 3; Word uses U+0661...: both must show the article's digits."""
    document = Document(lang="ar", dir="rtl", blocks=(List(ordered=True, items=("أ", "ب"), numerals=numerals),))
    data = write(document, RenderOptions())
    word = docx.Document(io.BytesIO(data))
    family = marker_font(word, word.paragraphs[0])
    digits = TTFont(io.BytesIO(embedded_fonts(data)[family, "Regular"]))
    assert digits["name"].getBestFamilyName() == family
    cmap = digits.getBestCmap()
    amiri = TTFont(fonts.bundled_font(ARABIC))
    for digit in range(10):
        assert cmap[0x30 + digit] == cmap[0x660 + digit] == cmap[0x6F0 + digit]
        assert outline(digits, cmap[0x30 + digit]) == outline(amiri, amiri.getBestCmap()[zero + digit])


def outline(font: TTFont, glyph: str) -> list:
    return list(font["glyf"][glyph].getCoordinates(font["glyf"])[0])


def test_list_numbers_keep_the_documents_face_when_it_has_no_such_digits():
    document = Document(lang="he", dir="rtl", blocks=(List(ordered=True, items=("א", "ב"), numerals="arabic-indic"),))
    data = write(document, RenderOptions())
    word = docx.Document(io.BytesIO(data))
    assert marker_font(word, word.paragraphs[0]) == "Frank Ruhl Libre"
    assert {family for family, _ in embedded_fonts(data)} == {"Frank Ruhl Libre", "Noto Serif"}
