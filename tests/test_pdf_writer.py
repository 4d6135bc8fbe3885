"""The PDF writer, checked by reading its output back with pypdf and pdfplumber."""
from __future__ import annotations

import io
import json
import logging
import unicodedata
from pathlib import Path

import pdfplumber
import pypdf
import pytest

import newsconv
from newsconv import Document, FontError, Heading, List, Paragraph, RenderOptions, Table
from newsconv.model import document_texts
from newsconv.style import DEFAULT_STYLE

MARGIN = DEFAULT_STYLE.margin_end

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data" / "pdf"
SEED = ROOT / "fixtures" / "articles" / "ar-seed.json"
RIGHT_MARGIN = 595.28 - MARGIN
HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653))


def load(path: Path) -> Document:
    return Document.from_json(json.loads(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def seed() -> Document:
    return load(SEED)


@pytest.fixture(scope="module")
def seed_pdf(seed) -> bytes:
    return newsconv.render(seed, "pdf", author="Desk")


def plumber(data: bytes):
    return pdfplumber.open(io.BytesIO(data))


def visual_lines(data: bytes) -> list[list[dict]]:
    """The characters of every text line, top to bottom, page after page."""
    lines = []
    with plumber(data) as pdf:
        for page in pdf.pages:
            lines += [line["chars"] for line in page.extract_text_lines(return_chars=True, strip=True)]
    return lines


def logical_rtl_text(chars: list[dict]) -> str:
    """A right-to-left line read back right to left (pure-RTL lines only), spaces and marks dropped."""
    ordered = sorted((c for c in chars if c["text"].strip() and c["text"] not in HARAKAT),
                     key=lambda c: -c["x0"])
    return "".join(c["text"] for c in ordered)


def squeeze(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in HARAKAT)


def test_every_font_is_embedded(seed_pdf):
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf))
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        assert font["/Subtype"] == "/Type0", font["/BaseFont"]
        assert "/FontFile2" in font["/DescendantFonts"][0]["/FontDescriptor"], font["/BaseFont"]


def test_metadata_title_author_creator_and_language(seed, seed_pdf):
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf))
    assert reader.metadata.title == seed.title
    assert reader.metadata.author == "Desk"
    assert reader.metadata.creator == "newsconv"
    assert reader.trailer["/Root"]["/Lang"] == "ar"


def test_title_option_overrides_the_heading(seed):
    data = newsconv.render(seed, "pdf", title="Override")
    assert pypdf.PdfReader(io.BytesIO(data)).metadata.title == "Override"


def test_same_document_gives_the_same_bytes(seed, seed_pdf):
    assert newsconv.render(seed, "pdf", author="Desk") == seed_pdf


def test_text_layer_has_real_letters_only(seed_pdf):
    text = "".join(c["text"] for line in visual_lines(seed_pdf) for c in line)
    assert not [ch for ch in text if unicodedata.category(ch) == "Co"]
    assert not [ch for ch in text if 0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF]


def test_paragraph_lines_come_back_in_logical_order(seed, seed_pdf):
    """Every RTL line read right to left, lines top to bottom, spells the paragraphs in order."""
    read_back = "".join(logical_rtl_text(line) for line in visual_lines(seed_pdf))
    for block in seed.blocks:
        if isinstance(block, Paragraph):
            assert squeeze(block.text) in read_back


def test_harakat_are_kept(seed_pdf):
    with plumber(seed_pdf) as pdf:
        text = pdf.pages[0].extract_text()
    assert "\u064b" in text  # the tanween of مؤكدًا


def test_rtl_lines_end_at_the_right_margin(seed_pdf):
    with plumber(seed_pdf) as pdf:
        lines = pdf.pages[0].extract_text_lines(strip=True)
    ends = [line["x1"] for line in lines if line["top"] < 700]
    assert len(ends) > 10
    assert all(abs(end - RIGHT_MARGIN) < 1.0 for end in ends), ends


def test_seed_table_is_a_grid_of_five_rows_with_the_first_column_on_the_right(seed, seed_pdf):
    table = next(block for block in seed.blocks if isinstance(block, Table))
    with plumber(seed_pdf) as pdf:
        found = [t for page in pdf.pages for t in page.find_tables()]
        assert len(found) == 1
        rows = found[0].rows
        assert [len(row.cells) for row in rows] == [2] * 5
        page = next(p for p in pdf.pages if p.find_tables())
        right_cell = max(rows[0].cells, key=lambda cell: cell[0])
        right_text = page.crop(right_cell).extract_text()
    assert squeeze(right_text)[::-1] == squeeze(table.header[0])


def test_table_header_repeats_on_every_page():
    rows = tuple((f"row {n}", "text " * 8) for n in range(80))
    document = Document("en", "ltr", (Table(("Name", "Description"), rows),))
    data = newsconv.render(document, "pdf")
    with plumber(data) as pdf:
        assert len(pdf.pages) > 1
        for page in pdf.pages:
            assert page.extract_text().splitlines()[0].startswith("Name Description")


def test_a_heading_is_never_the_last_line_of_a_page():
    filler = Paragraph("A line of running text that fills a single line of the page.")
    for count in range(26, 31):
        blocks = (filler,) * count + (Heading(2, "Section heading"), Paragraph("First line after the heading."))
        data = newsconv.render(Document("en", "ltr", blocks), "pdf")
        with plumber(data) as pdf:
            for page in pdf.pages:
                lines = [line["text"] for line in page.extract_text_lines(strip=True)]
                assert lines[-2] != "Section heading"  # the last line is the page number


def test_a_long_url_is_broken_inside_the_page():
    url = "https://example.com/" + "q" * 300
    data = newsconv.render(Document("en", "ltr", (Paragraph(f"See {url} now."),)), "pdf")
    with plumber(data) as pdf:
        page = pdf.pages[0]
        assert all(0 <= c["x0"] and c["x1"] <= page.width - MARGIN + 1 for c in page.chars)
        assert page.extract_text().replace("\n", "").count("q") == 300


def test_list_numbers_use_the_article_digits():
    document = Document("ar", "rtl", (List(True, ("أول", "ثان")), List(True, ("أ", "ب"), numerals="latin")))
    with plumber(newsconv.render(document, "pdf")) as pdf:
        text = pdf.pages[0].extract_text()
    assert "١" in text and "٢" in text
    assert "1" in text and "2" in text


def test_persian_page_number_uses_persian_digits():
    document = load(DATA / "fa-mixed.json")
    with plumber(newsconv.render(document, "pdf")) as pdf:
        assert pdf.pages[0].extract_text_lines()[-1]["text"] == "۱"


def test_brackets_are_mirrored_in_rtl_text_and_read_back_logically():
    from newsconv.text.shaping import shape
    from newsconv.writers._pdf.lines import Typesetter
    from newsconv.writers._pdf.styles import styles_for

    document = Document("ar", "rtl", (Paragraph("قال (محمد) اليوم"),))
    style = styles_for(document, RenderOptions())["body"]
    line = Typesetter().lines(document.blocks[0].text, style, 400, rtl=True)[0]
    opening = next(glyph for glyph in line.glyphs if glyph.text == "(")
    closing_glyph = shape(style.faces[0].shaping, ")", False)[0].gid
    assert opening.gid == closing_glyph
    chars = visual_lines(newsconv.render(document, "pdf"))[0]
    assert logical_rtl_text(chars) == "قال(محمد)اليوم"


def test_latin_inside_arabic_keeps_its_order():
    document = Document("ar", "rtl", (Paragraph("زار John Smith القاهرة"),))
    chars = visual_lines(newsconv.render(document, "pdf"))[0]
    visual = "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]) if c["text"].strip())
    assert "JohnSmith" in visual


def test_every_sample_language_converts_with_all_its_text(caplog):
    for path in sorted(DATA.glob("*.json")):
        document = load(path)
        with caplog.at_level(logging.WARNING, logger="newsconv"):
            data = newsconv.render(document, "pdf")
        with plumber(data) as pdf:
            letters = sum(len(page.chars) for page in pdf.pages)
        expected = sum(len(squeeze(t)) for t in document_texts(document))
        assert letters >= expected * 0.95, path.name
    assert not caplog.records


def test_uncovered_characters_are_named_in_one_warning(caplog):
    document = Document("en", "ltr", (Paragraph("Kanji 漢字 here"),))
    with caplog.at_level(logging.WARNING, logger="newsconv"):
        newsconv.render(document, "pdf")
    assert len(caplog.records) == 1
    assert "U+6F22" in caplog.records[0].getMessage() and "U+5B57" in caplog.records[0].getMessage()


def test_unusable_font_raises_font_error(tmp_path):
    bogus = tmp_path / "bogus.ttf"
    bogus.write_bytes(b"not a font")
    with pytest.raises(FontError):
        newsconv.render(Document("en", "ltr", (Paragraph("x"),)), "pdf", RenderOptions(font=str(bogus)))


def test_custom_font_is_used(seed):
    from newsconv.fonts import bundled_font
    from newsconv.text.script import HEBREW

    font = str(bundled_font(HEBREW))
    data = newsconv.render(Document("en", "ltr", (Paragraph("Hello"),)), "pdf", font=font)
    reader = pypdf.PdfReader(io.BytesIO(data))
    names = [f.get_object()["/BaseFont"] for f in reader.pages[0]["/Resources"]["/Font"].values()]
    assert any("FrankRuhl" in name for name in names)


def test_letter_paper():
    data = newsconv.render(Document("en", "ltr", (Paragraph("x"),)), "pdf", paper="letter")
    box = pypdf.PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_justified_lines_fill_the_measure():
    text = " ".join(["justified"] * 60)
    data = newsconv.render(Document("en", "ltr", (Paragraph(text),)), "pdf", justify=True)
    with plumber(data) as pdf:
        lines = pdf.pages[0].extract_text_lines(strip=True)[:-2]  # not the last line nor the footer
    assert lines and all(abs(line["x1"] - RIGHT_MARGIN) < 1.0 for line in lines)

