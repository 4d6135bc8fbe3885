"""Kashida justification: where tatweels may go, and lines that stretch with them and read the same."""
from __future__ import annotations

import io

import pdfplumber
import pytest

import newsconv
from newsconv.options import RenderOptions
from newsconv.writers._pdf.kashida import TATWEEL, kashida_places, share_out, with_tatweels
from newsconv.writers._pdf.lines import Typesetter
from newsconv.writers._pdf.styles import styles_for

PARAGRAPH = ("أكد الرئيس الروسي فلاديمير بوتين أن روسيا مستعدة لبذل كافة الجهود الممكنة لحماية سيادة سوريا "
             "واستقلالها والمحافظة على وحدة أراضيها، مؤكداً الدور الحاسم الذي تلعبه موسكو في دعم استقرار سوريا "
             "سياسياً وأمنياً واقتصادياً، وذلك خلال لقائه بأمير قطر الشيخ تميم بن حمد آل ثاني في موسكو.")


@pytest.mark.parametrize("word, place", [
    ("كلمة", 3),      # before a final teh marbuta
    ("مستعدة", 2),    # after the seen (dal joins nothing after it, so not before the teh marbuta)
    ("الشمس", 3),     # after the medial sheen, better than any other join
    ("كتاب", 2),      # joins of equal rank: the last one
])
def test_the_best_join_of_a_word(word, place):
    assert kashida_places(word, 0, len(word)) == [place]


@pytest.mark.parametrize("word", ["لا", "الا", "و", "دار", "زر", "ok"])
def test_no_kashida_inside_lam_alef_or_after_a_letter_that_does_not_join_on(word):
    assert kashida_places(word, 0, len(word)) == []


def test_harakat_stay_with_their_letter():
    word = "كَتَبَ"
    places = kashida_places(word, 0, len(word))
    assert places and all(word[place - 1] not in "\u064e" or place in (2, 4) for place in places)
    text, inserted = with_tatweels(word, {places[0]: 1}, lambda position, count: None)
    assert text.replace(TATWEEL, "") == word and len(inserted) == 1


def test_tatweels_are_shared_evenly_and_capped():
    assert share_out(5, [10, 20]) == {10: 3, 20: 2}
    assert share_out(20, [10]) == {10: 3}


def test_a_kashida_line_fills_the_measure_and_its_text_is_the_articles():
    document = newsconv.parse("عنوان\n\n" + PARAGRAPH + "\n")
    style = styles_for(document, RenderOptions())["body"]
    lines = Typesetter().lines(PARAGRAPH, style, 300, True, "kashida")
    assert len(lines) > 2
    for line in lines[:-1]:
        assert abs(line.width - 300) < 0.01
    added = [glyph for line in lines for glyph in line.glyphs if not glyph.text]
    assert added, "some tatweels were drawn"
    logical = "".join("".join(g.text for g in reversed(line.glyphs)) for line in lines)
    assert logical.replace(" ", "") == PARAGRAPH.replace(" ", "")


def test_a_kashida_pdf_copies_back_without_tatweels():
    document = newsconv.parse("عنوان\n\n" + PARAGRAPH + "\n")
    pdf = newsconv.render(document, "pdf", justify="kashida")
    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        text = "".join(opened.pages[0].extract_text().split())
    assert TATWEEL not in text


def test_docx_and_html_justify_as_their_readers_can():
    from docx import Document as WordDocument

    document = newsconv.parse("عنوان\n\n" + PARAGRAPH + "\n")
    word = WordDocument(io.BytesIO(newsconv.render(document, "docx", justify="kashida")))
    body = [p for p in word.paragraphs if p.text.startswith("أكد")]
    assert body and body[0]._p.pPr.jc.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") \
        == "mediumKashida"
    page = newsconv.render(document, "html", justify="kashida").decode("utf-8")
    assert "article > p { text-align: justify; }" in page
    assert "text-align: justify" not in newsconv.render(document, "html").decode("utf-8")
