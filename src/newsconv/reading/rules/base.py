"""What every block rule works on: the article's classified lines, and what a rule is."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from ..drafts import Draft
from ..lines import BLANK, PIPE_ROW, RULE, SEMICOLON_ROW, SPACED_ROW, TAB_ROW, TEXT, Line
from ..reflow import wrap_width

ROW_KINDS = (TAB_ROW, PIPE_ROW, SEMICOLON_ROW, SPACED_ROW)


@dataclass(frozen=True)
class Rule:
    """A named block rule.  ``match(lines, i)`` returns the draft of the block starting at line
    ``i``, or None.  A rule that ``interrupts_text`` may end a run of running text in mid-flow
    (a flattened table right under a paragraph); the others need a line of their own kind."""

    name: str
    match: Callable[["Lines", int], Optional[Draft]]
    interrupts_text: bool = False


@dataclass(frozen=True, eq=False)
class Lines(Sequence[Line]):
    """An article's classified lines, with what rules need to know about the whole article:
    the width it was hard-wrapped at, whether it sets its blocks apart with blank lines, where
    its first line of content is, and which rules are on."""

    lines: tuple[Line, ...]
    rules: tuple[Rule, ...] = ()
    width: Optional[int] = None
    first_content: int = 0
    spaced: bool = False

    @classmethod
    def of(cls, lines: Sequence[Line], rules: Sequence[Rule] = ()) -> "Lines":
        lines = tuple(lines)
        first = next((k for k, line in enumerate(lines) if line.kind != BLANK), len(lines))
        return cls(lines, tuple(rules), wrap_width(_text_runs(lines)), first, _spaced(lines))

    def __getitem__(self, index):
        return self.lines[index]

    def __len__(self) -> int:
        return len(self.lines)

    def next_content(self, i: int) -> int:
        """The first non-blank line at or after ``i`` (``len(self)`` when there is none)."""
        while i < len(self.lines) and self.lines[i].kind == BLANK:
            i += 1
        return i

    def follows_content(self, i: int) -> bool:
        """Whether line ``i`` sits right under the block above, with no blank line or rule between."""
        return i > 0 and self.lines[i - 1].kind not in (BLANK, RULE)

    def enabled(self, name: str) -> bool:
        return any(rule.name == name for rule in self.rules)


MIN_SPACING_BLANKS = 2


def _spaced(lines: Sequence[Line]) -> bool:
    """Blank lines stand between blocks (two places at least): then a line break inside a block
    of prose is a wrap, not a new paragraph."""
    kinds = [line.kind for line in lines]
    between = sum(1 for k in range(1, len(kinds) - 1) if kinds[k] == BLANK and kinds[k - 1] != BLANK
                  and kinds[k + 1] != BLANK)
    return between >= MIN_SPACING_BLANKS


def _text_runs(lines: Sequence[Line]) -> list[list[str]]:
    """The runs of consecutive plain lines, whose widths tell whether the article was hard-wrapped."""
    runs, current = [], []
    for line in lines:
        if line.kind == TEXT:
            current.append(line.text)
        elif current:
            runs.append(current)
            current = []
    return runs + ([current] if current else [])
