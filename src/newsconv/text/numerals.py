"""Which digits an article's numbers are written in, and a number written in them.

Page numbers, list numbers and the placeholders of a house style's header and footer all
ask the same question, so it is answered here once: the house style's choice when it makes
one, else the digits the article itself uses most, else its language's usual ones.
"""
from __future__ import annotations

from typing import Iterable

from .languages import language
from .script import DIGITS


def article_numerals(texts: Iterable[str], lang: str) -> str:
    """The digits the texts write their numbers in (most used), or the language's usual ones."""
    counts = {name: 0 for name in DIGITS}
    for text in texts:
        for name, digits in DIGITS.items():
            counts[name] += sum(map(text.count, digits))
    best = max(counts, key=counts.get)
    return best if counts[best] else language(lang).digits


def number_in(numerals: str, number: int) -> str:
    """``number`` written with the digits ``numerals`` names."""
    return str(number).translate(str.maketrans("0123456789", DIGITS.get(numerals, DIGITS["latin"])))
