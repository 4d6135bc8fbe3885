"""Which script a text is written in, which language and which direction it reads in.

Everything is decided by a census of letters: Arabic, Persian and Urdu are told apart by
the letters only they use; Hebrew by its block; Latin-script languages by accented letters
and their commonest words.  Digits, punctuation and symbols never vote.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Optional

ARABIC, HEBREW, LATIN, OTHER = "arabic", "hebrew", "latin", "other"
RTL_SCRIPTS = frozenset({ARABIC, HEBREW})

# Letters Persian uses and Arabic does not (peh, tcheh, jeh, gaf, keheh, farsi yeh).
_PERSIAN_LETTERS = frozenset("پچژگکی")
# Letters only Urdu uses among the three (tteh, ddal, rreh, noon ghunna, yeh barree, heh doachashmee, heh goal).
_URDU_LETTERS = frozenset("ٹڈڑںےھہۓ")
# Letters Persian and Urdu replace (arabic kaf) or rarely use (teh marbuta): an Arabic vote.  Arabic yeh
# does not vote: Windows-1256 has no farsi yeh, so Persian typed in it uses the Arabic one.
_ARABIC_ONLY = frozenset("كة")

_LATIN_STOPWORDS = {
    "en": frozenset("the and of to in is that for on with was as by at from are said has have".split()),
    "fr": frozenset("le la les des et est une du que dans pour sur par au aux qui ont été sont avec".split()),
    "es": frozenset("el los las del y es una que en por para con se como pero sus fue".split()),
    "de": frozenset("der die das und ist nicht mit von den sich auf für dem ein eine auch".split()),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def letter_script(ch: str) -> str:
    """The script of one character (``OTHER`` for digits, punctuation and unsupported scripts)."""
    code = ord(ch)
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF \
            or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return ARABIC if ch.isalpha() else OTHER
    if 0x0590 <= code <= 0x05FF or 0xFB1D <= code <= 0xFB4F:
        return HEBREW if ch.isalpha() else OTHER
    if ch.isalpha() and code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return LATIN
    return OTHER


def script_census(text: str) -> Counter:
    """How many letters of each script the text holds."""
    return Counter(letter_script(ch) for ch in text if ch.isalpha())


def direction_of(text: str, default: Optional[str] = None) -> Optional[str]:
    """"rtl" or "ltr" by the majority of strong letters; ``default`` when the text has none."""
    census = script_census(text)
    rtl = census[ARABIC] + census[HEBREW]
    ltr = sum(census.values()) - rtl - census[OTHER]
    if rtl == ltr == 0:
        return default
    return "rtl" if rtl > ltr else "ltr"


def first_strong_direction(text: str, default: str = "ltr") -> str:
    """The base direction the Unicode bidi algorithm (rule P2) gives a paragraph."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return default


def detect_language(text: str) -> str:
    """The BCP-47 primary subtag of the text's dominant language, "und" when it has no letters."""
    census = script_census(text)
    census.pop(OTHER, None)
    if not census:
        return "und"
    script = census.most_common(1)[0][0]
    if script == HEBREW:
        return "he"
    if script == ARABIC:
        return _arabic_script_language(text)
    return _latin_language(text)


def _arabic_script_language(text: str) -> str:
    counts = Counter(ch for ch in text if ch in _PERSIAN_LETTERS or ch in _URDU_LETTERS or ch in _ARABIC_ONLY)
    letters = sum(1 for ch in text if letter_script(ch) == ARABIC) or 1
    urdu = sum(counts[ch] for ch in _URDU_LETTERS)
    persian = sum(counts[ch] for ch in _PERSIAN_LETTERS)
    arabic = sum(counts[ch] for ch in _ARABIC_ONLY)
    if urdu / letters > 0.01 and urdu > arabic / 4:
        return "ur"
    if persian / letters > 0.01 and persian > arabic:
        return "fa"
    return "ar"


def _latin_language(text: str) -> str:
    words = Counter(w.lower() for w in _WORD.findall(text))
    scores = {lang: sum(words[w] for w in stop) for lang, stop in _LATIN_STOPWORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else "en"
