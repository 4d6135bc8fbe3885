"""Which one-line blocks are headings: the title, a deck under it, and section headings.

A pasted article marks none of them, so the decision rests on how newsrooms write: a
title is the first line; a deck is a one-line summary right under it; a section heading
is a short line without sentence-ending punctuation (a short question will do) standing
alone between paragraphs.  Many other short lines are not headings and stay paragraphs:
datelines and bylines, labelled lines ("اقرأ أيضاً: ...", "Photo: ..."), captions ending in
a credit, lines that introduce what follows, and the speaker's line under a pulled quote.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Optional, Sequence

from ..model import Block, Heading, List, Paragraph, Table
from ..text.languages import language
from ..text.script import detect_language, direction_of
from .drafts import ListDraft, LooseText, MarkedHeading, Part, TableDraft, source_lines
from .flat_cells import has_sentence_words

# What ends a sentence (a closing quote ends a quoted one), and what ends at least a clause:
# a heading ends with neither.
SENTENCE_END = (".", "!", "?", "؟", "۔", "…", ":", "»", '"', "”")
CLAUSE_END = SENTENCE_END + (";", "؛", ",", "،")
QUESTION_END = ("?", "؟", "!")
FULL_STOPS = (".", "!", "?", "؟", "۔", "…")
MAX_QUESTION_CHARS = 60
MAX_HEADING_CHARS = 110
MAX_HEADING_WORDS = 16
MAX_DECK_CHARS = 200
MAX_LONG_DECK_CHARS = 400
MIN_BODY_CHARS = 100
MAX_DATE_LINE_WORDS = 3
MAX_CREDIT_WORDS = 12
MIN_LEAD_IN_WORDS = 9
MAX_BYLINE_WORDS = 10
MAX_DATE_LINE_CHARS = 120  # "vendredi 27 octobre 2017 à 11:39 - Mis à jour le ... Par X"

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
    "مراسلنا", "نویسنده:", "گزارش:", "گزارش از ", "خبرنگار ", "منبع:", "رپورٹ:", "تحریر:", "کد خبر", "خاص ", "מאת ", "כתב:", "כתבנו",
    "כתבי ", "כתבת ", "by ", "par ", "avec afp", "avec reuters", "avec agences", "source:", "photo:", "reporting by", "written by", "reporter:", "auteur", "de notre",
)
_DATE = re.compile(r"\b\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\b|\b\d{1,2}:\d{2}\b|[٠-٩۰-۹]{1,4}[/.\-][٠-٩۰-۹]{1,2}[/.\-][٠-٩۰-۹]{1,4}")
# "Islamabad (Special Correspondent)", "Paris (AFP)": a place and, in brackets, who filed it.
_PLACE_AND_AGENCY = re.compile(r"^[^()]{2,30}\s\((?=[^()]*[^\W\d_])[^()]{2,30}\)$")  # a name, not a score, in brackets
# "صحيفة الخبر من جدة", "وكالة الأنباء – القاهرة", "خبرگزاری ایسنا": an outlet's name and perhaps its place.
_OUTLETS = ("وكالة", "وكالات", "صحيفة", "جريدة", "موقع", "قناة", "إذاعة", "اذاعة", "مجلة", "شبكة", "خبرگزاری",
            "روزنامه", "سایت", "خبر رساں ادارے", "اخبار", "סוכנות", "עיתון", "אתר", "agency", "agence", "journal")
_SOURCE_LINE = re.compile(rf"^(?:{'|'.join(_OUTLETS)})\s+\S+(?:\s\S+)?"
                          rf"(?:\s*[-–—]\s*\S+(?:\s\S+)?|\s(?:من|في|از|from|de)\s\S+(?:\s\S+)?|\s\([^()]+\))?$",
                          re.IGNORECASE)
_DATELINE = re.compile(r"^[^\s:\d]+(?:\s[^\s:\d]+){0,2}(?:\s+[-–—]\s+|\s*/\s+)[^\s:\d]+(?:\s[^\s:\d]+){0,2}$")
# "نشر في: 5 مايو 2025", "Updated 12:45 GMT": the words that stamp when a story was published or updated
# (meta.py reads the same stamps at a line's start).
PUBLISHED_WORDS = ("updated", "published", "last updated", "posted", "publié", "mis à jour", "نشر في", "تاريخ النشر",
                   "آخر تحديث", "تاریخ انتشار", "منتشر شده", "به‌روزرسانی", "آخرین به‌روزرسانی", "اپ ڈیٹ", "פורסם", "עודכן")
_PUBLISHED = re.compile(rf"(?:^|\s)(?:{'|'.join(PUBLISHED_WORDS)})(?:\s|:|$)", re.IGNORECASE)
# A desk's signature of initials ("ع/ع", "م.ع ح.س"): who wrote or edited the story.
_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}[/.]){1,3}[^\W\d_]{1,2}\.?(?:\s+(?:[^\W\d_]{1,2}[/.]){1,3}[^\W\d_]{1,2}\.?)*$")
# "Read more: ...", "اقرأ أيضاً: ...", "Lire aussi : ...": a label of a few words and a colon.
_LABEL = re.compile(r"^\S+(?:\s\S+){0,2}\s?[:：]\s")
# A caption's credit: "(صورة: رويترز)", "(أ ف ب)", "REUTERS/Mark Ellison".
_CREDIT = re.compile(r"\([^()]{1,40}\)$|^\([^()]*\)$|\b[A-Z]{3,}/\w|\b(?i:copyright)\b|©")
# "LONDON (Reuters) - ...", "أنقرة (رويترز) - ...", "الشرق اليوم- ..." (the outlet's name, its dash
# glued on): a story's first paragraph, never a deck.
_WIRE_LEAD = re.compile(r"^[^()]{2,40}\([^()]{2,30}\)\s*[-–—]\s|^[^\W\d_]+(?:\s[^\W\d_]+){0,2}[-–—]\s")
_INNER_SENTENCE_END = re.compile(r"[.!?؟۔]\s+\S")
_INTRODUCING_WORDS = ("التالي", "التالية", "يلي", "الآتي", "الآتية", "كالتالي", "زیر", "following", "suivants",
                      "suivantes")
# "اليوم الأربعاء", "صباح اليوم", "امروز", "آج": the day a story's first paragraph reports, which
# standfirsts under an Arabic-script headline do not name.
_TODAY = re.compile(r"(?:^|\s)(?:اليوم|أمس|امس|الليلة|صباح|مساء|الأحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|"
                    r"الخميس|الجمعة|السبت|امروز|دیروز|آج|گزشتہ روز)(?=\s|[،,.]|$)")
MIN_LEAD_CHARS = 80
# "لندن: عالمی کپ ...", "اسلام آباد: ...": a place and a colon opening the story, as Urdu desks date it.
_PLACE_COLON = re.compile(r"^[^\W\d_]+(?:\s[^\W\d_]+)?\s?:\s")
# "Read more", "À lire aussi", "اقرأ أيضاً": a pointer to another story, with or without its colon.
_READ_MORE = ("read more", "read also", "see also", "related:", "à lire aussi", "a lire aussi", "lire aussi",
              "à voir aussi", "voir aussi", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ ايضا", "اقرا ايضا",
              "شاهد أيضا", "شاهد أيضاً", "بیشتر بخوانید", "بخوانید", "مزید پڑھیں", "یہ بھی پڑھیں", "קראו עוד", "קראו גם")
# A name alone: two or three capitalised words ("Henry Molski"), the reporter's.
_LATIN_NAME = re.compile(r"^[A-Z][a-z'’-]+(?: [A-Z]\.?)?(?: [A-Z][a-z'’-]+){1,2}$")
# A link, a handle or a hashtag: an embedded post or a share line, never a heading.
_WEB_TOKEN = re.compile(r"https?://|www\.|\.com\b|pic\.twitter|(?:^|\s)[@#]\w")
OPENING_QUOTES = ("«", "“", '"', "„", "'")
CLOSING_QUOTES = ("»", "”", '"', "'")
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")


def is_dateline(text: str) -> bool:
    """A dateline, date, byline or source line ("القاهرة - رويترز", "12 May 2024", "By Jane Doe",
    "صحيفة الخبر من جدة")."""
    lowered = text.lower()
    if lowered.startswith(_BYLINE_PREFIXES) and len(text.split()) <= MAX_BYLINE_WORDS:
        return True  # a longer line is a sentence that opens with the word ("par des domaines ...")
    if _DATE.search(text) and len(text) <= MAX_DATE_LINE_CHARS:
        return True  # a long sentence that names a date is no date line
    if _DIGIT.search(text) and len(text.split()) <= 6 and not text.endswith(".") and _names_a_month(text):
        return True
    if _DIGIT.search(text) and len(text) <= MAX_DATE_LINE_CHARS and _PUBLISHED.search(text):
        return True
    if _PLACE_AND_AGENCY.match(text) or _SOURCE_LINE.match(text) or _INITIALS.match(text):
        return True
    if text.endswith("|") and text.count("|") == 1 and len(text.split()) <= 6:
        return True  # "עמית בר |": a name before the page's separator
    return bool(_DATELINE.match(text)) and len(text) <= 60 and not text.endswith(CLAUSE_END)


def is_date_line(text: str) -> bool:
    """A line that gives a date or a time and little else ("الأحد 12 مايو 2024", "2022-08-19 10:48",
    "Publié le 12 juin 2019 à 09:15"), unlike a title that names its date."""
    if not (_DATE.search(text) or _DIGIT.search(text) and _names_a_month(text)):
        return False
    words = (w.strip(".,،:|()-–—/").lower() for w in text.split() if not _DIGIT.search(w))
    other = [w for w in words if w and w not in _MONTH_NAMES]
    return len(other) <= MAX_DATE_LINE_WORDS


def _names_a_month(text: str) -> bool:
    """A month name, also with Hebrew's attached preposition ("בפברואר")."""
    words = {w.lower() for w in _WORD.findall(text)}
    return bool(words & _MONTH_NAMES or {w[1:] for w in words if w[:1] in "בל"} & _MONTH_NAMES)


def looks_like_heading(text: str) -> bool:
    """Short, unpunctuated at its end (or a short question), and none of the short lines that are not headings."""
    if len(text) > MAX_HEADING_CHARS or len(text.split()) > MAX_HEADING_WORDS:
        return False
    if text.lower().rstrip(" :：").startswith(_READ_MORE) or text.startswith(("—", "―")) or _WEB_TOKEN.search(text):
        return False  # a read-more pointer, a quote's attribution, or an embedded post's text
    question = text.endswith(QUESTION_END) and len(text) <= MAX_QUESTION_CHARS
    if text.endswith(CLAUSE_END) and not question:
        return False
    return not (is_dateline(text) or _LABEL.match(text) or _CREDIT.search(text) or _mostly_figures(text)
                or _INNER_SENTENCE_END.search(text) or text.lower().endswith(_INTRODUCING_WORDS))


def _mostly_figures(text: str) -> bool:
    """A row of a table that stands alone ("3 Braga 6 4 0 2 9 6 12"), not a heading."""
    words = text.split()
    return sum(1 for word in words if _DIGIT.search(word)) >= max(2, len(words) / 2)


def is_whole_quote(text: str) -> bool:
    """A pulled quote standing on its own line, quotation marks at both ends."""
    return len(text) > 2 and text.startswith(OPENING_QUOTES) and text.endswith(CLOSING_QUOTES)


def looks_like_deck(text: str) -> bool:
    """A deck may be longer than a heading and may end with a full stop, but never introduces a
    list, and a short labelled line under the title is a credit ("حاوره: ...") or the reporter's
    name alone ("Henry Molski").  (A caption's words without their credit, "صورة موضوعية", stay a
    deck, as the editors' conventions have a lone tag line under the title.)"""
    if is_dateline(text) or is_date_line(text) or text.endswith((":", "،", ",")) or len(text) > MAX_DECK_CHARS:
        return False
    if _LATIN_NAME.match(text):
        return False
    if _LABEL.match(text) and len(text.split()) <= 6 or _WIRE_LEAD.match(text) or _CREDIT.search(text):
        return False
    if len(text) >= MIN_LEAD_CHARS and (_TODAY.search(text) or _PLACE_COLON.match(text)):
        return False  # "أعلنت الوزارة، اليوم الأربعاء، ...", "لندن: ...": the story's first paragraph
    return not text.endswith(CLAUSE_END) or len(text) <= language(detect_language(text)).deck_chars


def decide(parts: Sequence[Part]) -> list[Block]:
    """The reader's last stage: every draft as a model block, loose text turned into the title,
    the deck, section headings or paragraphs by what stands around it."""
    glued_article = _glued_article(parts)
    parts = _title_at_level_one(parts)
    blocks: list[Block] = []
    for index, part in enumerate(parts):
        if isinstance(part, LooseText):
            neighbours = _Neighbours(parts[index - 1] if index else None,
                                     parts[index + 1] if index + 1 < len(parts) else None, glued_article)
            blocks.append(_loose_block(part, blocks, neighbours))
        else:
            blocks.append(part.block())
    return blocks


def _title_at_level_one(parts: Sequence[Part]) -> Sequence[Part]:
    """An article that opens with a marked heading of level 2 or 3 and marks none of level 1
    (``## Title``) opens with its title: that heading is level 1; the others keep their levels."""
    marked = [p for p in parts if isinstance(p, MarkedHeading)]
    if not parts or not isinstance(parts[0], MarkedHeading) or min(p.level for p in marked) == 1:
        return parts
    return [dataclasses.replace(parts[0], level=1), *parts[1:]]


@dataclasses.dataclass(frozen=True)
class _Neighbours:
    """The drafts on either side of a loose text, and whether the article sets its paragraphs
    apart with blank lines at all (a pasted article without blank lines glues everything)."""

    before: Optional[Part]
    after: Optional[Part]
    glued_article: bool

    def stacked(self, draft: LooseText, title: Optional[Block]) -> bool:
        """Whether the line stands in a stack of short lines with no blank line between them (a
        caption over a byline, a source over its name): in an article that sets paragraphs apart,
        a heading or a deck stands alone.  Being glued to the title, or to the sentence of the
        paragraph it heads, does not count."""
        if self.glued_article:
            return False
        glued_above = draft.under_previous and isinstance(self.before, LooseText) and title is None
        after = self.after
        glued_below = isinstance(after, LooseText) and after.under_previous and after.one_line \
            and len(after.text) <= MAX_HEADING_CHARS and not after.text.endswith(CLAUSE_END) \
            and not (title and is_dateline(after.text))
        return glued_above or glued_below


def _glued_article(parts: Sequence[Part]) -> bool:
    """Most paragraphs sit right under the one before: the article has no blank lines to speak of."""
    loose = [p for p in parts[1:] if isinstance(p, LooseText)]
    return bool(loose) and sum(p.under_previous for p in loose) > len(loose) / 2


def _loose_block(draft: LooseText, blocks: Sequence[Block], neighbours: _Neighbours) -> Block:
    lines = source_lines(draft)
    previous = blocks[-1] if blocks else None
    if draft.one_line and draft.heading_candidate:
        if _opens_article(blocks) and not is_date_line(draft.text):
            return Heading(level=1, text=draft.text, lines=lines)
        title = previous if isinstance(previous, Heading) and previous.level == 1 else None
        if neighbours.stacked(draft, title):
            return Paragraph(text=draft.text, lines=lines)
        if title and _is_deck(draft.text, neighbours.after) and direction_of(draft.text) == direction_of(title.text):
            return Heading(level=2, text=draft.text, lines=lines)
        if neighbours.after is not None and _body_started(blocks) and not _names_the_speaker(draft, previous) \
                and looks_like_heading(draft.text) and not _leads_in(draft.text, neighbours.after):
            return Heading(level=2, text=draft.text, lines=lines)
    return Paragraph(text=draft.text, lines=lines)


def _leads_in(text: str, after: Part) -> bool:
    """A sentence of many words right before a table or a list introduces it, colon or not ("وفيما
    يلى بيان بدرجات الحرارة المتوقعة غدا على المحافظات"); a heading over them is short, or a
    caption without the prepositions of a sentence ("جدول قیمت 3 روز اخیر هر گرم طلا ۱۸ عیار")."""
    words = text.lower().split()
    return isinstance(after, (TableDraft, ListDraft)) and len(words) >= MIN_LEAD_IN_WORDS and has_sentence_words(words)


def _opens_article(blocks: Sequence[Block]) -> bool:
    """Nothing stands before it but date lines: a date line is never the title."""
    return all(isinstance(b, Paragraph) and is_date_line(b.text) for b in blocks)


def _is_deck(text: str, after: Optional[Part]) -> bool:
    """A deck under the title; a longer one, of whole sentences, when the article's credits
    (a dateline or byline) follow it, as they follow the deck and precede the story."""
    if looks_like_deck(text):
        return True
    followed_by_credits = isinstance(after, LooseText) and after.one_line and is_dateline(after.text) \
        and len(after.text.split()) <= MAX_CREDIT_WORDS
    return followed_by_credits and len(text) <= MAX_LONG_DECK_CHARS and not is_dateline(text) \
        and not _CREDIT.search(text) and not _WIRE_LEAD.match(text) and not _TODAY.search(text)


def _body_started(blocks: Sequence[Block]) -> bool:
    """A section heading divides a story that has begun: the lines between the title (and
    deck) and the first paragraph of the story are credits and captions.  The story has begun
    with a list, a table, a long paragraph or a finished sentence that is no credit."""
    return any(isinstance(b, (List, Table)) or isinstance(b, Paragraph) and _is_story(b.text) for b in blocks)


def _is_story(text: str) -> bool:
    if len(text) >= MIN_BODY_CHARS:
        return True
    return text.endswith(FULL_STOPS) and not (is_dateline(text) or _CREDIT.search(text) or _LABEL.match(text))


def _names_the_speaker(draft: LooseText, previous: Optional[Block]) -> bool:
    """The line right under a pulled quote names its speaker; it is no heading."""
    return draft.under_previous and isinstance(previous, Paragraph) and is_whole_quote(previous.text)
