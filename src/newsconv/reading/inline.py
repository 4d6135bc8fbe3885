"""Inline markup to plain text and stand-off marks: one stage every reader shares.

A reader hands over a block's text either as markup typed by people (``**bold**``, ``*em*``,
``_em_``, `` `code` ``, ``[text](url)``, bare ``https://`` URLs: :func:`parse_markup`) or as
pieces of text each carrying the marks around it (the HTML reader's elements:
:func:`from_pieces`).  Either way the result is the model's plain text (whitespace collapsed,
NFC) and the marks over it, so the parsers of blocks never see markup.  Links are kept only to
http, https and mailto (anything else is dropped with a warning, its text kept).
"""
from __future__ import annotations

import logging
import re
import unicodedata
from typing import Iterable, Optional, Sequence

from ..model import Mark, safe_href

log = logging.getLogger("newsconv")

MarkKey = tuple[str, Optional[str]]  # (kind, href): what a piece of text is marked with

# Delimited spans, tried at each position in this order; a delimiter opens only before a
# non-space and closes only after one, and ``_`` only at a word's edge (snake_case stays).
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(\s*([^()\s]+(?:\([^()\s]*\)[^()\s]*)*)\s*\)")
_STRONG_EMPHASIS = re.compile(r"\*\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*\*|___(?=[^\s_])(.+?)(?<=[^\s_])___(?!\w)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__(?!\w)")
_EMPHASIS = re.compile(r"(?<!\d)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\d])|(?<!\w)_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w)")
_CODE = re.compile(r"`([^`\n]+)`")
_BARE_URL = re.compile(r"\bhttps?://[^\s<>\"«»]+")
# What ends a sentence after a URL, not the URL: closing punctuation of every script served.
_URL_TAIL = ".,;:!?،؛؟'\"”’»)]"
# Tried in this order; of spans starting at one place the first listed wins (***both*** before **strong**).
_PATTERNS = (("code", _CODE), ("link", _LINK), ("strong emphasis", _STRONG_EMPHASIS), ("strong", _STRONG),
             ("emphasis", _EMPHASIS))


def parse_markup(text: str) -> tuple[str, tuple[Mark, ...]]:
    """Plain text and marks of ``text`` typed with lightweight markup (see the module's doc)."""
    pieces = list(_pieces(text, frozenset()))
    return from_pieces(pieces)


def _pieces(text: str, around: frozenset) -> Iterable[tuple[str, frozenset]]:
    """``text`` as (piece, marks) pairs: the earliest delimited span wins, its inside parsed again."""
    while text:
        found = _earliest(text)
        if found is None:
            yield from _bare_urls(text, around)
            return
        kind, match = found
        yield from _bare_urls(text[:match.start()], around)
        if kind == "code":
            yield match.group(1), around | {("code", None)}
        elif kind == "link":
            label, href = match.group(1), match.group(2)
            if safe_href(href):
                yield from _pieces(label, around | {("link", href)})
            else:
                log.warning("dropped a link to %r: only http, https and mailto links are kept", href[:60])
                yield from _pieces(label, around)
        else:
            inner = next(group for group in match.groups() if group is not None)
            yield from _pieces(inner, around | {(name, None) for name in kind.split()})
        text = text[match.end():]


def _earliest(text: str) -> Optional[tuple[str, re.Match]]:
    best = None
    for kind, pattern in _PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[1].start()):
            best = (kind, match)
    return best


def _bare_urls(text: str, around: frozenset) -> Iterable[tuple[str, frozenset]]:
    """``text`` with each bare http(s) URL marked as a link to itself (the text is unchanged)."""
    if any(kind == "link" for kind, _ in around):
        yield text, around
        return
    done = 0
    for match in _BARE_URL.finditer(text):
        url = _trim_url(match.group())
        yield text[done:match.start()], around
        yield url, around | {("link", url)}
        done = match.start() + len(url)
    yield text[done:], around


def _trim_url(url: str) -> str:
    """The URL without the punctuation that ends the sentence around it; a ``)`` stays when the
    URL opened one (Wikipedia's ``..._(disambiguation)``)."""
    while url and url[-1] in _URL_TAIL:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def from_pieces(pieces: Sequence[tuple[str, frozenset]]) -> tuple[str, tuple[Mark, ...]]:
    """Join (piece, marks) pairs into the model's text, whitespace runs collapsed to one space
    and the ends stripped, NFC, with a mark for each stretch a key covers without a break."""
    chars: list[tuple[str, frozenset]] = []
    for piece, keys in pieces:
        for char in unicodedata.normalize("NFC", piece):
            if char.isspace():
                if chars and chars[-1][0] != " ":
                    chars.append((" ", keys))
            else:
                chars.append((char, keys))
    while chars and chars[-1][0] == " ":
        chars.pop()
    text = "".join(char for char, _ in chars)
    # A space between two pieces of one mark belongs to it; at a mark's edge it does not.
    marks: list[Mark] = []
    open_at: dict[MarkKey, int] = {}
    for index, (char, keys) in enumerate(chars + [("", frozenset())]):
        if char == " ":
            keys = chars[index - 1][1] & chars[index + 1][1]
        for key in list(open_at):
            if key not in keys:
                marks.append(Mark(key[0], open_at.pop(key), index, key[1]))
        for key in keys:
            open_at.setdefault(key, index)
    composed = unicodedata.normalize("NFC", text)
    if composed != text:  # pieces that compose across their edges: the marks no longer fit
        return composed, ()
    return text, tuple(sorted(marks, key=lambda m: (m.start, -m.end, m.kind)))


def with_part(marks: Iterable[Mark], part: int) -> tuple[Mark, ...]:
    return tuple(Mark(m.kind, m.start, m.end, m.href, part) for m in marks)
