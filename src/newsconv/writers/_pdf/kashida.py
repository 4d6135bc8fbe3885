"""Kashida justification (``justify = "kashida"``): Arabic lines stretched by elongating
the joins between letters with the font's tatweel, where the W3C's Arabic layout
requirements allow it, before any space is widened.

Which joins, in the order an Arabic compositor uses them (alreq, "Justification"): after an
initial or medial seen or sad; before a final teh marbuta, heh or dal; before a final alef,
tah, lam or kaf; before a final reh or waw; before a final beh, noon or yeh; then any join.
One join per word, the best it has, so that the stretch spreads over the line.  Never inside
lam-alef (a ligature a tatweel would break), never next to a letter that does not join on that
side, never inside a run of marks.  The tatweels are drawn but stand for no text, so copying
the line gives back the article's letters unchanged.
"""
from __future__ import annotations

from typing import Callable

ARABIC_LETTER = frozenset(chr(c) for c in range(0x0620, 0x064B)) | frozenset(chr(c) for c in range(0x066E, 0x06D4))
TATWEEL = "\u0640"
# Letters that join only to the letter before them (right-joining) or to none.
_JOINS_NOT_AFTER = frozenset("اأإآٱءدذرزوؤةىژڈڑےۀۃۄۅۆۇۈۉۊۋۍۏ") - frozenset("ى")
_ALEFS = frozenset("اأإآٱ")
_PRIORITIES = (
    (lambda before, after, final: before in "سشصض", 6),
    (lambda before, after, final: final and after in "ةهدذ", 5),
    (lambda before, after, final: final and after in "اأإآطظلكگک", 4),
    (lambda before, after, final: final and after in "رزوؤژ", 3),
    (lambda before, after, final: final and after in "بتثنيىئپ", 2),
)
# At most this many tatweels at one join: more looks like a typing error, not justification.
MOST_PER_JOIN = 3


def kashida_places(text: str, start: int, end: int) -> list[int]:
    """Where tatweels may go in ``text[start:end]``: for each word with a join allowed, the index
    before which its best join's tatweel is inserted, best words first."""
    places: list[tuple[int, int]] = []  # (priority, index)
    word_start = start
    for index in range(start, end + 1):
        if index == end or text[index] == " ":
            best = _best_join(text, word_start, index)
            if best is not None:
                places.append(best)
            word_start = index + 1
    return [index for _, index in sorted(places, key=lambda place: -place[0])]


def _best_join(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(priority, index) of the word ``text[start:end]``'s best join, the last of equals."""
    letters = [i for i in range(start, end) if text[i] in ARABIC_LETTER]
    best = None
    for before, after in zip(letters, letters[1:]):
        between = text[before + 1:after]
        if any(ch not in _MARKS for ch in between) or text[before] in _JOINS_NOT_AFTER:
            continue  # not one join (another character between), or a letter that does not join on
        if text[before] == "ل" and text[after] in _ALEFS:
            continue  # lam-alef
        final = after == letters[-1] and _ends_word(text, after, end)
        priority = next((p for test, p in _PRIORITIES if test(text[before], text[after], final)), 1)
        if best is None or priority >= best[0]:
            best = (priority, after)
    return best


def _ends_word(text: str, index: int, end: int) -> bool:
    return all(ch in _MARKS for ch in text[index + 1:end])


_MARKS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E9),
                                    *range(0x06EA, 0x06EE)))


def share_out(count: int, places: list[int]) -> dict[int, int]:
    """``count`` tatweels over ``places`` (best first), evenly, at most MOST_PER_JOIN at one."""
    shares: dict[int, int] = {}
    if not places:
        return shares
    per_place, rest = divmod(count, len(places))
    for rank, place in enumerate(places):
        share = min(MOST_PER_JOIN, per_place + (1 if rank < rest else 0))
        if share:
            shares[place] = share
    return shares


def with_tatweels(text: str, shares: dict[int, int], extend: Callable[[int, int], None]) -> tuple[str, frozenset[int]]:
    """``text`` with ``shares[i]`` tatweels inserted before index ``i``, and the indices of the
    inserted characters in the new text; ``extend(position, count)`` is called for each insertion
    so that per-character lists (levels, fonts) can follow."""
    pieces, inserted, done, shift = [], set(), 0, 0
    for place in sorted(shares):
        count = shares[place]
        pieces.append(text[done:place])
        pieces.append(TATWEEL * count)
        inserted.update(range(place + shift, place + shift + count))
        extend(place + shift, count)
        shift += count
        done = place
    pieces.append(text[done:])
    return "".join(pieces), frozenset(inserted)
