"""A list whose items carry markers: bullets (``•``, ``-``, ``*`` ...), numbers (``1.``, ``١-``,
``(3)``, ``۲)`` ...) or letters (``أ)``, ``ب-``, ``(ج)``, ``א.``).  One list per run of the same
marker style, or of numbers or letters that follow each other whatever their style (``9. `` then
``10.``); blank lines may stand between items, and an unmarked line continues the item above it."""
from __future__ import annotations

from typing import Optional

from ..drafts import ListDraft
from ..headings import CLAUSE_END
from ..lines import BLANK, DASHES, ITEM, LETTER_ORDERS, TEXT, Line
from ...text.script import DIGITS
from ..reflow import continues
from .base import Lines


def match(lines: Lines, i: int) -> Optional[ListDraft]:
    first = lines[i]
    if first.kind != ITEM or is_dash_aside(lines, i) or _lettered(first) and first.label not in _FIRST_LETTERS:
        return None
    items, end, last = [first.text], i + 1, first
    while end < len(lines):
        line = lines[end]
        if line.kind == ITEM and follows_in_list(last, line, first, adjacent=True):
            items.append(line.text)
            last = line
        elif line.kind == BLANK and _next_item_after_blank(lines, end, last, first):
            end = lines.next_content(end)
            continue
        elif line.kind == TEXT and _continues_item(lines, end, first.marker):
            items[-1] += " " + line.text
        else:
            break
        end += 1
    if len(items) < 2 and (_is_loose_bullet(first) and not _introduced(lines, i) or _lettered(first)):
        return None
    return ListDraft(start=i, end=end, ordered=not first.marker.startswith("bullet:"), items=tuple(items),
                     numerals=first.numerals)


def is_dash_aside(lines: Lines, i: int) -> bool:
    """A dash at the start of a line inside running text is an aside, not a list item; but a
    dash line followed by another is an item of a list (under a heading that was not set apart)."""
    if not _is_dash_bullet(lines[i]) or i == 0:
        return False
    previous = lines[i - 1]
    following = lines[i + 1] if i + 1 < len(lines) else None
    if following is not None and following.kind == ITEM and following.marker == lines[i].marker:
        return False
    return previous.kind == TEXT and not previous.text.endswith(":")


def follows_in_list(last: Line, line: Line, first: Line, adjacent: bool = False) -> bool:
    """The same marker as the list's first item, another bullet right under an item of a bulleted
    list (pastes mix "•" and "∙"; after a blank line a new bullet starts a new list, and a dash,
    which also starts asides, only follows dashes), or the number or letter that follows the
    last one."""
    if line.marker == first.marker:
        return True
    if _kind(line) == _kind(first) == "bullet":
        return adjacent and not (_is_dash_bullet(line) or _is_dash_bullet(first))
    return _kind(line) == _kind(last) != "bullet" and _follows(last, line)


def _kind(line: Line) -> str:
    return line.marker.split(":")[0]


def _follows(last: Line, line: Line) -> bool:
    if _kind(line) == "number":
        return _number(line.label) == _number(last.label) + 1
    return any(last.label in order and order.index(last.label) + 1 < len(order)
               and _same_letter(order[order.index(last.label) + 1], line.label) for order in LETTER_ORDERS.values())


def _number(label: str) -> int:
    for digits in DIGITS.values():
        label = label.translate(str.maketrans(digits, "0123456789"))
    return int(label)


def _same_letter(a: str, b: str) -> bool:
    return a == b or {a, b} == {"هـ", "ه"}


def _lettered(line: Line) -> bool:
    return line.marker.startswith("letter:")


_MAX_GROUP_NAME_WORDS = 6
_FIRST_LETTERS = {order[0] for order in LETTER_ORDERS.values()}


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


def _next_item_after_blank(lines: Lines, i: int, last: Line, first: Line) -> bool:
    j = lines.next_content(i)
    return j < len(lines) and lines[j].kind == ITEM and follows_in_list(last, lines[j], first)


def _continues_item(lines: Lines, i: int, marker: str) -> bool:
    """An unmarked line continues the item above: indented, wrapped, the value under an item's
    label ("- غرامة التأخير:" / "500 جنيه"), or followed (blank lines aside) by another item;
    but a line that ends with a colon introduces what follows."""
    line, previous = lines[i], lines[i - 1]
    if previous.kind not in (ITEM, TEXT) or line.text.endswith(":"):
        return False
    following = lines.next_content(i + 1) if i + 1 < len(lines) else len(lines)
    sandwiched = following < len(lines) and lines[following].kind == ITEM and lines[following].marker == marker
    labelled = previous.kind == ITEM and previous.text.endswith((":", "："))
    if sandwiched and _heads_a_group(previous, line):
        return False
    return line.indent > 0 or sandwiched or labelled or continues(previous.text + "  ", line.text, lines.width)


def _heads_a_group(previous: Line, line: Line) -> bool:
    """A short line without figures between items, under an item that ends in its figure
    ("- Autres : 3" / "Divers gauche" / "- Sièges total : 12"): the name of the next group."""
    return previous.kind == ITEM and previous.text[-1:].isdigit() and not any(ch.isdigit() for ch in line.text) \
        and len(line.text.split()) <= _MAX_GROUP_NAME_WORDS and not line.text.endswith(CLAUSE_END)

