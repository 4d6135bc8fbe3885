"""The HTML reader: saved pages give their expected models, and model -> HTML -> model is exact."""
from __future__ import annotations

import dataclasses
import itertools
import json
import logging
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from strategies import DOCUMENT_V2

from newsconv.errors import InputError
from newsconv.model import Document, Figure, Heading, List, Paragraph, Quote, Table, as_version_1, block_texts
from newsconv.reading.inline import from_pieces
from newsconv.options import RenderOptions
from newsconv.reading.html import read
from newsconv.writers.html import write

FIXTURES = Path(__file__).parent.parent / "fixtures"
PAGES = sorted((FIXTURES / "html").glob("*.html"))
MODELS = sorted(FIXTURES.glob("**/*.json"))


def expected(path: Path) -> Document:
    return Document.from_json(json.loads(path.read_text("utf-8")))


def blocks(markup: str) -> tuple:
    """The blocks in the version-1 view: structure only (tests/test_html_v2.py checks marks and meta)."""
    return as_version_1(read(markup.encode("utf-8"))).blocks


def contract_form(document: Document) -> Document:
    """What MODEL.md allows a reader to produce: NFC texts, dir only where it differs from the
    document's, numerals only on ordered lists, marks merged where they touch and never starting
    or ending on a space, no meta title that only repeats the headline."""
    def normal(block):
        texts = {"text": unicodedata.normalize("NFC", block.text)} if hasattr(block, "text") else {}
        if isinstance(block, Quote):
            texts["attribution"] = unicodedata.normalize("NFC", block.attribution)
        if isinstance(block, Figure):
            texts = {name: unicodedata.normalize("NFC", getattr(block, name)) for name in ("alt", "caption", "credit")}
        if isinstance(block, List):
            texts = {"items": tuple(unicodedata.normalize("NFC", i) for i in block.items),
                     "numerals": block.numerals if block.ordered else None}
        if isinstance(block, Table):
            texts = {"header": tuple(unicodedata.normalize("NFC", c) for c in block.header),
                     "rows": tuple(tuple(unicodedata.normalize("NFC", c) for c in r) for r in block.rows)}
        return dataclasses.replace(block, dir=None if block.dir == document.dir else block.dir,
                                   marks=canonical_marks(block), **texts)
    headline = next((b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1), None)
    meta = dataclasses.replace(document.meta, title=None) if document.meta.title == headline else document.meta
    nfc = lambda value: unicodedata.normalize("NFC", value) if isinstance(value, str) else value  # noqa: E731
    meta = dataclasses.replace(meta, **{name: tuple(map(nfc, value)) if isinstance(value, tuple) else nfc(value)
                                        for name, value in meta.__dict__.items()})
    return dataclasses.replace(document, blocks=tuple(normal(b) for b in document.blocks), meta=meta)


def canonical_marks(block) -> tuple:
    """The block's marks as a reader gives them back (see reading/inline.from_pieces)."""
    marks = []
    for part, text in enumerate(block_texts(block)):
        keys = [frozenset((m.kind, m.href) for m in block.marks if m.part == part and m.start <= i < m.end)
                for i in range(len(text))]
        pieces = [("".join(text[i] for i, _ in run), key) for key, run in
                  itertools.groupby(enumerate(keys), key=lambda item: item[1])]
        marks += [dataclasses.replace(m, part=part) for m in from_pieces(pieces)[1]]
    return tuple(marks)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_saved_pages_give_their_expected_models(page):
    """The fixtures are version-1 models: the page's version-1 view must give them exactly."""
    assert as_version_1(read(page.read_bytes(), name=page.name)) == expected(page.with_suffix(".json"))


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.stem)
@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
def test_every_fixture_model_survives_html(path, fragment):
    document = expected(path)
    assert as_version_1(read(write(document, RenderOptions(fragment=fragment)))) == document


@given(DOCUMENT_V2)
def test_any_model_survives_html(document):
    assert read(write(document, RenderOptions())) == contract_form(document)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_html_to_model_to_html_is_stable(page):
    once = write(read(page.read_bytes()), RenderOptions())
    assert write(read(once), RenderOptions()) == once


def test_page_furniture_is_dropped():
    page = (FIXTURES / "html" / "ar-wordpress.html").read_bytes()
    text = json.dumps(read(page).to_json(), ensure_ascii=False)
    for furniture in ("الرئيسية", "تويتر", "واتساب", "ذات صلة", "اترك تعليقاً", "الأكثر قراءة", "مقال آخر",
                      "جميع الحقوق", "googletag", "wpemoji", "إعلان", "الوسوم"):
        assert furniture not in text


def test_a_form_wrapping_the_whole_page_is_not_furniture():
    page = '<body><form id="aspnetForm"><h1>عنوان</h1><p>نص المقال الطويل هنا.</p></form></body>'
    assert blocks(page) == (Heading(1, "عنوان"), Paragraph("نص المقال الطويل هنا."))


def test_hidden_elements_are_dropped():
    page = '<p>shown</p><p hidden>a</p><p style="display: none">b</p><div aria-hidden="true">c</div>'
    assert blocks(page) == (Paragraph("shown"),)


def test_the_largest_article_is_the_article():
    page = "<article><p>short teaser</p></article><article><h1>Main</h1><p>the long story text</p></article>"
    assert blocks(page) == (Heading(1, "Main"), Paragraph("the long story text"))


def test_a_title_outside_the_densest_block_is_kept():
    page = ('<div class="title"><h1>Headline</h1></div><div class="body"><p>First paragraph of text.</p>'
            "<p>Second paragraph of text.</p></div><div>x</div>")
    assert blocks(page)[0] == Heading(1, "Headline")


def test_headings_map_to_three_levels():
    page = "<h1>a</h1><h2>b</h2><h3>c</h3><h4>d</h4><h6>e</h6>"
    assert [b.level for b in blocks(page)] == [1, 2, 3, 3, 3]


def test_one_br_joins_lines_and_two_break_paragraphs():
    page = "<div>first line<br>\nsame paragraph<br> <br>second <b>para</b>graph</div>"
    assert blocks(page) == (Paragraph("first line same paragraph"), Paragraph("second paragraph"))


def test_text_standing_in_divs_and_blockquotes_becomes_paragraphs():
    page = "<div>loose text<p>a paragraph</p>more loose text<blockquote>quoted</blockquote></div>"
    assert [b.text for b in blocks(page)] == ["loose text", "a paragraph", "more loose text", "quoted"]


def test_nested_list_items_follow_their_parent_item():
    page = "<ol><li>one<ul><li>one a</li><li>one b</li></ul></li><li>two</li></ol>"
    assert blocks(page) == (List(True, ("one", "one a", "one b", "two")),)


@pytest.mark.parametrize("attributes, numerals", [
    ('style="list-style-type: arabic-indic"', "arabic-indic"), ('style="list-style: persian inside"', "persian"),
    ('type="1"', "latin"), ('style="list-style-type: lower-alpha"', None), ("", None)])
def test_ordered_list_numerals_come_from_the_list_style(attributes, numerals):
    assert blocks(f"<ol {attributes}><li>أ</li></ol>")[0].numerals == numerals


def test_spanned_cells_keep_their_text_once_and_the_columns_aligned():
    page = ("<table><tr><th rowspan=2>h</th><th colspan=2>span</th></tr><tr><th>x</th><th>y</th></tr>"
            "<tr><td rowspan=2>a</td><td colspan=2>b</td></tr><tr><td>c</td><td>d</td></tr></table>")
    assert blocks(page) == (Table(("h", "span x", "y"), (("a", "b", ""), ("", "c", "d"))),)


def test_a_first_row_of_th_is_the_header_and_nested_markup_flattens():
    page = "<table><tr><th>A</th><th>B</th></tr><tr><td><p>one</p><p>two</p></td><td><b>3</b>4</td></tr></table>"
    assert blocks(page) == (Table(("A", "B"), (("one two", "34"),)),)


def test_a_layout_table_is_read_as_the_blocks_it_holds():
    page = "<table><tr><td><h1>Title</h1><p>Body text.</p></td><td>Side</td></tr></table>"
    assert blocks(page)[:2] == (Heading(1, "Title"), Paragraph("Body text."))


def test_declared_language_and_direction_win_and_the_letters_decide_otherwise():
    declared = read('<html lang="ar-EG" dir="rtl"><body><p>Hello world</p></body></html>'.encode())
    assert (declared.lang, declared.dir) == ("ar", "rtl")
    guessed = read("<p>مرحبا بكم في الموقع</p>".encode())
    assert (guessed.lang, guessed.dir) == ("ar", "rtl")


def test_a_block_reads_in_its_declared_direction_or_else_by_its_letters():
    page = '<html dir="rtl"><p>نص عربي</p><p>English words here</p><p dir="rtl">Latin but right to left</p></html>'
    assert [b.dir for b in blocks(page)] == [None, "ltr", None]


def test_the_meta_charset_decides_the_encoding():
    text = '<html><head><meta charset="windows-1256"></head><body><p>سلام عليكم</p></body></html>'
    assert read(text.encode("cp1256")).blocks == (Paragraph("سلام عليكم"),)


def test_a_byte_order_mark_beats_the_declared_charset():
    text = '<meta charset="windows-1256"><p>سلام</p>'
    assert read(b"\xef\xbb\xbf" + text.encode("utf-8")).blocks == (Paragraph("سلام"),)


def test_a_false_declaration_is_reported_and_the_encoding_detected(caplog):
    text = '<meta charset="utf-8"><p>سلام عليكم ورحمة الله وبركاته، هذا نص عربي طويل بما يكفي للكشف.</p>'
    with caplog.at_level(logging.WARNING, logger="newsconv"):
        document = read(text.encode("cp1256"), name="page.html")
    assert document.blocks[0].text.startswith("سلام عليكم")
    assert "declares utf-8" in caplog.text


def test_a_page_without_article_text_is_an_input_error():
    with pytest.raises(InputError, match="no article text"):
        read(b"<html><body><nav>menu</nav><script>x()</script></body></html>", name="empty.html")
