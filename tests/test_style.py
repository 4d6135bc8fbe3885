"""The house style file: what it sets, and how a mistake in it is reported."""
from __future__ import annotations

import pytest

from newsconv.errors import InputError
from newsconv.style import DEFAULT_STYLE, expand, load_style

HOUSE = """\
[publication]
name = "الصحيفة اليومية"
logo = "logo.png"

[header]
text = "{publication} · {date}"

[footer]
text = "{page} / {pages}"

[numbers]
digits = "latin"

[body]
size = 13
justify = true

[fonts]
arabic = "house.ttf"
"""


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "house.ttf").write_bytes(b"\x00\x01\x00\x00")
    return tmp_path


def write(folder, text):
    path = folder / "house.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_issue_example_sets_every_field_it_names(folder):
    style = load_style(write(folder, HOUSE))
    assert style.publication == "الصحيفة اليومية"
    assert style.logo == str((folder / "logo.png").resolve())
    assert (style.header, style.footer) == ("{publication} · {date}", "{page} / {pages}")
    assert (style.digits, style.body_size, style.justify) == ("latin", 13.0, True)
    assert style.font_for("arabic") == str((folder / "house.ttf").resolve())
    assert style.font_for("hebrew") is None
    assert style.paper == DEFAULT_STYLE.paper and style.margin_top == DEFAULT_STYLE.margin_top


@pytest.mark.parametrize("text, line, words", [
    ("[body]\nsize = 13\njustfy = true\n", 3, "unknown key body.justfy"),
    ("[bdy]\nsize = 13\n", 1, "unknown table [bdy]"),
    ("[body]\n\nsize = \"big\"\n", 3, "body.size = 'big'"),
    ("[body]\nsize = 400\n", 2, "from 4 to 96"),
    ("[header]\ntext = \"{publisher}\"\n", 2, "placeholders"),
    ("[numbers]\ndigits = \"roman\"\n", 2, "auto, latin, arabic-indic, persian"),
    ("[publication]\nname = \"x\"\nlogo = \"missing.png\"\n", 3, "PNG or JPEG"),
    ("[body]\njustify = \"yes\"\n", 2, "kashida"),
    ("[body]\ncolour = \"red\"\n", 2, "#rrggbb"),
    ("[header]\ntext = \"a\"\n[body]\nsize = true\n", 4, "body.size"),
])
def test_a_mistake_names_the_file_the_line_and_the_key(folder, text, line, words):
    path = write(folder, text)
    with pytest.raises(InputError) as caught:
        load_style(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ") and words in message


def test_justify_takes_kashida(folder):
    assert load_style(write(folder, '[body]\njustify = "kashida"\n')).justify == "kashida"


def test_not_toml_is_an_input_error(folder):
    with pytest.raises(InputError, match="not a valid TOML"):
        load_style(write(folder, "[body\nsize=1"))


def test_placeholders_expand_and_unknown_values_stay_empty():
    assert expand("{publication} · {date}", {"publication": "Al-Yawm", "date": "2024-05-12"}) == "Al-Yawm · 2024-05-12"
    assert expand("{page} / {pages}", {"page": "3"}) == "3 / "
