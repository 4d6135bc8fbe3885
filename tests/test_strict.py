"""--strict on every writing command: a warning becomes a failure, exit 7 (errors.EXIT.STRICT),
and to-* writes nothing; without it the same input converts with its warning."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsconv.cli import main
from newsconv.errors import EXIT

WARNED = "Title\x01 here\n\nBody \x0b text with controls.\n"  # every writer warns of the dropped controls
CLEAN = "Title\n\nBody text.\n"


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_a_warning_under_strict_is_exit_7_and_no_file(tmp_path, fmt):
    source, output = tmp_path / "a.txt", tmp_path / f"a.{fmt}"
    source.write_text(WARNED, encoding="utf-8")
    result = CliRunner().invoke(main, [f"to-{fmt}", str(source), "-o", str(output), "--strict"])
    assert result.exit_code == EXIT.STRICT == 7
    assert result.stderr.startswith(f"newsconv: error: {source}: ") and "--strict" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not output.exists() and not list(tmp_path.glob(".*.part"))


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_without_strict_the_warning_is_only_a_warning(tmp_path, fmt):
    source, output = tmp_path / "a.txt", tmp_path / f"a.{fmt}"
    source.write_text(WARNED, encoding="utf-8")
    result = CliRunner().invoke(main, [f"to-{fmt}", str(source), "-o", str(output)])
    assert result.exit_code == 0 and result.stderr.startswith("newsconv: warning: ") and output.exists()


def test_strict_without_a_warning_converts(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(CLEAN, encoding="utf-8")
    result = CliRunner().invoke(main, ["to-html", str(source), "--strict"])
    assert result.exit_code == 0 and (tmp_path / "a.html").exists()


def test_a_reader_warning_fails_too(tmp_path):
    source = tmp_path / "page.html"
    source.write_text('<meta charset="base64"><p>Some text of the article.</p>', encoding="utf-8")
    result = CliRunner().invoke(main, ["to-pdf", str(source), "--strict"])
    assert result.exit_code == 7 and "ignoring the page's charset" in result.stderr


def test_a_batch_with_a_warning_exits_7_under_strict(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "warned.txt").write_text(WARNED, encoding="utf-8")
    (folder / "clean.txt").write_text(CLEAN, encoding="utf-8")
    arguments = ["convert", str(folder), "--to", "html", "-O", str(tmp_path / "out"), "-j", "1"]
    assert CliRunner().invoke(main, arguments).exit_code == 0
    assert CliRunner().invoke(main, arguments + ["--strict"]).exit_code == 7
