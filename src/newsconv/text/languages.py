"""The one table of the languages newsconv knows: the script each is written in, its
direction, the digits it numbers with, the locale Word's proofing tools name it by, and the
bundled font family it is set in.  Readers and writers ask here; none keeps a copy.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .script import ARABIC, HEBREW, LATIN, RTL_SCRIPTS

# The bundled family of each script (the files are in ``newsconv.fonts``).
FAMILIES = {ARABIC: "Amiri", HEBREW: "Frank Ruhl Libre", LATIN: "Noto Serif"}


@dataclass(frozen=True)
class Language:
    """What the writers need to know about one language.

    code:   the BCP-47 tag as the model gives it ("ar", "fa-AF", "und").
    script: ARABIC, HEBREW or LATIN (any script without a bundled font counts as LATIN).
    locale: language and region ("ar-SA"): the tag itself when it names a region.
    digits: the digit set (a key of ``text.script.DIGITS``) numbers default to.
    deck_chars: the longest whole sentence its news sites set as the standfirst under a headline
            (Hebrew and Persian sites print long ones; a longer sentence there is the story's lead).
    """

    code: str
    script: str
    locale: str
    digits: str = "latin"
    deck_chars: int = 120

    @property
    def direction(self) -> str:
        return "rtl" if self.script in RTL_SCRIPTS else "ltr"

    @property
    def family(self) -> str:
        """The bundled font family the language is set in."""
        return FAMILIES[self.script]


_TABLE = {language.code: language for language in (
    Language("ar", ARABIC, "ar-SA", "arabic-indic"),
    Language("fa", ARABIC, "fa-IR", "persian", deck_chars=200),
    Language("ur", ARABIC, "ur-PK", "persian"),
    Language("ps", ARABIC, "ps-AF", "persian"),
    Language("ku", ARABIC, "ku-Arab-IQ", "arabic-indic"),
    Language("sd", ARABIC, "sd-Arab-PK", "persian"),
    Language("ug", ARABIC, "ug-CN"),
    Language("he", HEBREW, "he-IL", deck_chars=400),
    Language("yi", HEBREW, "yi-001"),
    Language("en", LATIN, "en-US"),
    Language("fr", LATIN, "fr-FR", deck_chars=135),
    Language("es", LATIN, "es-ES"),
    Language("de", LATIN, "de-DE"),
)}


def language(tag: str) -> Language:
    """The language of a BCP-47 tag, by its primary subtag; an unknown one is Latin-script and
    keeps its tag as its locale."""
    primary = tag.split("-")[0].lower()
    known = _TABLE.get(primary)
    if known is None:
        return Language(tag, LATIN, tag)
    locale = tag if "-" in tag else known.locale
    return dataclasses.replace(known, code=tag, locale=locale)


def languages_in(script: str) -> tuple[str, ...]:
    """The codes of the known languages written in ``script``."""
    return tuple(code for code, known in _TABLE.items() if known.script == script)
