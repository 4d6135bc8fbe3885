"""The forms a pasted article takes, as data: every case in tests/cases/*.txt parses to its outline.

A case file holds cases in markdown-it's fixture style, so an editor can read and add them
without Python: a title line, then ``.``, the article, ``.``, the expected outline, ``.``;
blank lines between cases.  The outline has one line per block (and per item or row):

    lang ar rtl                  the document's language and direction
    # Title / ## Deck            a heading, one ``#`` per level
    ¶ text                       a paragraph
    list bulleted                a list, then its items as ``- item``
    list numbered latin          (numbered: its numerals, when known)
    table                        a table, then its rows as ``| a | b |``, ``|---|`` under a header
    ¶ [ltr] text                 a block's direction, where it differs from the document's
"""
from __future__ import annotations

from pathlib import Path

import pytest

from newsconv.model import Document, Heading, List, Paragraph, as_version_1
from newsconv.reading.article import parse_text

CASES = Path(__file__).parent / "cases"


def read_cases(path: Path):
    """(title, article, outline) for each case of a case file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title = lines[i]
        if i + 1 >= len(lines) or lines[i + 1] != ".":
            raise ValueError(f"{path.name}:{i + 2}: a '.' line must follow the title {title!r}")
        article, i = _section(lines, i + 2, path)
        expected, i = _section(lines, i, path)
        yield title, article, expected


def _section(lines: list[str], start: int, path: Path) -> tuple[str, int]:
    """The lines from ``start`` up to the next '.' line, and the index after that line."""
    end = start
    while end < len(lines) and lines[end] != ".":
        end += 1
    if end == len(lines):
        raise ValueError(f"{path.name}:{start + 1}: a case section has no closing '.' line")
    return "\n".join(lines[start:end]), end + 1


def outline(document: Document) -> str:
    """The compact outline the case files are written in."""
    out = [f"lang {document.lang} {document.dir}"]
    for block in document.blocks:
        mark = f"[{block.dir}] " if block.dir else ""
        if isinstance(block, Heading):
            out.append(f"{'#' * block.level} {mark}{block.text}")
        elif isinstance(block, Paragraph):
            out.append(f"¶ {mark}{block.text}")
        elif isinstance(block, List):
            kind = f"numbered {block.numerals}" if block.ordered and block.numerals else \
                "numbered" if block.ordered else "bulleted"
            out.append(f"list {mark}{kind}".rstrip())
            out.extend(f"- {item}" for item in block.items)
        else:
            out.append(f"table {mark}".rstrip())
            rows = ([block.header, ("---",)] if block.header else []) + list(block.rows)
            out.extend("| " + " | ".join(row) + " |" if row != ("---",) else "|---|" for row in rows)
    return "\n".join(out)


def cases():
    for path in sorted(CASES.glob("*.txt")):
        for title, article, expected in read_cases(path):
            yield pytest.param(article, expected, id=f"{path.stem}: {title}")


@pytest.mark.parametrize("article, expected", list(cases()))
def test_case(article, expected):
    # The version-1 view: a byline or dateline the reader moved to meta stays where it stood.
    assert outline(as_version_1(parse_text(article))) == expected


def test_every_case_file_parses_and_titles_are_unique():
    for path in CASES.glob("*.txt"):
        titles = [title for title, _, _ in read_cases(path)]
        assert titles and len(titles) == len(set(titles)), path.name
