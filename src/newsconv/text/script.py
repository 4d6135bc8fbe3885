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
# The digit sets an article numbers with, by the names the model's List.numerals uses.
DIGITS = {"latin": "0123456789", "arabic-indic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}
RTL_SCRIPTS = frozenset({ARABIC, HEBREW})

# Letters Persian uses and Arabic does not (peh, tcheh, jeh, gaf, keheh, farsi yeh).
_PERSIAN = re.compile("[پچژگکی]")
# Letters only Urdu uses among the three (tteh, ddal, rreh, noon ghunna, yeh barree, heh doachashmee, heh goal).
_URDU = re.compile("[ٹڈڑںےھہۓ]")
# Letters Persian and Urdu replace (arabic kaf) or rarely use (teh marbuta): an Arabic vote.  Arabic yeh
# does not vote: Windows-1256 has no farsi yeh, so Persian typed in it uses the Arabic one.
_ARABIC_VOTE = re.compile("[كة]")

_LATIN_STOPWORDS = {
    "en": frozenset("the and of to in is that for on with was as by at from are said has have".split()),
    "fr": frozenset("le la les des et est une du que dans pour sur par au aux qui ont été sont avec".split()),
    "es": frozenset("el los las del y es una que en por para con se como pero sus fue".split()),
    "de": frozenset("der die das und ist nicht mit von den sich auf für dem ein eine auch".split()),
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


# Runs of letters of each script.  Counting with regular expressions, run by run, keeps a
# census of a megabyte article to a few hundredths of a second.
_LETTER_RUNS = {
    ARABIC: re.compile("[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE-\u06FF\u0750-\u077F\u08A0-\u08C9"
                       "\uFB50-\uFDFB\uFE70-\uFEFC]+"),
    HEBREW: re.compile("[\u05D0-\u05EA\u05EF-\u05F2\uFB1D\uFB1F-\uFB28\uFB2A-\uFB4F]+"),
    LATIN: re.compile("[A-Za-z\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]+"),
}


def letter_script(ch: str) -> str:
    """The script of one character (``OTHER`` for digits, punctuation and unsupported scripts)."""
    return next((script for script, pattern in _LETTER_RUNS.items() if pattern.match(ch)), OTHER)


def script_census(text: str) -> Counter:
    """How many letters of each script the text holds."""
    return Counter({script: sum(map(len, pattern.findall(text))) for script, pattern in _LETTER_RUNS.items()})


def census_direction(census: Counter, default: Optional[str] = None) -> Optional[str]:
    """"rtl" or "ltr" by the majority of strong letters in a census; ``default`` when it has none."""
    rtl = census[ARABIC] + census[HEBREW]
    ltr = census[LATIN]
    if rtl == ltr == 0:
        return default
    return "rtl" if rtl > ltr else "ltr"


def direction_of(text: str, default: Optional[str] = None) -> Optional[str]:
    """"rtl" or "ltr" by the majority of strong letters; ``default`` when the text has none."""
    return census_direction(script_census(text), default)


def first_strong_direction(text: str, default: str = "ltr") -> str:
    """"rtl" or "ltr" as rules P2 and P3 of the Unicode bidi algorithm find a paragraph's
    direction: its first strong letter outside isolates, ``default`` when it has none."""
    depth = 0
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("LRI", "RLI", "FSI"):
            depth += 1
        elif kind == "PDI" and depth:
            depth -= 1
        elif kind == "B":
            break
        elif depth == 0 and kind in ("R", "AL"):
            return "rtl"
        elif depth == 0 and kind == "L":
            return "ltr"
    return default


def detect_language(text: str, census: Optional[Counter] = None) -> str:
    """The BCP-47 primary subtag of the text's dominant language, "und" when it has no letters.

    ``census`` is the text's script census when the caller has it already.
    """
    census = +(census if census is not None else script_census(text))
    if not census:
        return "und"
    script = census.most_common(1)[0][0]
    if script == HEBREW:
        return "he"
    if script == ARABIC:
        return _arabic_script_language(text, census[ARABIC])
    return _latin_language(text)


def _arabic_script_language(text: str, letters: int) -> str:
    urdu, persian, arabic = (len(pattern.findall(text)) for pattern in (_URDU, _PERSIAN, _ARABIC_VOTE))
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
