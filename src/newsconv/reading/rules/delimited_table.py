"""A table whose cells are delimited on every row: by tabs, by pipes (markdown tables with or
without their outer pipes and ``---`` rule), by semicolons (exported data: as many cells on
every row), or by columns aligned with runs of spaces."""
from __future__ import annotations

from collections import Counter
from typing import Optional, Sequence

from .. import headings
from ..drafts import TableDraft
from ..lines import BLANK, PIPE_ROW, RULE, SEMICOLON_ROW, SPACED_ROW, TAB_ROW
from ..flat_cells import is_figure
from .base import ROW_KINDS, Lines

_MAX_SPACED_CELL_CHARS = 45


def match(lines: Lines, i: int) -> Optional[TableDraft]:
    kind = PIPE_ROW if starts_pipe_table(lines, i) else lines[i].kind
    if kind not in ROW_KINDS:
        return None
    end, rows, rule_at = i, [], None
    while end < len(lines):
        if lines[end].kind == BLANK and kind in (TAB_ROW, SEMICOLON_ROW) and end > i:
            following = lines.next_content(end)  # a page that set each row in its own paragraph
            if following < len(lines) and lines[following].kind == kind:
                end = following
                continue
            break
        if not (lines[end].kind == kind or _is_table_rule(lines, end, kind)):
            break
        if kind == SEMICOLON_ROW and rows and len(lines[end].cells) != len(rows[0]):
            break  # exported rows all have as many cells: a sentence with semicolons ends the table
        if lines[end].kind == RULE:
            rule_at = len(rows)
        else:
            rows.append(lines[end].cells)
        end += 1
    if len(rows) < 2 or (kind == SPACED_ROW and not _plausible_columns(rows)) or _credits(lines, i, end):
        return None
    if kind == SEMICOLON_ROW and (len({len(r) for r in rows}) != 1 or not _plausible_columns(rows)):
        return None  # clauses a sentence sets apart with semicolons vary from line to line
    if kind == TAB_ROW:
        rows = _tab_columns(rows)
    if kind == PIPE_ROW and rule_at is None:
        rows = _joined_header(rows)
    header = rule_at == 1 or (rule_at is None and reads_as_header(rows))
    if header:
        rows = [_untitled_label_column(rows[0], rows[1:]), *rows[1:]]
    return TableDraft(start=i, end=end, rows=tuple(tuple(r) for r in rows), header=header)


def starts_pipe_table(lines: Lines, i: int) -> bool:
    """A markdown table rule (``|---|---|``) right above a pipe row opens a table."""
    return lines[i].kind == RULE and lines[i].marker == "table" and \
        i + 1 < len(lines) and lines[i + 1].kind == PIPE_ROW


def reads_as_header(rows: Sequence[Sequence[str]]) -> bool:
    """The first row is a header unless a cell of it is or starts with a figure, as data rows
    have ("نسبة النجاح 2025 (%)" names a column; "104" and "9°C" are values)."""
    return len(rows) >= 2 and not any(is_figure(cell) or cell[:1].isdigit() for cell in rows[0])


def _joined_header(rows: Sequence[Sequence[str]]) -> Sequence[Sequence[str]]:
    """A header wrapped over two lines ("Pos | Equipe | Pts |" then "G | N | Diff |") is one row:
    the two lines' cells add up to every other row's."""
    widths = {len(r) for r in rows[2:]}
    if len(rows) >= 3 and len(widths) == 1 and len(rows[0]) + len(rows[1]) == min(widths) > len(rows[0]):
        return [tuple(rows[0]) + tuple(rows[1]), *rows[2:]]
    return rows


def _untitled_label_column(header: Sequence[str], rows: Sequence[Sequence[str]]) -> Sequence[str]:
    """A header one cell short of every row leaves the first column, the labels', untitled (its
    blank cell was lost with the line's leading space or tab)."""
    if rows and all(len(r) == len(header) + 1 for r in rows):
        return ("", *header)
    return header


def _credits(lines: Lines, start: int, end: int) -> bool:
    """Rows that are all datelines ("نشر في 13-02-2022 | 17:32") are a page's credits, not a table."""
    return all(headings.is_dateline(line.source) for line in lines[start:end] if line.kind != RULE)


def _is_table_rule(lines: Lines, i: int, kind: str) -> bool:
    return kind == PIPE_ROW and lines[i].kind == RULE and lines[i].marker == "table"


def _tab_columns(rows: Sequence[Sequence[str]]) -> Sequence[Sequence[str]]:
    """Each tab separates two cells, so two tabs in a row hold an empty cell; but when the rows
    only agree once runs of tabs count as one, the tabs were lining columns up."""
    if len({len(r) for r in rows}) == 1:
        return rows
    merged = [[c for c in row if c] for row in rows]
    return merged if len({len(r) for r in merged}) == 1 else rows


def _plausible_columns(rows: Sequence[Sequence[str]]) -> bool:
    """Aligned columns hold short cells; prose with double spaces does not."""
    counts = Counter(len(r) for r in rows)
    common, times = counts.most_common(1)[0]
    cells = [c for r in rows for c in r]
    mean = sum(len(c) for c in cells) / len(cells)
    punctuated = sum(1 for c in cells if c.endswith((".", "!", "?", "؟")))
    return times >= 0.6 * len(rows) and common >= 2 and mean <= _MAX_SPACED_CELL_CHARS and punctuated <= len(cells) / 4
