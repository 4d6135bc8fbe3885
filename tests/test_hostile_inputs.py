"""Hostile inputs to the readers: special files, damaged or mixed encodings, lying HTML charsets,
tables whose spans explode, XML-looking pages.  Each ends in one error line with its exit code or
in a correct model with a warning, in bounded time (anything that could hang runs in a subprocess
with a timeout)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsconv import parse
from newsconv.cli import main
from newsconv.errors import InputError
from newsconv.model import Table
from newsconv.reading import html as html_reader

SRC = str(Path(__file__).resolve().parents[1] / "src")
TITLE, BODY = "عنوان المقال", "تواصل الحكومة جهودها لدعم الاقتصاد الوطني وتعزيز الاستقرار في البلاد."
ARTICLE = f"{TITLE}\n\n{BODY}\n\n{BODY}\n"


def newsconv(*args: str, stdin=subprocess.DEVNULL, timeout: float = 30) -> subprocess.CompletedProcess:
    """The real command in a child process, killed after ``timeout`` seconds (a hang fails the test)."""
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-m", "newsconv", *args], stdin=stdin, capture_output=True,
                          timeout=timeout, env=env)


def one_error_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsconv: error: "), lines
    return lines[0]


# --- special files ------------------------------------------------------------------------------

@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/null"])
def test_a_special_file_as_input_is_one_error_not_a_hang(tmp_path, special):
    if special == "fifo":
        special = str(tmp_path / "pipe.txt")
        os.mkfifo(special)
    result = newsconv("to-html", special, "-o", str(tmp_path / "out.html"))
    assert result.returncode == 3
    assert "not a regular file" in one_error_line(result.stderr)
    assert not (tmp_path / "out.html").exists()


def test_a_directory_as_input(tmp_path):
    result = CliRunner().invoke(main, ["to-html", str(tmp_path), "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 3 and "is a directory" in result.stderr


def test_endless_standard_input_is_capped():
    with open("/dev/zero", "rb") as zero:
        result = newsconv("to-html", "-", "-o", os.devnull, stdin=zero)
    assert result.returncode == 3
    assert "larger than 32 MiB" in one_error_line(result.stderr)


def test_standard_input_from_a_pipe_still_works():
    result = subprocess.run([sys.executable, "-m", "newsconv", "to-html", "-", "--fragment"],
                            input=ARTICLE.encode(), capture_output=True, timeout=30, env={**os.environ, "PYTHONPATH": SRC})
    assert result.returncode == 0 and TITLE in result.stdout.decode()


def test_an_input_over_the_cap_is_refused(tmp_path, monkeypatch):
    from newsconv import reading

    monkeypatch.setattr(reading, "MAX_INPUT_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 20, encoding="utf-8")
    with pytest.raises(InputError, match="larger than"):
        parse(big)


# --- never a silent mojibake --------------------------------------------------------------------

def test_one_invalid_byte_in_utf8_arabic_is_named_with_its_offset_and_line():
    data = ARTICLE.encode() + "فقرة أخيرة ".encode() + b"\xff" + " تنتهي هنا.\n".encode()
    with pytest.raises(InputError) as error:
        parse(data, name="a.txt")
    offset = data.index(b"\xff")
    assert f"invalid UTF-8 at byte {offset} (line 6)" in str(error.value)
    assert "--encoding" in str(error.value)


def test_a_file_that_turns_from_utf8_to_windows_1256_is_refused_where_it_turns():
    head = ARTICLE.encode()
    data = head + "فقرة ثانية بترميز ويندوز العربي.\n".encode("cp1256")
    with pytest.raises(InputError, match=f"at byte {len(head)} \\(line 6\\)"):
        parse(data)


def test_windows_1256_alone_is_still_detected():
    assert parse(ARTICLE.encode("cp1256")).blocks[0].text == TITLE


@pytest.mark.parametrize("codec", ["rot13", "base64", "zlib", "hex", "punycode", "undefined", "unicode_escape", "idna"])
def test_a_non_text_codec_is_a_clear_error(tmp_path, codec):
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["to-html", str(source), "--encoding", codec, "-o", str(tmp_path / "a.html")])
    assert result.exit_code == 3
    assert f"not a text encoding '{codec}'" in one_error_line(result.stderr_bytes)


def test_a_forced_encoding_that_fails_names_the_line(tmp_path):
    with pytest.raises(InputError, match=r"not valid utf-8 at byte 15 \(line 4\)"):
        parse(f"Title\n\nEnglish\n{BODY}".encode("cp1256"), encoding="utf-8")


def page(charset: str, text: str = BODY) -> str:
    return (f'<html><head><meta charset="{charset}"></head><body><article><h1>{TITLE}</h1><p>{text}</p>'
            "</article></body></html>")


@pytest.mark.parametrize("charset, encoding", [("windows-1256", "utf-8"), ("utf-8", "cp1256"),
                                               ("iso-8859-1", "cp1256")])
def test_a_page_whose_meta_charset_lies_is_read_right_with_a_warning(charset, encoding, caplog):
    document = parse(page(charset).encode(encoding), format="html")
    assert document.blocks[0].text == TITLE and document.blocks[1].text == BODY
    assert "the page declares" in caplog.text


def test_a_page_whose_meta_charset_is_right_gives_no_warning(caplog):
    assert parse(page("windows-1256").encode("cp1256"), format="html").blocks[0].text == TITLE
    assert caplog.text == ""


@pytest.mark.parametrize("charset", ["base64", "rot13", "utf-7", "unicode_escape", "klingon"])
def test_a_meta_charset_naming_no_web_encoding_is_ignored_with_a_warning(tmp_path, charset):
    source = tmp_path / "page.html"
    source.write_bytes(page(charset).encode("utf-8"))
    result = CliRunner().invoke(main, ["to-html", str(source), "-o", str(tmp_path / "out.html")])
    assert result.exit_code == 0
    assert result.stderr.startswith("newsconv: warning: ") and "ignoring the page's charset" in result.stderr
    assert BODY in (tmp_path / "out.html").read_text(encoding="utf-8")


def test_a_damaged_utf8_page_is_an_error_not_mojibake():
    data = page("utf-8").encode().replace("الوطني".encode(), b"\xff")
    with pytest.raises(InputError, match="invalid UTF-8 at byte"):
        parse(data, format="html")


# --- the HTML reader's bounds -------------------------------------------------------------------

def test_spans_that_multiply_into_a_huge_grid_are_ignored_with_a_warning(caplog):
    rows = "".join('<tr><td colspan="1000" rowspan="1000">x</td></tr>' for _ in range(400))
    markup = f"<html><body><p>Text before the table.</p><table>{rows}</table></body></html>"
    assert len(markup) < 20_000
    tables = [b for b in parse(markup.encode(), format="html").blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 400 and tables[0].column_count == 1
    assert "spans ignored" in caplog.text


def test_the_span_cap_counts_only_what_spans_add(caplog, monkeypatch):
    monkeypatch.setattr(html_reader, "MAX_SPANNED_CELLS", 10)
    rows = "".join(f"<tr><td>{n}</td><td>x</td></tr>" for n in range(100))
    table = next(b for b in parse(f"<table>{rows}</table>".encode(), format="html").blocks if isinstance(b, Table))
    assert len(table.rows) + (1 if table.header else 0) == 100 and caplog.text == ""
    spanned = '<tr><td colspan="20">wide</td></tr>' + rows
    parse(f"<table>{spanned}</table>".encode(), format="html")
    assert "spans ignored" in caplog.text


def test_a_page_of_too_many_elements_is_refused_before_parsing():
    with pytest.raises(InputError, match="a page of 1,000,000 elements, more than the 200,000"):
        parse(("<p>a</p>" * 1_000_000).encode(), format="html")


def test_nesting_deeper_than_python_can_walk_is_one_error(tmp_path):
    source = tmp_path / "deep.html"
    source.write_text("<p>" + "<b>" * 50_000 + "text" + "</b>" * 50_000 + "</p>", encoding="utf-8")
    result = newsconv("parse", str(source), timeout=60)
    assert result.returncode == 3 and "nested too deeply" in one_error_line(result.stderr)


def test_spans_are_clamped_to_htmls_own_limits():
    markup = '<table><tr><td colspan="99999">a</td><td>b</td></tr><tr><td>c</td></tr></table>'
    table = next(b for b in parse(markup.encode(), format="html").blocks if isinstance(b, Table))
    assert table.column_count == 1001


def test_ordinary_spans_still_line_up():
    markup = ('<table><tr><th>a</th><th colspan="2">b</th></tr><tr><td rowspan="2">x</td><td>y</td><td>z</td></tr>'
              "<tr><td>p</td><td>q</td></tr></table>")
    table = next(b for b in parse(markup.encode(), format="html").blocks if isinstance(b, Table))
    assert table.header == ("a", "b", "") and table.rows == (("x", "y", "z"), ("", "p", "q"))


@pytest.mark.parametrize("markup", [
    '<?xml version="1.0" encoding="UTF-8"?>\n<article><title>Hello</title><p>Some article text.</p></article>',
    "https://example.com/some/article",
])
def test_no_library_warning_reaches_the_user(tmp_path, markup):
    source = tmp_path / "page.html"
    source.write_text(markup, encoding="utf-8")
    result = newsconv("parse", str(source))
    assert result.returncode == 0
    assert all(line.startswith("newsconv: warning: ") for line in result.stderr.decode().splitlines())
    assert b"bs4" not in result.stderr and b"Warning:" not in result.stderr


# --- text options from the shell -----------------------------------------------------------------

@pytest.mark.parametrize("option", ["--title", "--author", "--date", "--lang"])
@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_non_utf8_bytes_in_a_text_option_are_a_usage_error(tmp_path, option, fmt):
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    value = os.fsdecode(b"\xff\xfeTitle")  # what Python makes of argv bytes that are not UTF-8
    result = CliRunner().invoke(main, [f"to-{fmt}", str(source), "-o", str(tmp_path / "o"), option, value])
    assert result.exit_code == 2
    assert f"Invalid value for '{option}': not valid UTF-8 text (byte 0xFF)" in result.stderr
    assert not (tmp_path / "o").exists()


def test_non_utf8_bytes_from_a_real_shell(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "newsconv", "to-pdf", str(source), "-o", str(tmp_path / "o"),
                             b"--title", b"\xff\xfeTitle"], capture_output=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": SRC})
    assert result.returncode == 2 and b"not valid UTF-8 text (byte 0xFF)" in result.stderr


@pytest.mark.parametrize("lang", ["a\x01r", "ar EG", "", "x" * 9])
def test_a_lang_that_is_no_language_tag_is_a_usage_error(tmp_path, lang):
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(source), "--lang", lang])
    assert result.exit_code == 2 and "not a language tag" in result.stderr


def test_an_html_lang_attribute_that_is_no_tag_is_ignored():
    document = parse(f'<html lang="a&#1;r"><body><p>{BODY}</p></body></html>'.encode(), format="html")
    assert document.lang == "ar"  # from the letters, not the markup


def test_a_codec_that_fails_without_an_offset_is_still_an_input_error():
    with pytest.raises(InputError, match="not valid utf-7"):
        parse("نص".encode() + b"+\xff", encoding="utf-7")


@pytest.mark.parametrize("name", ["new\nline.txt", "esc\x1b[31mape.txt", "tab\there.txt", "para\u2029graph.txt"])
def test_a_file_name_with_controls_still_gives_one_error_line(tmp_path, name):
    source = tmp_path / name
    source.write_bytes(b"")
    result = CliRunner().invoke(main, ["to-html", str(source), "-o", str(tmp_path / "out.html")])
    assert result.exit_code == 3
    assert len(result.stderr.splitlines()) == 1 and "\x1b" not in result.stderr
    assert repr(name)[1:-1].split("\\")[0] in result.stderr


def test_a_file_name_that_is_not_utf8_is_shown_by_its_bytes(tmp_path):
    source = os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9.txt")
    result = CliRunner().invoke(main, ["to-html", source])
    assert result.exit_code == 3 and "caf\\xe9.txt: no such file" in result.stderr


def test_messages_keep_their_letters():
    from newsconv.cli import one_line

    assert one_line("مقال.txt: لا يوجد") == "مقال.txt: لا يوجد"
    assert one_line("a\nb\x00c") == "a\\nb\\x00c"
