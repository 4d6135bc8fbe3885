"""Well-formedness of the fixture corpus in fixtures/articles/ (NAME.txt + NAME.json pairs).

Checks the expected models against ../shared/MODEL.md and against their own .txt: this is not a parser test.
Each .txt is decoded with the encoding that fixtures/articles/MANIFEST.md states for it, and every letter,
mark and digit of it (list markers and markdown heading marks aside) must appear in the JSON's texts, in order,
and nothing else may.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
MANIFEST = ARTICLES / "MANIFEST.md"

RTL_LANGS = {"ar", "fa", "ur", "he"}
LANGS = RTL_LANGS | {"en", "fr"}
NUMERALS = {"latin": "0123456789", "arabic-indic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}
BLOCK_KEYS = {
    "heading": ({"type", "level", "text"}, {"dir"}),
    "paragraph": ({"type", "text"}, {"dir"}),
    "list": ({"type", "ordered", "items"}, {"dir", "numerals"}),
    "table": ({"type", "header", "rows"}, {"dir"}),
}
# A manifest row: | `NAME` | lang | encoding | line ends | forms |
ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|\s*(\w+)\s*\|\s*([\w+-]+)\s*\|\s*(LF|CRLF|CR)\s*\|(.*)\|\s*$")
# Ordered-list markers at the start of a line: 1.  1)  1-  (1)  in any decimal digits (Latin, Arabic-Indic,
# Persian). Punctuation must be followed by whitespace, so "2.5 million" at a line start is not a marker.
ORDERED_MARKER = re.compile(r"^[ \t]*(?:\((\d+)\)|(\d+)[.)\-])[ \t]+")
MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")


def manifest() -> dict[str, tuple[str, str, str, str]]:
    rows = {}
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            name, lang, enc, eol, forms = (g.strip() for g in m.groups())
            assert name not in rows, f"{name} listed twice in MANIFEST.md"
            rows[name] = (lang, enc, eol, forms)
    return rows


MANIFEST_ROWS = manifest()
NAMES = sorted(MANIFEST_ROWS)


def decode(raw: bytes, enc: str) -> str:
    if enc == "utf-8":
        assert not raw.startswith(b"\xef\xbb\xbf"), "BOM in a file listed as utf-8 without BOM"
        return raw.decode("utf-8")
    if enc == "utf-8-sig":
        assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 BOM"
        return raw[3:].decode("utf-8")
    if enc == "utf-16le+bom":
        assert raw.startswith(b"\xff\xfe"), "no UTF-16 LE BOM"
        return raw[2:].decode("utf-16-le")
    if enc == "utf-16be+bom":
        assert raw.startswith(b"\xfe\xff"), "no UTF-16 BE BOM"
        return raw[2:].decode("utf-16-be")
    if enc in ("cp1256", "cp1255"):
        with pytest.raises(UnicodeDecodeError):  # a legacy file must really be legacy, not UTF-8
            raw.decode("utf-8")
        return raw.decode(enc)
    raise AssertionError(f"unknown encoding {enc!r} in MANIFEST.md")


def significant(text: str) -> str:
    """Letters, marks and digits (categories L*, M*, N*) of a text, in order, after NFC."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c)[0] in "LMN")


def texts(model: dict) -> list[str]:
    out = []
    for b in model["blocks"]:
        if b["type"] in ("heading", "paragraph"):
            out.append(b["text"])
        elif b["type"] == "list":
            out.extend(b["items"])
        else:
            out.extend(b["header"])
            for row in b["rows"]:
                out.extend(row)
    return out


def check_text(s, where):
    assert isinstance(s, str), f"{where}: not a string"
    assert s == unicodedata.normalize("NFC", s), f"{where}: not NFC"
    assert s == " ".join(s.split()), f"{where}: whitespace not collapsed/trimmed: {s!r}"


def test_manifest_lists_exactly_the_fixture_pairs():
    txt = {p.stem for p in ARTICLES.glob("*.txt")}
    js = {p.stem for p in ARTICLES.glob("*.json")}
    assert txt == js, f"unpaired: {sorted(txt ^ js)}"
    assert set(MANIFEST_ROWS) == txt, f"manifest vs files: {sorted(set(MANIFEST_ROWS) ^ txt)}"


@pytest.mark.parametrize("name", NAMES)
def test_model_obeys_contract(name):
    lang, _enc, _eol, _forms = MANIFEST_ROWS[name]
    model = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
    assert set(model) == {"lang", "dir", "blocks"}
    assert model["lang"] == lang and lang in LANGS
    assert model["dir"] == ("rtl" if lang in RTL_LANGS else "ltr")
    blocks = model["blocks"]
    assert isinstance(blocks, list) and blocks
    assert blocks[0]["type"] == "heading" and blocks[0]["level"] == 1, "the title comes first, level 1"
    for i, b in enumerate(blocks):
        where = f"{name} block {i}"
        required, optional = BLOCK_KEYS[b["type"]]
        assert required <= set(b) <= required | optional, f"{where}: keys {sorted(b)}"
        if "dir" in b:
            assert b["dir"] in ("rtl", "ltr") and b["dir"] != model["dir"], f"{where}: dir only where it differs"
        if b["type"] in ("heading", "paragraph"):
            check_text(b["text"], where)
            assert b["text"], f"{where}: empty text"
        if b["type"] == "heading":
            assert b["level"] in (1, 2, 3) and not isinstance(b["level"], bool), where
        elif b["type"] == "list":
            assert isinstance(b["ordered"], bool), where
            assert isinstance(b["items"], list) and b["items"], f"{where}: empty list"
            for it in b["items"]:
                check_text(it, where)
                assert it, f"{where}: empty item"
            if b["ordered"]:
                assert b.get("numerals") in NUMERALS, f"{where}: ordered list needs numerals"
            else:
                assert "numerals" not in b, f"{where}: numerals on a bullet list"
        elif b["type"] == "table":
            assert isinstance(b["header"], list) and isinstance(b["rows"], list) and b["rows"], where
            ncols = len(b["rows"][0])
            assert ncols >= 2, f"{where}: a table has at least two columns"
            assert b["header"] == [] or len(b["header"]) == ncols, f"{where}: header width"
            for row in b["rows"]:
                assert isinstance(row, list) and len(row) == ncols, f"{where}: ragged row {row}"
            for cell in b["header"] + [c for r in b["rows"] for c in r]:
                check_text(cell, where)


@pytest.mark.parametrize("name", NAMES)
def test_text_and_model_hold_the_same_letters_and_digits(name):
    _lang, enc, eol, _forms = MANIFEST_ROWS[name]
    raw = (ARTICLES / f"{name}.txt").read_bytes()
    text = decode(raw, enc)
    if eol == "LF":
        assert "\n" in text and "\r" not in text
    elif eol == "CRLF":
        assert "\r\n" in text and "\r" not in text.replace("\r\n", "") and "\n" not in text.replace("\r\n", "")
    else:
        assert "\r" in text and "\n" not in text
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    model = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))

    markers, kept = [], []
    for line in lines:
        line = MD_HEADING.sub("", line)
        m = ORDERED_MARKER.match(line)
        if m:
            markers.append(m.group(1) or m.group(2))
            line = line[m.end():]
        kept.append(line)
    got, want = significant("\n".join(kept)), significant("".join(texts(model)))
    if got != want:
        i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
        pytest.fail(f"{name}: letters differ at {i}: txt …{got[max(0, i - 30):i + 30]!r} "
                    f"vs json …{want[max(0, i - 30):i + 30]!r}")

    # Every ordered-list marker of the text belongs to an ordered item of the model, in the declared digits.
    declared = [b["numerals"] for b in model["blocks"] if b["type"] == "list" and b["ordered"]
                for _ in b["items"]]
    assert len(markers) == len(declared), f"{name}: {len(markers)} numbered lines vs {len(declared)} ordered items"
    for digits, numerals in zip(markers, declared):
        assert all(d in NUMERALS[numerals] for d in digits), f"{name}: marker {digits!r} is not {numerals}"
