"""Version 2 through HTML: the issue's Arabic CMS page (tests/data/v2/ar-cms.html) and raw text
(ar-marked.txt) to the model, the model to HTML, and model -> HTML -> model unchanged."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import newsconv
from newsconv.model import Figure, Heading, Paragraph, Quote
from newsconv.reading.html import read

DATA = Path(__file__).parent / "data" / "v2"


@pytest.fixture
def desk(tmp_path):
    for name in ("ar-cms.html", "ar-marked.txt", "plant.jpg", "plant.png"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def spans(block) -> list:
    """A heading's, paragraph's or quote's marks as (kind, marked text, href)."""
    return [(m.kind, block.text[m.start:m.end], m.href) for m in block.marks if m.part == 0]


def test_the_cms_page_gives_meta_marks_figure_quote_and_no_chrome(desk, caplog):
    document = newsconv.parse(desk / "ar-cms.html")
    meta = document.meta
    assert meta.authors == ("سلمى الحربي", "خالد العتيبي")
    assert meta.date == "2025-11-29T09:12:00+03:00"
    assert (meta.section, meta.url, meta.keywords) == ("اقتصاد", "https://news.example.com/economy/green-hydrogen",
                                                         ("طاقة", "هيدروجين", "نيوم"))
    assert meta.byline == ("بقلم سلمى الحربي وخالد العتيبي · 29 نوفمبر 2025",)
    assert meta.title is None  # the JSON-LD headline is the <h1>
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds == ["Heading", "Paragraph", "Paragraph", "Figure", "Heading", "List", "Quote", "Table", "Paragraph"]
    first = document.blocks[1]
    assert spans(first) == [("strong", "أول مشروع", None), ("emphasis", "الهيدروجين الأخضر", None),
                            ("link", "أكوا باور", "https://example.org/acwa"), ("strong", "600 طن", None)]
    second = document.blocks[2]
    assert "تفاصيل المشروع" in second.text
    assert spans(second) == [("link", "المكتب الإعلامي", "mailto:media@example.org"), ("code", "NGHC-1", None)]
    assert "javascript" not in json.dumps(document.to_json()) and "javascript:" in caplog.text
    figure = document.blocks[3]
    assert (figure.alt, figure.caption, figure.credit) == ("موقع مشروع الهيدروجين الأخضر",
                                                            "موقع المشروع على ساحل البحر الأحمر", "تصوير: واس")
    assert figure.src.startswith("data:image/jpeg;base64,")
    quote = document.blocks[6]
    assert (quote.text, quote.attribution) == ("«هذا المشروع يضع المملكة في صدارة منتجي الطاقة النظيفة»", "وزير الطاقة")
    assert spans(quote) == [("emphasis", "صدارة", None)]
    table = document.blocks[7]
    assert [(m.kind, m.part) for m in table.marks] == [("strong", 3)]
    text = json.dumps(document.to_json(), ensure_ascii=False)
    for chrome in ("رياضة", "إعلان", "تويتر", "واتساب", "اقرأ أيضاً", "أسعار النفط", "جميع الحقوق", "dataLayer"):
        assert chrome not in text


def html_of(path: Path, **options) -> BeautifulSoup:
    return BeautifulSoup(newsconv.render(newsconv.parse(path), "html", **options), "html.parser")


@pytest.mark.parametrize("name", ["ar-cms.html", "ar-marked.txt"])
def test_the_html_has_links_emphasis_quote_figure_and_no_javascript(desk, name):
    page = html_of(desk / name)
    links = page.article.find_all("a")
    assert links and all(a["rel"] == ["noopener", "noreferrer"] for a in links)
    assert all(a["href"].startswith(("https://", "mailto:")) for a in links)
    assert page.article.find("strong") and page.article.find("em")
    assert page.article.blockquote.cite.get_text()
    figure = page.article.figure
    assert figure.img["src"].startswith("data:image/") and figure.img["alt"] and figure.figcaption.get_text()
    assert "javascript" not in str(page)
    assert page.article.find(class_="article-meta").time["datetime"]
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert ld["@type"] == "NewsArticle" and ld["author"][0]["name"] == "سلمى الحربي"


def test_the_raw_text_header_prints_byline_date_and_dateline(desk):
    article = html_of(desk / "ar-marked.txt").article
    assert [p.get_text() for p in article.find_all(class_="byline")] == ["بقلم: سلمى الحربي", "السبت 29 نوفمبر 2025"]
    assert article.find(class_="article-meta").time["datetime"] == "2025-11-29"
    assert article.find(class_="dateline").get_text() == "الرياض (واس) -"
    assert article.find(class_="dateline").parent.get_text().startswith("الرياض (واس) - افتتحت الحكومة")


@pytest.mark.parametrize("name", ["ar-cms.html", "ar-marked.txt"])
@pytest.mark.parametrize("fragment", [False, True], ids=["page", "fragment"])
def test_model_to_html_to_model_is_identical_marks_and_meta_included(desk, name, fragment):
    document = newsconv.parse(desk / name)
    again = read(newsconv.render(document, "html", fragment=fragment))
    if fragment:  # a fragment is the <article> only: the page's metadata is not in it
        document = document.__class__(document.lang, document.dir, document.blocks,
                                      document.meta.__class__(byline=document.meta.byline,
                                                              dateline=document.meta.dateline))
        again = again.__class__(again.lang, again.dir, again.blocks,
                                again.meta.__class__(byline=again.meta.byline, dateline=again.meta.dateline))
    assert again == document


def test_title_author_and_date_options_override_meta(desk):
    page = html_of(desk / "ar-cms.html", title="عنوان آخر", author="مكتب التحرير", date="2026-01-02")
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert (ld["headline"], ld["author"], ld["datePublished"]) == (
        "عنوان آخر", [{"@type": "Person", "name": "مكتب التحرير"}], "2026-01-02")
    assert page.title.string == "عنوان آخر"
    assert [m["content"] for m in page.find_all("meta", attrs={"name": "author"})] == ["مكتب التحرير"]


@pytest.mark.parametrize("markup, quote", [
    ("<blockquote><p>قول</p><footer>— القائل</footer></blockquote>", Quote("قول", "القائل")),
    ("<blockquote><p>قول</p><p><cite>القائل</cite></p></blockquote>", Quote("قول", "القائل")),
    ("<blockquote>قول فقط</blockquote>", Quote("قول فقط")),
])
def test_blockquotes_and_their_attribution(markup, quote):
    assert read(f"<article>{markup}</article>".encode()).blocks == (quote,)


def test_a_figure_with_a_remote_image_keeps_its_caption(caplog):
    page = b'<article><p>text</p><figure><img src="https://cdn.example.com/a.jpg" alt="a"><figcaption>cap ' \
           b'<small>AFP</small></figcaption></figure></article>'
    figure = newsconv.parse(page, format="html").blocks[1]
    assert figure == Figure("", "a", "cap", "AFP")
    assert "not fetched" in caplog.text


def test_relative_links_resolve_against_the_page_url_or_are_dropped(caplog):
    body = '<article><p>see <a href="/a/b">this</a></p></article>'
    with_base = read(f'<head><link rel="canonical" href="https://x.example/n/1"></head><body>{body}'.encode())
    assert with_base.blocks[0].marks[0].href == "https://x.example/a/b"
    assert read(body.encode()).blocks == (Paragraph("see this"),)
    assert "only http, https and mailto" in caplog.text


def test_headings_keep_their_marks():
    document = read("<article><h1>A <em>big</em> day</h1><p>x</p></article>".encode())
    assert isinstance(document.blocks[0], Heading)
    assert [(m.kind, m.start, m.end) for m in document.blocks[0].marks] == [("emphasis", 2, 5)]
