"""The model's JSON is the contract of `parse --json`: exact round trips and clear refusals."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from newsconv.model import Document, Figure, List, Mark, Meta, Paragraph, Quote, Table
from strategies import DOCUMENT_V2

SEED = Path(__file__).parent.parent / "fixtures" / "articles" / "ar-seed.json"


def test_seed_json_round_trips_exactly():
    data = json.loads(SEED.read_text(encoding="utf-8"))
    assert Document.from_json(data).to_json(version=1) == data
    assert Document.from_json(data).to_json() == {"version": 2, **data, "meta": {}}


@given(DOCUMENT_V2)
def test_any_document_round_trips_through_json(document):
    assert Document.from_json(json.loads(json.dumps(document.to_json()))) == document


def test_dir_key_only_where_the_block_differs():
    document = Document("ar", "rtl", (List(True, ("a",), dir="ltr", numerals="latin"), Table((), (("x",),))))
    assert document.to_json()["blocks"] == [
        {"type": "list", "ordered": True, "items": ["a"], "numerals": "latin", "dir": "ltr"},
        {"type": "table", "header": [], "rows": [["x"]]},
    ]


@pytest.mark.parametrize("data, message", [
    ({"lang": "ar", "dir": "up", "blocks": []}, "^dir: expected rtl or ltr"),
    ({"lang": "ar", "dir": "rtl", "blocks": [{"type": "figurine"}]}, r"^blocks\[0\]\.type: expected heading, paragraph"),
    ({"version": 3, "lang": "ar", "dir": "rtl", "blocks": []}, "^version: expected 1 or 2, not 3"),
    ({"lang": "ar", "dir": "rtl", "blocks": [{"type": "paragraph", "text": "ab",
                                              "marks": [{"type": "strong", "start": 1, "end": 3}]}]},
     r"^blocks\[0\]\.marks\[0\]: .*outside"),
    ({"lang": "ar", "dir": "rtl", "blocks": [{"type": "paragraph", "text": "ab",
                                              "marks": [{"type": "underline", "start": 0, "end": 1}]}]},
     r"^blocks\[0\]\.marks\[0\]\.type: expected strong"),
    ({"lang": "ar", "dir": "rtl", "meta": {"authors": [3]}, "blocks": []}, r"^meta\.authors\[0\]: expected a string"),
    ({"lang": "ar", "dir": "rtl", "blocks": [{"type": "heading", "level": 7, "text": "x"}]},
     r"^blocks\[0\]\.level: expected an integer from 1 to 3, not 7"),
    ({"lang": "ar", "dir": "rtl", "blocks": [{"type": "paragraph", "text": 3}]}, r"^blocks\[0\]\.text: expected a string"),
])
def test_bad_models_are_refused(data, message):
    with pytest.raises(ValueError, match=message):
        Document.from_json(data)


V2 = {
    "version": 2, "lang": "ar", "dir": "rtl",
    "meta": {"title": "عنوان", "authors": ["سلمى الحربي"], "date": "2025-11-29", "place": "الرياض",
             "source": "واس", "section": "اقتصاد", "url": "https://example.org/a", "keywords": ["مياه", "طاقة"],
             "dateline": "الرياض (واس) –"},
    "blocks": [
        {"type": "paragraph", "text": "بقلم: سلمى الحربي", "role": "byline"},
        {"type": "paragraph", "text": "الرياض (واس) – نص قوي ورابط", "marks": [
            {"type": "strong", "start": 18, "end": 21}, {"type": "link", "start": 22, "end": 27,
                                                        "href": "https://example.org"}]},
        {"type": "quote", "text": "«قول»", "attribution": "الوزير",
         "marks": [{"type": "emphasis", "start": 0, "end": 3, "part": 1}]},
        {"type": "figure", "src": "", "alt": "محطة", "caption": "جانب من المحطة", "credit": "واس"},
        {"type": "list", "ordered": False, "items": ["أ", "كود"], "marks": [{"type": "code", "start": 0, "end": 3,
                                                                           "part": 1}]},
    ],
}


def test_version_2_json_round_trips_exactly():
    document = Document.from_json(V2)
    assert document.to_json() == V2
    assert document.meta.authors == ("سلمى الحربي",)
    assert document.meta.byline == ("بقلم: سلمى الحربي",)
    assert document.blocks[0] == Paragraph("نص قوي ورابط", marks=(Mark("strong", 3, 6),
                                                                 Mark("link", 7, 12, "https://example.org")))
    assert isinstance(document.blocks[1], Quote) and isinstance(document.blocks[2], Figure)


def test_version_2_blocks_hold_every_line_the_article_printed():
    """Meta is what was understood; the blocks still hold the byline lines (``role``) and the
    dateline where the article printed them, so a version-1 consumer, which ignores unknown
    keys, reads the same paragraphs as the version-1 view."""
    document = Document.from_json(V2)
    text_blocks = [{key: value for key, value in block.items() if key not in ("role", "marks")}
                   for block in document.to_json()["blocks"] if block["type"] not in ("quote", "figure")]
    view = [block for block in document.to_json(version=1)["blocks"] if block["text" if "text" in block else "items"]]
    assert text_blocks == [view[0], view[1], view[-1]]


def test_version_1_view_puts_byline_and_dateline_back_and_flattens_new_blocks():
    view = Document.from_json(V2).to_json(version=1)
    assert "version" not in view and "meta" not in view
    assert view["blocks"] == [
        {"type": "paragraph", "text": "بقلم: سلمى الحربي"},
        {"type": "paragraph", "text": "الرياض (واس) – نص قوي ورابط"},
        {"type": "paragraph", "text": "«قول»"}, {"type": "paragraph", "text": "الوزير"},
        {"type": "paragraph", "text": "جانب من المحطة"}, {"type": "paragraph", "text": "واس"},
        {"type": "list", "ordered": False, "items": ["أ", "كود"]},
    ]


@pytest.mark.parametrize("href", ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "/relative", "ftp://x",
                                  "java\nscript:x"])
def test_unsafe_links_are_dropped_with_a_warning(href, caplog):
    data = {"lang": "en", "dir": "ltr", "blocks": [
        {"type": "paragraph", "text": "click", "marks": [{"type": "link", "start": 0, "end": 5, "href": href}]}]}
    assert Document.from_json(data).blocks[0].marks == ()
    assert "only http, https and mailto" in caplog.text


def test_meta_title_comes_before_the_heading():
    assert Document("en", "ltr", (Paragraph("x"),), Meta(title="T")).title == "T"
