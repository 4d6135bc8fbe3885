"""Options are checked once, in RenderOptions: every writer meets the same typed error."""
from __future__ import annotations

import logging

import pytest
from click.testing import CliRunner

import newsconv
from newsconv.cli import main
from newsconv.errors import EXIT, UsageError
from newsconv.options import RenderOptions

DOC = newsconv.parse("عنوان\n\nنص المقال.\n")


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
@pytest.mark.parametrize("option", [{"paper": "a6"}, {"digits": "roman"}, {"justify": "both"}, {"colour": "red"}])
def test_a_bad_option_is_the_same_usage_error_for_every_writer(fmt, option):
    with pytest.raises(UsageError):
        newsconv.render(DOC, fmt, **option)


def test_every_paper_the_style_knows_is_accepted_by_every_writer():
    for paper in ("a3", "a5", "legal", "letter"):
        for fmt in ("pdf", "docx", "html"):
            assert newsconv.render(DOC, fmt, paper=paper)


def test_a_bad_paper_on_the_command_line_is_exit_2(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("عنوان\n\nنص.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["to-pdf", str(article), "--paper", "a6", "-o", str(tmp_path / "a.pdf")])
    assert result.exit_code == EXIT.USAGE


def test_control_characters_in_metadata_are_removed_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="newsconv"):
        options = RenderOptions(title="Tit\x07le", author="De\ud800sk")
    assert (options.title, options.author) == ("Title", "Desk")
    assert [r.getMessage()[:7] for r in caplog.records] == ["--title", "--autho"]
    assert newsconv.render(DOC, "docx", options) and newsconv.render(DOC, "pdf", options)
