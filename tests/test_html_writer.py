"""The HTML writer: read its output back with html5lib, as a browser would, and check what a
reader of the page gets: structure, direction, isolation of mixed-direction runs, safety."""
from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from strategies import DOCUMENT

from newsconv.model import Document, Heading, List, Meta, Paragraph, Table
from newsconv.options import RenderOptions
from newsconv.text.bidi import direction_runs
from newsconv.writers.html import write

FIXTURES = Path(__file__).parent.parent / "fixtures"
MODELS = sorted(FIXTURES.glob("**/*.json"))
SEED = Document.from_json(json.loads((FIXTURES / "articles" / "ar-seed.json").read_text("utf-8")))


def render(document: Document, **options) -> bytes:
    return write(document, RenderOptions(**options))


def parse_errors(page: bytes, fragment: bool = False) -> list:
    parser = html5lib.HTMLParser()
    if fragment:
        parser.parseFragment(page.decode("utf-8"))
    else:
        parser.parse(page)
    return parser.errors


def soup(page: bytes) -> BeautifulSoup:
    return BeautifulSoup(page, "html5lib")


def arabic(*blocks) -> Document:
    return Document("ar", "rtl", tuple(blocks))


@pytest.mark.parametrize("path", MODELS, ids=lambda p: p.stem)
def test_every_fixture_parses_without_errors_and_keeps_its_structure(path):
    document = Document.from_json(json.loads(path.read_text("utf-8")))
    page = render(document)
    assert parse_errors(page) == []
    body = soup(page).body
    assert len(body.find_all(["h1", "h2", "h3"])) == sum(isinstance(b, Heading) for b in document.blocks)
    assert len(body.find_all("p")) == sum(isinstance(b, Paragraph) for b in document.blocks)
    assert len(body.find_all("li")) == sum(len(b.items) for b in document.blocks if isinstance(b, List))
    assert len(body.find_all("td")) == sum(len(r) for b in document.blocks if isinstance(b, Table) for r in b.rows)


@given(DOCUMENT)
def test_any_document_parses_without_errors(document):
    assert parse_errors(render(document)) == []
    assert parse_errors(render(document, fragment=True), fragment=True) == []


def test_standalone_page_head():
    page = soup(render(SEED, author="مكتب الأخبار", date="2025-11-29"))
    root = page.find("html")
    assert (root["lang"], root["dir"]) == ("ar", "rtl")
    assert page.find("meta", charset=True)["charset"] == "utf-8"
    assert "width=device-width" in page.find("meta", attrs={"name": "viewport"})["content"]
    assert page.title.string == SEED.title
    assert page.find("meta", attrs={"name": "author"})["content"] == "مكتب الأخبار"
    assert page.find("meta", attrs={"name": "dcterms.date"})["content"] == "2025-11-29"
    style = page.style.string
    for rule in ("margin-inline", "padding-inline-start", "text-align: start", "@page", "break-after: avoid",
                 "table-header-group", "Amiri", '"Noto Naskh Arabic"', '"Frank Ruhl Libre"', "serif"):
        assert rule in style
    assert page.body.find("article") is not None


def test_title_option_wins_and_untitled_documents_borrow_their_first_words():
    assert soup(render(SEED, title="عنوان آخر")).title.string == "عنوان آخر"
    untitled = arabic(Paragraph("كلمة " * 40))
    assert soup(render(untitled)).title.string == ("كلمة " * 16).strip() + "…"


def test_fragment_is_only_the_article_with_its_language_and_direction():
    page = render(SEED, fragment=True).decode("utf-8")
    assert page.startswith('<article lang="ar" dir="rtl">') and page.rstrip().endswith("</article>")
    assert "<html" not in page and "<style" not in page


def test_block_direction_is_marked_only_where_it_changes():
    document = arabic(Paragraph("نص عربي"), Paragraph("English text", dir="ltr"),
                      Table(("a", "b"), (("c", "d"),), dir="ltr"))
    body = soup(render(document)).body
    assert body.p.get("dir") is None
    assert body.find_all("p")[1]["dir"] == "ltr"
    assert body.table["dir"] == "ltr"


def test_a_block_whose_letters_disagree_with_the_model_states_its_direction():
    page = soup(render(arabic(Paragraph("Only Latin letters here"))))
    assert page.body.p["dir"] == "rtl"


def test_ordered_lists_number_in_the_articles_digits():
    lists = [List(True, ("أ", "ب"), numerals=n) for n in ("arabic-indic", "persian", "latin", None)]
    ols = soup(render(arabic(*lists))).body.find_all("ol")
    assert [ol.get("style") for ol in ols] == ["list-style-type: arabic-indic", "list-style-type: persian",
                                               "list-style-type: decimal", None]


def test_tables_have_a_head_of_column_headers_only_when_the_model_has_one():
    with_header, without = soup(render(arabic(Table(("أ", "ب"), (("1", "2"),)), Table((), (("3", "4"),))))) \
        .body.find_all("table")
    assert [th["scope"] for th in with_header.thead.find_all("th")] == ["col", "col"]
    assert [td.get_text() for td in with_header.tbody.find_all("td")] == ["1", "2"]
    assert without.thead is None and without.find("th") is None


def test_latin_runs_in_arabic_are_isolated_without_losing_a_character():
    text = "نفذته شركة ACWA Power 2 بالشراكة مع (BBC) في 2019 - 2020."
    paragraph = soup(render(arabic(Paragraph(text)))).body.p
    assert [(b["dir"], b.get_text()) for b in paragraph.find_all("bdi")] == [("ltr", "ACWA Power 2"), ("ltr", "BBC")]
    assert paragraph.get_text() == text


@pytest.mark.parametrize("text, direction, runs", [
    ("مرحبا John Smith، 2024 شكرا", "rtl", ["John Smith، 2024"]),
    ("من 2019 - 2020", "rtl", ["2019", "2020"]),
    ("The proverb «اللي فات مات» 2 was quoted", "ltr", ["اللي فات مات» 2"]),
    ("He said שלום עולם.", "ltr", ["שלום עולם"]),
    ("plain English", "ltr", []),
])
def test_opposite_runs_span_what_the_bidi_algorithm_reverses(text, direction, runs):
    rtl = direction == "rtl"
    assert [text[run.start:run.end] for run in direction_runs(text, rtl) if run.rtl != rtl] == runs


def test_article_text_never_becomes_markup():
    probe = 'The minister wrote <script>alert("xss")</script> & <img src=x onerror=alert(1)> &amp; left.'
    page = render(Document("en", "ltr", (Heading(1, "<b>bold</b>"), Paragraph(probe))))
    parsed = soup(page)
    assert parsed.find_all(["script", "img", "b"]) == []  # and no JSON-LD: the model has no metadata
    assert parsed.body.p.get_text() == probe
    assert parsed.body.h1.get_text() == "<b>bold</b>"
    assert parsed.title.string == "<b>bold</b>"
    with_meta = soup(render(Document("en", "ltr", (Heading(1, "<b>bold</b>"), Paragraph(probe)),
                                     Meta(authors=("</script><script>alert(1)</script>",)))))
    assert [script["type"] for script in with_meta.find_all("script")] == ["application/ld+json"]
    ld = json.loads(with_meta.script.string)
    assert (ld["headline"], ld["author"][0]["name"]) == ("<b>bold</b>", "</script><script>alert(1)</script>")


def test_characters_html_cannot_carry_never_reach_the_writer(caplog):
    with caplog.at_level(logging.WARNING, logger="newsconv"):
        page = render(arabic(Paragraph("نص\x01 عربي\x7f\ufdd0\U0001fffe")))
    assert parse_errors(page) == []
    assert soup(page).body.p.get_text() == "نص عربي"
    assert caplog.text.count("no output can carry") == 1


def test_output_is_deterministic():
    assert render(SEED, author="a", date="2025-01-01") == render(SEED, author="a", date="2025-01-01")


def test_writing_html_imports_neither_reportlab_nor_python_docx():
    code = ("import newsconv.cli, newsconv.writers.html, sys; "
            "assert 'reportlab' not in sys.modules and 'docx' not in sys.modules and 'bs4' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
