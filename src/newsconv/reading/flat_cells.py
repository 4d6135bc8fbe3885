"""Recovering the cells of a table whose cell borders were flattened to single spaces.

A pasted table often arrives as one line per row with every cell boundary turned into a
plain space (the seed's "المحور الدور الروسي القطري").  No single line says where its cells
end, so the split is decided for the whole block: every gap between two words gets a score
from what the words are (a conjunction or an agreeing adjective continues a phrase; a
preposition cannot end a cell; a number starts its own cell; a definite label followed by
an indefinite verbal noun starts a description), and the block is accepted only when the
rows agree on the same number of columns with clear boundaries.  Otherwise ``None``: the
caller keeps the lines as paragraphs rather than invent cells.
"""
from __future__ import annotations

import re
from typing import Optional, Sequence

# A figure, or the dash a table puts where it has none.  A minus may follow the digits: text
# pasted from a right-to-left page often shows -3 as "3-".
_NUMBER = re.compile(r"^[(\[]?[-+−]?[$€£¥]?[\d٠-٩۰-۹][\d٠-٩۰-۹.,٫٬:/]*[-−]?(?: ?[%٪€$£¥])?[)\]]?$|^[%٪][\d٠-٩۰-۹.,٫٬]+$"
                     r"|^[-–—]$")
# A score or a range set apart by spaces ("2 – 1", "( 2 – 1 )"): one figure, one cell.
_SCORE = re.compile(r"^\(?\s*[\d٠-٩۰-۹]+\s[-–—:]\s[\d٠-٩۰-۹]+\s*\)?$")
_DASHES = ("-", "–", "—")
_YEAR = re.compile(r"^(?:19|20)\d\d$|^[١۱][٩۹][٠-٩۰-۹]{2}$|^[٢۲][٠۰][٠-٩۰-۹]{2}$")
_UNITS = frozenset("% ٪ € $ £ ¥".split())
FUNCTION_WORDS = frozenset(
    "في من على إلى الى عن مع ب ل و أو او ثم حول بين عبر خلال لدى ضد نحو دون حتى أن إن التي الذي الذين اللذين "
    "به بها له لها فيه فيها منه منها عليه عليها ما لا لم لن قد كما بعد قبل عند كل بعض أي "
    "از به با در برای که تا و یا این آن را "
    "کے کی کا میں سے کو پر اور یا نے "
    "של את עם על אל מן ו "
    "the of and or in on at to for with by from a an as into "
    "de du des la le les et ou à en au aux sur par pour un une dans avec".split())
_ARABIC_DEFINITE = re.compile(r"^(?:و|ف|ب|ك)?(?:ال|لل)")
_NISBA_ENDINGS = ("ي", "ية", "يين", "يون", "يات")

MIN_ROWS = 3
_MAX_LABEL_WORDS = 4
_MIN_MEAN_SCORE = 0.9
_MIXED_ROWS = 2


def split_flat_table(lines: Sequence[str]) -> Optional[tuple[list[list[str]], int]]:
    """The rows of cells of the table that ``lines`` start with, and how many lines it takes;
    None when the lines do not read as a flattened table."""
    if len(lines) < MIN_ROWS:
        return None
    rows = [_words(line) for line in lines]
    if any(len(words) < 2 for words in rows):
        return None
    tables = [t for t in (_figure_columns(rows), _label_and_figures(rows)) if t]
    if tables:
        figures = max(tables, key=len)
        return figures, len(figures)
    described = _label_description(rows)
    return (described, len(described)) if described else None


def has_sentence_words(words: Sequence[str]) -> bool:
    """A preposition or conjunction among ``words`` (lowercased): the glue of a sentence, which
    table rows and captions lack (a one-letter word may head a column: "A" for goals against)."""
    return any(word in FUNCTION_WORDS and len(word) > 1 for word in words)


def figure_count(line: str) -> int:
    """How many of the line's words are figures (or a table's dash for none)."""
    return sum(1 for word in line.split() if _NUMBER.match(word))


def is_figure(word: str) -> bool:
    """A figure, a score or range ("2 – 1"), or the dash a table puts where it has none."""
    return bool(_NUMBER.match(word) or _SCORE.match(word))


def _words(line: str) -> list[str]:
    """The line's words, with what a space set apart kept together: a unit on its number ("-12 %",
    French style), a score's or range's figures ("2 – 1", "( 2 – 1 )"), and a dash between two
    names on the name before it ("Nantes – Rennes" is one cell, not a dash for a missing figure)."""
    words: list[str] = []
    raw = line.split()
    for index, word in enumerate(raw):
        following = raw[index + 1] if index + 1 < len(raw) else ""
        if word in _UNITS and words and is_figure(words[-1]):
            words[-1] += " " + word
        elif words and word in _DASHES and following and _SCORE.match(f"{words[-1]} {word} {following}".strip("()")):
            words[-1] += " " + word
        elif words and words[-1].endswith(tuple(_DASHES)) and _SCORE.match(f"{words[-1]} {word}".strip("()")):
            words[-1] += " " + word
        elif words and words[-1] == "(" and is_figure(word):
            words[-1] += " " + word
        elif word == ")" and words and is_figure(words[-1].lstrip("( ")):
            words[-1] += " " + word
        elif words and word in _DASHES and not is_figure(words[-1]) and following and not is_figure(following):
            words[-1] += " " + word
        else:
            words.append(word)
    return words


def _figure_columns(rows: list[list[str]]) -> Optional[list[list[str]]]:
    """Rows with the same shape of words and figures ("Renaissance 170 Pour", "Bordeaux 3,9 -12 %"):
    each figure is a cell, and so is each run of words between figures.  After an optional
    header row without figures, the table ends where the shape changes."""
    shapes = [_shape(words) for words in rows]
    start = 0 if "N" in shapes[0] else 1
    end = start
    while end < len(rows) and shapes[end] == shapes[start]:
        end += 1
    if "N" not in shapes[start] or end < MIN_ROWS or end - start < MIN_ROWS - 1:
        return None
    table = [_cells_by_shape(words) for words in rows[start:end]]
    if start:
        header = _split_header(rows[0], len(table[0]))
        if header is None:
            return None
        table.insert(0, header)
    return table


def _label_and_figures(rows: list[list[str]]) -> Optional[list[list[str]]]:
    """Rows of a label of a few words, whatever they hold ("6 أكتوبر", "العاصمة الإدارية"), then
    the same number of figures ("... 37 25"); after an optional header row without figures."""
    start = 0 if trailing_figures(rows[0]) else 1
    columns = trailing_figures(rows[start]) if start < len(rows) else 0
    end = start
    while end < len(rows) and columns and trailing_figures(rows[end]) == columns \
            and 1 <= len(rows[end]) - columns <= _MAX_LABEL_WORDS:
        end += 1
    if not columns or end < MIN_ROWS or end - start < MIN_ROWS - 1:
        return None
    table = [[_label(" ".join(words[:-columns])), *words[-columns:]] for words in rows[start:end]]
    if start:
        header = _split_header(rows[0], columns + 1)
        if header is None:
            return None
        table.insert(0, header)
    return table


def trailing_figures(words: list[str]) -> int:
    count = 0
    while count < len(words) and is_figure(words[-1 - count]):
        count += 1
    return count


def _label(text: str) -> str:
    """A label cell without the colon that set it apart from its figure ("Labour: 56")."""
    return text[:-1].rstrip() if text.endswith((":", "：")) and len(text) > 1 else text


def _shape(words: list[str]) -> tuple[str, ...]:
    """"N" for each figure and "T" for each run of other words, in order."""
    shape: list[str] = []
    for word in words:
        kind = "N" if is_figure(word) else "T"
        if kind == "N" or not shape or shape[-1] != "T":
            shape.append(kind)
    return tuple(shape)


def _cells_by_shape(words: list[str]) -> list[str]:
    cells: list[str] = []
    text_run = False
    for word in words:
        if is_figure(word):
            if text_run:
                cells[-1] = _label(cells[-1])
            cells.append(word)
            text_run = False
        elif text_run:
            cells[-1] += " " + word
        else:
            cells.append(word)
            text_run = True
    return cells


def _split_header(words: list[str], columns: int) -> Optional[list[str]]:
    """Group header words into ``columns`` cells at the best-scored gaps; one or two words short,
    the header leaves the first columns (the labels', a ranking's rank) untitled."""
    if columns - 2 <= len(words) < columns:
        return [""] * (columns - len(words)) + list(words)  # the label (and rank) columns untitled
    if len(words) < columns:
        return None
    if len(words) == columns:
        return list(words)
    gaps = sorted(range(1, len(words)), key=lambda g: -_gap_score(words, g))[: columns - 1]
    return _cut(words, sorted(gaps))


def _label_description(rows: list[list[str]]) -> Optional[list[list[str]]]:
    """Two-column tables of a short label and a longer description, in words: lines some of which
    hold figures and some not are sections and their figures, not a table's rows."""
    with_figures = sum(1 for words in rows if any(ch.isdigit() for word in words for ch in word))
    if min(with_figures, len(rows) - with_figures) >= _MIXED_ROWS:
        return None
    cuts = [_best_gap(words) for words in rows]
    scores = [score for _, score in cuts]
    confident = sum(1 for s in scores if s > 0)
    if sum(scores) / len(scores) < _MIN_MEAN_SCORE or confident < 0.75 * len(rows):
        return None
    if max(gap for gap, _ in cuts) > 6:
        return None  # labels are short; a long first "cell" means this is prose
    if any(words[gap - 1].endswith((":", "：")) for words, (gap, _) in zip(rows, cuts)):
        return None  # "أولاً: خط القاهرة": a numbered section's title, not a label cell
    return [_cut(words, [gap]) for words, (gap, _) in zip(rows, cuts)]


def _best_gap(words: list[str]) -> tuple[int, float]:
    """The gap that best ends the label cell, with its score (a short label is preferred)."""
    scored = [(gap, _gap_score(words, gap) - 0.25 * (gap - 1)) for gap in range(1, len(words))]
    return max(scored, key=lambda item: item[1])


def _gap_score(words: Sequence[str], gap: int) -> float:
    """How likely a cell boundary lies between ``words[gap-1]`` and ``words[gap]``."""
    before, after = words[gap - 1], words[gap]
    score = 0.0
    if before.lower() in FUNCTION_WORDS or before.endswith((",", "،", "-", "–")):
        score -= 3
    if after.lower() in FUNCTION_WORDS:
        score -= 1.5
    if after.startswith("وال"):
        score -= 3
    elif after.startswith("و") and len(after) > 3:
        score -= 1
    if _NUMBER.match(after) or _NUMBER.match(before):
        score += 1.5
    score += _arabic_phrase_score(before, after)
    score += _latin_phrase_score(before, after)
    if before.endswith(":"):
        score += 2
    if after.startswith(("(", "[")):
        score -= 2  # a bracketed unit or note belongs to the words before it
    if before.endswith((")", "]")):
        score += 2  # ... and ends their cell ("نسبة النجاح (%)")
    if _YEAR.match(after) and not _NUMBER.match(before):
        score -= 3  # a header's year belongs to the words it dates ("نسبة النجاح 2025")
    return score


def _arabic_phrase_score(before: str, after: str) -> float:
    """Definiteness: an adjective agrees with its noun, a construct state joins an indefinite
    noun to a definite one, and a definite label followed by an indefinite noun starts anew."""
    before_definite = bool(_ARABIC_DEFINITE.match(before))
    after_definite = bool(_ARABIC_DEFINITE.match(after))
    if after_definite and after.endswith(_NISBA_ENDINGS):
        return -2.0
    if after_definite and not before_definite and _is_arabic(before):
        return -2.0
    if before_definite and not after_definite and _is_arabic(after) and after not in FUNCTION_WORDS:
        return 2.0
    return 0.0


def _latin_phrase_score(before: str, after: str) -> float:
    if not (before[:1].isascii() and after[:1].isascii() and before[:1].isalpha() and after[:1].isalpha()):
        return 0.0
    if before[:1].islower() and after[:1].isupper():
        return 1.5
    return 0.0


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06FF" for ch in word)


def _cut(words: Sequence[str], gaps: Sequence[int]) -> list[str]:
    bounds = [0, *gaps, len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])]
