"""The model as HTML5: semantic markup that browsers, CMSes and print lay out right-to-left.

Direction is stated, never guessed by the browser: ``<html lang dir>`` carries the
document's, and a block gets its own ``dir`` wherever it differs.  Inside a block, a run
of the opposite direction (a Latin name or URL in Arabic, a Hebrew quote in English) is
wrapped in ``<bdi>``, so the bidi algorithm cannot pull neighbouring punctuation and
numbers into it.  The markup is built from escaped strings (no HTML library), which keeps
``to-html`` fast and makes it plain that article text never becomes markup.
"""
from __future__ import annotations

import html
import logging
import re
import unicodedata
from typing import Optional

from .. import __version__
from ..model import Block, Document, Figure, Heading, List, Paragraph, Quote, Table, block_texts
from ..options import RenderOptions
from ..text.script import direction_of
from . import _html_blocks as html_blocks

log = logging.getLogger("newsconv")

STYLESHEET = """\
html { font-family: "Noto Serif", Amiri, "Noto Naskh Arabic", "Frank Ruhl Libre", "Noto Serif Hebrew", serif;
       font-size: 18px; line-height: 1.7; color: #111; background: #fff; }
:lang(ar), :lang(fa), :lang(ur) { font-family: Amiri, "Noto Naskh Arabic", "Noto Serif", serif; }
:lang(he) { font-family: "Frank Ruhl Libre", "Noto Serif Hebrew", "Noto Serif", serif; }
body { margin: 0; padding: 1.5rem; }
article { max-inline-size: 42rem; margin-inline: auto; overflow-wrap: break-word; }
h1, h2, h3 { line-height: 1.35; text-align: start; break-after: avoid; }
h1 { font-size: 1.6rem; margin-block: 0 1rem; }
h2 { font-size: 1.2rem; margin-block: 1.6rem 0.6rem; }
h3 { font-size: 1.07rem; margin-block: 1.3rem 0.5rem; }
p { margin-block: 0 0.9rem; text-align: start; orphans: 2; widows: 2; }
ul, ol { margin-block: 0 0.9rem; padding-inline-start: 2rem; }
li { margin-block-end: 0.3rem; }
table { border-collapse: collapse; margin-block: 1rem; inline-size: 100%; }
th, td { border: 1px solid #888; padding-block: 0.3rem; padding-inline: 0.6rem; text-align: start;
         vertical-align: top; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
@page { margin: 2cm; }
@media print { html { font-size: 14pt; } body { padding: 0; } article { max-inline-size: none; } }
"""

# Characters HTML cannot carry at all (the parser reports them as errors): C0/C1 controls
# other than whitespace, lone surrogates and noncharacters.
_UNREPRESENTABLE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                              "\U0001fffe\U0001ffff\U0010fffe\U0010ffff]")
_RTL_CLASSES = frozenset({"R", "AL"})
_NUMBER_CLASSES = {"rtl": frozenset({"EN"}), "ltr": frozenset({"EN", "AN"})}
_NUMERAL_STYLES = {"latin": "decimal", "arabic-indic": "arabic-indic", "persian": "persian"}


def write(document: Document, options: RenderOptions) -> bytes:
    """The document as a standalone HTML5 page, or only its ``<article>`` with ``options.fragment``."""
    if options.fragment:
        return (_article(document, _direction_attrs(document)) + "\n").encode("utf-8")
    return _page(document, options).encode("utf-8")


def _page(document: Document, options: RenderOptions) -> str:
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_escape(options.title or document.title or _fallback_title(document))}</title>",
        f'<meta name="generator" content="newsconv {__version__}">',
    ]
    for author in [options.author] if options.author else document.meta.authors:
        head.append(f'<meta name="author" content="{_escape_attr(author)}">')
    if options.date or document.meta.date:
        head.append(f'<meta name="dcterms.date" content="{_escape_attr(options.date or document.meta.date)}">')
    head += filter(None, [html_blocks.json_ld(document, options.title or document.title, options.author, options.date)])
    head.append(f"<style>\n{STYLESHEET}</style>")
    head.append(f"<style>\n{html_blocks.STYLESHEET}</style>")
    return "\n".join([
        "<!DOCTYPE html>",
        f"<html{_direction_attrs(document)}>",
        "<head>", *head, "</head>",
        "<body>", _article(document, ""), "</body>",
        "</html>",
    ]) + "\n"


def _direction_attrs(document: Document) -> str:
    return f' lang="{_escape_attr(document.lang)}" dir="{document.dir}"'


def _fallback_title(document: Document, limit: int = 80) -> str:
    """A title for a document without a level-1 heading: the start of its first text."""
    first = next((b for b in document.blocks if isinstance(b, (Heading, Paragraph))), None)
    if first is None:
        return ""
    if len(first.text) <= limit:
        return first.text
    return first.text[:limit].rsplit(" ", 1)[0] + "…"


def _article(document: Document, attrs: str) -> str:
    blocks = html_blocks.with_header(document, [_block(block, document.dir) for block in document.blocks])
    return "\n".join([f"<article{attrs}>", *blocks, "</article>"])


def _block(block: Block, document_dir: str) -> str:
    direction = block.dir or document_dir
    return BLOCK_WRITERS[type(block)](block, direction, _block_dir_attr(block, direction, document_dir))


def _heading(block: Heading, direction: str, attr: str) -> str:
    return f"<h{block.level}{attr}>{html_blocks.marked(block.text, block.marks, direction)}</h{block.level}>"


def _paragraph(block: Paragraph, direction: str, attr: str) -> str:
    return f"<p{attr}>{html_blocks.marked(block.text, block.marks, direction)}</p>"


def _block_dir_attr(block: Block, direction: str, document_dir: str) -> str:
    """``dir`` where the block's direction differs from the document's, and also where its
    letters alone would suggest the other direction, so that no reader has to guess."""
    by_letters = direction_of(" ".join(block_texts(block)), direction)
    return f' dir="{direction}"' if direction != document_dir or by_letters != direction else ""


def _list(block: List, direction: str, attr: str) -> str:
    tag = "ol" if block.ordered else "ul"
    style = _NUMERAL_STYLES.get(block.numerals) if block.ordered else None
    if style:
        attr += f' style="list-style-type: {style}"'
    items = "".join(f"<li>{_marked_part(block, index, direction)}</li>" for index, item in enumerate(block.items))
    return f"<{tag}{attr}>{items}</{tag}>"


def _table(block: Table, direction: str, attr: str) -> str:
    parts = [f"<table{attr}>"]
    if block.header:
        cells = "".join(f'<th scope="col">{_marked_part(block, index, direction)}</th>'
                        for index in range(len(block.header)))
        parts.append(f"<thead><tr>{cells}</tr></thead>")
    parts.append("<tbody>")
    part = len(block.header)
    for row in block.rows:
        parts.append("<tr>" + "".join(f"<td>{_marked_part(block, part + index, direction)}</td>"
                                      for index in range(len(row))) + "</tr>")
        part += len(row)
    parts.append("</tbody></table>")
    return "\n".join(parts)


# Every kind of block and the function that writes it (tests check that no kind is missing).
BLOCK_WRITERS = {Heading: _heading, Paragraph: _paragraph, List: _list, Table: _table,
                 Quote: html_blocks.quote, Figure: html_blocks.figure}


def _marked_part(block: Block, part: int, direction: str) -> str:
    """Text number ``part`` of a block (a list item, a table cell) with its marks."""
    return html_blocks.marked(block_texts(block)[part], html_blocks.part_marks(block.marks, part), direction)


def _inline(text: str, direction: str) -> str:
    """Escaped text with each run of the opposite direction isolated in ``<bdi>``."""
    text = _representable(text)
    opposite = "ltr" if direction == "rtl" else "rtl"
    out, done = [], 0
    for start, end in opposite_runs(text, direction):
        out.append(html.escape(text[done:start], quote=False))
        out.append(f'<bdi dir="{opposite}">{html.escape(text[start:end], quote=False)}</bdi>')
        done = end
    out.append(html.escape(text[done:], quote=False))
    return "".join(out)


def opposite_runs(text: str, direction: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of ``text`` that read against ``direction``.

    A span runs from a strong letter of the other direction to the last such letter, or a
    number following it, before the next letter of ``direction``: exactly the stretch the
    Unicode bidi algorithm lays out the other way, so isolating it changes nothing inside
    it and only stops it from capturing its neighbours.  Bare numbers are left alone: they
    already read left to right, and isolating a range such as "2019 - 2020" would reverse it.
    """
    own = _RTL_CLASSES if direction == "rtl" else frozenset({"L"})
    foreign = frozenset({"L"}) if direction == "rtl" else _RTL_CLASSES
    numbers = _NUMBER_CLASSES[direction]
    spans: list[tuple[int, int]] = []
    start: Optional[int] = None
    end = 0
    for index, char in enumerate(text):
        kind = unicodedata.bidirectional(char)
        if kind in foreign:
            start = index if start is None else start
            end = index + 1
        elif kind in numbers and start is not None:
            end = index + 1
        elif kind in own and start is not None:
            spans.append((start, end))
            start = None
    if start is not None:
        spans.append((start, end))
    return spans


def _representable(text: str) -> str:
    cleaned, dropped = _UNREPRESENTABLE.subn("", text)
    if dropped:
        log.warning("HTML cannot carry control characters: dropped %d from %r", dropped, cleaned[:40])
    return cleaned


def _escape(text: str) -> str:
    return html.escape(_representable(text), quote=False)


def _escape_attr(text: str) -> str:
    return html.escape(_representable(text), quote=True)
