"""A model JSON is checked against the contract's shape before use: every hostile model is one
InputError (exit 3) naming the path of the bad value, never an internal error or a document
rendered letter by letter."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsconv import parse, render
from newsconv.cli import main
from newsconv.errors import InputError
from newsconv.model import NUMERALS, Document, List, Table
from newsconv.text.script import DIGITS


def model(*blocks, lang="ar", dir="rtl") -> dict:
    return {"lang": lang, "dir": dir, "blocks": list(blocks)}


def read(data) -> Document:
    return parse(data if isinstance(data, bytes) else json.dumps(data).encode(), format="json", name="m.json")


@pytest.mark.parametrize("data, message", [
    ([], "expected a JSON object (the model), not a list"),
    ({"dir": "rtl", "blocks": []}, "missing key 'lang'"),
    (model(lang="a r\x01"), "lang: expected a BCP-47 language tag such as ar or fa-IR, not 'a r'"),
    (model(lang="x" * 300), "lang: expected a BCP-47 language tag such as ar or fa-IR, not a string"),
    (model(lang=["ar"]), "lang: expected a BCP-47 language tag"),
    (model(dir=None), "dir: expected rtl or ltr, not null"),
    ({"lang": "ar", "dir": "rtl", "blocks": "text"}, "blocks: expected a list of blocks, not 'text'"),
    (model("a heading"), "blocks[0]: expected a block (a JSON object), not 'a heading'"),
    (model({"type": "heading", "level": 2, "text": "x"}, {"text": "x"}), "blocks[1]: missing key 'type'"),
    (model({"type": "heading", "level": 1e400, "text": "x"}), "blocks[0].level: expected an integer from 1 to 3, "
                                                                "not a number"),
    (model({"type": "heading", "level": True, "text": "x"}), "blocks[0].level: expected an integer"),
    (model({"type": "heading", "level": 2.0, "text": "x"}), "blocks[0].level: expected an integer"),
    (model({"type": "paragraph", "text": ["x"]}), "blocks[0].text: expected a string, not a list"),
    (model({"type": "paragraph", "text": "x", "dir": "up"}), "blocks[0].dir: expected rtl or ltr, not 'up'"),
    (model({"type": "list", "ordered": False, "items": "abc"}), "blocks[0].items: expected a list of strings"),
    (model({"type": "list", "ordered": False, "items": ["a", 2]}), "blocks[0].items[1]: expected a string"),
    (model({"type": "list", "ordered": "yes", "items": ["a"]}), "blocks[0].ordered: expected true or false"),
    (model({"type": "list", "ordered": True, "items": ["a"], "numerals": ["latin"]}),
     "blocks[0].numerals: expected one of latin, arabic-indic, persian, not a list"),
    (model({"type": "list", "ordered": True, "items": ["a"], "numerals": "roman"}), "blocks[0].numerals"),
    (model({"type": "table", "header": [], "rows": ["ab", "cd"]}),
     "blocks[0].rows[0]: expected a row (a list of strings), not 'ab'"),
    (model({"type": "table", "header": "ab", "rows": []}), "blocks[0].header: expected a list of strings"),
    (model({"type": "table", "header": [], "rows": [["a", None]]}), "blocks[0].rows[0][1]: expected a string, "
                                                                     "not null"),
    (model({"type": "table", "header": [], "rows": [[], []]}), "blocks[0]: a table without a single cell"),
    (model({"type": "table", "header": [], "rows": []}), "blocks[0]: a table without a single cell"),
])
def test_a_model_of_the_wrong_shape_is_one_error_naming_the_path(data, message):
    with pytest.raises(InputError) as error:
        read(data)
    assert str(error.value).startswith("m.json: not a newsconv model: ")
    assert message in str(error.value)
    assert "\n" not in str(error.value) and "\x01" not in str(error.value)


def test_a_number_of_5000_digits_is_an_error():
    with pytest.raises(InputError, match="not valid JSON .*4300 digits"):
        read(b'{"lang": "ar", "dir": "rtl", "blocks": [{"type": "heading", "level": ' + b"9" * 5000 + b', "text": "x"}]}')


def test_nesting_10000_deep_is_an_error():
    with pytest.raises(InputError, match="nested too deeply"):
        read(b'{"lang": "ar", "dir": "rtl", "blocks": ' + b"[" * 10_000 + b"]" * 10_000 + b"}")


def test_nesting_inside_a_block_is_refused_at_its_path():
    with pytest.raises(InputError, match=r"blocks\[0\]\.items\[0\]: expected a string, not a list"):
        read(model({"type": "list", "ordered": False, "items": [[[["deep"]]]]}))


def test_a_lone_surrogate_loads_without_an_internal_error():
    document = read(b'{"lang": "ar", "dir": "rtl", "blocks": [{"type": "paragraph", "text": "a\\ud800b"}]}')
    assert len(document.blocks) == 1  # cleaning code points is the text layer's business, not the loader's


def test_a_model_that_is_not_utf8_names_the_byte():
    with pytest.raises(InputError, match=r"not valid utf-8-sig at byte \d+ \(line 1\)"):
        read(json.dumps(model({"type": "paragraph", "text": "نص"}), ensure_ascii=False).encode("cp1256"))


def test_a_valid_model_with_every_block_round_trips():
    data = model({"type": "heading", "level": 1, "text": "عنوان"}, {"type": "paragraph", "text": "نص", "dir": "ltr"},
                 {"type": "list", "ordered": True, "items": ["١", "٢"], "numerals": "arabic-indic"},
                 {"type": "table", "header": ["a"], "rows": [["b"], []]}, lang="fa-IR")
    data["extra"] = {"ignored": True}  # consumers ignore unknown keys (MODEL.md)
    document = read(data)
    assert isinstance(document.blocks[2], List) and isinstance(document.blocks[3], Table)
    assert document.lang == "fa-IR"


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_a_table_with_ragged_rows_renders(fmt):
    document = read(model({"type": "table", "header": ["a", "b"], "rows": [["c"], [], ["d", "e", "f"]]}))
    assert render(document, fmt)


@pytest.mark.parametrize("command", ["parse", "to-pdf", "to-docx", "to-html"])
def test_the_cli_exits_3_with_one_line(tmp_path, command):
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(model({"type": "list", "ordered": False, "items": "abc"})), encoding="utf-8")
    args = [command, str(source)] + ([] if command == "parse" else ["-o", str(tmp_path / "out")])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 3
    assert result.stderr == f"newsconv: error: {source}: not a newsconv model: blocks[0].items: expected a list " \
                            "of strings, not 'abc'\n"


def test_the_contracts_numerals_are_the_digit_sets_writers_know():
    assert set(NUMERALS) == set(DIGITS)
