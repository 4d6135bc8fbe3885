"""The Unicode Bidirectional Algorithm (UAX #9) for every writer: the embedding levels of a
paragraph, the direction runs the HTML and DOCX writers mark up, and the level runs of one
PDF line in visual order.

Levels are resolved once per paragraph, in logical order, on the direction the model gives
the paragraph (never re-decided from its letters), so that a line break never changes how
a number or a Latin name inside Arabic is ordered; only after a line is chosen are its runs
reordered (rules L1 and L2).  Mirroring is left to HarfBuzz, which mirrors brackets in
every run it shapes right-to-left.

Rules X1-I2 (explicit embeddings and isolates, weak types, bracket pairs, neutrals,
implicit levels) come from python-bidi's Rust core, the ``unicode-bidi`` crate, which
passes every case of Unicode's test files.  Its only Python entry point is
``get_display``; ``debug=True`` makes it return the resolved levels instead, as the dump
of its ``BidiInfo`` (one level per UTF-8 byte), which is read here.  Rules L1 and L2 work
per line, which ``get_display`` cannot know, and are done here.  The README explains the
choice; ``tests/test_bidi_conformance.py`` runs Unicode's files through this module.
"""
from __future__ import annotations

import re
import unicodedata
from itertools import accumulate, groupby
from typing import NamedTuple

from bidi import get_display

# Bidi classes that can make a level differ from the paragraph's in text of one direction
# ("" is a code point Python's Unicode data does not know yet: the Rust core decides it).
_INTRUDERS = {
    0: frozenset({"R", "AL", "AN", "LRE", "LRO", "RLE", "RLO", "LRI", "RLI", "FSI", "PDF", "PDI", ""}),
    1: frozenset({"L", "EN", "AN", "LRE", "LRO", "RLE", "RLO", "LRI", "RLI", "FSI", "PDF", "PDI", ""}),
}
# Characters rule X9 removes: they have no level of their own.
_REMOVED = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "BN"})
# Characters rule L1 puts back at the paragraph level when they end a line or precede a separator.
_TRAILING = frozenset({"WS", "LRI", "RLI", "FSI", "PDI"}) | _REMOVED
_SEPARATORS = frozenset({"S", "B"})
_STRONG = {0: frozenset({"L"}), 1: frozenset({"R", "AL"})}
_SURROGATE = re.compile("[\ud800-\udfff]")
# Where the levels are in the dump of the Rust core's BidiInfo (the text before them is
# escaped on one line, so these lines cannot occur in it).
_LEVELS_START, _LEVELS_END = "\n    levels: [\n", "\n    ],\n"


class Run(NamedTuple):
    """Characters ``start:end`` of the paragraph, all at embedding ``level`` (odd = right-to-left)."""

    start: int
    end: int
    level: int

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


class Levels(list):
    """The resolved level of each character of a paragraph (a list of ints), rule L1 applied
    as if the paragraph were one line; it keeps the text and base level, which rule L1 needs
    again at the end of each line."""

    def __init__(self, levels: list[int], text: str, base: int):
        super().__init__(levels)
        self.text, self.base = text, base


def embedding_levels(text: str, rtl: bool) -> Levels:
    """The embedding level of every character of a paragraph whose base direction is ``rtl``.

    Characters that rule X9 removes (embedding controls, zero-width joiners) get their
    neighbour's level, so that they never cut a run in two.  Most news paragraphs hold one
    direction only and skip the algorithm: every character is at the base level.
    """
    base = 1 if rtl else 0
    classes = {unicodedata.bidirectional(ch) for ch in set(text)}
    if not classes & _INTRUDERS[base]:
        return Levels([base] * len(text), text, base)
    levels = _resolved_levels(text, base, not classes.isdisjoint(_REMOVED))
    return Levels(_line_levels(text, levels, base), text, base)


def _resolved_levels(text: str, base: int, removed: bool) -> list[int]:
    """Rules X1-I2 by the Rust core; each character takes the level of its first UTF-8 byte.

    ``removed``: whether the text holds characters rule X9 removes, which then take the level
    of the character before them.
    """
    safe = _SURROGATE.sub("\ufffd", text)  # a lone surrogate cannot cross into Rust; U+FFFD is as neutral
    dump = get_display(safe, base_dir="LR"[base], debug=True)
    start = dump.find(_LEVELS_START) + len(_LEVELS_START)
    # Each level is dumped as the three words "Level(", "N," and "),".
    per_byte = dump[start:dump.find(_LEVELS_END, start)].split()[1::3]
    if start < len(_LEVELS_START) or len(per_byte) != len(safe.encode()):
        raise RuntimeError("python-bidi's debug output is not the one newsconv reads: install python-bidi>=0.6.12,<0.7")
    if len(per_byte) == len(safe):
        levels = [int(level[:-1]) for level in per_byte]
    else:
        offsets = accumulate((1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
                              for code in map(ord, safe)), initial=0)
        levels = [int(per_byte[offset][:-1]) for offset, _ in zip(offsets, safe)]
    if removed:
        previous = base
        for index, ch in enumerate(text):
            if unicodedata.bidirectional(ch) in _REMOVED:
                levels[index] = previous
            previous = levels[index]
    return levels


def _line_levels(text: str, levels: list[int], base: int) -> list[int]:
    """The ``levels`` of one line of ``text`` with rule L1 applied: separators, and whitespace and
    isolate controls before a separator or at the end of the line, go back to the base level."""
    out = list(levels)
    trailing = True
    for index in range(len(text) - 1, -1, -1):
        kind = unicodedata.bidirectional(text[index])
        if kind in _SEPARATORS:
            out[index] = base
            trailing = True
        elif trailing and kind in _TRAILING:
            out[index] = base
        else:
            trailing = False
    return out


def visual_runs(levels: list[int], start: int, end: int) -> list[Run]:
    """The level runs of the line ``start:end``, left to right as they are displayed (rules L1, L2).

    ``levels`` is what :func:`embedding_levels` returned; a plain list is taken as final.
    """
    if isinstance(levels, Levels) and end < len(levels):
        line = _line_levels(levels.text[start:end], levels[start:end], levels.base)
        runs = [run._replace(start=run.start + start, end=run.end + start) for run in _level_runs(line, 0, len(line))]
    else:
        runs = _level_runs(levels, start, end)
    if not runs:
        return runs
    lowest_odd = min(run.level for run in runs) | 1
    for level in range(max(run.level for run in runs), lowest_odd - 1, -1):
        runs = _reverse_at_or_above(runs, level)
    return runs


def _level_runs(levels: list[int], start: int, end: int) -> list[Run]:
    """Maximal runs of one level in ``start:end``, in logical order."""
    if start < end and levels[start:end].count(levels[start]) == end - start:  # one level: at C speed
        return [Run(start, end, levels[start])]
    runs: list[Run] = []
    index = start
    for level, same in groupby(levels[start:end]):
        length = sum(1 for _ in same)
        runs.append(Run(index, index + length, level))
        index += length
    return runs


def _reverse_at_or_above(runs: list[Run], level: int) -> list[Run]:
    """Reverse every maximal sequence of runs whose level is at least ``level``."""
    out: list[Run] = []
    sequence: list[Run] = []
    for run in runs:
        if run.level >= level:
            sequence.append(run)
            continue
        out.extend(reversed(sequence))
        sequence = []
        out.append(run)
    out.extend(reversed(sequence))
    return out


def direction_runs(text: str, rtl: bool) -> list[Run]:
    """``text`` in logical order, cut where its direction changes: what the HTML writer isolates
    in ``<bdi>`` and the DOCX writer marks ``w:rtl``, from the same levels as the PDF's lines.

    A run is a maximal stretch at the paragraph's level, or a maximal stretch above it (a Latin
    name, a number, or a number inside a Latin name, in Arabic), whose direction is the one
    opposite the paragraph's.  A bracket pair gets one level from rule N0, and an isolate's
    content is above its controls, so neither is ever cut by a run boundary.
    """
    levels = embedding_levels(text, rtl)
    base = levels.base
    runs: list[Run] = []
    for run in _level_runs(levels, 0, len(text)):
        level = base if run.level == base else base + 1
        if runs and runs[-1].level == level:
            runs[-1] = runs[-1]._replace(end=run.end)
        else:
            runs.append(Run(run.start, run.end, level))
    return runs


def has_strong_letter(text: str, rtl: bool) -> bool:
    """Whether ``text`` holds a letter that reads right to left (``rtl``) or left to right."""
    strong = _STRONG[1 if rtl else 0]
    return any(unicodedata.bidirectional(ch) in strong for ch in set(text))


