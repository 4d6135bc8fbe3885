"""Hostile input: every command ends in a clear one-line error or a whole file (with warnings), never a
traceback or a partial file; and every writer keeps every letter and digit of any model."""
from __future__ import annotations

import json
import unicodedata
import zipfile
from collections import Counter
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from pypdf import PdfReader
from strategies import DOCUMENT_V2

from newsconv import render
from newsconv.cli import main
from newsconv.model import document_texts

FORMATS = ["html", "docx", "pdf"]
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa75\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")
MARKUP = "<script>alert(1)</script> <b>bold</b> &amp; <para>x</para> <font color=red>r</font>"
settings.register_profile("writers", max_examples=8, deadline=None)  # each example renders three formats


def to(fmt: str, source: Path, *options: str):
    """Run ``newsconv to-FMT`` on ``source``; the result and the output path."""
    output = source.with_name(f"{source.stem}-out.{fmt}")
    return CliRunner().invoke(main, [f"to-{fmt}", str(source), "-o", str(output), *options]), output


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def assert_clean_failure(result, output: Path) -> None:
    assert result.exit_code == 3
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("newsconv: error: ")
    assert not output.exists() and not list(output.parent.glob(".*.part"))


def assert_converted(result, output: Path) -> None:
    assert result.exit_code == 0, result.stderr
    assert all(line.startswith("newsconv: warning: ") for line in result.stderr.splitlines())
    assert output.stat().st_size > 0


def text_of(fmt: str, data: bytes) -> str:
    """What a reader of the output gets back as text."""
    if fmt == "pdf":
        return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    if fmt == "docx":
        root = ElementTree.fromstring(zipfile.ZipFile(BytesIO(data)).read("word/document.xml"))
        return "\n".join(node.text or "" for node in root.iter() if node.tag.endswith("}t"))
    parser = _TextParser()
    parser.feed(data.decode("utf-8"))
    return "".join(parser.text)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        # The page's own JSON-LD is data, not script: only another script would be article text run.
        self.tags.append("ld+json" if tag == "script" and ("type", "application/ld+json") in attrs else tag)

    def handle_data(self, data) -> None:
        self.text.append(data)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("content", [b"", b" \n\t\r\n \xc2\xa0\n", PNG, b"Title\n\nBody \x00 with a NUL\n"],
                         ids=["empty", "whitespace", "png", "nul"])
def test_unusable_input_is_one_error_line_and_no_file(tmp_path, fmt, content):
    assert_clean_failure(*to(fmt, write(tmp_path, "bad.txt", content)))


@pytest.mark.parametrize("fmt", FORMATS)
def test_invalid_byte_sequences_give_an_error_naming_the_way_out(tmp_path, fmt):
    source = write(tmp_path, "bytes.txt", "عنوان\n\nنص ".encode() + b"\xff\xfe\xc3\x28\x80 end\n")
    result, output = to(fmt, source)
    assert_clean_failure(result, output)
    assert "--encoding" in result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_control_characters_do_not_break_any_output(tmp_path, fmt):
    source = write(tmp_path, "ctrl.txt", "Title\x01 here\n\nBody \x0b text \x1b[31m with \x7f controls \x08 end.\n")
    result, output = to(fmt, source)
    assert_converted(result, output)
    assert "controls" in text_of(fmt, output.read_bytes())  # DOCX: its XML still parses


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_5000_letter_word_is_kept_whole(tmp_path, fmt):
    word = "ب" * 5000
    result, output = to(fmt, write(tmp_path, "word.txt", f"عنوان\n\nقبل {word} بعد\n"))
    assert_converted(result, output)
    assert text_of(fmt, output.read_bytes()).count("ب") >= 5000


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_2000_row_table_from_a_model(tmp_path, fmt):
    rows = [[str(n), f"خلية {n}", "cell"] for n in range(2000)]
    model = {"lang": "ar", "dir": "rtl", "blocks": [{"type": "table", "header": ["a", "b", "c"], "rows": rows}]}
    result, output = to(fmt, write(tmp_path, "table.json", json.dumps(model, ensure_ascii=False)))
    assert_converted(result, output)
    assert "1999" in text_of(fmt, output.read_bytes())


def test_a_10_mb_article_parses_and_converts_to_html(tmp_path):
    """10 MB through parse and HTML; PDF and DOCX get 0.1 MB below (a 10 MB PDF is a bench matter, not a test)."""
    paragraph = "تواصل الحكومة جهودها لدعم الاقتصاد الوطني وتعزيز الاستقرار في البلاد. " * 40
    big = write(tmp_path, "big.txt", "عنوان المقال\n\n" + paragraph * (10_000_000 // len(paragraph.encode())))
    result, output = to("html", big)
    assert_converted(result, output)
    assert output.stat().st_size > big.stat().st_size


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_long_article_converts_to_pages(tmp_path, fmt):
    paragraph = "تواصل الحكومة جهودها لدعم الاقتصاد الوطني وتعزيز الاستقرار في البلاد. " * 8
    assert_converted(*to(fmt, write(tmp_path, "long.txt", "عنوان\n\n" + f"{paragraph}\n\n" * 100)))


@pytest.mark.parametrize("fmt", FORMATS)
def test_emoji_and_cjk_are_kept_or_named_in_a_warning(tmp_path, fmt):
    result, output = to(fmt, write(tmp_path, "emoji.txt", "عنوان 😀\n\nنص 中文字 👍🏽 و 日本語.\n"))
    assert_converted(result, output)
    text = text_of(fmt, output.read_bytes())
    assert all(ch in text or f"U+{ord(ch):04X}" in result.stderr for ch in "😀中文字👍日本語")


def test_markup_looking_text_stays_text_in_html(tmp_path):
    result, output = to("html", write(tmp_path, "markup.txt", f"Title\n\n{MARKUP}\n"))
    assert_converted(result, output)
    parser = _TextParser()
    parser.feed(output.read_text(encoding="utf-8"))
    assert MARKUP in "".join(parser.text)
    assert not {"script", "b", "para", "font"} & set(parser.tags)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_markup_looking_text_is_printed_as_typed(tmp_path, fmt):
    result, output = to(fmt, write(tmp_path, "markup.txt", f"Title\n\n{MARKUP}\n"))
    assert_converted(result, output)
    assert MARKUP.replace(" ", "") in text_of(fmt, output.read_bytes()).replace(" ", "").replace("\n", "")


def test_a_batch_of_hostile_files_converts_the_good_ones_and_reports_each_bad_one(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, content in {"empty.txt": b"", "image.txt": PNG, "fine.txt": "عنوان\n\nنص.\n",
                          "markup.txt": f"Title\n\n{MARKUP}\n"}.items():
        write(folder, name, content)
    result = CliRunner().invoke(main, ["convert", str(folder), "--to", "html,docx", "-O", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert sorted(line.split(": ")[2] for line in result.stderr.splitlines()[:-1]) == [
        str(folder / "empty.txt"), str(folder / "image.txt")]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "fine.docx", "fine.html", "markup.docx", "markup.html"]


def letters_and_digits(text: str) -> Counter:
    return Counter(ch for ch in unicodedata.normalize("NFKC", text) if ch.isalnum())


def model_text(document) -> str:
    """Every text a writer must show: the blocks' (quotes' and figures' included) and the byline's."""
    return " ".join([*document_texts(document), *document.meta.byline, document.meta.dateline or ""])


@pytest.mark.parametrize("fmt", FORMATS)
@settings(settings.get_profile("writers"))
@given(document=DOCUMENT_V2)
def test_every_writer_keeps_every_letter_and_digit_of_any_model(fmt, document):
    extracted = letters_and_digits(text_of(fmt, render(document, fmt)))
    assert letters_and_digits(model_text(document)) - extracted == Counter()
