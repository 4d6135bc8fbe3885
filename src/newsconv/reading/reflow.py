"""Hard-wrapped text: telling a line broken by a wrap from a line that ends a paragraph.

An article wrapped at a fixed width has many lines close to that width; a line was broken
by the wrap when the next line's first word would not have fitted on it.  The width is
estimated once for the whole article, so a short title over a long paragraph is never
mistaken for the paragraph's first line.
"""
from __future__ import annotations

import dataclasses
from typing import Optional, Sequence

from .drafts import LooseText, Part, collapse
from .flat_cells import FUNCTION_WORDS, figure_count
from .headings import FULL_STOPS, SENTENCE_END

MAX_WRAP_WIDTH = 130
_MIN_WRAPPED_LINES = 3
_SLACK = 3
_NEARLY_FULL = 0.8
_MIN_WRAPPED_CHARS = 30  # shorter lines are table rows, datelines or headings, never a wrap
_MIN_RUN_ON_CHARS = 40
_ROW_FIGURE_SHARE = 0.4
_FAR_LONGER = 1.5  # a line run on this far past the width was never wrapped at it


def wrap_width(runs: Sequence[Sequence[str]]) -> Optional[int]:
    """The width the article was hard-wrapped at, or None when it was not hard-wrapped.

    ``runs`` are the runs of consecutive non-blank text lines.  Only lines followed by
    another line of their run, and not short, can be wrapped lines; they must cluster
    near one width, and hardly any may run far past it.  The rows of a flattened table (mostly figures) are no wrapped
    lines: their lengths say nothing of a width.
    """
    lines = [line for run in runs for line in run[:-1] if len(line) >= _MIN_WRAPPED_CHARS and not _row_of_figures(line)]
    if len(lines) < _MIN_WRAPPED_LINES or sum(line.endswith(FULL_STOPS) for line in lines) > len(lines) / 2:
        return None  # lines that mostly end their sentences are paragraphs, one a line
    candidates = [len(line) for line in lines]
    candidates.sort()
    width = candidates[int(0.9 * (len(candidates) - 1))]
    if width > MAX_WRAP_WIDTH or width < 30:
        return None
    near = sum(1 for n in candidates if 0.7 * width <= n <= width + _SLACK)
    far_longer = sum(1 for n in candidates if n > _FAR_LONGER * width)
    return width if near >= 0.6 * len(candidates) and far_longer <= 0.1 * len(candidates) else None


def _row_of_figures(line: str) -> bool:
    """Mostly figures: a flattened table's row ("9 استقلال خوزستان 20 5 8 7 5- 23"), not prose that
    quotes a price or two."""
    return figure_count(line) >= _ROW_FIGURE_SHARE * len(line.split())


def continues(line: str, next_line: str, width: Optional[int]) -> bool:
    """Whether ``next_line`` continues ``line``'s paragraph in text wrapped at ``width``.

    Either the next word would not have fitted on the line, or the line is nearly full and
    does not end a sentence (people and tools that wrap by eye are not exact).
    """
    if width is None or not next_line:
        return False
    first_word = next_line.split(maxsplit=1)[0]
    if len(line) + 1 + len(first_word) > width - _SLACK:
        return True
    return len(line) >= _NEARLY_FULL * width and not line.endswith(SENTENCE_END)


def looks_wrapped(lines: Sequence[str]) -> bool:
    """Lines of one hard-wrapped paragraph (its last line aside) all reach close to one width,
    whatever width the rest of the article was wrapped at; table rows vary much more."""
    if len(lines) < 2:
        return False
    width = max(len(line) for line in lines)
    return width >= 50 and all(len(line) >= 0.8 * width for line in lines[:-1])


def runs_on(line: str, next_line: str) -> bool:
    """Whether ``line`` cannot end its paragraph, whatever the article's width: it ends on a word
    no sentence ends with (a preposition, a conjunction, a relative: "في", "الذي", "the"), or it
    ends on no punctuation and the next line goes on with a small letter.  Short lines, which may
    be headings or rows, never run on."""
    if len(line) < _MIN_RUN_ON_CHARS or not next_line or line.endswith(SENTENCE_END):
        return False
    return ends_on_function_word(line) or next_line[:1].islower()


def ends_on_function_word(line: str) -> bool:
    """The line's last word is one no sentence ends with: a preposition, a conjunction, a relative."""
    return line.rsplit(maxsplit=1)[-1].lower() in FUNCTION_WORDS


def rejoined(parts: Sequence[Part]) -> list[Part]:
    """Paragraphs a stray blank line broke in the middle of a sentence, joined again: a paragraph
    (never the title) that ends on a word no sentence ends with, and the text one blank line
    below it ("... عثر عليها في" / "قذيفة مدفعية ..."), as pastes from PDFs and some pages break
    them.  A small letter after a blank line is no such sign: a French date line follows its title."""
    joined: list[Part] = []
    for part in parts:
        before = joined[-1] if len(joined) > 1 else None
        if isinstance(part, LooseText) and isinstance(before, LooseText) and part.start == before.end + 1 \
                and len(before.text) >= _MIN_RUN_ON_CHARS and ends_on_function_word(before.text):
            joined[-1] = dataclasses.replace(before, end=part.end, text=collapse(f"{before.text} {part.text}"),
                                             heading_candidate=False)
        else:
            joined.append(part)
    return joined
