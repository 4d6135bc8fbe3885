"""Hypothesis strategies for documents built from the model's types, shared by property tests."""
from __future__ import annotations

from hypothesis import strategies as st

from newsconv.model import Document, Heading, List, Paragraph, Table

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


BLOCK = st.one_of(
    st.builds(Heading, level=st.integers(1, 3), text=TEXT, dir=DIRECTION),
    st.builds(Paragraph, text=TEXT, dir=DIRECTION),
    st.builds(List, ordered=st.booleans(), items=st.lists(TEXT, min_size=1, max_size=5).map(tuple), dir=DIRECTION,
              numerals=st.sampled_from([None, "latin", "arabic-indic", "persian"])),
    _table(st.integers(1, 4)),
)
DOCUMENT = st.builds(Document, lang=st.sampled_from(["ar", "fa", "ur", "he", "en", "fr"]),
                     dir=st.sampled_from(["rtl", "ltr"]), blocks=st.lists(BLOCK, min_size=1, max_size=8).map(tuple))
