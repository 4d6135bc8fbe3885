"""One authority for direction: the model gives each paragraph its direction, ``text.bidi`` resolves
its runs, and the PDF (glyph positions read back), the DOCX (runs and w:rtl) and the HTML (<bdi>)
all show the same order."""
from __future__ import annotations

import io
import re
import zipfile

import pdfplumber
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from lxml import etree

import newsconv
from newsconv import Document, Paragraph
from newsconv.cli import main
from newsconv.options import RenderOptions
from newsconv.text.shaping import shape
from newsconv.writers._pdf.lines import Typesetter
from newsconv.writers._pdf.styles import styles_for

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
APPLE = "قالت شركة Apple (AAPL) إن أرباحها ارتفعت"
BBC = "BBC قالت إن الحكومة وافقت على الخطة"
ISOLATED = {"ar": "قال رئيس الشركة \u2068John Smith (CEO)\u2069 اليوم في المؤتمر",
            "he": "אמר היום ראש הממשלה \u2066Hello world\u2069 בכנסת"}


def pdf_words(data: bytes) -> list[list[dict]]:
    """Per text line of page 1, its characters (pdfplumber's, with glyph positions)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [line["chars"] for line in pdf.pages[0].extract_text_lines(return_chars=True)]


def x_of(chars: list[dict], text: str) -> list[float]:
    return [char["x0"] for char in chars if char["text"] == text]


def docx_runs(data: bytes) -> list[list[tuple[str, bool]]]:
    """(text, has w:rtl) of every run, paragraph by paragraph."""
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return [[("".join(run.itertext()), run.find(f"{W}rPr/{W}rtl") is not None) for run in p.iter(f"{W}r")]
            for p in body.iter(f"{W}p")]


@pytest.mark.parametrize("lang", ["ar", "he"])
def test_isolates_convert_to_every_format_in_reading_order(tmp_path, lang):
    text = ISOLATED[lang]
    source = tmp_path / "iso.txt"
    source.write_text(f"{text}\n", encoding="utf-8")
    outputs = {}
    for fmt in ("pdf", "docx", "html"):
        outputs[fmt] = tmp_path / f"iso.{fmt}"
        result = CliRunner().invoke(main, [f"to-{fmt}", str(source), "-o", str(outputs[fmt])])
        assert result.exit_code == 0, result.stderr
    # PDF: the Latin words left to right, inside the RTL line (first word on the right).
    line = pdf_words(outputs["pdf"].read_bytes())[0]  # the first line (the page number follows)
    latin = [c for c in line if c["text"].isascii() and c["text"].isalpha()]
    assert [c["x0"] for c in latin] == sorted(c["x0"] for c in latin)
    rtl_letters = [c for c in line if not c["text"].isascii() and c["text"].isalpha()]
    first_word = text.split()[0]
    first_letter = [c["x0"] for c in line if first_word[0] in c["text"]]
    assert min(first_letter) > max(c["x0"] for c in latin)  # the first word is rightmost
    # DOCX: the isolate's content is one left-to-right run, the rest right to left.
    runs = [run for paragraph in docx_runs(outputs["docx"].read_bytes()) for run in paragraph]
    latin_text = re.search(r"[A-Za-z][A-Za-z ()]*[A-Za-z)]", text).group()
    assert (latin_text, False) in runs and all(rtl for chunk, rtl in runs if chunk.strip(" \u2066\u2068\u2069")
                                                 and not chunk.isascii())
    # HTML: the isolate's content in one <bdi dir="ltr">, every character kept.
    page = BeautifulSoup(outputs["html"].read_bytes(), "lxml")
    assert [bdi.get_text() for bdi in page.find_all("bdi")] == [latin_text]
    assert text in page.body.get_text()
    assert rtl_letters


def test_a_bracket_pair_around_latin_in_arabic_is_never_cut():
    document = Document("ar", "rtl", (Paragraph(APPLE),))
    # PDF: the brackets around AAPL, drawn left to right as typed.
    line = pdf_words(newsconv.render(document, "pdf"))[0]  # the first line (the page number follows)
    (opening,), (closing,) = x_of(line, "("), x_of(line, ")")
    aapl = [c["x0"] for c in line if c["text"] in "AAPL" and c["x0"] > opening]
    assert max(x_of(line, "e")) < opening < min(aapl) and max(aapl) < closing
    # ... and facing inwards: each is its own glyph, not the mirrored one an RTL run would draw.
    style = styles_for(document, RenderOptions())["body"]
    (typeset,) = Typesetter().lines(APPLE, style, 1000.0, True)
    brackets = [glyph for glyph in typeset.glyphs if glyph.text in "()"]
    as_typed = [glyph.gid for glyph in shape(brackets[0].face.shaping, "(AAPL)", False, "ar") if glyph.cluster in (0, 5)]
    mirrored = [glyph.gid for glyph in shape(brackets[0].face.shaping, "(AAPL)", True, "ar") if glyph.cluster in (0, 5)]
    assert [glyph.text for glyph in brackets] == ["(", ")"] and as_typed != mirrored[::-1]
    assert [glyph.gid for glyph in brackets] == as_typed
    # HTML: no tag between the brackets.
    html = newsconv.render(document, "html").decode()
    assert re.search(r"<bdi dir=\"ltr\">Apple \(AAPL\)</bdi>", html)
    # DOCX: one left-to-right run holds both brackets.
    assert ("Apple (AAPL)", False) in docx_runs(newsconv.render(document, "docx"))[0]


def test_a_paragraph_opening_with_a_latin_acronym_keeps_the_models_direction():
    document = Document("ar", "rtl", (Paragraph("نص عربي فقط"), Paragraph(BBC)))
    # PDF: right-aligned as an all-Arabic line is, the acronym at the right end (where an RTL line starts).
    arabic, line = pdf_words(newsconv.render(document, "pdf"))[:2]
    assert max(c["x1"] for c in line) == pytest.approx(max(c["x1"] for c in arabic), abs=0.5)
    assert min(x_of(line, "B")) > max(c["x0"] for c in line if not c["text"].isascii())
    # DOCX: a right-to-left paragraph, aligned to its start (right).
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(newsconv.render(document, "docx"))).read("word/document.xml"))
    paragraph = next(p for p in body.iter(f"{W}p") if "".join(p.itertext()) == BBC)
    assert paragraph.find(f"{W}pPr/{W}bidi") is not None
    assert paragraph.find(f"{W}pPr/{W}jc") is None or paragraph.find(f"{W}pPr/{W}jc").get(f"{W}val") in ("start",
                                                                                                          "right")
    # HTML: the paragraph inherits dir="rtl" and says nothing else.
    page = BeautifulSoup(newsconv.render(document, "html"), "lxml")
    p = page.body.p
    assert p.find_parent(attrs={"dir": True})["dir"] == "rtl" and p.get("dir") in (None, "rtl")
