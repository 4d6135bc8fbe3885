"""Hypothesis strategies for documents built from the model's types, shared by property tests."""
from __future__ import annotations

import dataclasses

from hypothesis import strategies as st

from newsconv.model import Document, Figure, Heading, List, Mark, Meta, Paragraph, Quote, Table, block_texts

# Letters of every script newsconv serves, digits, punctuation and the odd mark or symbol.
ALPHABET = st.sampled_from(
    list("abcxyzABCXYZéèàçœ") + list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى") + list("پچژگکی") + list("ٹڈڑںےہھ")
    + list("אבגדהוזחטיכלמנסעפצקרשת") + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")
    + list(".,;:!?؟،«»()[]%-–/&<>\"'") + ["\u064b", "\u064e", "\u0651", "\u200c"])
WORD = st.text(ALPHABET, min_size=1, max_size=12)
TEXT = st.lists(WORD, min_size=1, max_size=12).map(" ".join)
DIRECTION = st.sampled_from([None, "rtl", "ltr"])


def _table(draw_columns):
    return draw_columns.flatmap(lambda n: st.builds(
        Table, header=st.one_of(st.just(()), st.tuples(*[TEXT] * n)),
        rows=st.lists(st.tuples(*[TEXT] * n), min_size=1, max_size=4).map(tuple), dir=DIRECTION))


V1_BLOCK = st.one_of(
    st.builds(Heading, level=st.integers(1, 3), text=TEXT, dir=DIRECTION),
    st.builds(Paragraph, text=TEXT, dir=DIRECTION),
    st.builds(List, ordered=st.booleans(), items=st.lists(TEXT, min_size=1, max_size=5).map(tuple), dir=DIRECTION,
              numerals=st.sampled_from([None, "latin", "arabic-indic", "persian"])),
    _table(st.integers(1, 4)),
)
BLOCK = st.one_of(
    V1_BLOCK,
    st.builds(Quote, text=TEXT, attribution=st.one_of(st.just(""), TEXT), dir=DIRECTION),
    st.builds(Figure, src=st.just(""), alt=st.one_of(st.just(""), TEXT), caption=TEXT,
              credit=st.one_of(st.just(""), TEXT), dir=DIRECTION),
)


@st.composite
def _marked(draw, block):
    """``block`` with a few marks on its texts (version 2 of the model)."""
    texts = block_texts(block)
    marks = []
    for _ in range(draw(st.integers(0, 3))):
        part = draw(st.integers(0, len(texts) - 1))
        if not texts[part]:
            continue
        start = draw(st.integers(0, len(texts[part]) - 1))
        end = draw(st.integers(start + 1, len(texts[part])))
        kind = draw(st.sampled_from(["strong", "emphasis", "code", "link"]))
        href = draw(st.sampled_from(["https://example.org/a?b=1", "mailto:desk@example.org"])) if kind == "link" else None
        if kind == "link" and any(m.kind == "link" and m.part == part and m.start < end and start < m.end
                                  for m in marks):
            continue  # a character links to one place (MODEL.md)
        marks.append(Mark(kind, start, end, href, part))
    return dataclasses.replace(block, marks=tuple(marks))


MARKED_BLOCK = BLOCK.flatmap(_marked)
META = st.builds(Meta, title=st.one_of(st.none(), TEXT), authors=st.lists(TEXT, max_size=2).map(tuple),
                 date=st.sampled_from([None, "2024-05-12", "2025-11-29T09:12:00+03:00"]),
                 section=st.one_of(st.none(), TEXT), keywords=st.lists(WORD, max_size=3).map(tuple),
                 byline=st.lists(TEXT, max_size=2).map(tuple), dateline=st.one_of(st.none(), TEXT))
DOCUMENT = st.builds(Document, lang=st.sampled_from(["ar", "fa", "ur", "he", "en", "fr"]),
                     dir=st.sampled_from(["rtl", "ltr"]), blocks=st.lists(BLOCK, min_size=1, max_size=8).map(tuple))
DOCUMENT_V1 = st.builds(Document, lang=st.sampled_from(["ar", "fa", "ur", "he", "en", "fr"]),
                        dir=st.sampled_from(["rtl", "ltr"]), blocks=st.lists(V1_BLOCK, min_size=1, max_size=8).map(tuple))
DOCUMENT_V2 = st.builds(Document, lang=st.sampled_from(["ar", "fa", "ur", "he", "en", "fr"]),
                        dir=st.sampled_from(["rtl", "ltr"]),
                        blocks=st.lists(MARKED_BLOCK, min_size=1, max_size=8).map(tuple), meta=META)
