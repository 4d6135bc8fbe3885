"""Bylines, dates and datelines: out of the article's body into its ``meta``.

News articles print them in one place, between the headline (and deck) and the first
paragraph: ``بقلم: ليلى عبد الرحمن``, ``By Jane Doe``, ``Par Claire Martin``, ``מאת דנה לוי``,
a date line (``الأحد 12 مايو 2024``, ``Updated 12:45 GMT``), a standalone dateline
(``دبي – عين اليوم``), and a dateline opening the first paragraph (``LONDON (Reuters) -``).
:func:`extract` moves exactly those lines to ``meta.byline`` (verbatim, so writers print them)
and the dateline to ``meta.dateline``, and fills ``authors``, ``date``, ``place`` and ``source``
from them.  A line elsewhere in the article is left alone (a "By ..." inside a story is text).
Whatever it moves, the version-1 view of the result must give back the body it was given, or
nothing is moved: the contract that every existing fixture still parses exactly.
"""
from __future__ import annotations

import dataclasses
import datetime
import re
import unicodedata
from typing import Optional

from ..model import Document, Heading, Meta, Paragraph, as_version_1
from .headings import PUBLISHED_WORDS

_MAX_LINE = 90  # a byline or date line is short; a longer line is a sentence

# Byline openers by language; a colon may follow.  Persian "نوشته/به قلم/گزارش", Urdu "تحریر/رپورٹ".
_BYLINE = re.compile(r"^(?:By|BY|Par|PAR|Von|بقلم|كتب|كتبت|إعداد|تقرير|מאת|כתב|כתבה|"
                     r"نویسنده|نوشته|به قلم|گزارش از|گزارش|تحریر|رپورٹ|از قلم)\s*[:：]?\s+(?P<names>\S.*)$")
_AUTHOR_SPLIT = re.compile(r"\s+(?:and|et|&)\s+|\s*[,،]\s*(?=\S+\s+\S)")
# Two names joined by Arabic "و" or Hebrew "ו" prefixed to the second: both at least two words.
_PREFIX_AND = re.compile(r"^(\S+\s+\S+.*?)\s+[وו](\S+\s+\S+.*)$")
_BYLINE_END = re.compile(r"\s*[·•|]\s*")  # "بقلم سلمى الحربي · 29 نوفمبر 2025": the date follows
_ROLE = re.compile(r"\s*[,،]\s*.*$")  # "Tom Harris, Science Correspondent": the role is not a name

# Dates: day month year, month day year, ISO, dd/mm/yyyy (digits of every script).
_MONTHS = {
    1: "january jan janvier janv يناير كانون الثاني ژانویه جنوری ינואר",
    2: "february feb février fevrier févr فبراير شباط فوریه فروری פברואר",
    3: "march mar mars مارس آذار مارچ מרץ",
    4: "april apr avril أبريل ابريل نيسان آوریل اپریل אפריל",
    5: "may mai مايو أيار ایار مه مئی מאי",
    6: "june jun juin يونيو يونيه حزيران ژوئن جون יוני",
    7: "july jul juillet يوليو يوليه تموز ژوئیه جولائی יולי",
    8: "august aug août aout أغسطس اغسطس آب اوت اگست אוגוסט",
    9: "september sep sept septembre سبتمبر أيلول ایلول سپتامبر ستمبر ספטמבר",
    10: "october oct octobre أكتوبر اكتوبر تشرين الأول اکتبر اکتوبر אוקטובר",
    11: "november nov novembre نوفمبر تشرين الثاني نوامبر نومبر נובמבר",
    12: "december dec décembre decembre ديسمبر كانون الأول دسامبر دسمبر דצמבר",
}
_MONTH_NAMES = {}
for _number, _names in _MONTHS.items():
    _words = _names.split()
    # Two-word Levantine names first ("كانون الثاني", "تشرين الأول"), then single words.
    for _first, _second in zip(_words, _words[1:]):
        if _first in ("كانون", "تشرين") and _second in ("الثاني", "الأول"):
            _MONTH_NAMES[f"{_first} {_second}"] = _number
    for _word in _words:
        if _word not in ("كانون", "تشرين", "الثاني", "الأول"):
            _MONTH_NAMES.setdefault(_word, _number)
_MONTH = "|".join(sorted(map(re.escape, _MONTH_NAMES), key=len, reverse=True))
_D = r"[0-9٠-٩۰-۹]"
_DAY_MONTH_YEAR = re.compile(rf"(?<!{_D})({_D}{{1,2}})(?:er)?\s+ב?({_MONTH})\.?,?\s+({_D}{{4}})", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+({_D}{{1,2}}),?\s+({_D}{{4}})", re.IGNORECASE)
_ISO = re.compile(rf"({_D}{{4}})-({_D}{{2}})-({_D}{{2}})")
_NUMERIC = re.compile(rf"(?<!{_D})({_D}{{1,2}})[/.]({_D}{{1,2}})[/.]({_D}{{4}})")
# Lines that stamp the article's time, with or without a date.
_STAMP = re.compile(rf"^(?:{'|'.join(sorted(PUBLISHED_WORDS, key=len, reverse=True))})\b", re.IGNORECASE)

# A dateline: a place of up to four words, an agency in brackets, a dash.
_DATELINE = re.compile(r"^(?P<place>[^\s()–—-][^()–—\-.:!?؟]{0,40}?)\s*\((?P<source>[^()]{1,40})\)\s*[-–—]")
# A dateline line alone: "دبي – عين اليوم", "تهران – خبرنگار عین‌الیوم".
_DATELINE_LINE = re.compile(r"^(?P<place>[^\d\s–—-][^\d–—\-.:!?؟]{0,30}?)\s+[–—-]\s+(?P<source>[^\d.:!?؟]{1,40})$")
# "Paris, le 15 janvier 2024": a place, then the date; but "Sunday, 12 May" names no place.
_PLACE_DATE = re.compile(r"^(?P<place>[^\d,،]{1,30})[,،]\s*(?:le\s+)?(?=\S*\d|\S+\s+\d)")
_WEEKDAY = re.compile(r"^(?:יום\s|\w+day\b|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
                      r"ال(?:أحد|اثنين|إثنين|ثلاثاء|أربعاء|خميس|جمعة|سبت)|\S*شنبه|جمعه)", re.IGNORECASE)


def extract(document: Document) -> Document:
    """``document`` with its byline, date and dateline lines moved from the body to ``meta``."""
    blocks = list(document.blocks)
    at = next((i for i, block in enumerate(blocks) if not isinstance(block, Heading)), len(blocks))
    meta = document.meta
    end = at
    while end < len(blocks) and _header_line(blocks[end]) is not None:
        meta = _merge(meta, _header_line(blocks[end]))
        end += 1
    opening = _opening_dateline(blocks[end]) if end < len(blocks) else None
    if opening:
        prefix, place, source = opening
        cut = len(prefix) + 1
        blocks[end] = dataclasses.replace(blocks[end], text=blocks[end].text[cut:], marks=tuple(
            dataclasses.replace(mark, start=mark.start - cut, end=mark.end - cut) for mark in blocks[end].marks))
        meta = dataclasses.replace(meta, dateline=prefix, place=meta.place or place,
                                   source=meta.source or source)
    if end == at and not opening:
        return document
    meta = dataclasses.replace(meta, byline=tuple(block.text for block in blocks[at:end]))
    candidate = dataclasses.replace(document, blocks=tuple(blocks[:at] + blocks[end:]), meta=meta)
    return candidate if as_version_1(candidate) == as_version_1(document) else document


def _header_line(block) -> Optional[Meta]:
    """What a byline, date or dateline line says, or None when the block is not one (a byline's
    marks, such as a link to the author's page, are not kept: ``meta.byline`` is plain text)."""
    if not isinstance(block, Paragraph) or block.dir or len(block.text) > _MAX_LINE:
        return None
    text = block.text
    authors = byline_authors(text)
    if authors:
        return Meta(authors=authors, date=parse_date(text))
    date = parse_date(text)
    if date or _STAMP.match(text):
        place = _PLACE_DATE.match(text)
        named = place and not _STAMP.match(text) and not _WEEKDAY.match(text)
        return Meta(date=date, place=place.group("place").strip() if named else None)
    standalone = _DATELINE_LINE.match(text)
    if standalone and len(standalone.group("place").split()) <= 3:
        return Meta(place=standalone.group("place").strip(), source=standalone.group("source").strip())
    return None


def _merge(meta: Meta, found: Meta) -> Meta:
    """``meta`` with what a line says added, the first word on each field winning."""
    return dataclasses.replace(
        meta, authors=meta.authors or found.authors, date=meta.date or found.date,
        place=meta.place or found.place, source=meta.source or found.source)


def _opening_dateline(block) -> Optional[tuple[str, str, str]]:
    """``(prefix, place, source)`` when the paragraph opens with ``CITY (Agency) -``."""
    if not isinstance(block, Paragraph):
        return None
    match = _DATELINE.match(block.text)
    if not match or len(match.group("place").split()) > 4 or len(match.group("source").split()) > 4:
        return None
    rest = block.text[match.end():]
    if not rest.startswith(" ") or not rest.strip() or any(mark.start <= match.end() for mark in block.marks):
        return None
    return match.group(), match.group("place").strip(), match.group("source").strip()


def byline_authors(line: str) -> tuple[str, ...]:
    """The names a byline line gives (``By Sarah Jones and Tom Whitfield``), or () if it is none."""
    match = _BYLINE.match(line.strip())
    if not match or line.rstrip().endswith((".", "!", "?", "؟")):
        return ()
    return split_authors(_BYLINE_END.split(match.group("names"))[0])


def split_authors(names: str) -> tuple[str, ...]:
    """Names joined by "and", "et", "&", commas, or Arabic/Hebrew "و"/"ו" between two full names;
    a role after a comma ("Tom Harris, Science Correspondent") is not a name."""
    parts = [p.strip() for p in _AUTHOR_SPLIT.split(_ROLE.sub("", names) if " and " not in names else names)]
    out: list[str] = []
    for part in parts:
        joined = _PREFIX_AND.match(part)
        out += [joined.group(1), joined.group(2)] if joined else [part]
    return tuple(p for p in out if p)


def parse_date(text: str) -> Optional[str]:
    """The first calendar date in ``text`` as ISO 8601 (``2024-05-12``), or None."""
    found = []
    for pattern, order in ((_ISO, "ymd"), (_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_NUMERIC, "dmy")):
        match = pattern.search(text)
        if match:
            found.append((match.start(), match, order))
    for _, match, order in sorted(found, key=lambda f: f[0]):
        parts = dict(zip(order, match.groups()))
        try:
            iso = f"{_number(parts['y']):04d}-{_month(parts['m']):02d}-{_number(parts['d']):02d}"
            datetime.date.fromisoformat(iso)
        except (ValueError, KeyError):
            continue
        return iso
    return None


def _number(digits: str) -> int:
    return int("".join(str(unicodedata.digit(ch)) for ch in digits))


def _month(value: str) -> int:
    return _number(value) if value[0].isdigit() else _MONTH_NAMES[value.lower()]
