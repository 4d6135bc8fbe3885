"""The model's JSON is the contract of `parse --json`: exact round trips and clear refusals."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from newsconv.model import Document, List, Table
from strategies import DOCUMENT

SEED = Path(__file__).parent.parent / "fixtures" / "articles" / "ar-seed.json"


def test_seed_json_round_trips_exactly():
    data = json.loads(SEED.read_text(encoding="utf-8"))
    assert Document.from_json(data).to_json() == data


@given(DOCUMENT)
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
    ({"lang": "ar", "dir": "rtl", "blocks": [{"type": "figure"}]}, r"^blocks\[0\]\.type: expected heading, paragraph"),
    ({"lang": "ar", "dir": "rtl", "blocks": [{"type": "heading", "level": 7, "text": "x"}]},
     r"^blocks\[0\]\.level: expected an integer from 1 to 3, not 7"),
    ({"lang": "ar", "dir": "rtl", "blocks": [{"type": "paragraph", "text": 3}]}, r"^blocks\[0\]\.text: expected a string"),
])
def test_bad_models_are_refused(data, message):
    with pytest.raises(ValueError, match=message):
        Document.from_json(data)
