"""Rendering options are checked once, when made: a bad value is one OptionError (a usage error,
exit 2) whichever writer was asked for."""
from __future__ import annotations

import io

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import newsconv
from newsconv import Document, OptionError, Paragraph, RenderOptions
from newsconv.cli import main
from newsconv.errors import EXIT

DOCUMENT = Document("ar", "rtl", (Paragraph("نص"),))


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("bad", [{"paper": "a3"}, {"date": "last Tuesday"}, {"justify": "yes"}, {"title": 7},
                                 {"font": 1.5}, {"papers": "a4"}])
def test_a_bad_option_is_the_same_typed_error_for_every_writer(fmt, bad):
    with pytest.raises(OptionError) as raised:
        newsconv.render(DOCUMENT, fmt, **bad)
    assert raised.value.exit_code == EXIT.USAGE


def test_paper_names_are_case_blind_and_size_the_pdf():
    assert RenderOptions(paper="Letter").paper == "letter"
    page = PdfReader(io.BytesIO(newsconv.render(DOCUMENT, "pdf", paper="LETTER"))).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (612.0, 792.0)


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("option", [["--paper", "a3"], ["--date", "someday"]])
def test_the_command_line_exits_2_naming_the_value(tmp_path, fmt, option):
    source = tmp_path / "a.txt"
    source.write_text("عنوان\n\nنص.\n", encoding="utf-8")
    result = CliRunner().invoke(main, [f"to-{fmt}", str(source), "-o", str(tmp_path / f"a.{fmt}"), *option])
    assert result.exit_code == EXIT.USAGE
    assert option[1] in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / f"a.{fmt}").exists()


def test_text_options_lose_the_characters_no_output_can_carry():
    assert RenderOptions(title="a\x00b", author="c\ud800").title == "ab"
