"""A ranking pasted as numbered lines that each end in the same figures ("1. Paris SG 87 33 28",
"2. Monaco 70 34 21"): a league table or a poll's results with its rank column, not a list.

The numbers must follow each other (blank lines may stand between the rows) and every line must
end in the same count (two or more) of figures; the rank stays the first cell as printed ("1."),
as a reader sees it.  A line of short words right above the first row, without figures, is the
header.  Where the cells of the lines end is :mod:`..flat_cells`'s decision, as for any
flattened table.
"""
from __future__ import annotations

from typing import Optional

from ..drafts import TableDraft
from ..flat_cells import MIN_ROWS, split_flat_table, trailing_figures
from ..lines import ITEM, TEXT
from .base import Lines
from .delimited_table import reads_as_header
from .marked_list import follows_in_list

MIN_FIGURES = 2


def match(lines: Lines, i: int) -> Optional[TableDraft]:
    header = lines[i].kind == TEXT and i + 1 < len(lines) and not any(ch.isdigit() for ch in lines[i].source)
    first = i + 1 if header else i
    ranks = _ranking(lines, first)
    if len(ranks) < MIN_ROWS:
        return None
    rows_at = [i] + ranks if header else ranks
    table = split_flat_table([lines[k].source for k in rows_at])
    if table is None or table[1] != len(rows_at):
        return None
    rows = table[0]
    return TableDraft(start=i, end=ranks[-1] + 1, rows=tuple(tuple(row) for row in rows),
                      header=header and reads_as_header(rows))


def _ranking(lines: Lines, i: int) -> list[int]:
    """The numbered lines from ``i`` (blank lines may stand between them) that follow each other
    and end in as many figures."""
    if i >= len(lines) or lines[i].kind != ITEM or not lines[i].marker.startswith("number:"):
        return []
    figures = trailing_figures(lines[i].text.split())
    if figures < MIN_FIGURES:
        return []
    ranks = [i]
    following = lines.next_content(i + 1)
    while following < len(lines) and lines[following].kind == ITEM \
            and follows_in_list(lines[ranks[-1]], lines[following], lines[i]) \
            and trailing_figures(lines[following].text.split()) == figures:
        ranks.append(following)
        following = lines.next_content(following + 1)
    return ranks
