"""A list whose items carry markers: bullets (``•``, ``-``, ``*`` ...) or numbers (``1.``, ``١-``,
``(3)``, ``۲)`` ...).  One list per run of the same marker style; blank lines may stand between
items, and an unmarked line continues the item above it."""
from __future__ import annotations

from typing import Optional

from ..drafts import ListDraft
from ..lines import BLANK, DASHES, ITEM, TEXT, Line
from ..reflow import continues
from .base import Lines


def match(lines: Lines, i: int) -> Optional[ListDraft]:
    first = lines[i]
    if first.kind != ITEM or is_dash_aside(lines, i):
        return None
    items, end = [first.text], i + 1
    while end < len(lines):
        line = lines[end]
        if line.kind == ITEM and line.marker == first.marker:
            items.append(line.text)
        elif line.kind == BLANK and _next_item_after_blank(lines, end, first.marker):
            end = lines.next_content(end)
            continue
        elif line.kind == TEXT and _continues_item(lines, end, first.marker):
            items[-1] += " " + line.text
        else:
            break
        end += 1
    if len(items) < 2 and _is_loose_bullet(first) and not _introduced(lines, i):
        return None
    numerals = first.numerals
    return ListDraft(start=i, end=end, ordered=numerals is not None, items=tuple(items),
                     numerals=numerals)


def is_dash_aside(lines: Lines, i: int) -> bool:
    """A dash at the start of a line inside running text is an aside, not a list item."""
    if not _is_dash_bullet(lines[i]) or i == 0:
        return False
    previous = lines[i - 1]
    return previous.kind == TEXT and not previous.text.endswith(":")


def _is_dash_bullet(line: Line) -> bool:
    return line.marker is not None and line.marker.startswith("bullet:") and line.marker[-1] in DASHES


def _is_loose_bullet(line: Line) -> bool:
    """Dashes and asterisks also start asides and footnotes: alone, they make no list."""
    return _is_dash_bullet(line) or line.marker == "bullet:*"


def _introduced(lines: Lines, i: int) -> bool:
    j = i - 1
    while j >= 0 and lines[j].kind == BLANK:
        j -= 1
    return j >= 0 and lines[j].text.endswith(":")


def _next_item_after_blank(lines: Lines, i: int, marker: str) -> bool:
    j = lines.next_content(i)
    return j < len(lines) and lines[j].kind == ITEM and lines[j].marker == marker


def _continues_item(lines: Lines, i: int, marker: str) -> bool:
    """An unmarked line continues the item above: indented, wrapped, or followed by another item."""
    line, previous = lines[i], lines[i - 1]
    if previous.kind not in (ITEM, TEXT):
        return False
    following = lines[i + 1] if i + 1 < len(lines) else None
    sandwiched = following is not None and following.kind == ITEM and following.marker == marker
    return line.indent > 0 or sandwiched or continues(previous.text + "  ", line.text, lines.width)

