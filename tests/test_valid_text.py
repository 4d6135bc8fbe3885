"""Text is made valid once, where a document is read or built: the characters no output can
carry are removed there with one warning naming the input and the line, and any document,
whatever its code points, renders in every format."""
from __future__ import annotations

import json
import logging

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newsconv import render
from newsconv.cli import main
from newsconv.model import Document, Heading, List, Paragraph, Table
from newsconv.reading.article import read

FORMATS = ("pdf", "docx", "html")


def test_a_model_with_a_lone_surrogate_converts_to_pdf_with_one_warning(tmp_path):
    source = tmp_path / "model.json"
    source.write_text('{"lang": "ar", "dir": "rtl", "blocks": [\n'
                      ' {"type": "heading", "level": 1, "text": "عنوان"},\n'
                      ' {"type": "paragraph", "text": "نص \\ud800 عربي \\ud83d\\ude00"}\n]}\n', encoding="utf-8")
    output = tmp_path / "model.pdf"
    result = CliRunner().invoke(main, ["to-pdf", str(source), "-o", str(output)])
    assert result.exit_code == 0, result.stderr
    removals = [line for line in result.stderr.splitlines() if "no output can carry" in line]  # not the emoji's font
    assert len(removals) == 1 and f"{source}: line 3: removed 1 character" in removals[0] and "U+D800" in removals[0]
    assert output.read_bytes().startswith(b"%PDF")


def test_an_article_names_the_line_of_its_first_bad_character(caplog):
    with caplog.at_level(logging.WARNING, logger="newsconv"):
        document = read("عنوان\n\nسطر أول\nسطر \x01ثان \ufffe\n".encode(), name="a.txt")
    assert [record.getMessage().split(": removed")[0] for record in caplog.records] == ["a.txt: line 4"]
    assert "\x01" not in document.blocks[-1].text and "\ufffe" not in document.blocks[-1].text


def test_the_model_itself_never_holds_a_character_no_output_can_carry():
    table = Table(("a\x00",), (("b\ud800", "c\U0010ffff"),))
    assert (table.header, table.rows) == (("a",), (("b", "c"),))
    assert List(False, ("x\x1f",)).items == ("x",)
    assert Heading(1, "\x7fh").text == "h" and Paragraph("p\ufdd0").text == "p"


# Any code point at all, the bidi controls and isolates included, in short texts.
ANY_TEXT = st.text(st.one_of(st.characters(), st.sampled_from("\u2066\u2067\u2068\u2069\u202a\u202b\u202e\u202c"
                                                               "()[]عبشאבa1٣ \u200d")), max_size=25)
ANY_BLOCK = st.one_of(
    st.builds(Heading, level=st.integers(1, 3), text=ANY_TEXT, dir=st.sampled_from([None, "rtl", "ltr"])),
    st.builds(Paragraph, text=ANY_TEXT, dir=st.sampled_from([None, "rtl", "ltr"])),
    st.builds(List, ordered=st.booleans(), items=st.lists(ANY_TEXT, min_size=1, max_size=3).map(tuple)),
    st.builds(Table, header=st.tuples(ANY_TEXT, ANY_TEXT), rows=st.lists(st.tuples(ANY_TEXT, ANY_TEXT), min_size=1,
                                                                        max_size=2).map(tuple)),
)


@settings(max_examples=12, deadline=None)
@given(document=st.builds(Document, lang=st.sampled_from(["ar", "he", "en", "fa-IR", "x"]),
                          dir=st.sampled_from(["rtl", "ltr"]), blocks=st.lists(ANY_BLOCK, min_size=1, max_size=4)
                          .map(tuple)))
def test_any_document_with_any_code_points_renders_in_every_format(document):
    for fmt in FORMATS:
        assert render(document, fmt)


def test_an_emoji_newer_than_pythons_unicode_data_renders_everywhere(tmp_path):
    # U+1FAE8 (shaking face) and U+1F6DC (wireless) are Unicode 15: unassigned for Python 3.11.
    model = {"lang": "ar", "dir": "rtl", "blocks": [{"type": "paragraph", "text": "نص \U0001fae8 و \U0001f6dc ok"}]}
    source = tmp_path / "emoji.json"
    source.write_text(json.dumps(model), encoding="utf-8")
    for fmt in FORMATS:
        result = CliRunner().invoke(main, [f"to-{fmt}", str(source), "-o", str(tmp_path / f"emoji.{fmt}")])
        assert result.exit_code == 0, result.stderr
