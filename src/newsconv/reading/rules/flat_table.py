"""A table pasted with its cell borders flattened to single spaces, one row per line.

It hides in running text as a stretch of three or more short lines without sentence-ending
punctuation (:func:`.running_text.short_stretch`), perhaps with rules of dashes between rows; :mod:`..flat_cells` decides where the cells
of such a stretch end, or that they do not read as a table.
"""
from __future__ import annotations

from typing import Optional

from ..drafts import TableDraft
from ..flat_cells import split_flat_table
from ..lines import RULE
from .base import Lines
from .delimited_table import reads_as_header
from .running_text import short_stretch


def match(lines: Lines, i: int) -> Optional[TableDraft]:
    end = short_stretch(lines, i)
    if end is None:
        return None
    rows_at = [k for k in range(i, end) if lines[k].kind != RULE]  # rules between rows are no rows
    table = split_flat_table([lines[k].source for k in rows_at])
    if table is None:
        return None
    rows, used = table
    return TableDraft(start=i, end=rows_at[used - 1] + 1, rows=tuple(tuple(r) for r in rows),
                      header=reads_as_header(rows))
