"""Short lines standing together that do not read as a table (the flattened-table rule, tried
first, found no columns): each is a paragraph, never a heading, since a heading stands alone;
except where the lines pair a short title with a longer sentence, each pair a little section of
its own ("سعر عيار 21" / "سجل عيار 21 نحو 688 جنيها"): the short lines may be headings."""
from __future__ import annotations

from typing import Optional

from ..drafts import LooseText, ShortLines, collapse
from .base import Lines
from .running_text import short_stretch


def match(lines: Lines, i: int) -> Optional[ShortLines]:
    end = short_stretch(lines, i)
    if end is None:
        return None
    texts = [collapse(lines[j].source) for j in range(i, end)]
    titled = _titled_pairs(texts)
    paragraphs = tuple(LooseText(start=i + k, end=i + k + 1, text=text, heading_candidate=titled and k % 2 == 0,
                                 under_previous=k > 0 or lines.follows_content(i))
                       for k, text in enumerate(texts))
    return ShortLines(start=i, end=end, paragraphs=paragraphs)


def _titled_pairs(texts: list[str]) -> bool:
    """Short lines (a few words) and longer ones (a sentence) taking turns, in two pairs or more."""
    pairs = list(zip(texts[::2], texts[1::2]))
    return len(texts) % 2 == 0 and len(pairs) >= 2 and all(
        len(title.split()) <= _MAX_TITLE_WORDS < _MIN_SENTENCE_WORDS <= len(sentence.split()) for title, sentence in pairs)


_MAX_TITLE_WORDS = 5
_MIN_SENTENCE_WORDS = 6
