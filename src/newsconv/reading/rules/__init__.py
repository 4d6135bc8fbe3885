"""The block rules of the raw-article reader, in the order they are tried (as in markdown-it).

At each line the first rule whose ``match(lines, i)`` returns a draft wins, and reading goes on
after the lines it took.  Marked constructs come first, then the forms pasted text hides
in runs of plain lines, then running text, the fallback, which always matches.  Any rule but
the fallback can be disabled by name (``parse_text(..., disabled_rules={"flat_table"})``).
What is a heading is decided afterwards, once every block's neighbours are known
(:func:`newsconv.reading.headings.decide`).
"""
from __future__ import annotations

from typing import Collection, Iterator

from ..drafts import Draft
from ..lines import BLANK, RULE
from . import (delimited_table, flat_table, label_lines, marked_list, markdown_heading, ranked_table, short_lines,
               text_run)
from .base import Lines, Rule

RULES: tuple[Rule, ...] = (
    Rule("markdown_heading", markdown_heading.match),
    Rule("delimited_table", delimited_table.match),
    Rule("ranked_table", ranked_table.match, interrupts_text=True),
    Rule("marked_list", marked_list.match),
    Rule("label_lines", label_lines.match, interrupts_text=True),
    Rule("flat_table", flat_table.match, interrupts_text=True),
    Rule("short_lines", short_lines.match, interrupts_text=True),
    Rule("text_run", text_run.match),
)
FALLBACK = "text_run"


def names() -> list[str]:
    """The rules' names in the order they are tried."""
    return [rule.name for rule in RULES]


def enabled_rules(disabled: Collection[str] = ()) -> tuple[Rule, ...]:
    """The rule list without the ``disabled`` ones; ValueError for an unknown name or the fallback."""
    unknown = set(disabled) - set(names())
    if unknown:
        raise ValueError(f"unknown rule(s) {', '.join(sorted(unknown))}; the rules are {', '.join(names())}")
    if FALLBACK in disabled:
        raise ValueError(f"{FALLBACK} reads every line no other rule takes and cannot be disabled")
    return tuple(rule for rule in RULES if rule.name not in disabled)


def drafts(lines: Lines) -> Iterator[Draft]:
    """The drafts of ``lines``, in order, by the first rule of ``lines.rules`` that matches at each block start."""
    i = 0
    while i < len(lines):
        if lines[i].kind in (BLANK, RULE) and not delimited_table.starts_pipe_table(lines, i):
            i += 1
            continue
        draft = next(d for d in (rule.match(lines, i) for rule in lines.rules) if d is not None)
        yield draft
        i = draft.end
