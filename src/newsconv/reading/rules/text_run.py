"""Running text, the rule of last resort: consecutive plain lines up to a blank line, a marked
block, or a block that may interrupt text (a flattened table).  Wrapped lines are joined into
paragraphs; every line that was not broken by a wrap ends its paragraph.  Whether a one-line
paragraph is in fact a heading is left to the heading stage."""
from __future__ import annotations

from typing import Sequence

from .. import headings
from ..drafts import LooseText, TextRun, collapse
from ..lines import ITEM
from ..reflow import continues, runs_on
from .base import Lines
from .running_text import continues_text, starts_stretch


def match(lines: Lines, i: int) -> TextRun:
    end = i + 1
    while end < len(lines) and continues_text(lines, end) and not _interrupted(lines, end):
        end += 1
    return TextRun(start=i, end=end, paragraphs=_paragraphs(lines, i, end))


def _interrupted(lines: Lines, i: int) -> bool:
    return starts_stretch(lines, i) and any(rule.match(lines, i) for rule in lines.rules if rule.interrupts_text)


def _paragraphs(lines: Lines, start: int, end: int) -> tuple[LooseText, ...]:
    """Join wrapped lines (and dash asides) into paragraphs; each unwrapped line stands alone,
    and so do a pulled quote and a dateline, whatever their length."""
    texts = [line.source for line in lines[start:end]]
    paragraphs: list[LooseText] = []
    first = 0
    for index, text in enumerate(texts):
        following = texts[index + 1] if index + 1 < len(texts) else ""
        aside = bool(following) and lines[start + index + 1].kind == ITEM
        title = start + index == lines.first_content  # the first line is the title, whatever follows it
        if not title and (_glued(text, aside) or _wrapped_on(texts[first:index + 1], following, lines)):
            continue
        paragraphs.append(LooseText(
            start=start + first, end=start + index + 1, text=collapse(" ".join(texts[first:index + 1])),
            under_previous=bool(paragraphs) or lines.follows_content(start)))
        first = index + 1
    return tuple(paragraphs)


def _glued(text: str, aside: bool) -> bool:
    """A dash aside joins the sentence it interrupts; after a finished sentence or quote a dash
    line is an attribution of its own."""
    return aside and not text.endswith(headings.CLAUSE_END)


def _wrapped_on(current: Sequence[str], following: str, lines: Lines) -> bool:
    if headings.is_whole_quote(" ".join(current)) or (following and headings.is_dateline(following)):
        return False
    return continues(current[-1], following, lines.width) or runs_on(current[-1], following) \
        or lines.spaced and _broken_mid_sentence(current[-1], following)


def _broken_mid_sentence(line: str, following: str) -> bool:
    """In an article that sets its paragraphs apart with blank lines, a long line that stops
    short of its sentence's end, over another long line, was wrapped ("... סגר כללי החל מיום" /
    "שלישי הקרוב. ..."), whether or not the article's width could be measured."""
    return len(line) >= _MIN_BROKEN_CHARS and len(following) >= _MIN_FOLLOWING_CHARS \
        and not line.endswith(headings.SENTENCE_END)


_MIN_BROKEN_CHARS = 50
_MIN_FOLLOWING_CHARS = 30
