"""Which one-line blocks are headings: the title, a deck under it, and section headings.

A pasted article marks none of them, so the decision rests on how newsrooms write: a
title is the first line; a deck is a one-line summary right under it; a section heading
is a short line without sentence-ending punctuation (a short question will do) standing
alone between paragraphs.  Many other short lines are not headings and stay paragraphs:
datelines and bylines, labelled lines ("اقرأ أيضاً: ...", "Photo: ..."), captions ending in
a credit, lines that introduce what follows, and the speaker's line under a pulled quote.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

from ..model import Block, Heading, Paragraph
from .drafts import LooseText, Part, source_lines

# What ends a sentence (a closing quote ends a quoted one), and what ends at least a clause:
# a heading ends with neither.
SENTENCE_END = (".", "!", "?", "؟", "۔", "…", ":", "»", '"', "”")
CLAUSE_END = SENTENCE_END + (";", "؛", ",", "،")
QUESTION_END = ("?", "؟", "!")
MAX_QUESTION_CHARS = 60
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
_MONTH_NAMES = frozenset(_MONTHS)
# Bylines and credits.  Words that also open ordinary sentences or headings ("تقرير",
# "report") count only with their colon.
_BYLINE_PREFIXES = (
    "بقلم", "كتب ", "كتبت ", "كتبه ", "كتب:", "كتبت:", "حاوره", "حاورته", "حوار:", "گفت‌وگو از", "گفتگو از", "تقرير:", "إعداد:", "اعداد:", "تحرير:", "ترجمة:", "المصدر:", "مراسل ",
    "مراسلنا", "نویسنده:", "گزارش:", "گزارش از ", "خبرنگار ", "منبع:", "رپورٹ:", "تحریر:", "מאת ", "כתב:", "כתבנו",
    "by ", "par ", "source:", "photo:", "reporting by", "written by", "reporter:", "auteur", "de notre",
)
_DATE = re.compile(r"\b\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\b|\b\d{1,2}:\d{2}\b|[٠-٩۰-۹]{1,4}[/.\-][٠-٩۰-۹]{1,2}[/.\-][٠-٩۰-۹]{1,4}")
# "Islamabad (Special Correspondent)", "Paris (AFP)": a place and, in brackets, who filed it.
_PLACE_AND_AGENCY = re.compile(r"^[^()]{2,30}\s\([^()]{2,30}\)$")
_DATELINE = re.compile(r"^\S+(?:\s\S+){0,2}\s+[-–—]\s+\S+(?:\s\S+){0,2}$")
# "Read more: ...", "اقرأ أيضاً: ...", "Lire aussi : ...": a label of a few words and a colon.
_LABEL = re.compile(r"^\S+(?:\s\S+){0,2}\s?[:：]\s")
# A caption's credit: "(صورة: رويترز)", "(أ ف ب)", "REUTERS/Mark Ellison".
_CREDIT = re.compile(r"\([^()]{1,40}\)$|^\([^()]*\)$|\b[A-Z]{3,}/\w")
# "LONDON (Reuters) - ...", "أنقرة (رويترز) - ...": a wire story's first paragraph, never a deck.
_WIRE_LEAD = re.compile(r"^[^()]{2,40}\([^()]{2,30}\)\s*[-–—]\s")
_INNER_SENTENCE_END = re.compile(r"[.!?؟۔]\s+\S")
_INTRODUCING_WORDS = ("التالي", "التالية", "يلي", "الآتي", "الآتية", "كالتالي", "زیر", "following", "suivants",
                      "suivantes")
OPENING_QUOTES = ("«", "“", '"', "„", "'")
CLOSING_QUOTES = ("»", "”", '"', "'")
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


def is_dateline(text: str) -> bool:
    """A dateline, date or byline line ("القاهرة - رويترز", "12 May 2024", "By Jane Doe")."""
    lowered = text.lower()
    if lowered.startswith(_BYLINE_PREFIXES):
        return True
    if _DATE.search(text):
        return True
    if _DIGIT.search(text) and len(text.split()) <= 6 and not text.endswith(".") and _names_a_month(text):
        return True
    if _PLACE_AND_AGENCY.match(text):
        return True
    return bool(_DATELINE.match(text)) and len(text) <= 60 and not text.endswith(CLAUSE_END)


def _names_a_month(text: str) -> bool:
    """A month name, also with Hebrew's attached preposition ("בפברואר")."""
    words = {w.lower() for w in _WORD.findall(text)}
    return bool(words & _MONTH_NAMES or {w[1:] for w in words if w[:1] in "בל"} & _MONTH_NAMES)


def looks_like_heading(text: str) -> bool:
    """Short, unpunctuated at its end (or a short question), and none of the short lines that are not headings."""
    if len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
        return False
    question = text.endswith(QUESTION_END) and len(text) <= MAX_QUESTION_CHARS
    if text.endswith(CLAUSE_END) and not question:
        return False
    return not (is_dateline(text) or _LABEL.match(text) or _CREDIT.search(text)
                or _INNER_SENTENCE_END.search(text) or text.lower().endswith(_INTRODUCING_WORDS))


def is_whole_quote(text: str) -> bool:
    """A pulled quote standing on its own line, quotation marks at both ends."""
    return len(text) > 2 and text.startswith(OPENING_QUOTES) and text.endswith(CLOSING_QUOTES)


def looks_like_deck(text: str) -> bool:
    """A deck may be longer than a heading and may end with a full stop, but never introduces a
    list, and a short labelled line under the title is a credit ("حاوره: ...")."""
    if is_dateline(text) or text.endswith((":", "،", ",")) or len(text) > MAX_DECK_CHARS:
        return False
    if _LABEL.match(text) and len(text.split()) <= 6 or _WIRE_LEAD.match(text):
        return False
    return not text.endswith(CLAUSE_END) or len(text) <= 120


def decide(parts: Sequence[Part]) -> list[Block]:
    """The reader's last stage: every draft as a model block, loose text turned into the title,
    the deck, section headings or paragraphs by what stands around it."""
    blocks: list[Block] = []
    for index, part in enumerate(parts):
        if isinstance(part, LooseText):
            blocks.append(_loose_block(part, blocks[-1] if blocks else None, index + 1 < len(parts)))
        else:
            blocks.append(part.block())
    return blocks


def _loose_block(draft: LooseText, previous: Optional[Block], has_next: bool) -> Block:
    lines = source_lines(draft)
    if draft.one_line and draft.heading_candidate:
        if draft.first_line and previous is None:
            return Heading(level=1, text=draft.text, lines=lines)
        if isinstance(previous, Heading) and previous.level == 1 and looks_like_deck(draft.text):
            return Heading(level=2, text=draft.text, lines=lines)
        if previous is not None and has_next and not _names_the_speaker(draft, previous) \
                and looks_like_heading(draft.text):
            return Heading(level=2, text=draft.text, lines=lines)
    return Paragraph(text=draft.text, lines=lines)


def _names_the_speaker(draft: LooseText, previous: Block) -> bool:
    """The line right under a pulled quote names its speaker; it is no heading."""
    return draft.under_previous and isinstance(previous, Paragraph) and is_whole_quote(previous.text)
