"""The house style file: what it sets, and how a mistake in it is reported."""
from __future__ import annotations

import pytest

from newsconv.errors import InputError
from newsconv.style import DEFAULT_STYLE, expand, load_style

HOUSE = """\
[publication]
name = "الصحيفة اليومية"
logo = "logo.png"

[header]
text = "{publication} · {date}"

[footer]
text = "{page} / {pages}"

[numbers]
digits = "latin"

[body]
size = 13
justify = true

[fonts]
arabic = "house.ttf"
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "house.ttf").write_bytes(b"\x00\x01\x00\x00")
    return tmp_path


def write(folder, text):
    path = folder / "house.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_issue_example_sets_every_field_it_names(folder):
    style = load_style(write(folder, HOUSE))
    assert style.publication == "الصحيفة اليومية"
    assert style.logo == str((folder / "logo.png").resolve())
    assert (style.header, style.footer) == ("{publication} · {date}", "{page} / {pages}")
    assert (style.digits, style.body_size, style.justify) == ("latin", 13.0, True)
    assert style.font_for("arabic") == str((folder / "house.ttf").resolve())
    assert style.font_for("hebrew") is None
    assert style.paper == DEFAULT_STYLE.paper and style.margin_top == DEFAULT_STYLE.margin_top


@pytest.mark.parametrize("text, line, words", [
    ("[body]\nsize = 13\njustfy = true\n", 3, "unknown key body.justfy"),
    ("[bdy]\nsize = 13\n", 1, "unknown table [bdy]"),
    ("[body]\n\nsize = \"big\"\n", 3, "body.size = 'big'"),
    ("[body]\nsize = 400\n", 2, "from 4 to 96"),
    ("[header]\ntext = \"{publisher}\"\n", 2, "placeholders"),
    ("[numbers]\ndigits = \"roman\"\n", 2, "auto, latin, arabic-indic, persian"),
    ("[publication]\nname = \"x\"\nlogo = \"missing.png\"\n", 3, "PNG or JPEG"),
    ("[body]\njustify = \"yes\"\n", 2, "kashida"),
    ("[body]\ncolour = \"red\"\n", 2, "#rrggbb"),
    ("[header]\ntext = \"a\"\n[body]\nsize = true\n", 4, "body.size"),
])
def test_a_mistake_names_the_file_the_line_and_the_key(folder, text, line, words):
    path = write(folder, text)
    with pytest.raises(InputError) as caught:
        load_style(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ") and words in message


def test_justify_takes_kashida(folder):
    assert load_style(write(folder, '[body]\njustify = "kashida"\n')).justify == "kashida"


def test_not_toml_is_an_input_error(folder):
    with pytest.raises(InputError, match="not a valid TOML"):
        load_style(write(folder, "[body\nsize=1"))


def test_placeholders_expand_and_unknown_values_stay_empty():
    filled = expand("{publication} · {date}", {"publication": "اليوم", "date": "2024-05-12"})
    assert filled == "\u2068اليوم\u2069 · \u20682024-05-12\u2069"  # isolated: the date keeps its order in RTL
    assert expand("{page} / {pages}", {"page": "3"}) == "3 / "


# --- the three writers with the issue's house style, on the seed -------------------------------

import io
import re
from pathlib import Path

import html5lib
from docx import Document as WordDocument
from docx.oxml.ns import qn

import newsconv
from newsconv.options import RenderOptions

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "articles" / "ar-seed.txt"
ISOLATES = "\u2066\u2067\u2068\u2069"
PNG_LOGO = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d7"
                         "63f8cfc0000003010100c9fe92ef0000000049454e44ae426082")


@pytest.fixture
def house(tmp_path):
    (tmp_path / "logo.png").write_bytes(PNG_LOGO)
    path = tmp_path / "house.toml"
    path.write_text(HOUSE.replace('[fonts]\narabic = "house.ttf"\n', ""), encoding="utf-8")
    return RenderOptions(style=load_style(path), date="2024-05-12")


def test_docx_has_the_masthead_header_the_page_fields_and_the_body_size(house):
    word = WordDocument(io.BytesIO(newsconv.render(newsconv.parse(SEED), "docx", house)))
    header = word.sections[0].header._element
    assert "الصحيفة اليومية" in "".join(t.text for t in header.iter(qn("w:t")))
    assert header.find(f".//{qn('w:drawing')}") is not None
    footer = word.sections[0].footer._element
    assert [f.get(qn("w:instr")) for f in footer.iter(qn("w:fldSimple"))] == ["PAGE", "NUMPAGES"]
    size = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    assert size.get(qn("w:val")) == "26"
    fmt = word.sections[0]._sectPr.find(qn("w:pgNumType")).get(qn("w:fmt"))
    assert fmt == "decimal"  # Latin digits, as the style says, in an Arabic article


def test_html_has_a_header_with_the_name_and_the_logo_and_the_style_as_custom_properties(house):
    page = newsconv.render(newsconv.parse(SEED), "html", house).decode("utf-8")
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    header = tree.find(".//header")
    assert header is not None and "الصحيفة اليومية" in "".join(header.itertext())
    assert header.find("img").get("src").startswith("data:image/png;base64,")
    assert "--body-size: 13pt;" in page
    assert re.search(r"@bottom-center \{ content: counter\(page, decimal\) .* counter\(pages, decimal\)", page)


def test_without_a_style_file_docx_and_pdf_share_body_size_margins_and_paper():
    from newsconv.writers._pdf.styles import frame_for, styles_for

    document = newsconv.parse(SEED)
    options = RenderOptions()
    word = WordDocument(io.BytesIO(newsconv.render(document, "docx", options)))
    section = word.sections[0]
    frame = frame_for(options.style, rtl=True)
    assert round(section.page_width.pt, 1) == round(frame.page_width, 1)
    assert round(section.right_margin.pt, 1) == round(frame.page_width - frame.left - frame.width, 1)
    assert round(section.top_margin.pt, 1) == round(frame.page_height - frame.top, 1)
    size = word.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    assert int(size.get(qn("w:val"))) / 2 == styles_for(document, options)["body"].size



def test_pdf_has_the_running_header_and_footer_on_every_page_and_the_logo_on_page_one(tmp_path):
    import pdfplumber

    (tmp_path / "logo.png").write_bytes(PNG_LOGO)
    path = tmp_path / "house.toml"
    path.write_text('[publication]\nname = "Daily"\nlogo = "logo.png"\n[header]\ntext = "{publication}"\n'
                    '[footer]\ntext = "{page} / {pages}"\n[numbers]\ndigits = "latin"\n[body]\nsize = 13\n',
                    encoding="utf-8")
    article = SEED.parent / "en-06-crlf-newsletter-hardwrap-72.txt"
    pdf = newsconv.render(newsconv.parse(article), "pdf", RenderOptions(style=load_style(path)))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        count = len(document.pages)
        assert count >= 2
        for number, page in enumerate(document.pages, 1):
            words = [word["text"].strip(ISOLATES) for word in page.extract_words()]
            assert words[0] == "Daily" and words[-3:] == [str(number), "/", str(count)]
        assert len(document.pages[0].images) == 1 and not document.pages[1].images
        sizes = {round(char["size"], 1) for char in document.pages[0].chars}
        assert 13.0 in sizes and 12.0 not in sizes


def test_pdf_of_the_seed_with_the_issue_style_shows_name_and_latin_page_of_pages(house):
    import pdfplumber

    pdf = newsconv.render(newsconv.parse(SEED), "pdf", house)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        count = len(document.pages)
        for number, page in enumerate(document.pages, 1):
            text = page.extract_text().translate({ord(c): None for c in ISOLATES})
            assert "اليومية" in text or "ةيمويلا" in text  # pdfplumber gives RTL words in visual order
            assert "2024-05-12" in text
            assert f"{number} / {count}" in text or f"{count} / {number}" in text  # RTL extractors order either way
        assert len(document.pages[0].images) == 1
        body = [c for c in document.pages[0].chars if round(c["size"], 1) == 13.0]
        assert len(body) > 500


def test_a_reference_docx_keeps_its_styles_header_and_footer(tmp_path):
    from docx import Document as NewWordDocument
    from docx.shared import Pt

    reference = NewWordDocument()
    reference.styles["Normal"].font.size = Pt(9)
    reference.sections[0].header.paragraphs[0].text = "Newsroom letterhead"
    reference.add_paragraph("template body text that must not survive")
    path = tmp_path / "reference.docx"
    reference.save(path)
    word = WordDocument(io.BytesIO(newsconv.render(newsconv.parse(SEED), "docx", reference_docx=str(path))))
    assert word.styles["Normal"].font.size == Pt(9)  # the newsroom's own size kept
    header = "".join(t.text for t in word.sections[0].header._element.iter(qn("w:t")))
    assert header == "Newsroom letterhead"
    body = " ".join(p.text for p in word.paragraphs)
    assert "template body text" not in body and "الكرملين" in body
    assert word.styles["Heading 1"] is not None and word.styles["List Paragraph"] is not None


def test_a_damaged_reference_docx_is_an_input_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="reference DOCX"):
        newsconv.render(newsconv.parse(SEED), "docx", reference_docx=str(path))


def test_css_embeds_a_house_stylesheet_or_links_a_url(tmp_path):
    sheet = tmp_path / "house.css"
    sheet.write_text("p { color: #123456; } </style><script>alert(1)</script>", encoding="utf-8")
    page = newsconv.render(newsconv.parse(SEED), "html", css=str(sheet)).decode("utf-8")
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    styles = [element.text for element in tree.iter("style")]
    assert any("#123456" in text for text in styles) and not list(tree.iter("script"))
    linked = newsconv.render(newsconv.parse(SEED), "html", css="https://example.org/house.css").decode("utf-8")
    assert '<link rel="stylesheet" href="https://example.org/house.css">' in linked


def test_convert_takes_the_style_too(tmp_path, house):
    from click.testing import CliRunner

    from newsconv.cli import main

    style = tmp_path / "house.toml"
    style.write_text('[publication]\nname = "Daily"\n[header]\ntext = "{publication}"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(SEED), "--to", "html", "-O", str(tmp_path / "out"),
                                       "--style", str(style)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "ar-seed.html").read_text(encoding="utf-8")
    assert '<header class="masthead"><p>Daily</p></header>' in page
