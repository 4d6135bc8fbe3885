"""One line of a raw article, classified by what its start and its separators say it is.

Classification looks at a line alone; whether a run of such lines really forms a list or
a table is decided later by the block rules, which see the neighbours.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..text.script import DIGITS

BLANK, HEADING, RULE, ITEM, TAB_ROW, PIPE_ROW, SEMICOLON_ROW, SPACED_ROW, TEXT = (
    "blank", "heading", "rule", "item", "tab_row", "pipe_row", "semicolon_row", "spaced_row", "text")
MIN_SEMICOLON_CELLS = 3  # "Albany, NY;74;58;61": data exported with semicolons, not a sentence's two clauses

BULLETS = "•·∙⋅▪◦●■▫►‣⁃○◆◇♦✓✔➢➤▶→✅🔹🔸🔴🔵⬅"
DASHES = "-–—"
# Emoji bullets (WhatsApp pastes) may carry their variation selector.  A marker is followed by a space, or, pasted from a list that lost it ("10.مشروع", "•نص"), straight
# by a letter.  Not after "*" (markdown emphasis), nor a Latin small letter after a dash or a
# number's hyphen ("-based", "5-year plan": a hyphenated word).  A number may also end with a colon
# and a space ("1: ..."), though not before a figure ("2: 1" is a score); Urdu ends it with its full
# stop ("۱۔").
_AFTER_MARKER = r"(?:\s+(?=\S)|(?=[^\W\d_]))"
_AFTER_DASH = r"(?:\s+(?=\S)|(?=(?![a-z])[^\W\d_]))"
_AFTER_BULLET = r"(?:\s+(?=\S)|(?=\S))"  # a bullet symbol starts no word: "•10p band", "•£800 million" are items
_BULLET = re.compile(rf"^(?:([{re.escape(BULLETS)}])\uFE0F?{_AFTER_BULLET}|([{re.escape(DASHES)}]){_AFTER_DASH}|(\*)\s+(?=\S)"
                     r"|(::)\s+(?=\S))")  # "::" marks the key points of some news pages
_NUMBERED = [
    (system, re.compile(rf"^(\(?)([{digits}]{{1,3}})\s*(?:([.)۔]){_AFTER_MARKER}|([\-–]){_AFTER_DASH}|(:)\s+(?=[^\d\s]))"))
    for system, digits in DIGITS.items()
]
# The letters lists are lettered with, in their order: Arabic in the abjad order ("أ ب ج د") or the
# alphabetical one ("أ ب ت ث"), Hebrew in its one order.
LETTER_ORDERS = {
    "abjad": ("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص", "ق", "ر",
              "ش", "ت", "ث", "خ", "ذ", "ض", "ظ", "غ"),
    "alphabetical": ("أ", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع", "غ",
                     "ف", "ق", "ك", "ل", "م", "ن", "هـ", "و", "ي"),
    "hebrew": tuple("אבגדהוזחטיכלמנסעפצקרשת"),
}
_ARABIC_LETTER = "|".join(sorted(set(LETTER_ORDERS["abjad"]) | {"ه"}, key=len, reverse=True))
_LETTER = f"{_ARABIC_LETTER}|{'|'.join(LETTER_ORDERS['hebrew'])}"
# "أ) ...", "ب- ...", "(ج) ...", "א. ...", "ב) ...".  After a full stop only with a space ("أ.د." is a
# title), and no Hebrew letter before a hyphen ("ה-7 באוקטובר" is the article and a number).
_LETTERED = re.compile(rf"^(?:\(({_LETTER})\)|({_LETTER})\s*(\))|({_ARABIC_LETTER})\s*([\-–])){_AFTER_MARKER}"
                       rf"|^({_LETTER})(\.)\s+(?=\S)")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$|^(\*\s*){3,}$|^(_\s*){3,}$|^=+$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?$|^\|\s*:?-{3,}:?\s*\|$")
_SPACED_GAP = re.compile(r"\s{2,}")


@dataclass(frozen=True)
class Line:
    """A classified line: ``kind``, its text without marker or indent, and what it carries.

    ``marker`` is the list style ("bullet:•", "number:arabic-indic:.", "letter:arabic:)" ...) for items
    and ``label`` its number or letter as typed,
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
    label: str = ""

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
        symbol = next(group for group in bullet.groups() if group)
        return Line(ITEM, stripped[bullet.end():], indent, marker=f"bullet:{symbol}", source=stripped)
    for system, pattern in _NUMBERED:
        number = pattern.match(stripped)
        if number:
            opening, digits = number.group(1), number.group(2)
            closing = next(group for group in number.groups()[2:] if group)
            if opening and closing != ")":
                continue
            style = "()" if opening else closing
            return Line(ITEM, stripped[number.end():], indent, marker=f"number:{system}:{style}", source=stripped,
                        label=digits)
    lettered = _LETTERED.match(stripped)
    if lettered:
        bracketed = lettered.group(1)
        letter, closing = bracketed or next(g for g in lettered.groups()[1::2] if g), \
            next((g for g in lettered.groups()[2::2] if g), "")
        script = "hebrew" if letter in LETTER_ORDERS["hebrew"] else "arabic"
        style = "()" if bracketed else closing
        return Line(ITEM, stripped[lettered.end():], indent, marker=f"letter:{script}:{style}", source=stripped,
                    label=letter)
    return None


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
    if stripped.count(";") >= MIN_SEMICOLON_CELLS - 1:
        return Line(SEMICOLON_ROW, stripped, indent, cells=tuple(c.strip() for c in stripped.split(";")),
                    source=stripped)
    cells = tuple(_SPACED_GAP.split(stripped))
    if len(cells) >= 2:
        return Line(SPACED_ROW, stripped, indent, cells=cells, source=stripped)
    return None
