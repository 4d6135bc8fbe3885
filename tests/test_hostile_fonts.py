"""A truncated or damaged --font is a FontError (exit 5) with one line, for the PDF and the DOCX
alike, found once by fonts.check_font before any writer uses the file."""
from __future__ import annotations

import os
import random

import pytest
from click.testing import CliRunner

from newsconv import fonts
from newsconv.cli import main
from newsconv.errors import FontError
from newsconv.text.script import ARABIC, HEBREW, LATIN

AMIRI = fonts.bundled_font(ARABIC).read_bytes()


def truncated(data: bytes) -> bytes:
    return data[:len(data) - 100]


def zeroed(data: bytes) -> bytes:
    middle = len(data) // 3
    return data[:middle] + bytes(4096) + data[middle + 4096:]


def scrambled(data: bytes) -> bytes:
    damaged, chance = bytearray(data), random.Random(15)
    for _ in range(50):
        damaged[chance.randrange(2000, len(data))] ^= 0x5A
    return bytes(damaged)


@pytest.mark.parametrize("damage, message", [
    (lambda data: data[:len(data) // 2], "a truncated font"),
    (truncated, "a truncated font (table 'GSUB' runs past the end of the file)"),
    (lambda data: data[:1024], "a truncated font"),
    (zeroed, "a damaged font (table 'glyf' fails its checksum)"),
    (scrambled, "fails its checksum"),
    (lambda data: b"not a font " * 100, "not a usable TrueType/OpenType font"),
    (lambda data: b"", "not a usable TrueType/OpenType font"),
], ids=["half", "last-100-bytes", "1k", "zeroed", "scrambled", "text", "empty"])
@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_damaged_font_is_exit_5_and_one_line(tmp_path, fmt, damage, message):
    font = tmp_path / "font.ttf"
    font.write_bytes(damage(AMIRI))
    source = tmp_path / "a.txt"
    source.write_text("عنوان\n\nنص المقال.\n", encoding="utf-8")
    output = tmp_path / f"a.{fmt}"
    result = CliRunner().invoke(main, [f"to-{fmt}", str(source), "-o", str(output), "--font", str(font)])
    assert result.exit_code == 5, result.stderr
    assert result.stderr.startswith(f"newsconv: error: {font}: ") and message in result.stderr
    assert len(result.stderr.splitlines()) == 1 and not output.exists()


def test_a_fifo_as_the_font_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "font.ttf"
    os.mkfifo(fifo)
    with pytest.raises(FontError, match="not a regular file"):
        fonts.check_font(str(fifo))


def test_every_bundled_font_passes_the_check():
    for script in (ARABIC, HEBREW, LATIN):
        assert fonts.family_name(str(fonts.bundled_font(script)))
