"""One line of a raw article, classified by what its start and its separators say it is.

Classification looks at a line alone; whether a run of such lines really forms a list or
a table is decided later by the block rules, which see the neighbours.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..text.script import DIGITS

BLANK, HEADING, RULE, ITEM, TAB_ROW, PIPE_ROW, SPACED_ROW, TEXT = (
    "blank", "heading", "rule", "item", "tab_row", "pipe_row", "spaced_row", "text")

BULLETS = "•·▪◦●■▫►‣⁃"
DASHES = "-–—"
_BULLET = re.compile(rf"^([{re.escape(BULLETS + '*' + DASHES)}])\s+(?=\S)")
_NUMBERED = [
    (system, re.compile(rf"^(\(?)([{digits}]{{1,3}})\s*([.)\-–]|\))\s+(?=\S)"))
    for system, digits in DIGITS.items()
]
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$|^(\*\s*){3,}$|^(_\s*){3,}$|^=+$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?$|^\|\s*:?-{3,}:?\s*\|$")
_SPACED_GAP = re.compile(r"\s{2,}")


@dataclass(frozen=True)
class Line:
    """A classified line: ``kind``, its text without marker or indent, and what it carries.

    ``marker`` is the list style ("bullet:•", "number:arabic-indic:." ...) for items,
    ``cells`` the split cells for table rows, ``level`` the markdown heading level;
    ``source`` is the whole line, marker included, for when a rule decides it is plain text.
    """

    kind: str
    text: str
    indent: int = 0
    marker: Optional[str] = None
    cells: tuple[str, ...] = ()
    level: int = 0
    source: str = ""

    @property
    def numerals(self) -> Optional[str]:
        return self.marker.split(":")[1] if self.marker and self.marker.startswith("number:") else None


def classify(raw: str) -> Line:
    """Classify one line of text (without its line end)."""
    stripped = raw.strip()
    indent = len(raw) - len(raw.lstrip())
    if not stripped:
        return Line(BLANK, "")
    heading = _MD_HEADING.match(stripped)
    if heading:
        return Line(HEADING, heading.group(2), indent, level=min(len(heading.group(1)), 3), source=stripped)
    if _TABLE_RULE.match(stripped):
        return Line(RULE, stripped, indent, marker="table", source=stripped)
    if _RULE.match(stripped):
        return Line(RULE, stripped, indent, source=stripped)
    item = _list_item(stripped, indent)
    if item:
        return item
    return _table_row(stripped, indent) or Line(TEXT, stripped, indent, source=stripped)


def _list_item(stripped: str, indent: int) -> Optional[Line]:
    bullet = _BULLET.match(stripped)
    if bullet:
        return Line(ITEM, stripped[bullet.end():], indent, marker=f"bullet:{bullet.group(1)}", source=stripped)
    for system, pattern in _NUMBERED:
        number = pattern.match(stripped)
        if number and _balanced_parenthesis(number.group(1), number.group(3)):
            style = "()" if number.group(1) else number.group(3)
            return Line(ITEM, stripped[number.end():], indent, marker=f"number:{system}:{style}", source=stripped)
    return None


def _balanced_parenthesis(opening: str, closing: str) -> bool:
    return not opening or closing == ")"


def _table_row(stripped: str, indent: int) -> Optional[Line]:
    if "\t" in stripped:
        cells = tuple(c.strip() for c in stripped.split("\t"))
        if len(cells) >= 2:
            return Line(TAB_ROW, stripped, indent, cells=cells, source=stripped)
    if "|" in stripped:
        inner = stripped[1:] if stripped.startswith("|") else stripped
        inner = inner[:-1] if inner.endswith("|") else inner
        cells = tuple(c.strip() for c in inner.split("|"))
        if len(cells) >= 2:
            return Line(PIPE_ROW, stripped, indent, cells=cells, source=stripped)
    cells = tuple(_SPACED_GAP.split(stripped))
    if len(cells) >= 2:
        return Line(SPACED_ROW, stripped, indent, cells=cells, source=stripped)
    return None
