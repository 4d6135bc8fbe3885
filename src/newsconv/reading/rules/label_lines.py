"""A run of "label: value" or "label – value" lines ("حزب النور: مقعدان", "خط الوسط: رودري، غوندوغان",
"ليكود – 36"): the figures, results or line-ups of a story, pasted as lines (blank lines between
them or not), read as a bulleted list.

Three lines at least, with labels of a few words (a longer list of places before a short value)
that differ from line to line (an interview's
alternating "س:" and "ج:" is no list) and short values; never the title, a dateline or a byline
("كتبت: ...", "آخر تحديث: 10:45"), nor a page's furniture ("المصدر: ...", "كلمات دلالية: ...").
"""
from __future__ import annotations

import re
from typing import Optional

from .. import headings
from ..drafts import ListDraft
from ..lines import BLANK, TEXT
from .base import Lines

MIN_LINES = 3
_MAX_VALUE_CHARS = 120
# The labels a page's furniture starts with: source, tags, read-more and photo lines, not figures.
_FURNITURE = frozenset("""المصدر مصدر اقرأ إقرأ كلمات الكلمات وسوم الوسوم تاريخ آخر صورة الصورة شاهد تابع منبع بیشتر
عکس برچسب ماخذ مزید טגים מקור צילום קראו source read tags tag photo image credit credits see related lire
voir mots""".split())
# "label: value", or "label – value" (a dash set apart by spaces: "ليكود – 36", "Labour – 411 seats").
_LABELLED = re.compile(r"^(?P<label>[^\s:：]+(?:\s[^\s:：]+){0,11}?)(?:\s?[:：]\s+|\s[-–—]\s?)(?P<value>\S.*)$")
_MAX_LABEL_WORDS = 4
_MAX_LONG_LABEL_WORDS = 12  # a list of places or names as the label of a short value
_MAX_SHORT_VALUE_CHARS = 30


def match(lines: Lines, i: int) -> Optional[ListDraft]:
    if i == lines.first_content or _label(lines, i) is None:
        return None
    taken, labels, j = [i], [_label(lines, i)], i + 1
    while j < len(lines):
        k = j + 1 if lines[j].kind == BLANK and j + 1 < len(lines) else j
        label = _label(lines, k)
        if label is None:
            break
        taken.append(k)
        labels.append(label)
        j = k + 1
    if len(taken) < MIN_LINES or len(set(labels)) < 0.75 * len(labels):
        return None
    return ListDraft(start=i, end=taken[-1] + 1, ordered=False, items=tuple(lines[k].source for k in taken))


def _label(lines: Lines, i: int) -> Optional[str]:
    line = lines[i]
    if line.kind != TEXT or headings.is_dateline(line.source):
        return None
    found = _LABELLED.match(line.source)
    if not found or len(found.group("value")) > _MAX_VALUE_CHARS or any(ch.isdigit() for ch in found.group("label")):
        return None
    words = len(found.group("label").split())
    if words > _MAX_LABEL_WORDS and (words > _MAX_LONG_LABEL_WORDS or len(found.group("value")) > _MAX_SHORT_VALUE_CHARS):
        return None
    if found.group("label").split()[0].lower() in _FURNITURE:
        return None
    return found.group("label")
