"""A heading its author marked with markdown hashes: ``# Title``, ``## Section``, ``### Sub``."""
from __future__ import annotations

from typing import Optional

from ..drafts import MarkedHeading, collapse
from ..lines import HEADING
from .base import Lines


def match(lines: Lines, i: int) -> Optional[MarkedHeading]:
    line = lines[i]
    if line.kind != HEADING:
        return None
    return MarkedHeading(start=i, end=i + 1, level=line.level, text=collapse(line.text))
