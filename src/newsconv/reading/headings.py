"""Which one-line blocks are headings: the title, a deck under it, and section headings.

A pasted article marks none of them, so the decision rests on how newsrooms write: a
title is the first line; a deck is a one-line summary right under it; a section heading
is a short line without sentence-ending punctuation standing alone between paragraphs.
Datelines and bylines look just as short, so they are recognised first and stay paragraphs,
as does a line ending in a colon, which introduces what follows.
"""
from __future__ import annotations

import re

SENTENCE_END = (".", "!", "?", "؟", "۔", "…", ":", ";", "؛", ",", "،", "»", '"', "”")
MAX_HEADING_CHARS = 110
MAX_HEADING_WORDS = 16
MAX_DECK_CHARS = 200

_MONTHS = (
    "يناير فبراير مارس أبريل ابريل إبريل مايو يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر "
    "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين "
    "ژانویه فوریه آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر فروردین اردیبهشت خرداد تیر مرداد شهریور "
    "مهر آبان آذر دی بهمن اسفند "
    "جنوری فروری مارچ اپریل مئی جون جولائی اگست ستمبر اکتوبر نومبر دسمبر "
    "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre").split()
# Bylines and credits.  Words that also open ordinary sentences or headings ("تقرير",
# "report") count only with their colon.
_BYLINE_PREFIXES = (
    "بقلم", "كتب ", "كتبت ", "كتبه ", "تقرير:", "إعداد:", "اعداد:", "تحرير:", "ترجمة:", "المصدر:", "مراسل ",
    "مراسلنا", "نویسنده:", "گزارش:", "گزارش از ", "خبرنگار ", "منبع:", "رپورٹ:", "تحریر:", "מאת ", "כתב:", "כתבנו",
    "by ", "par ", "source:", "photo:", "reporting by", "written by", "reporter:", "auteur", "de notre",
)
_DATE = re.compile(r"\b\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\b|\b\d{1,2}:\d{2}\b|[٠-٩۰-۹]{1,4}[/.\-][٠-٩۰-۹]{1,2}[/.\-][٠-٩۰-۹]{1,4}")
# "Islamabad (Special Correspondent)", "Paris (AFP)": a place and, in brackets, who filed it.
_PLACE_AND_AGENCY = re.compile(r"^[^()]{2,30}\s\([^()]{2,30}\)$")
_DATELINE = re.compile(r"^\S+(?:\s\S+){0,3}\s+[-–—]\s+\S+(?:\s\S+){0,3}$")
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


def is_dateline(text: str) -> bool:
    """A dateline, date or byline line ("القاهرة - رويترز", "12 May 2024", "By Jane Doe")."""
    lowered = text.lower()
    if lowered.startswith(_BYLINE_PREFIXES):
        return True
    if _DATE.search(text):
        return True
    words = set(w.lower() for w in _WORD.findall(text))
    has_digit = _DIGIT.search(text) is not None
    if has_digit and words & set(_MONTHS) and len(text.split()) <= 8:
        return True
    if _PLACE_AND_AGENCY.match(text):
        return True
    return bool(_DATELINE.match(text)) and len(text) <= 60


def looks_like_heading(text: str) -> bool:
    """Short, unpunctuated at its end, and not a dateline."""
    return (len(text) <= MAX_HEADING_CHARS and len(text.split()) <= MAX_HEADING_WORDS
            and not text.endswith(SENTENCE_END) and not is_dateline(text))


def looks_like_deck(text: str) -> bool:
    """A deck may be longer than a heading and may end with a full stop, but never introduces a list."""
    if is_dateline(text) or text.endswith((":", "،", ",")) or len(text) > MAX_DECK_CHARS:
        return False
    return not text.endswith(SENTENCE_END) or len(text) <= 120
