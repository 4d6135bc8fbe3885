"""Parsing never raises on any text and never loses a letter or a digit."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from newsconv.model import Heading, List, Paragraph, Table, block_texts
from newsconv.reading.article import parse_text

PASTE = st.text(st.sampled_from(list("ab XYé ابت سلام پ ٹ ש 19٣۴ .,:؟-–•*·|#\t\n\n\n  ()")), max_size=400)
# A number followed by its punctuation at the start of a line is a list marker, which the model drops:
# with a space after it, or straight before a letter (not a small Latin one after a hyphen: "5-year");
# after a colon, with a space and no figure ("1: ...", but "2: 1" is a score).
NUMBER = r"(?:[0-9]{1,3}|[٠-٩]{1,3}|[۰-۹]{1,3})"
NUMBER_MARKER = re.compile(rf"^[ \t]*(?:(?:\({NUMBER}[ \t]*\)|{NUMBER}[ \t]*[.)۔])(?:[ \t]+(?=\S)|(?=[^\W\d_]))"
                           rf"|{NUMBER}[ \t]*[\-–](?:[ \t]+(?=\S)|(?=(?![a-z])[^\W\d_]))"
                           rf"|{NUMBER}[ \t]*:[ \t]+(?=[^\d\s]))", re.MULTILINE)


def alphanumerics(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def model_text(document) -> str:
    return " ".join(text for block in document.blocks for text in block_texts(block))


@given(PASTE)
def test_parsing_never_raises_and_keeps_every_letter_and_digit_in_order(text):
    document = parse_text(text)
    assert alphanumerics(model_text(document)) == alphanumerics(NUMBER_MARKER.sub("", text))


@given(PASTE)
def test_texts_obey_the_contract(text):
    for block in parse_text(text).blocks:
        for piece in block_texts(block):
            assert piece == " ".join(piece.split()) == unicodedata.normalize("NFC", piece)
        if isinstance(block, (Heading, Paragraph, List)):
            assert all(block_texts(block))
        if isinstance(block, Heading):
            assert 1 <= block.level <= 3
        if isinstance(block, Table):
            assert block.rows
