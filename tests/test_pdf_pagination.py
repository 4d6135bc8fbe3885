"""PDF pagination: what goes on which page, checked on glyph positions read back with pdfplumber
(every character inside the page box and inside the margins), not only on extracted text."""
from __future__ import annotations

import io
import re
from collections import Counter

import pdfplumber
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsconv
from newsconv import Document, Heading, List, Paragraph, Table
from newsconv.model import document_texts
from newsconv.style import DEFAULT_STYLE
from newsconv.writers._pdf.pages import paginate
from newsconv.writers._pdf.units import Unit

from strategies import TEXT, WORD

SLACK = 0.5  # points: rounding in the content stream and in pdfminer's glyph boxes
MARGIN = DEFAULT_STYLE.margin_top  # the default style's four margins are equal


def render(*blocks, lang: str = "en", direction: str = "ltr") -> bytes:
    return newsconv.render(Document(lang, direction, tuple(blocks)), "pdf")


def stray_glyphs(data: bytes) -> list[tuple[int, str]]:
    """(page, character) of every glyph outside its page box, or outside the margins for glyphs
    above the footer (the page number sits in the bottom margin)."""
    stray = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            for char in page.chars:
                footer = char["top"] > page.height - MARGIN
                low, high_x = (0.0, page.width) if footer else (MARGIN, page.width - MARGIN)
                high_y = page.height if footer else page.height - MARGIN
                slack = SLACK
                # pdfminer's box is the font's whole ascent and descent, not the ink: Amiri's (tall, for its
                # marks) reaches a little past a Hebrew or Latin line's leading, so a last line may poke its box,
                # never its letters, a quarter of the size into the bottom margin.
                below = SLACK + char["size"] * 0.25
                if (char["x0"] < low - slack or char["x1"] > high_x + slack or char["top"] < low - slack
                        or char["bottom"] > high_y + below
                        or min(char["x0"], char["top"]) < 0 or char["x1"] > page.width or char["bottom"] > page.height):
                    stray.append((number, char["text"]))
    return stray


def page_lines(data: bytes) -> list[list[str]]:
    """The text lines of every page, the page number dropped."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [[line["text"] for line in page.extract_text_lines(strip=True)
                 if line["top"] < page.height - MARGIN] for page in pdf.pages]


def words_of(data: bytes) -> list[str]:
    return [word for lines in page_lines(data) for line in lines for word in line.split()]


def test_a_4000_word_cell_is_read_back_whole_inside_the_pages():
    words = [f"w{n}" for n in range(4000)]
    data = render(Table(("Key", "Text"), (("a", " ".join(words)), ("b", "last row"))))
    assert stray_glyphs(data) == []
    found = words_of(data)
    assert [word for word in found if re.fullmatch(r"w\d+", word)] == words
    pages = page_lines(data)
    assert len(pages) > 3
    for lines in pages:  # the header row opens every page the row continues on
        assert lines[0].startswith("Key Text")
    assert pages[-1][-1] == "b last row"


def test_a_tall_arabic_cell_splits_with_its_column_on_the_right():
    cell = " ".join(["كلمة"] * 3000)
    data = render(Table(("المفتاح", "النص"), (("أ", cell),)), lang="ar", direction="rtl")
    assert stray_glyphs(data) == []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) > 2
        counts = [sum(char["text"] == "ك" for char in page.chars) for page in pdf.pages]
        first_column = [char for char in pdf.pages[1].chars if char["text"] == "أ"]
    assert sum(counts) == 3000 and all(counts)
    assert not first_column  # the first cell's single line stays on the first page


def test_paragraphs_split_across_pages_without_widows_or_orphans():
    """Paragraphs of 3 to 9 lines after fillers of every height: a paragraph that a page
    break cuts leaves at least two of its lines on each page, and nothing leaves the page."""
    for filler_lines in range(20, 30):
        blocks = [Paragraph(f"filler {n}") for n in range(filler_lines)]
        blocks += [Paragraph(" ".join(f"p{k}x{n}" for n in range(12 * (3 + k)))) for k in range(7)]
        data = render(*blocks)
        assert stray_glyphs(data) == []
        for lines in page_lines(data):
            owners = [re.match(r"p(\d+)x", line).group(1) for line in lines if line.startswith("p")]
            if owners:
                assert owners.count(owners[0]) >= 2 and owners.count(owners[-1]) >= 2, (filler_lines, owners)


def test_list_items_split_across_pages():
    item = " ".join(f"i{n}" for n in range(1500))
    data = render(List(True, (item, "second")))
    assert stray_glyphs(data) == []
    assert [word for word in words_of(data) if word.startswith("i")] == item.split()
    assert len(page_lines(data)) > 1


def test_a_heading_keeps_with_the_first_lines_of_the_next_block():
    filler = Paragraph("A line of running text that fills a single line of the page.")
    body = Paragraph(" ".join(["body"] * 60))
    for count in range(24, 31):
        data = render(*(filler,) * count, Heading(2, "Section heading"), body)
        for lines in page_lines(data):
            if "Section heading" in lines:
                at = lines.index("Section heading")
                assert lines[at + 1:at + 3] and all(line.startswith("body") for line in lines[at + 1:at + 3])


def test_huge_heading_huge_token_and_many_columns_stay_on_the_page():
    heading = Heading(1, " ".join(f"h{n}" for n in range(1500)))
    token = Paragraph("x" * 5000)
    wide = Table(tuple(f"c{n}" for n in range(60)), tuple(tuple(f"r{r}c{n}" for n in range(60)) for r in range(3)))
    tall_header = Table((" ".join(["head"] * 2000), "b"), (("x", "y"),))
    document = Document("en", "ltr", (heading, token, wide, tall_header))
    data = newsconv.render(document, "pdf")
    assert stray_glyphs(data) == []
    words = words_of(data)
    assert [w for w in words if re.fullmatch(r"h\d+", w)] == [f"h{n}" for n in range(1500)]
    lost = Counter("".join(document_texts(document)).replace(" ", "")) - Counter("".join(words))
    assert not lost
    assert words.count("head") == 2000  # a header taller than a quarter page is not repeated


def test_a_run_of_headings_longer_than_a_page_flows_on():
    data = render(*(Heading(3, f"heading {n}") for n in range(400)))
    assert stray_glyphs(data) == []
    assert sum(len(lines) for lines in page_lines(data)) == 400


# The paginator alone, on units of known heights: a frame of 10 lines of 1 point.

def units(*spec: tuple[int, bool]) -> list[Unit]:
    return [Unit(count, 1.0, lambda *_: None, keep_with_next=keep) for count, keep in spec]


def test_paginate_splits_a_unit_leaving_two_lines_on_each_side():
    first, second = units((7, False), (5, False))
    pages = list(paginate([first, second], 10.0))
    assert [[(p.unit is second, p.start, p.end) for p in page] for page in pages] == [
        [(False, 0, 7), (True, 0, 3)], [(True, 3, 5)]]
    first, second = units((8, False), (5, False))
    pages = list(paginate([first, second], 10.0))
    assert [[(p.unit is second, p.start, p.end) for p in page] for page in pages] == [
        [(False, 0, 8), (True, 0, 2)], [(True, 2, 5)]]


def test_paginate_moves_a_unit_rather_than_leave_a_widow_or_an_orphan():
    first, second = units((7, False), (3, False))
    pages = list(paginate([first, second], 9.0))
    assert [[(p.unit is second, p.start, p.end) for p in page] for page in pages] == [
        [(False, 0, 7)], [(True, 0, 3)]]
    first, second = units((8, False), (4, False))
    pages = list(paginate([first, second], 9.0))
    assert [[(p.unit is second, p.start, p.end) for p in page] for page in pages] == [
        [(False, 0, 8)], [(True, 0, 4)]]


def test_paginate_keeps_a_heading_with_the_next_lines_and_repeats_a_header():
    filler, heading, body = units((8, False), (1, True), (6, False))
    header = Unit(1, 1.0, lambda *_: None, keep_with_next=True)
    row = Unit(25, 1.0, lambda *_: None, repeat=header)
    pages = list(paginate([filler, heading, body, header, row], 10.0))
    assert [(p.unit is heading) for p in pages[0]] == [False]
    assert [p.unit for p in pages[1]][:2] == [heading, body]
    assert all(page[0].unit is header for page in pages[2:])
    assert sum(p.end - p.start for page in pages for p in page if p.unit is row) == 25
    assert all(sum(p.unit.height(p.end - p.start) for p in page) <= 10.0 for page in pages)


def test_paginate_gives_a_page_for_an_empty_document():
    assert list(paginate([], 10.0)) == [[]]


def test_paginate_a_chain_of_keeps_longer_than_a_page_fills_pages():
    """Pages fill while the rest of the chain is taller than a page; the last page's worth is kept together."""
    chain = units(*[(1, True)] * 35)
    pages = list(paginate(chain, 10.0))
    assert [len(page) for page in pages] == [10, 10, 5, 10]


# Generated documents: big cells, long paragraphs, many rows, in every script.

LONG_TEXT = st.lists(WORD, min_size=50, max_size=400).map(" ".join)
BIG_BLOCK = st.one_of(
    st.builds(Paragraph, text=LONG_TEXT),
    st.builds(Heading, level=st.integers(1, 3), text=st.one_of(TEXT, LONG_TEXT)),
    st.builds(List, ordered=st.booleans(), items=st.lists(st.one_of(TEXT, LONG_TEXT), min_size=1, max_size=6)
              .map(tuple)),
    st.integers(1, 30).flatmap(lambda columns: st.builds(
        Table, header=st.one_of(st.just(()), st.tuples(*[TEXT] * columns)),
        rows=st.lists(st.tuples(*[TEXT] * columns), min_size=1, max_size=12).map(tuple))),
    st.builds(lambda big, rows: Table(("", ""), (big,) + rows), st.tuples(TEXT, LONG_TEXT),
              st.lists(st.tuples(TEXT, TEXT), max_size=20).map(tuple)),
)
BIG_DOCUMENT = st.builds(Document, lang=st.sampled_from(["ar", "fa", "ur", "he", "en", "fr"]),
                         dir=st.sampled_from(["rtl", "ltr"]), blocks=st.lists(BIG_BLOCK, min_size=1, max_size=4)
                         .map(tuple))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(BIG_DOCUMENT)
def test_no_glyph_of_any_document_leaves_the_page(document):
    assert stray_glyphs(newsconv.render(document, "pdf")) == []
