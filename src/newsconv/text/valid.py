"""Text that every output can carry, made so once: where a document is read or built.

XML 1.0 (the DOCX) cannot hold C0 controls other than tab, line feed and carriage return
nor lone surrogates; HTML reports every C0/C1 control and noncharacter as a parse error; a
PDF's text layer (UTF-16) cannot encode a lone surrogate.  Such characters are removed
where the text enters newsconv (the decoder of articles and pages, the model reader, the
model's constructors), with one warning naming the input and the line, so that no writer
keeps a cleaner of its own and all three formats show the same text.
"""
from __future__ import annotations

import logging
import re
from typing import Any

log = logging.getLogger("newsconv")

# C0 controls but tab, LF and CR; DEL and the C1 controls; surrogates; the noncharacters
# (U+FDD0-U+FDEF and the last two code points of each of the 17 planes).
INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                     + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
                     + "]")


def is_valid(text: str) -> bool:
    return INVALID.search(text) is None


def removed(text: str) -> str:
    """``text`` without the characters no output can carry."""
    return INVALID.sub("", text)


def warn(where: str, removed_chars: list[str]) -> None:
    """The one warning for an input (``where``: its name, and the line of the first removal)."""
    codes = sorted({f"U+{ord(ch):04X}" for ch in removed_chars})
    shown = ", ".join(codes[:6]) + (", ..." if len(codes) > 6 else "")
    log.warning("%s: removed %d character(s) that no output can carry (control characters, lone surrogates, "
                "noncharacters: %s)", where, len(removed_chars), shown)


def made_valid(text: str, name: str) -> str:
    """``text`` without the characters no output can carry, warning once with ``name`` and the
    line of the first of them."""
    first = INVALID.search(text)
    if first is None:
        return text
    warn(f"{name}: line {text.count(chr(10), 0, first.start()) + 1}", INVALID.findall(text))
    return removed(text)


def strings_made_valid(value: Any, found: list[str]) -> Any:
    """``value`` (a string, or lists, tuples and dicts of them) with every string made valid;
    the characters removed are added to ``found``."""
    if isinstance(value, str):
        if is_valid(value):
            return value
        found += INVALID.findall(value)
        return removed(value)
    if isinstance(value, (list, tuple)):
        return type(value)(strings_made_valid(item, found) for item in value)
    if isinstance(value, dict):
        return {key: strings_made_valid(item, found) for key, item in value.items()}
    return value
