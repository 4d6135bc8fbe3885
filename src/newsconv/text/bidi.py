"""Unicode bidi (UAX #9) for line layout: embedding levels of a paragraph, and the level
runs of one line in visual order.

Levels are resolved once per paragraph, in logical order, so that a line break never
changes how a number or a Latin name inside Arabic is ordered; only after a line is
chosen are its runs reordered (rule L2).  Mirroring is left to HarfBuzz, which mirrors
brackets in every run it shapes right-to-left.
"""
from __future__ import annotations

import unicodedata
from typing import NamedTuple

# Bidi classes that can make a level differ from the paragraph's in text of one direction.
_LTR_INTRUDERS = frozenset({"L", "EN", "AN", "LRE", "LRO", "RLE", "RLO", "LRI", "RLI", "FSI", "PDF", "PDI"})
_RTL_INTRUDERS = frozenset({"R", "AL", "AN", "LRE", "LRO", "RLE", "RLO", "LRI", "RLI", "FSI", "PDF", "PDI"})


class Run(NamedTuple):
    """Characters ``start:end`` of the paragraph, all at embedding ``level`` (odd = right-to-left)."""

    start: int
    end: int
    level: int

    @property
    def rtl(self) -> bool:
        return self.level % 2 == 1


def embedding_levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of every character of a paragraph of base direction ``rtl``.

    Most news paragraphs hold one direction only; they skip the full algorithm, whose
    pure-Python implementation costs about 2 microseconds a character.
    """
    base = 1 if rtl else 0
    intruders = _RTL_INTRUDERS if not rtl else _LTR_INTRUDERS
    if not any(unicodedata.bidirectional(ch) in intruders for ch in text):
        return [base] * len(text)
    return _resolved_levels(text, base)


def _resolved_levels(text: str, base: int) -> list[int]:
    """Rules X1-I2 from python-bidi's reference implementation (its Rust core exposes no levels)."""
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "RL"[base]
    algorithm.get_embedding_levels(text, storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    levels = [char["level"] for char in storage["chars"]]
    if len(levels) != len(text):  # explicit formatting characters are removed by rule X9
        return _expand_removed(text, levels, base)
    return levels


def _expand_removed(text: str, levels: list[int], base: int) -> list[int]:
    """Give characters that rule X9 dropped (embeddings, overrides) the level of their neighbour."""
    removed = {"LRE", "RLE", "LRO", "RLO", "PDF", "BN"}
    kept = iter(levels)
    out: list[int] = []
    for ch in text:
        out.append(out[-1] if out else base) if unicodedata.bidirectional(ch) in removed else out.append(next(kept))
    return out


def visual_runs(levels: list[int], start: int, end: int) -> list[Run]:
    """The level runs of the line ``start:end``, left to right as they are displayed (rule L2)."""
    runs: list[Run] = []
    for index in range(start, end):
        if runs and runs[-1].level == levels[index]:
            runs[-1] = runs[-1]._replace(end=index + 1)
        else:
            runs.append(Run(index, index + 1, levels[index]))
    if not runs:
        return runs
    lowest_odd = min(run.level for run in runs) | 1
    for level in range(max(run.level for run in runs), lowest_odd - 1, -1):
        runs = _reverse_at_or_above(runs, level)
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
