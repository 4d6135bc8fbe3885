"""Version 2 in the PDF, on the issue's Arabic CMS page and raw text: the figure's image as an
XObject (a JPEG passed through, a PNG as Flate RGB) with its caption, the quote and the byline."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

import newsconv

DATA = Path(__file__).parent / "data" / "v2"


@pytest.fixture(scope="module")
def pdfs(v2_desk):
    desk = v2_desk
    return {name: PdfReader(io.BytesIO(newsconv.render(newsconv.parse(desk / name), "pdf")))
            for name in ("ar-cms.html", "ar-marked.txt")}


@pytest.mark.parametrize("name, image, filter_", [("ar-cms.html", "plant.jpg", "/DCTDecode"),
                                                   ("ar-marked.txt", "plant.png", "/FlateDecode")])
def test_the_figure_is_an_image_xobject_with_its_caption(pdfs, name, image, filter_):
    page = pdfs[name].pages[0]
    xobjects = page["/Resources"]["/XObject"]
    (ref,) = xobjects.values()
    stream = ref.get_object()
    assert stream["/Subtype"] == "/Image" and stream["/Filter"] == filter_
    assert (stream["/Width"], stream["/Height"]) == (120, 80)
    if filter_ == "/DCTDecode":
        assert stream.get_data() == (DATA / image).read_bytes()  # passed through, not re-encoded
    assert b"/Im1 Do" in page.get_contents().get_data()


def test_the_quote_caption_and_byline_are_set(pdfs):
    text = pdfs["ar-marked.txt"].pages[0].extract_text()
    for expected in ("بقلم: سلمى الحربي", "وزير البيئة والمياه", "جانب من محطة التحلية الجديدة على الساحل الشرقي"):
        assert expected in text or expected in text.replace("\u200f", "")


def test_the_document_metadata_names_the_authors(pdfs):
    assert pdfs["ar-cms.html"].metadata["/Author"] == "سلمى الحربي, خالد العتيبي"


def annotations(data: bytes) -> list[tuple[str, str]]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(a["uri"], page.crop((a["x0"], a["top"], a["x1"], a["bottom"])).extract_text())
                for page in pdf.pages for a in page.annots]


def test_each_link_is_an_annotation_over_its_own_glyphs(tmp_path):
    shutil.copy(DATA / "ar-cms.html", tmp_path / "ar-cms.html")
    links = annotations(newsconv.render(newsconv.parse(tmp_path / "ar-cms.html"), "pdf"))
    assert [uri for uri, _ in links] == ["https://example.org/acwa", "mailto:media@example.org"]
    assert "اوكأ" in links[0][1] and "رواب" in links[0][1]  # أكوا باور, as extracted in visual order
    assert not any("javascript" in uri for uri, _ in links)


def test_a_link_broken_over_two_lines_gets_a_rectangle_on_each(tmp_path):
    words = " ".join(["كلمة"] * 40)
    link = " ".join(["رابط"] * 30)
    document = newsconv.Document("ar", "rtl", (newsconv.Paragraph(
        f"{words} {link} {words}", marks=(newsconv.Mark("link", len(words) + 1, len(words) + 1 + len(link),
                                                         "https://example.org/عربي"),)),))
    links = annotations(newsconv.render(document, "pdf"))
    assert len(links) >= 2
    assert {uri for uri, _ in links} == {"https://example.org/%D8%B9%D8%B1%D8%A8%D9%8A"}
    assert all(set(text.replace(" ", "")) <= set("رابط") for _, text in links)


def test_strong_and_emphasis_are_set_in_amiri_bold_and_italic_at_body_size(tmp_path):
    import pdfplumber

    shutil.copy(DATA / "ar-cms.html", tmp_path / "ar-cms.html")
    data = newsconv.render(newsconv.parse(tmp_path / "ar-cms.html"), "pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = pdf.pages[0].chars
    body = [c for c in chars if round(c["size"]) == 12]
    bold = "".join(c["text"] for c in body if c["fontname"].endswith("Amiri-Bold"))
    italic = "".join(c["text"] for c in body if c["fontname"].endswith("Amiri-Italic"))
    regular = "".join(c["text"] for c in body if c["fontname"].endswith("Amiri-Regular"))
    assert "600" in bold and "600" not in regular  # «600 طن» is strong, the only 600 at body size
    assert sorted(italic.replace(" ", "")) == sorted("الهيدروجين الأخضر صدارة".replace(" ", ""))  # the two em marks


def test_marks_in_table_cells_are_set_as_in_running_text():
    """A table's texts are numbered header cells first, then each row's cells (MODEL.md)."""
    import pdfplumber

    table = newsconv.Table(("الصنف", "السعر"), (("الذهب عيار 21", "3200 جنيه"), ("الفضة", "45 جنيه")), marks=(
        newsconv.Mark("strong", 3, 7, part=5), newsconv.Mark("emphasis", 0, 5, part=2),
        newsconv.Mark("link", 0, 5, "https://example.org/silver", part=4)))
    data = newsconv.render(newsconv.Document("ar", "rtl", (newsconv.Heading(1, "جدول"), table)), "pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = pdf.pages[0].chars
    cells = [c for c in chars if c["size"] < 14]  # not the heading's
    in_face = {face: "".join(c["text"] for c in cells if c["fontname"].endswith(face))
               for face in ("Amiri-Bold", "Amiri-Italic")}
    bold_header = "الصنف" + "السعر"
    assert sorted(in_face["Amiri-Bold"]) == sorted(bold_header + "جنيه")  # the second row's unit
    assert sorted(in_face["Amiri-Italic"]) == sorted("الذهب")
    (uri, text), = annotations(data)
    assert uri == "https://example.org/silver" and sorted(text.strip()) == sorted("الفضة")


@pytest.mark.parametrize("lang, title, text, bold", [
    ("en", "Budget approved", "On Sunday the minister said that Sunday was the day.", "Sunday"),
    ("he", "התקציב אושר", "הממשלה אישרה את הצעת התקציב, והצעת החוק תובא לכנסת.", "הצעת"),
])
def test_latin_and_hebrew_bold_are_the_variable_faces_bold_instances(lang, title, text, bold):
    """Headings and strong marks in a real bold: the face's bold instance, embedded as a static
    font (no variations left to a viewer that ignores them), its letters wider than the same
    word's in regular type."""
    import pdfplumber
    from fontTools.ttLib import TTFont

    start = text.index(bold)  # the first of the word's two occurrences is strong
    document = newsconv.Document(lang, "ltr" if lang == "en" else "rtl", (
        newsconv.Heading(1, title), newsconv.Paragraph(text, marks=(newsconv.Mark("strong", start, start + len(bold)),))))
    data = newsconv.render(document, "pdf")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["text"] in bold]
    body = [c for c in chars if round(c["size"]) == 12]
    in_bold = [c for c in body if c["fontname"].endswith("-Bold")]
    in_regular = [c for c in body if c["fontname"].endswith("-Regular")]
    assert sorted(c["text"] for c in in_bold) == sorted(bold)
    regular_width = {c["text"]: c["width"] for c in in_regular}
    assert sum(c["width"] for c in in_bold) > 1.01 * sum(regular_width[letter] for letter in bold)
    for font in PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"].values():
        descendant = font.get_object()["/DescendantFonts"][0].get_object()
        program = TTFont(io.BytesIO(descendant["/FontDescriptor"]["/FontFile2"].get_data()))
        assert "fvar" not in program and "gvar" not in program
