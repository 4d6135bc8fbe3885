"""`newsconv parse`: the model as JSON or an outline, from a file or stdin, and one-line errors."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsconv.cli import main
from newsconv.model import Document

ARTICLES = Path(__file__).parent.parent / "fixtures" / "articles"

SEED = ARTICLES / "ar-seed.txt"


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


def test_parse_json_prints_the_expected_model():
    result = run("parse", str(SEED), "--json")
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed["version"] == 2
    assert Document.from_json(printed).to_json(version=1) == \
        json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))


def test_parse_json_prints_version_1_on_request():
    result = run("parse", str(SEED), "--json", "--model-version", "1")
    assert json.loads(result.stdout) == json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))


def test_parse_reads_stdin_and_a_model_json_back(tmp_path):
    from_stdin = run("parse", "-", "--json", stdin=SEED.read_bytes())
    model = tmp_path / "seed.json"
    model.write_text(from_stdin.stdout, encoding="utf-8")
    assert json.loads(run("parse", str(model), "--json").stdout) == json.loads(from_stdin.stdout)


def test_outline_shows_the_structure():
    lines = run("parse", str(SEED)).stdout.splitlines()
    assert lines[0] == "lang=ar dir=rtl blocks=13"
    assert lines[1].startswith("# بوتين يعلن")
    assert "table 4 rows x 2 columns, with header" in lines


def test_lang_and_dir_overrides():
    model = json.loads(run("parse", str(SEED), "--json", "--lang", "fa", "--dir", "ltr").stdout)
    assert (model["lang"], model["dir"]) == ("fa", "ltr")


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    ("dir", "is a directory"),
    (b"", "the article is empty"),
    (b"  \n\t\n \r\n", "the article is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "a binary file"),
    (b"q\xc7\xe1\xd9z \xe9\xe8\xea\xeb\xc8 a\xe1b\xe2c", "cannot tell the text encoding"),
    (b'{"lang": "ar"}', "not a newsconv model"),
])
def test_bad_input_is_one_line_on_stderr_and_exit_1(tmp_path, content, message):
    path = tmp_path / ("article.json" if content == b'{"lang": "ar"}' else "article.txt")
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    result = run("parse", str(path), "--json")
    assert result.exit_code == 3
    assert result.stderr == f"newsconv: error: {path}: {message}" + result.stderr.split(message, 1)[1]
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_the_real_command_prints_no_traceback(tmp_path):
    missing = tmp_path / "missing.txt"
    done = subprocess.run([sys.executable, "-m", "newsconv", "parse", str(missing)], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (3, f"newsconv: error: {missing}: no such file\n")
