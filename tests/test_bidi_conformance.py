"""Unicode's own bidi conformance files, every case, through the path the PDF lines take:
``embedding_levels`` on the paragraph, then ``visual_runs`` on the line (rules L1 and L2).

The files (Unicode 15.0, with Unicode's licence) are vendored compressed under
tests/data/unicode.  A paragraph whose direction the test leaves to the algorithm ("auto")
gets it from ``first_strong_direction`` (rules P2 and P3), as a reader would.
"""
from __future__ import annotations

import lzma
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsconv.text.bidi import direction_runs, embedding_levels, visual_runs
from newsconv.text.script import first_strong_direction

DATA = Path(__file__).parent / "data" / "unicode"

# One character per bidi class for BidiTest.txt (none of them a paired bracket).
CLASS_CHAR = {
    "L": "a", "R": "\u05d0", "AL": "\u0627", "EN": "1", "ES": "+", "ET": "$", "AN": "\u0660",
    "CS": ",", "NSM": "\u0300", "BN": "\u00ad", "B": "\u2029", "S": "\t", "WS": " ", "ON": "!",
    "LRE": "\u202a", "RLE": "\u202b", "PDF": "\u202c", "LRO": "\u202d", "RLO": "\u202e",
    "LRI": "\u2066", "RLI": "\u2067", "FSI": "\u2068", "PDI": "\u2069",
}


def _lines(name: str):
    with lzma.open(DATA / f"{name}.txt.xz", "rt", encoding="utf-8") as handle:
        yield from enumerate(handle, 1)


def character_cases():
    """(line, text, direction, paragraph level, levels, order) of BidiCharacterTest.txt."""
    for number, line in _lines("BidiCharacterTest"):
        if line.startswith("#") or not line.strip():
            continue
        codes, direction, paragraph, levels, order = line.rstrip("\n").split(";")
        yield (number, "".join(chr(int(code, 16)) for code in codes.split()), ("ltr", "rtl", "auto")[int(direction)],
               int(paragraph), levels.split(), [int(index) for index in order.split()])


def class_cases():
    """(line, text, direction, None, levels, order) of BidiTest.txt, one per direction it lists."""
    levels = order = None
    for number, line in _lines("BidiTest"):
        line = line.split("#", 1)[0].strip()
        if line.startswith("@Levels:"):
            levels = line.split(":", 1)[1].split()
        elif line.startswith("@Reorder:"):
            order = [int(index) for index in line.split(":", 1)[1].split()]
        elif line and not line.startswith("@"):
            classes, bits = line.split(";")
            text = "".join(CLASS_CHAR[kind] for kind in classes.split())
            for bit, direction in ((1, "auto"), (2, "ltr"), (4, "rtl")):
                if int(bits, 16) & bit:
                    yield number, text, direction, None, levels, order


def failure(text: str, direction: str, paragraph, levels: list[str], order: list[int]):
    """None when the case passes, else what went wrong."""
    rtl = first_strong_direction(text, "ltr") == "rtl" if direction == "auto" else direction == "rtl"
    if paragraph is not None and paragraph != int(rtl):
        return f"paragraph level {int(rtl)}"
    got = embedding_levels(text, rtl)
    kept = [index for index, level in enumerate(levels) if level != "x"]
    if [got[index] for index in kept] != [int(levels[index]) for index in kept]:
        return f"levels {list(got)}"
    seen = [index for run in visual_runs(got, 0, len(text))
            for index in (reversed(range(run.start, run.end)) if run.rtl else range(run.start, run.end))]
    shown = [index for index in seen if levels[index] != "x"]
    return None if shown == order else f"order {shown}"


@pytest.mark.parametrize("cases", [character_cases, class_cases], ids=["BidiCharacterTest", "BidiTest"])
def test_every_case_of_unicodes_bidi_test_files_passes(cases):
    results = [(number, direction, failure(text, direction, paragraph, levels, order))
               for number, text, direction, paragraph, levels, order in cases()]
    failures = [result for result in results if result[2]]
    assert len(results) > 90_000
    assert failures == [], f"{len(failures)} of {len(results)} cases fail, e.g. {failures[:5]}"


@pytest.mark.parametrize("text", [
    "\u2067" * 200 + "abc", "\u202b\u202d" * 100 + "\u05d0", "\u2069\u202c\u2069 ab", "(\u2068[)\u2069]",
    "a\ud800\u05d0", "\x00\u05d0\U0010ffff", "\u2029\u05d0\n\rb\x1c",
])
def test_no_control_sequence_breaks_the_algorithm(text):
    for rtl in (False, True):
        levels = embedding_levels(text, rtl)
        assert len(levels) == len(text)
        indices = [i for run in visual_runs(levels, 0, len(text)) for i in range(run.start, run.end)]
        assert sorted(indices) == list(range(len(text)))


def test_rule_l1_applies_at_each_line_end_not_only_the_paragraphs():
    text = "abc אב גד"  # the space between the Hebrew words is right to left inside the paragraph...
    levels = embedding_levels(text, False)
    assert list(levels) == [0, 0, 0, 0, 1, 1, 1, 1, 1]
    # ... but ending a line it goes back to the paragraph's level, at the right end of the line.
    assert visual_runs(levels, 0, 7) == [(0, 4, 0), (4, 6, 1), (6, 7, 0)]
    assert visual_runs(levels, 7, 9) == [(7, 9, 1)]


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.one_of(st.characters(), st.sampled_from("\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d"
                                                                "\u202e()[]אبa1١ \u2029\t"))),
       rtl=st.booleans(), cut=st.integers(0, 60))
def test_any_text_gets_a_level_per_character_and_lines_that_are_permutations(text, rtl, cut):
    levels = embedding_levels(text, rtl)
    assert len(levels) == len(text) and all(level >= int(rtl) for level in levels)
    cut = min(cut, len(text))
    for start, end in ((0, cut), (cut, len(text))):
        shown = [i for run in visual_runs(levels, start, end) for i in range(run.start, run.end)]
        assert sorted(shown) == list(range(start, end))
    runs = direction_runs(text, rtl)
    assert [i for run in runs for i in range(run.start, run.end)] == list(range(len(text)))
