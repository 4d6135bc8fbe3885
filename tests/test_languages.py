"""The one language table (text.languages) and the writers reading it."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsconv.text.languages import language
from newsconv.text.script import ARABIC, HEBREW, LATIN

SOURCE = Path(__file__).parent.parent / "src" / "newsconv"


@pytest.mark.parametrize("tag, script, direction, locale, digits, family", [
    ("ar", ARABIC, "rtl", "ar-SA", "arabic-indic", "Amiri"),
    ("fa", ARABIC, "rtl", "fa-IR", "persian", "Amiri"),
    ("ur", ARABIC, "rtl", "ur-PK", "persian", "Amiri"),
    ("he", HEBREW, "rtl", "he-IL", "latin", "Frank Ruhl Libre"),
    ("en", LATIN, "ltr", "en-US", "latin", "Noto Serif"),
    ("fr", LATIN, "ltr", "fr-FR", "latin", "Noto Serif"),
    ("ar-EG", ARABIC, "rtl", "ar-EG", "arabic-indic", "Amiri"),
    ("FA", ARABIC, "rtl", "fa-IR", "persian", "Amiri"),
    ("sw", LATIN, "ltr", "sw", "latin", "Noto Serif"),
    ("und", LATIN, "ltr", "und", "latin", "Noto Serif"),
])
def test_each_language_has_one_script_direction_locale_digits_and_family(tag, script, direction, locale, digits,
                                                                         family):
    known = language(tag)
    assert (known.script, known.direction, known.locale, known.digits, known.family) == \
        (script, direction, locale, digits, family)


def test_no_other_module_keeps_a_copy_of_the_table():
    copies = [path.relative_to(SOURCE).as_posix() for path in SOURCE.rglob("*.py")
              if re.search(r'"(ar-SA|fa-IR|he-IL)"|"ur": "persian"|in \("he", "yi"\)', path.read_text())]
    assert copies == ["text/languages.py"]
